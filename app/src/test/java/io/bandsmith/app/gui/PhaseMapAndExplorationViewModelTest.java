package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.app.gui.model.GeometryBase;
import io.bandsmith.app.gui.viewmodel.EditorViewModel;
import io.bandsmith.app.gui.viewmodel.ExplorationViewModel;
import io.bandsmith.app.gui.viewmodel.PhaseMapViewModel;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.engine.topology.BandSetClass;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.models.design.PhaseMap;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Phase map and exploration view models off the FX thread: complete runs with the exact solver give the sets that
 * the labelled levels give when read by hand, cancelled runs keep what they have, and clicking loads the right geometry.
 */
class PhaseMapAndExplorationViewModelTest {
    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue();
    private final StringProperty status = new SimpleStringProperty("");
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final EditorViewModel editor = new EditorViewModel();
    private final PhaseMapViewModel phaseMap = new PhaseMapViewModel(editor, status, dialogs, ui);
    private final ExplorationViewModel exploration = new ExplorationViewModel(editor, status, ui);

    @AfterEach
    void tearDown() {
        phaseMap.close();
        exploration.close();
    }

    @Test
    void aPhaseMapAgreesWithPhaseMapComputeAndClickingLoadsTheBlend() throws Exception {
        PlaneWaveSolver exact = PlaneWaveSolver.withDefaults();
        phaseMap.setSource(exact);
        assertEquals(List.of(ConnectivityMethod.NAIVE, ConnectivityMethod.COMPAT), phaseMap.methods(),
                "no Berry connectivity without eigenvectors");
        phaseMap.resolutionProperty().set(2);
        assertTrue(phaseMap.run(), status.get());
        ui.runUntil("the map", 120, () -> !phaseMap.runningProperty().get());
        assertEquals(6, phaseMap.points().size(), "(N+1)(N+2)/2 points");
        assertEquals(1.0, phaseMap.progressProperty().get(), 1e-12);
        assertTrue(status.get().startsWith("Phase map done"), status.get());
        List<PotentialGrid> corners = phaseMap.corners().stream().map(PhaseMapViewModel.Corner::grid).toList();
        PhaseMap reference = new PhaseMap(corners, PhaseMap.DEFAULT_STAR_CUTOFF);
        // independent expectations: the levels of each blended geometry at Γ, K, M, read by hand here (gaps, the
        // C2-parity rule, label counts, the EBR table of docs/topology.md), not through the engine's classifier
        for (int i = 0; i <= 2; i++) {
            for (int j = 0; i + j <= 2; j++) {
                PhaseMap.Point got = phaseMap.pointAt(i, j);
                assertNotNull(got, "point " + i + "," + j);
                double[] w = {(2 - i - j) / 2.0, i / 2.0, j / 2.0};
                assertArrayEquals(w, got.weights(), 1e-12);
                io.bandsmith.engine.bands.BandStructure b = exact.compute(reference.blend(w),
                        io.bandsmith.engine.topology.SourceClassifier.MAXIMAL_POINTS, PhaseMapViewModel.BANDS + 1);
                checkSetsByHand(b, got.sets(), PhaseMapViewModel.BANDS, i + "," + j);
            }
        }
        // the middle of the bottom edge: half corner 1, half corner 2
        assertTrue(phaseMap.openPoint(1, 0));
        assertInstanceOf(GeometryBase.Imported.class, editor.getDocument().base());
        assertEquals(reference.blend(new double[] {0.5, 0.5, 0}), editor.getDocument().grid());
        assertTrue(status.get().contains("(0.50, 0.50, 0.00)"), status.get());
        assertFalse(phaseMap.openPoint(2, 1), "outside the triangle");
    }

    /** The eight EBRs of p6 with time reversal, (ns, np, nd, nf, n0, n+) (docs/topology.md, appendix I). */
    private static final List<List<Integer>> EBR_FINGERPRINTS = List.of(List.of(1, 0, 0, 0, 1, 1),
            List.of(0, 1, 0, 0, 0, 0), List.of(0, 0, 1, 0, 0, 2), List.of(0, 0, 0, 1, 1, 0), List.of(1, 0, 0, 1, 0, 1),
            List.of(0, 1, 1, 0, 2, 2), List.of(1, 0, 1, 0, 1, 1), List.of(0, 1, 0, 1, 1, 2));

