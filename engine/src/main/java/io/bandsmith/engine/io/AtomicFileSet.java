package io.bandsmith.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Files that belong together (the exports of one design) appear together or not at all: they are written into a
 * hidden staging folder next to their targets, then moved into place one after another in a few milliseconds. An
 * interrupt (Ctrl-C, SIGTERM) before the moves removes the staging folder and leaves no new file; an interrupt during
 * the moves waits for them to finish. {@link #state()} says which happened, for the interrupt message.
 */
public final class AtomicFileSet implements AutoCloseable {
    /** Where a set is. */
    public enum State { STAGING, MOVING, COMPLETE, ABANDONED }

    private final Path staging;
    private final Map<Path, Path> moves = new LinkedHashMap<>();
    private final CountDownLatch moved = new CountDownLatch(1);
    private final Thread hook;
    private volatile State state = State.STAGING;

    /** A set whose staging folder lies in the folder of {@code nearTarget} (so that moves stay on one file system). */
    public AtomicFileSet(Path nearTarget) {
        AtomicFiles.requireWritableTarget(nearTarget);
        Path dir = nearTarget.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            removeStale(dir, "." + nearTarget.getFileName() + ".set-");
            staging = Files.createTempDirectory(dir, "." + nearTarget.getFileName() + ".set-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + nearTarget + ": " + AtomicFiles.reason(e), e);
        }
        hook = new Thread(this::onShutdown, "atomic-file-set");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A path in the staging folder for {@code target}; write it there, {@link #commit} moves it. */
    public Path stage(Path target) {
        AtomicFiles.requireWritableTarget(target);
        Path staged = staging.resolve(moves.size() + "-" + target.getFileName());
        moves.put(staged, target);
        return staged;
    }

    /** The staging folder (writers that take a prefix write there; {@link #expect} registers their files). */
    public Path stagingFolder() {
        return staging;
    }

    /** Registers a file a writer put in the staging folder, to be moved to {@code target}. */
    public void expect(Path staged, Path target) {
        AtomicFiles.requireWritableTarget(target);
        moves.put(staged.toAbsolutePath(), target);
    }

    public State state() {
        return state;
    }

    /** Moves every staged file into place; returns the targets. */
    public List<Path> commit() {
        List<Path> targets = new ArrayList<>();
        synchronized (this) {
            if (state != State.STAGING) {
                throw new IllegalStateException("the file set was " + state.name().toLowerCase());
            }
            for (Path staged : moves.keySet()) {
                if (!Files.isRegularFile(staged)) {
                    throw new IllegalStateException("staged file " + staged + " was not written");
                }
            }
            state = State.MOVING;
        }
        try {
            for (Map.Entry<Path, Path> e : moves.entrySet()) {
                Path target = e.getValue().toAbsolutePath();
                try {
                    Files.move(e.getKey(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(e.getKey(), target, StandardCopyOption.REPLACE_EXISTING);
                }
                targets.add(e.getValue());
            }
            state = State.COMPLETE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the exports into place: " + AtomicFiles.reason(e), e);
        } finally {
            moved.countDown();
            deleteStaging();
        }
        return targets;
    }

    /** Removes what was staged and not committed. */
    @Override
    public void close() {
        synchronized (this) {
            if (state == State.STAGING) {
                state = State.ABANDONED;
            }
        }
        deleteStaging();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran
        }
    }

    private void onShutdown() {
        boolean wait;
        synchronized (this) {
            wait = state == State.MOVING;
            if (state == State.STAGING) {
                state = State.ABANDONED;
            }
        }
        if (wait) {
            try {
                moved.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteStaging();
    }

    /** Staging folders of the same export that a killed run (SIGKILL) left behind. */
    private static void removeStale(Path dir, String prefix) throws IOException {
        try (var entries = Files.list(dir)) {
            for (Path p : entries.filter(e -> e.getFileName().toString().startsWith(prefix)
                    && Files.isDirectory(e)).toList()) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }

    private void deleteStaging() {
        if (!Files.exists(staging)) {
            return;
        }
        try (var files = Files.walk(staging)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // best effort; a later run of the same export removes leftovers with AtomicFiles.removeStaleTemporaries
        }
    }
}
