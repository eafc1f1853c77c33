package io.bandsmith.app.gui.viewmodel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.bandsmith.app.gui.model.Project;
import io.bandsmith.app.gui.model.ProjectFiles;
import io.bandsmith.app.gui.model.ProjectFormatException;
import io.bandsmith.engine.io.AtomicFiles;

/**
 * What the workbench keeps between runs, in one folder ({@code ~/.bandsmith}, or the system property
 * {@code bandsmith.stateDir}): the recent-files list and the autosave of the project being edited. Files are small
 * and written atomically; the autosave is written off the FX thread.
 */
public final class WorkbenchState {
    public static final int RECENT_LIMIT = 8;

    private final Path dir;

    public WorkbenchState(Path dir) {
        this.dir = dir;
    }

    public static WorkbenchState fromSystem() {
        String configured = System.getProperty("bandsmith.stateDir");
        Path dir = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".bandsmith");
        return new WorkbenchState(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path autosaveFile() {
        return dir.resolve("autosave" + ProjectFiles.EXTENSION);
    }

    private Path autosaveOriginFile() {
        return dir.resolve("autosave.origin");
    }

    private Path recentFile() {
        return dir.resolve("recent-files.txt");
    }

    public List<Path> recentFiles() {
        try {
            if (!Files.isRegularFile(recentFile())) {
                return List.of();
            }
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(recentFile())) {
                if (!line.isBlank()) {
                    out.add(Path.of(line.trim()));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts {@code file} first in the recent list; returns the new list. */
    public List<Path> addRecent(Path file) {
        List<Path> list = new ArrayList<>(recentFiles());
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > RECENT_LIMIT) {
            list.remove(list.size() - 1);
        }
        StringBuilder sb = new StringBuilder();
        list.forEach(p -> sb.append(p).append('\n'));
        try {
            AtomicFiles.writeString(recentFile(), sb.toString());
        } catch (RuntimeException e) {
            // the recent list is a convenience; failing to write it must not stop a save
        }
        return list;
    }

    /** Writes the autosave (atomic). {@code origin} is the project's file, if it has one. */
    public void writeAutosave(Project project, Path origin) {
        ProjectFiles.write(autosaveFile(), project);
        AtomicFiles.writeString(autosaveOriginFile(), origin == null ? "" : origin.toAbsolutePath().toString());
    }

    public void deleteAutosave() {
        try {
            Files.deleteIfExists(autosaveFile());
            Files.deleteIfExists(autosaveOriginFile());
        } catch (IOException e) {
            // best effort
        }
    }

    /** An autosaved project and the file it belongs to (empty when it was never saved). */
    public record Autosave(Project project, Optional<Path> origin) {
    }

    /** The autosave left by a run that did not close cleanly, if any and if readable. */
    public Optional<Autosave> findAutosave() {
        if (!Files.isRegularFile(autosaveFile())) {
            return Optional.empty();
        }
        try {
            Project p = ProjectFiles.read(autosaveFile());
            Optional<Path> origin = Optional.empty();
            if (Files.isRegularFile(autosaveOriginFile())) {
                String s = Files.readString(autosaveOriginFile()).trim();
                if (!s.isEmpty()) {
                    origin = Optional.of(Path.of(s));
                }
            }
            return Optional.of(new Autosave(p, origin));
        } catch (ProjectFormatException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