    /**
     * Compat sets read by hand from the labelled levels: a set ends after band n only where bands n and n+1 are apart
     * at Γ, K and M and bands 1..n hold an even number of f (Γ) and - (M) labels; fingerprints are label counts; a set
     * whose fingerprint is in the EBR table is an EBR, and an EBR's fingerprint is in the table.
     */
    private static void checkSetsByHand(io.bandsmith.engine.bands.BandStructure b,
            List<io.bandsmith.engine.topology.BandSet> sets, int bands, String where) {
        var g = b.highSymmetry("G");
        var k = b.highSymmetry("K");
        var m = b.highSymmetry("M");
        int expectedFirst = 1;
        for (io.bandsmith.engine.topology.BandSet s : sets) {
            assertEquals(expectedFirst, s.firstBand(), where + ": sets follow each other");
            expectedFirst = s.lastBand() + 1;
            if (s.classification() == BandSetClass.UNASSIGNED) {
                assertEquals(bands, s.lastBand(), where + ": only the top set may be left open");
                continue;
            }
            int n = s.lastBand();
            int odd = 0;
            for (int q = 0; q < n; q++) {
                odd += (g.label(q).symbol().equals("f") ? 1 : 0) + (m.label(q).symbol().equals("-") ? 1 : 0);
            }
            assertEquals(0, odd % 2, where + ": even C2 parity below the cut after band " + n);
            for (var l : List.of(g, k, m)) {
                assertTrue(l.energy(n) - l.energy(n - 1) > 1e-6, where + ": a gap above band " + n + " at "
                        + l.point().name());
            }
            int[] c = new int[6];
            for (int q = s.firstBand() - 1; q < n; q++) {
                String sg = g.label(q).symbol();
                c[0] += sg.equals("s") ? 1 : 0;
                c[1] += sg.equals("p") ? 1 : 0;
                c[2] += sg.equals("d") ? 1 : 0;
                c[3] += sg.equals("f") ? 1 : 0;
                c[4] += k.label(q).symbol().equals("0") ? 1 : 0;
                c[5] += m.label(q).symbol().equals("+") ? 1 : 0;
            }
            List<Integer> fp = List.of(c[0], c[1] / 2, c[2] / 2, c[3], c[4], c[5]);
            assertEquals(fp, s.fingerprint().toList(), where + ": fingerprint of " + s);
            assertEquals(EBR_FINGERPRINTS.contains(fp), s.classification() == BandSetClass.EBR, where + ": " + s);
        }
    }

    @Test
    void listenersOnTheReadOnlyListsSurviveGarbageCollection() throws Exception {
        // the views listen to these lists; a read-only wrapper made per call would drop them after a GC
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        phaseMap.points().addListener((javafx.collections.ListChangeListener<PhaseMap.Point>) c -> changes
                .incrementAndGet());
        exploration.fragileSamples().addListener((javafx.collections.ListChangeListener<ExplorationViewModel.Sample>)
                c -> changes.incrementAndGet());
        for (int k = 0; k < 3; k++) {
            System.gc();
            Thread.sleep(20);
        }
        phaseMap.setSource(new FakeBandSource());
        phaseMap.resolutionProperty().set(1);
        phaseMap.run();
        ui.runUntil("the map", 60, () -> !phaseMap.runningProperty().get());
        assertTrue(changes.get() >= 3, "one change per point (and one for clearing), got " + changes.get());
    }

    @Test
    void aCancelledPhaseMapKeepsThePointsDone() throws Exception {
        FakeBandSource slow = new FakeBandSource();
        phaseMap.setSource(slow);
        phaseMap.resolutionProperty().set(20);
        slow.hold();
        phaseMap.run();
        ui.drain(200);
        assertTrue(phaseMap.runningProperty().get());
        phaseMap.cancel();
        slow.release();
        ui.runUntil("the cancelled run", 60, () -> !phaseMap.runningProperty().get());
        int kept = phaseMap.points().size();
        assertTrue(kept >= 1 && kept < 231, kept + " points");
        assertEquals(kept / 231.0, phaseMap.progressProperty().get(), 1e-12);
        assertTrue(status.get().contains("cancelled: " + kept + " of 231"), status.get());
        assertEquals(20, phaseMap.mapResolutionProperty().get());
    }

