package io.bandsmith.models.dataset;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.io.InvalidInputException;

/**
 * Where a dataset's files live: a local (or shared, mounted) directory, or — from the Spark module — a Hadoop
 * filesystem URI ({@code hdfs://}, {@code s3a://}). Serializable so that cluster tasks can write their shard
 * themselves. Every write is atomic: a reader (and a resuming run) sees a whole file or none.
 */
public interface DatasetStore extends Serializable {
    /** The directory or URI, for messages. */
    String location();

    /** Whether the file exists (as a complete, committed file). */
    boolean isFile(String name);

    /** The text of a file. */
    String readString(String name);

    /** Writes a file atomically (temporary file, then one move), replacing an existing one. */
    void write(String name, byte[] content);

    /** A local directory (created when missing). */
    static DatasetStore local(Path dir) {
        return new Local(dir.toAbsolutePath().toString());
    }

    /** The local store: plain files through {@link AtomicFiles}. */
    record Local(String directory) implements DatasetStore {
        public Path dir() {
            return Path.of(directory);
        }

        @Override
        public String location() {
            return directory;
        }

        @Override
        public boolean isFile(String name) {
            return Files.isRegularFile(dir().resolve(name));
        }

        @Override
        public String readString(String name) {
            try {
                return Files.readString(dir().resolve(name));
            } catch (IOException e) {
                throw new InvalidInputException(dir().resolve(name), "cannot read: " + e.getMessage());
            }
        }

        @Override
        public void write(String name, byte[] content) {
            try {
                Files.createDirectories(dir());
            } catch (IOException e) {
                throw new InvalidInputException(dir(), "cannot create directory: " + e.getMessage());
            }
            AtomicFiles.write(dir().resolve(name), tmp -> Files.write(tmp, content));
        }
    }
}
