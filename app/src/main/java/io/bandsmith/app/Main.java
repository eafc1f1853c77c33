package io.bandsmith.app;

import io.bandsmith.app.cli.BandsmithCommand;

/**
 * Entry point of {@code ./bandsmith}: with no arguments it opens the workbench (or prints the command-line help when
 * the workbench is not available), otherwise it runs a subcommand.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // labels (Γ), units and messages are UTF-8 whatever the locale: in a POSIX/ASCII locale Java would print "?"
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                java.nio.charset.StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                java.nio.charset.StandardCharsets.UTF_8));
        System.exit(BandsmithCommand.run(args.length == 0 ? new String[] {"gui", "--help-without-display"} : args));
    }
}
