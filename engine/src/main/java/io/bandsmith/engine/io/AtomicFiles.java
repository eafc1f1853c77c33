package io.bandsmith.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader never sees half a file: the content goes to a temporary file in the same folder,
 * which then replaces the target in one move. A failure leaves the old file untouched.
 */
public final class AtomicFiles {
    /** Temporary files being written now; a shutdown hook (Ctrl-C, SIGTERM) removes them. */
    private static final java.util.Set<Path> IN_FLIGHT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::removeInFlight, "atomic-files-cleanup"));
    }

    private AtomicFiles() {
    }

    private static void removeInFlight() {
        for (Path p : IN_FLIGHT) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort while the JVM exits
            }
        }
    }

    /** Whether a file name is one of this class's temporaries ({@code .NAME.RANDOM.tmp}). */
    public static boolean isTemporary(Path file) {
        String n = file.getFileName().toString();
        return n.startsWith(".") && n.endsWith(".tmp") && n.length() > 5;
    }

    /**
     * Removes the temporaries {@code .NAME.*.tmp} that an interrupted (killed) write of {@code target} left beside it,
     * for jobs that resume their own output. Returns how many were removed.
     */
    public static int removeStaleTemporariesOf(Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        String prefix = "." + absolute.getFileName() + ".";
        int removed = 0;
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && n.endsWith(".tmp") && !IN_FLIGHT.contains(p.toAbsolutePath())
                        && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean beside " + target + ": " + reason(e), e);
        }
        return removed;
    }

    /**
     * Removes the temporaries that an interrupted writer (SIGKILL, power loss) left in {@code dir}, for resumable jobs
     * that own the directory (hold its lock). Returns how many were removed.
     */
    public static int removeStaleTemporaries(Path dir) {
        int removed = 0;
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (isTemporary(p) && !IN_FLIGHT.contains(p.toAbsolutePath()) && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /** Something that writes the content to the given (temporary) path. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    public static void write(Path target, Writer writer) {
        requireWritableTarget(target);
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
            IN_FLIGHT.add(tmp);
            writer.writeTo(tmp);
            keepUsualPermissions(tmp, absolute);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            IN_FLIGHT.remove(tmp);
            tmp = null;
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException && dir != null && Files.isDirectory(dir)
                    ? "the folder " + dir + " does not accept new files (a system or read-only folder)" : reason(e);
            throw new UncheckedIOException("cannot write " + target + ": " + why, e);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                IN_FLIGHT.remove(tmp);
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the target is untouched either way
                }
            }
        }
    }

    /**
     * A path that can be written as a file: not empty, not a directory, no file where a folder of the path should be.
     * Checked before anything is written, so that the message says why instead of repeating the path.
     */
    public static void requireWritableTarget(Path target) {
        if (target == null || target.toString().isBlank()) {
            throw new InvalidInputException("an empty output path was given; name a file");
        }
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new InvalidInputException(target, "is not a file name");
        }
        if (Files.isDirectory(absolute)) {
            throw new InvalidInputException(target, "is a directory; name a file inside it");
        }
        for (Path p = absolute.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new InvalidInputException(target, "cannot be written: " + p + " is a file, not a folder");
                }
                if (!Files.isWritable(p) && p.equals(absolute.getParent())) {
                    throw new InvalidInputException(target, "cannot be written: the folder " + p
                            + " is not writable");
                }
                break;
            }
        }
    }

    /** The reason of a failed file operation in words (Java's own messages often repeat only the path). */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the folder does not exist or cannot be created";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.FileSystemException) {
            return "the file system refused (" + e.getClass().getSimpleName().replace("Exception", "") + ")";
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage().replace('\n', ' ');
    }

    /**
     * Temporary files are created readable by the owner only; the written file gets the permissions of the file it
     * replaces, or rw-r--r-- for a new one, like a file written directly.
     */
    private static void keepUsualPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        if (Files.exists(tmp)) {
            Files.setPosixFilePermissions(tmp, perms);
        }
    }

    public static void writeString(Path target, String content) {
        write(target, tmp -> Files.writeString(tmp, content));
    }
}
