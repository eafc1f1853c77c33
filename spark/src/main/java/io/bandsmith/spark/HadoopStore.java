package io.bandsmith.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.dataset.DatasetStore;

/**
 * A dataset directory on a Hadoop filesystem ({@code hdfs://}, {@code s3a://}, ...), used by the driver (metadata,
 * the list of finished shards) and by the tasks (each writes its own shard). Writes go to a hidden temporary file
 * beside the target and are then renamed: on HDFS the rename is atomic, so a reader or a resuming run never sees half
 * a shard; on S3 the rename is a copy, still never a partial object under the shard's name.
 */
record HadoopStore(String uri) implements DatasetStore {
    private FileSystem fs() throws IOException {
        return FileSystem.get(URI.create(uri), new Configuration());
    }

    private Path path(String name) {
        return new Path(uri.endsWith("/") ? uri + name : uri + "/" + name);
    }

    @Override
    public String location() {
        return uri;
    }

    @Override
    public boolean isFile(String name) {
        try {
            return fs().isFile(path(name));
        } catch (IOException e) {
            throw new InvalidInputException(uri + ": cannot list: " + e.getMessage());
        }
    }

    @Override
    public String readString(String name) {
        try (var in = fs().open(path(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(path(name) + ": cannot read: " + e.getMessage());
        }
    }

    @Override
    public void write(String name, byte[] content) {
        Path target = path(name);
        Path tmp = path("." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            FileSystem fs = fs();
            fs.mkdirs(target.getParent());
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(content);
            }
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(tmp, target)) {
                throw new IOException("rename " + tmp + " -> " + target + " failed");
            }
        } catch (IOException e) {
            try {
                fs().delete(tmp, false);
            } catch (IOException ignored) {
                // best effort: the target is whole or absent either way
            }
            throw new IllegalStateException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
