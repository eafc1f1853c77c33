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
        System.exit(BandsmithCommand.run(args.length == 0 ? new String[] {"gui", "--help-without-display"} : args));
    }
}
