package io.bandsmith.app.gui.model;

import java.nio.file.Path;

/** A project file that cannot be opened: corrupt, not a project, or written by a newer version. */
public final class ProjectFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProjectFormatException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
    }

    public ProjectFormatException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
    }
}
