package io.bandsmith.app.gui;

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
 * Phase map and exploration view models off the FX thread: complete runs with the exact solver agree with the
 * models' own computations, cancelled runs keep what they have, and clicking loads the right geometry.
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
        List<PhaseMap.Point> expected = reference.compute(2, exact, ConnectivityMethod.COMPAT, PhaseMapViewModel.BANDS,
                d -> { });
        for (PhaseMap.Point e : expected) {
            PhaseMap.Point got = phaseMap.pointAt(e.i(), e.j());
            assertNotNull(got, "point " + e.i() + "," + e.j());
            assertEquals(e.sets(), got.sets(), "the same band sets as PhaseMap.compute at " + e.i() + "," + e.j());
        }
        // the middle of the bottom edge: half corner 1, half corner 2
        assertTrue(phaseMap.openPoint(1, 0));
        assertInstanceOf(GeometryBase.Imported.class, editor.getDocument().base());
        assertEquals(reference.blend(new double[] {0.5, 0.5, 0}), editor.getDocument().grid());
        assertTrue(status.get().contains("(0.50, 0.50, 0.00)"), status.get());
        assertFalse(phaseMap.openPoint(2, 1), "outside the triangle");
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
        exploration.setSource(slow);
        exploration.samplesProperty().set(500);
        slow.hold();
        exploration.run();
        ui.drain(200);
        exploration.cancel();
        slow.release();
        ui.runUntil("the cancelled run", 60, () -> !exploration.runningProperty().get());
        int kept = exploration.samples().size();
        assertTrue(kept >= 1 && kept < 500, kept + " samples");
        assertEquals(kept, exploration.tallyProperty().get().samples());
        assertTrue(status.get().startsWith("Exploration cancelled: " + kept + " of 500"), status.get());
    }
}
