package io.bandsmith.models.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.solver.PlaneWaveSettings;
import io.bandsmith.engine.solver.PlaneWaveSolver;

/**
 * The pieces a cluster run shares with the local run (issue 16): a shard computed on its own and written through a
 * store is byte for byte the shard of a whole local run, whatever the thread count; preparing a store lists exactly
 * the missing shards and refuses other solver settings.
 */
class DatasetReproducibilityTest {
    @TempDir
    Path dir;

    private static final PlaneWaveSolver SOLVER = new PlaneWaveSolver(PlaneWaveSettings.preview());
    private static final DatasetSpec SPEC = new DatasetSpec(5, 1.0, 300, 2, 100, 256.0, 7, 79);

    @Test
    void aShardComputedAloneIsByteIdenticalToTheLocalRunsShard() throws Exception {
        Path local = dir.resolve("local");
        Dataset.generate(local, SPEC, SOLVER, "preview", 2, (d, t, r, e) -> { }, () -> false);
        DatasetStore store = DatasetStore.local(dir.resolve("tasks"));
        List<Integer> missing = Dataset.prepare(store, SPEC, SOLVER.name(), "preview");
        assertEquals(List.of(0, 1, 2), missing);
        for (int s : List.of(2, 0, 1)) { // any order, one thread: as independent cluster tasks would
            Dataset.writeShard(store, SPEC, s, Dataset.computeShard(SPEC, s, SOLVER, 1,
                    BandStructureSource.ProgressListener.NONE));
        }
        for (int s = 0; s < SPEC.shardCount(); s++) {
            String name = SPEC.shardName(s);
            assertArrayEquals(Files.readAllBytes(local.resolve(name)), Files.readAllBytes(dir.resolve("tasks")
                    .resolve(name)), name);
        }
        assertArrayEquals(Files.readAllBytes(local.resolve(Dataset.METADATA)), Files.readAllBytes(dir.resolve("tasks")
                .resolve(Dataset.METADATA)));
        assertEquals(List.of(), Dataset.prepare(store, SPEC, SOLVER.name(), "preview"), "nothing left to compute");
    }

    @Test
    void prepareListsTheMissingShardsAndRefusesOtherSettings() throws Exception {
        DatasetStore store = DatasetStore.local(dir.resolve("partial"));
        Dataset.prepare(store, SPEC, SOLVER.name(), "preview");
        Dataset.writeShard(store, SPEC, 1, Dataset.computeShard(SPEC, 1, SOLVER, 1,
                BandStructureSource.ProgressListener.NONE));
        assertEquals(List.of(0, 2), Dataset.prepare(store, SPEC, SOLVER.name(), "preview"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Dataset.prepare(store, SPEC, SOLVER.name(), "default settings"));
        assertTrue(e.getMessage().contains("other solver settings"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Dataset.prepare(store, new DatasetSpec(6, 1.0, 300, 2, 100,
                256.0, 7, 79), SOLVER.name(), "preview"));
    }
}
