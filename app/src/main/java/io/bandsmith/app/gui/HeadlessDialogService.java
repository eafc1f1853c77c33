package io.bandsmith.app.gui;

import java.nio.file.Path;
import java.util.Optional;

import io.bandsmith.app.gui.viewmodel.DialogService;

/**
 * The dialog service of a screenshot run: nobody is there to answer, so errors go to stderr, nothing is saved,
 * nothing is recovered, and no file is chosen.
 */
final class HeadlessDialogService implements DialogService {
    private volatile String lastError;

    @Override
    public SaveChoice askSaveChanges(String projectName) {
        return SaveChoice.DISCARD;
    }

    @Override
    public boolean askRecover(String description) {
        return false;
    }

    @Override
    public void showError(String title, String message) {
        lastError = title + ": " + message;
        System.err.println("bandsmith gui: " + lastError);
    }

    String lastError() {
        return lastError;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, FileKind kind) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, FileKind kind, String suggestedName) {
        return Optional.empty();
    }
}
