package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.bandsmith.app.gui.model.Project;
import io.bandsmith.app.gui.model.ProjectFiles;
import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.engine.topology.BandSet;
import io.bandsmith.engine.topology.BandSetClass;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.engine.topology.SourceClassifier;

/** The examples show what their names say, by the engine's classifier with the exact solver (as {@code classify}). */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("user.dir")).resolveSibling("assets")
            .resolve("examples");

    private static PotentialGrid grid(String example) throws Exception {
        Project p = ProjectFiles.read(EXAMPLES.resolve(example));
        return p.geometry().grid();
    }

    private static List<BandSet> sets(PotentialGrid g) {
        return SourceClassifier.classify(PlaneWaveSolver.withDefaults(), g, 6, List.of(ConnectivityMethod.COMPAT))
                .get(ConnectivityMethod.COMPAT);
    }

    /** The smallest E_{n+1} - E_n (band n 1-based) over a fine path and wedge grid, E0. */
    private static double smallestGapAbove(PotentialGrid g, int n) {
        double min = Double.POSITIVE_INFINITY;
        for (KPointSet k : List.of(KPointSet.path(HexagonalLattice.INSTANCE.defaultPath(), 40),
                KPointSet.hexagonalWedge(30))) {
            BandStructure b = PlaneWaveSolver.withDefaults().compute(g, k, 7);
            for (int i = 0; i < k.size(); i++) {
                min = Math.min(min, b.energy(i, n) - b.energy(i, n - 1));
            }
        }
        return min;
    }

    @Test
    void theSecondBandSetOfTheFragileExampleIsFragile() throws Exception {
        PotentialGrid g = grid("05-fragile-second-set-alpha0.5-seed87.json");
        BandSet second = sets(g).get(1);
        assertEquals(4, second.firstBand());
        assertEquals(5, second.lastBand());
        assertArrayEquals(new int[] {0, 1, 0, 0, 0, 2}, second.fingerprint().toArray());
        assertEquals(BandSetClass.FRAGILE, second.classification());
        // isolated on a fine grid too, not only at Γ, K, M
        assertTrue(smallestGapAbove(g, 3) > 0.01 * 256 && smallestGapAbove(g, 5) > 0.01 * 256);
    }

    @Test
    void theSixHolesExamplesHaveEbrSets() throws Exception {
        for (String name : List.of("01-six-holes-R0.30.json", "02-six-holes-R0.333.json", "03-six-holes-R0.37.json")) {
            assertEquals(BandSetClass.EBR, sets(grid(name)).get(0).classification(), name);
        }
    }
}
