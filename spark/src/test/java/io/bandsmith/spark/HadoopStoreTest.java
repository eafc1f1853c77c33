package io.bandsmith.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.models.dataset.Dataset;
import io.bandsmith.models.dataset.DatasetSpec;
import io.bandsmith.models.dataset.DatasetStore;

/**
 * The Hadoop FileSystem store (hdfs://, s3a:// on a cluster) exercised through Hadoop's local filesystem
 * (file:// URIs): atomic writes leave the content under the name and no temporary, and a dataset prepared through it
 * lists its missing shards as the local store does.
 */
class HadoopStoreTest {
    @TempDir
    Path dir;

    @Test
    void writesAtomicallyAndPreparesLikeTheLocalStore() throws Exception {
        DatasetStore store = new HadoopStore("file://" + dir.resolve("ds"));
        assertFalse(store.isFile("a.bin"));
        byte[] content = {1, 2, 3, 4, 5};
        store.write("a.bin", content);
        store.write("a.bin", content); // a second attempt of the same task replaces it
        assertTrue(store.isFile("a.bin"));
        assertArrayEquals(content, Files.readAllBytes(dir.resolve("ds").resolve("a.bin")));
        try (Stream<Path> files = Files.list(dir.resolve("ds"))) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))
                    .toList());
        }

        DatasetSpec spec = new DatasetSpec(5, 1.0, 0, 2, 100, 256.0, 7, 79);
        assertEquals(List.of(0, 1, 2), Dataset.prepare(store, spec, "exact", "test"));
        store.write(spec.shardName(1), content);
        assertEquals(List.of(0, 2), Dataset.prepare(store, spec, "exact", "test"));
        assertEquals(spec, Dataset.specOf(store));
        assertEquals(Files.readString(dir.resolve("ds").resolve(Dataset.METADATA)), store.readString(
                Dataset.METADATA));
    }
}
