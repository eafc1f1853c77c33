package io.bandsmith.tests.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.bandsmith.app.cli.BandsmithCommand;
import picocli.CommandLine;

/** Runs the command line in process as a user types it; the exit status and what went to stderr. */
final class CliRun {
    record Result(int exit, String err) {
    }

    private CliRun() {
    }

    static Result run(String... args) {
        CommandLine cl = BandsmithCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, err.toString());
    }
}
