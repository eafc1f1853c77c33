package io.bandsmith.engine.io;

import java.nio.file.Path;

/**
 * Bad user input (a file of the wrong shape, type or symmetry, a malformed argument). The message names the file
 * and the problem in one line and is meant to be shown to the user as is.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(Path file, String problem) {
        super((file == null ? "" : file + ": ") + problem);
    }

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
