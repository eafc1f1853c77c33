package io.bandsmith.models.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.engine.solver.PlaneWaveSolver;

/**
 * Issue 18, defects 6 and 9: a resume checks every existing shard (readable, the right seeds) and computes the broken
 * ones again, and removes the temporaries an interrupted run left. Scaled down: 3 shards of 2 potentials.
 */
class DatasetResumeTest {
    private static final DatasetSpec SPEC = new DatasetSpec(6, 1.0, 300, 2, 100, 256.0, 7, 79);

    @TempDir
    Path dir;

    private List<String> generate() {
        List<String> notices = new ArrayList<>();
        Dataset.generate(dir, SPEC, PlaneWaveSolver.withDefaults(), "test", 2, (d, t, r, e) -> { }, () -> false,
                notices::add);
        return notices;
    }

    @Test
    void aTruncatedShardIsComputedAgain() throws Exception {
        generate();
        Dataset d = Dataset.open(dir);
        DatasetShard before = d.readShard(2);
        Files.write(dir.resolve(SPEC.shardName(2)), new byte[0]);
        Files.writeString(dir.resolve("." + SPEC.shardName(1) + ".12345.tmp"), "half a shard");
        assertEquals("unreadable or truncated", d.shardProblem(2));
        assertEquals(2, d.verifiedShards().size());

        List<String> notices = generate();
        assertTrue(notices.stream().anyMatch(n -> n.contains(SPEC.shardName(2))), notices.toString());
        assertTrue(notices.stream().anyMatch(n -> n.contains("temporary")), notices.toString());
        assertEquals(List.of(0, 1, 2), d.verifiedShards());
        DatasetShard after = d.readShard(2);
        // the regenerated shard is the same data: each sample is fixed by its seed
        assertEquals(before.seeds()[1], after.seeds()[1]);
        assertEquals(before.energies()[1][40][6], after.energies()[1][40][6], 1e-9);
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void aShardWithTheWrongSeedsIsComputedAgain() throws Exception {
        generate();
        Files.copy(dir.resolve(SPEC.shardName(0)), dir.resolve(SPEC.shardName(1)),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Dataset d = Dataset.open(dir);
        assertTrue(d.shardProblem(1).contains("seed"), d.shardProblem(1));
        List<String> notices = generate();
        assertEquals(1, notices.size(), notices.toString());
        assertNull(d.shardProblem(1));
        assertEquals(SPEC.seedStart() + 2, d.readShard(1).seeds()[0]);
    }
}
