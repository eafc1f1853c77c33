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
            EnsembleCommand.class,
            CurvesCommand.class,
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
        // help and messages in UTF-8 whatever the locale (picocli would use the platform charset: Γ as "?")
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8),
                true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8),
                true));
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
            // a mistyped option is the cause, whatever picocli noticed first (often a required option "missing")
            String unknown = unknownOption(c, args);
            c.getErr().println(name + ": " + (unknown != null ? unknown : ex.getMessage()) + " (see: ./" + name
                    + " --help)");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** "Unknown option: '--potental' (did you mean --potential?)" for the first unknown option, or null. */
    static String unknownOption(CommandLine c, String[] args) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (CommandLine p = c; p != null; p = p.getParent()) {
            known.addAll(p.getCommandSpec().optionsMap().keySet());
        }
        java.util.Set<String> own = c.getCommandSpec().optionsMap().keySet();
        for (String a : args) {
            if (!a.startsWith("--") || a.length() == 2) {
                continue;
            }
            String opt = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (known.contains(opt)) {
                continue;
            }
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String o : own) {
                int d = editDistance(opt, o);
                if (o.startsWith("--") && d < bestDistance) {
                    bestDistance = d;
                    best = o;
                }
            }
            boolean close = best != null && (bestDistance <= Math.max(2, opt.length() / 4) || best.startsWith(opt));
            return "Unknown option: '" + opt + "'" + (close ? " (did you mean " + best + "?)" : "");
        }
        return null;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
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