    @Test
    void cornersComeFromTheEditorOrFilesAndMustMatch() throws Exception {
        phaseMap.setSource(new FakeBandSource());
        editor.applySixHoles();
        phaseMap.useEditorGeometry(2);
        assertEquals(editor.getDocument().grid(), phaseMap.corners().get(2).grid());
        Path npy = dir.resolve("corner.npy");
        PotentialGrid small = RandomPotentialGenerator.withAlpha(1).stepPotential(48, 3, 256);
        NpyFiles.writeMasks(npy, List.of(small));
        assertTrue(phaseMap.loadCorner(0, npy));
        assertEquals(small, phaseMap.corners().get(0).grid());
        assertFalse(phaseMap.run(), "L = 48 and L = 100 do not blend");
        assertTrue(status.get().contains("same grid size and Vmax"), status.get());
        assertFalse(phaseMap.loadCorner(1, dir.resolve("missing.json")));
        assertEquals(1, dialogs.errors.size());
    }

    @Test
    void anExplorationCountsEverySampleAndFindsTheFragileExample() throws Exception {
        exploration.setSource(PlaneWaveSolver.withDefaults());
        exploration.alphaProperty().set(0.5);
        exploration.seedStartProperty().set(86);
        exploration.samplesProperty().set(3);
        assertTrue(exploration.run(), status.get());
        ui.runUntil("the exploration", 120, () -> !exploration.runningProperty().get());
        ExplorationViewModel.Tally t = exploration.tallyProperty().get();
        assertEquals(3, t.samples());
        for (ConnectivityMethod m : List.of(ConnectivityMethod.NAIVE, ConnectivityMethod.COMPAT)) {
            for (int set = 0; set < 2; set++) {
                long sum = 0;
                for (BandSetClass c : BandSetClass.values()) {
                    sum += t.count(m, set, c);
                }
                assertEquals(3, sum, m + " set " + set);
            }
        }
        // assets/examples/05: α = 1/2, seed 87, sharp step; its bands 4-5 are fragile (0, 1, 0, 0, 0, 2)
        ExplorationViewModel.Sample s87 = exploration.samples().get(1);
        assertEquals(87, s87.seed());
        assertEquals(BandSetClass.FRAGILE, s87.setClass(ConnectivityMethod.COMPAT, 1));
        assertTrue(exploration.fragileSamples().contains(s87));
        assertTrue(t.count(ConnectivityMethod.COMPAT, 1, BandSetClass.FRAGILE) >= 1);
        exploration.open(s87);
        GeometryBase.RandomField base = assertInstanceOf(GeometryBase.RandomField.class, editor.getDocument().base());
        assertEquals(0.5, base.alpha());
        assertEquals(87, base.seed());
        assertFalse(base.sigmoid());
        assertEquals(s87.grid(), editor.getDocument().grid(), "the editor shows the explored potential");
    }

    @Test
    void aCancelledExplorationKeepsItsCounts() throws Exception {
        FakeBandSource slow = new FakeBandSource();
        slow.delayMillis = 20;
        exploration.setSource(slow);
        exploration.samplesProperty().set(500);
        exploration.run();
        ui.runUntil("a few potentials", 60, () -> exploration.samples().size() >= 3);
        exploration.cancel();
        // the run returns without waiting for the potentials still in flight (their results are dropped)
        ui.runUntil("the cancelled run", 60, () -> !exploration.runningProperty().get());
        ui.drain(100);
        int kept = exploration.samples().size();
        assertTrue(kept >= 1 && kept < 500, kept + " samples");
        assertEquals(kept, exploration.tallyProperty().get().samples());
        assertTrue(status.get().startsWith("Exploration cancelled: " + kept + " of 500"), status.get());
    }
}
