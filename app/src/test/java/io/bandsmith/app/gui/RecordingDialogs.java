package io.bandsmith.app.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.bandsmith.app.gui.viewmodel.DialogService;

/** Scripted answers for view-model tests; records the errors shown. */
public final class RecordingDialogs implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public SaveChoice saveChoice = SaveChoice.CANCEL;
    public boolean recover = true;
    public Path nextFile;
    public int saveQuestions;

    @Override
    public SaveChoice askSaveChanges(String projectName) {
        saveQuestions++;
        return saveChoice;
    }

    @Override
    public boolean askRecover(String description) {
        return recover;
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
