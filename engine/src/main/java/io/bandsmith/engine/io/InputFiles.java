package io.bandsmith.engine.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checks every reader makes before opening a file, each failure one clear line naming the file. */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Requires an existing, readable regular file.
     *
     * @param what what the file should be ("file", "model file", "project file"), used in the messages
     * @throws InvalidInputException "FILE: is a directory, not a model file", "FILE: no such model file", ...
     */
    public static void requireReadable(Path file, String what) {
        if (file == null || file.toString().isEmpty()) {
            throw new InvalidInputException("an empty path was given where a " + what + " is needed");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file, "is a directory, not a " + what);
        }
        if (!Files.exists(file)) {
            throw new InvalidInputException(file, "no such " + what);
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException(file, "cannot be read (permission denied)");
        }
    }
}
