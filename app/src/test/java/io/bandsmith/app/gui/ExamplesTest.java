package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.bandsmith.app.gui.model.Project;
import io.bandsmith.app.gui.model.ProjectFiles;
import io.bandsmith.app.gui.preview.BandSet;
import io.bandsmith.app.gui.preview.BandSetClass;
import io.bandsmith.app.gui.preview.BandSets;
import io.bandsmith.app.gui.preview.EbrClassifier;
import io.bandsmith.app.gui.preview.PreviewKPoints;
import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.solver.PlaneWaveSolver;

/** The examples show what their names say, with the exact solver and the workbench's band-set logic. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("user.dir")).resolveSibling("assets")
            .resolve("examples");

    private static List<BandSet> sets(String example, KPointSet path, KPointSet wedge) throws Exception {
        Project p = ProjectFiles.read(EXAMPLES.resolve(example));
        PlaneWaveSolver solver = PlaneWaveSolver.withDefaults();
        BandStructure onPath = solver.compute(p.geometry().grid(), path, 7);
        BandStructure onWedge = solver.compute(p.geometry().grid(), wedge, 7);
        return BandSets.find(List.of(onPath, onWedge), onPath);
    }

    @Test
    void theSecondBandSetOfTheFragileExampleIsFragile() throws Exception {
        // a finer grid than the preview's, so that a touching between preview points would show
        List<BandSet> sets = sets("05-fragile-second-set-alpha0.5-seed87.json",
                KPointSet.path(HexagonalLattice.INSTANCE.defaultPath(), 40), KPointSet.hexagonalWedge(30));
        BandSet second = sets.get(1);
        assertEquals("4–5", second.bandsLabel());
        assertArrayEquals(new int[] {0, 1, 0, 0, 0, 2}, second.fingerprint().orElseThrow().toArray());
        assertEquals(BandSetClass.FRAGILE, new EbrClassifier().classify(second, null).bandClass());
        assertTrue(second.gapBelowE0() > 0.01 * 256 && second.gapAboveE0() > 0.01 * 256,
                "isolated by more than 0.01 Vmax: " + second);
    }

    @Test
    void theSixHolesExamplesHaveEbrSets() throws Exception {
        for (String name : List.of("01-six-holes-R0.30.json", "02-six-holes-R0.333.json", "03-six-holes-R0.37.json")) {
            List<BandSet> sets = sets(name, PreviewKPoints.path(), PreviewKPoints.wedge());
            assertEquals(BandSetClass.EBR, new EbrClassifier().classify(sets.get(0), null).bandClass(), name);
        }
    }
}
