package io.bandsmith.models.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.solver.PlaneWaveSolver;

class DatasetTest {
    @TempDir
    Path dir;

    private static final PlaneWaveSolver SOLVER = PlaneWaveSolver.withDefaults();
    private static final DatasetSpec SPEC = new DatasetSpec(5, 1.0, 100, 2, 100, 256.0, 7, 79);

    @Test
    void interruptedGenerationResumesWithoutLossOrDuplicates() {
        Path a = dir.resolve("interrupted");
        AtomicInteger shardsStarted = new AtomicInteger();
        // cancel after the first shard: the cancel flag is checked before each shard
        int first = Dataset.generate(a, SPEC, SOLVER, "test", 2, (d, t, r, e) -> { }, () -> shardsStarted
                .getAndIncrement() >= 1);
        assertEquals(2, first);
        assertEquals(1, Dataset.open(a).completeShards().size());
        int rest = Dataset.generate(a, SPEC, SOLVER, "test", 2, (d, t, r, e) -> { }, () -> false);
        assertEquals(3, rest, "only the missing samples are computed");
        Dataset resumed = Dataset.open(a);
        assertEquals(3, resumed.completeShards().size());

        Path b = dir.resolve("oneshot");
        Dataset.generate(b, SPEC, SOLVER, "test", 1, (d, t, r, e) -> { }, () -> false);
        Dataset oneShot = Dataset.open(b);
        for (int s = 0; s < SPEC.shardCount(); s++) {
            DatasetShard x = resumed.readShard(s);
            DatasetShard y = oneShot.readShard(s);
            assertArrayEquals(x.seeds(), y.seeds());
            for (int i = 0; i < x.size(); i++) {
                assertArrayEquals(x.masks()[i], y.masks()[i]);
                for (int q = 0; q < 79; q++) {
                    assertArrayEquals(x.energies()[i][q], y.energies()[i][q], 0.0, "deterministic per seed");
                }
            }
        }
        long[] allSeeds = new long[5];
        int c = 0;
        for (int s = 0; s < SPEC.shardCount(); s++) {
            for (long seed : resumed.readShard(s).seeds()) {
                allSeeds[c++] = seed;
            }
        }
        assertArrayEquals(new long[] {100, 101, 102, 103, 104}, allSeeds);
    }

    @Test
    void storedSamplesMatchTheirPotentialAndTheSolver() {
        Path d = dir.resolve("ds");
        Dataset.generate(d, SPEC, SOLVER, "test", 2, (x, t, r, e) -> { }, () -> false);
        Dataset ds = Dataset.open(d);
        DatasetShard shard = ds.readShard(1);
        PotentialGrid p = ds.potential(2);
        double[] v = p.valuesE0();
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i] != 0, shard.masks()[0][i], "packed mask bit " + i);
        }
        BandStructure b = SOLVER.compute(p, KPointSet.hexagonalWedgeWithCount(79), 7);
        assertArrayEquals(b.energies()[40], shard.energies()[0][40], 1e-12);
        assertEquals(b.highSymmetry("K").label(3).absM(), shard.hspLabels()[0][1][3]);
    }

    @Test
    void refusesADirectoryHoldingAnotherDataset() throws Exception {
        Path d = dir.resolve("other");
        Dataset.generate(d, new DatasetSpec(1, 1.0, 0, 1, 100, 256.0, 7, 79), SOLVER, "test", 1, (x, t, r, e) -> { },
                () -> false);
        assertThrows(InvalidInputException.class, () -> Dataset.generate(d, SPEC, SOLVER, "test", 1,
                (x, t, r, e) -> { }, () -> false));
        Files.writeString(d.resolve("metadata.json"), "{\"format\": \"something else\"}");
        assertTrue(assertThrows(InvalidInputException.class, () -> Dataset.open(d)).getMessage()
                .contains("not a Bandsmith dataset"));
    }
}
