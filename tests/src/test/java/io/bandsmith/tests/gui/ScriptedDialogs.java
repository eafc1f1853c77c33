package io.bandsmith.tests.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.bandsmith.app.gui.viewmodel.DialogService;

/** Answers the workbench's questions in UI tests (no native file chooser, no modal alert). */
final class ScriptedDialogs implements DialogService {
    final List<String> errors = new CopyOnWriteArrayList<>();
    volatile Path nextFile;
    volatile SaveChoice saveChoice = SaveChoice.DISCARD;

    @Override
    public SaveChoice askSaveChanges(String projectName) {
        return saveChoice;
    }

    @Override
    public boolean askRecover(String description) {
        return false;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, FileKind kind) {
        return Optional.ofNullable(nextFile);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, FileKind kind, String suggestedName) {
        return Optional.ofNullable(nextFile);
    }
}
