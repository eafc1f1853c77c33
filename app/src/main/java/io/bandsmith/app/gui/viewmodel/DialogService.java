package io.bandsmith.app.gui.viewmodel;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What view models may ask of the user. The workbench implements it with JavaFX dialogs and file choosers
 * ({@code FxDialogService}); tests script the answers. View models never open a window themselves.
 */
public interface DialogService {
    /** The answer to "save changes?". */
    enum SaveChoice { SAVE, DISCARD, CANCEL }

    /** A file kind for choosers: a description and extensions such as "*.json". */
    record FileKind(String description, String... patterns) {
    }

    SaveChoice askSaveChanges(String projectName);

    /** Asks whether to restore an autosaved project; true restores it. */
    boolean askRecover(String description);

    void showError(String title, String message);

    Optional<Path> chooseFileToOpen(String title, FileKind kind);

    Optional<Path> chooseFileToSave(String title, FileKind kind, String suggestedName);

    /** Asks for a line of text (e.g. a picture size "1600x1000"); empty when cancelled. Tests take the default. */
    default Optional<String> askText(String title, String prompt, String initial) {
        return Optional.of(initial);
    }
}
