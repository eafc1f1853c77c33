package io.bandsmith.app.gui.view;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.bandsmith.app.gui.viewmodel.DialogService;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts and file choosers, owned by the workbench window. */
public final class FxDialogService implements DialogService {
    private final java.util.function.Supplier<Window> owner;
    private File lastFolder;

    public FxDialogService(java.util.function.Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public SaveChoice askSaveChanges(String projectName) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Save the changes to \"" + projectName + "\"?", save,
                discard, ButtonType.CANCEL);
        a.setHeaderText("Unsaved changes");
        a.initOwner(owner.get());
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == ButtonType.CANCEL) {
            return SaveChoice.CANCEL;
        }
        return r.get() == save ? SaveChoice.SAVE : SaveChoice.DISCARD;
    }

    @Override
    public boolean askRecover(String description) {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                "The workbench did not close cleanly. Restore the unsaved changes of " + description + "?", restore,
                discard);
        a.setHeaderText("Recover unsaved work");
        a.initOwner(owner.get());
        return a.showAndWait().map(b -> b == restore).orElse(false);
    }

    @Override
    public void showError(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.setHeaderText(title);
        a.initOwner(owner.get());
        a.showAndWait();
    }

    private FileChooser chooser(String title, FileKind kind) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.description(), kind.patterns()));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        File start = initialFolder(lastFolder == null ? null : lastFolder.toPath(), installation(), userFolder());
        if (start != null) {
            fc.setInitialDirectory(start);
        }
        return fc;
    }

    /**
     * Where a chooser starts: the last folder used, unless it lies inside the installation (the shipped examples),
     * else the user's folder; never the installation, which is where the process usually runs.
     */
    static File initialFolder(Path last, Path installation, Path user) {
        if (last != null && Files.isDirectory(last)
                && (installation == null || !last.toAbsolutePath().normalize().startsWith(installation))) {
            return last.toFile();
        }
        return user != null && Files.isDirectory(user) ? user.toFile() : null;
    }

    private static Path installation() {
        String home = System.getProperty("bandsmith.home");
        return home == null || home.isBlank() ? null : Path.of(home).toAbsolutePath().normalize();
    }

    /** The user's documents folder when there is one, else the home folder. */
    static Path userFolder() {
        Path home = Path.of(System.getProperty("user.home"));
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, FileKind kind) {
        File f = chooser(title, kind).showOpenDialog(owner.get());
        if (f != null) {
            lastFolder = f.getParentFile();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, FileKind kind, String suggestedName) {
        FileChooser fc = chooser(title, kind);
        fc.setInitialFileName(suggestedName);
        File f = fc.showSaveDialog(owner.get());
        if (f != null) {
            lastFolder = f.getParentFile();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(initial);
        d.setTitle(title);
        d.setHeaderText(title);
        d.setContentText(prompt);
        d.initOwner(owner.get());
        return d.showAndWait();
    }
}
