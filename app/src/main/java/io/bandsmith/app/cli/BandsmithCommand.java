package io.bandsmith.app.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

import io.bandsmith.engine.io.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command. Subcommands are one class each; they print the contract JSON (conventions.md) or write
 * files. Bad input ends in one line on stderr naming the file and the problem, and exit status 2.
 */
@Command(name = "bandsmith", mixinStandardHelpOptions = true, version = "Bandsmith 0.1.0",
        description = "Design periodic metamaterials with topological band structures.%n"
                + "Without a subcommand, opens the workbench.",
        subcommands = {
            SolveCommand.class,
            ClassifyCommand.class, ExploreCommand.class,
            GenerateCommand.class,
            DatasetCommand.class,
            TrainCommand.class,
            PredictCommand.class,
            EvaluateCommand.class,
            PhasemapCommand.class,
            DesignCommand.class,
            LossmapCommand.class,
            XasCommand.class,
            io.bandsmith.app.gui.GuiCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class BandsmithCommand implements Runnable {
    /** Exit status for bad input (file, shape, arguments). */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit status for an internal failure. */
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with the project's error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new BandsmithCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + userMessage(ex));
            err.flush();
            if (System.getenv("BANDSMITH_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return isBadInput(ex) ? EXIT_BAD_INPUT : EXIT_FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println(name + ": " + ex.getMessage() + " (see: ./" + name + " --help)");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static boolean isBadInput(Throwable ex) {
        return ex instanceof InvalidInputException || ex instanceof IllegalArgumentException
                || ex instanceof UncheckedIOException;
    }

    static String userMessage(Throwable ex) {
        String m = ex.getMessage();
        if (m == null || m.isBlank()) {
            m = ex.getClass().getSimpleName();
        }
        return m.replace('\n', ' ');
    }
}
