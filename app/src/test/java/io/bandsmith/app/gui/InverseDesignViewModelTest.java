package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.app.gui.model.GeometryBase;
import io.bandsmith.app.gui.model.Project;
import io.bandsmith.app.gui.model.ProjectFiles;
import io.bandsmith.app.gui.viewmodel.EditorViewModel;
import io.bandsmith.app.gui.viewmodel.InverseDesignViewModel;
import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.models.design.InverseDesign;
import io.bandsmith.models.network.StarFeatures;
import io.bandsmith.models.network.TightBindingNetwork;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The inverse-design panel's view model off the FX thread, with a tiny untrained network (as the models' own
 * InverseDesignTest) and a fast stand-in for the exact solver: progress per step, cancel with a partial result, the
 * verified designs, opening one in the editor and exporting it.
 */
class InverseDesignViewModelTest {
    static TightBindingNetwork net;

    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue();
    private final StringProperty status = new SimpleStringProperty("");
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final EditorViewModel editor = new EditorViewModel();
    private final FakeBandSource exact = new FakeBandSource();
    private InverseDesignViewModel vm;

    @BeforeAll
    static void network() {
        StarFeatures features = new StarFeatures(8);
        SplittableRandom r = new SplittableRandom(29);
        double[][] samples = new double[16][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = features.of(RandomPotentialGenerator.withAlpha(1).stepPotential(100, r.nextLong(), 256));
        }
        net = TightBindingNetwork.create(features, samples, new int[] {24, 16}, 1e-3, 29).inDoublePrecision();
    }

    @BeforeEach
    void setUp() {
        vm = new InverseDesignViewModel(editor, status, dialogs, ui);
        vm.setSources(net, exact);
        vm.trialsProperty().set(4);
        vm.stepsProperty().set(12);
        vm.verifyProperty().set(2);
        vm.seedProperty().set(5);
    }

    @AfterEach
    void tearDown() {
        vm.close();
    }

    private void runToEnd() throws InterruptedException {
        assertTrue(vm.run(), status.get());
        ui.runUntil("the design result", 120, () -> vm.resultProperty().get() != null);
    }

    @Test
    void withoutANetworkRunIsDisabledAndThePanelSaysWhy() {
        vm.setSources(null, exact);
        assertFalse(vm.networkAvailableProperty().get());
        assertFalse(vm.canRunProperty().get());
        assertEquals("Inverse design needs a trained network (models/README.md)", vm.networkNoteProperty().get());
        assertFalse(vm.run());
        assertTrue(status.get().contains("needs a trained network"), status.get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void aRunReportsEveryStepAndListsTheVerifiedDesignsBestFirst() throws Exception {
        assertTrue(vm.canRunProperty().get());
        assertTrue(vm.run());
        assertTrue(vm.runningProperty().get());
        assertFalse(vm.canRunProperty().get(), "one run at a time");
        ui.runUntil("the design result", 120, () -> vm.resultProperty().get() != null);
        assertFalse(vm.runningProperty().get());
        InverseDesign.Result r = vm.resultProperty().get();
        assertFalse(r.cancelled());
        assertEquals(12, vm.lossHistory().size(), "one progress entry per step");
        for (int s = 0; s < 12; s++) {
            assertEquals(s + 1, vm.lossHistory().get(s).step());
            assertTrue(vm.lossHistory().get(s).bestLoss() <= vm.lossHistory().get(s).medianLoss());
        }
        assertEquals(1.0, vm.progressProperty().get(), 1e-12);
        // halving 4 -> 2 -> 1 trials; the one survivor is checked with the stand-in exact source
        assertEquals(r.designs().stream().filter(d -> !Double.isNaN(d.exactLoss())).count(),
                vm.candidates().size(), "the verified designs are listed");
        assertFalse(vm.candidates().isEmpty());
        for (InverseDesignViewModel.Candidate c : vm.candidates()) {
            assertTrue(c.verified());
            assertEquals(Math.sqrt(c.design().exactLoss()), c.exactRmsVmax(), 1e-15);
            assertTrue(c.grid().isTwoValued());
            assertTrue(C6GridSymmetry.isSymmetric(c.grid()));
        }
        for (int i = 1; i < vm.candidates().size(); i++) {
            assertTrue(vm.candidates().get(i - 1).exactRmsVmax() <= vm.candidates().get(i).exactRmsVmax());
        }
        assertEquals(vm.candidates().get(0), vm.selectedProperty().get(), "the best is selected");
        assertTrue(exact.calls.get() >= 1, "the best designs were solved exactly");
        assertTrue(status.get().startsWith("Inverse design done"), status.get());
    }

    @Test
    void cancelStopsTheDescentAndKeepsThePartialResult() throws Exception {
        vm.stepsProperty().set(100_000);
        vm.run();
        ui.runUntil("three steps", 60, () -> vm.lossHistory().size() >= 3);
        vm.cancel();
        assertTrue(vm.cancellingProperty().get());
        ui.runUntil("the partial result", 60, () -> vm.resultProperty().get() != null);
        InverseDesign.Result r = vm.resultProperty().get();
        assertTrue(r.cancelled());
        int steps = vm.lossHistory().size();
        assertTrue(steps >= 3 && steps < 100_000, "stopped after " + steps + " steps");
        assertTrue(vm.progressProperty().get() < 0.01);
        assertFalse(vm.candidates().isEmpty(), "the designs reached so far are listed");
        assertNotNull(vm.selectedProperty().get());
        assertTrue(status.get().contains("cancelled") && status.get().contains("partial"), status.get());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.canRunProperty().get(), "a new run may start");
    }

    @Test
    void openInEditorLoadsTheSelectedMaskAsAnImportedBaseAndUndoRestoresTheCell() throws Exception {
        editor.applySixHoles();
        PotentialGrid before = editor.getDocument().grid();
        runToEnd();
        InverseDesignViewModel.Candidate c = vm.selectedProperty().get();
        assertTrue(vm.openSelectedInEditor());
        assertInstanceOf(GeometryBase.Imported.class, editor.getDocument().base());
        PotentialGrid loaded = editor.getDocument().grid();
        assertEquals(PotentialGrid.fromMask(100, c.design().mask(), 256), loaded, "the editor shows the design");
        assertEquals(256, editor.getDocument().vmax(), 0, "at the Vmax the network was trained for");
        editor.undo();
        assertEquals(before, editor.getDocument().grid(), "one undo step");
    }

    @Test
    void exportWritesEveryFormatAndAProjectThatReopensAsTheDesign() throws Exception {
        runToEnd();
        InverseDesignViewModel.Candidate c = vm.selectedProperty().get();
        dialogs.nextFile = dir.resolve("gap-design.npy");
        assertTrue(vm.exportSelected(), dialogs.errors.toString());
        for (String suffix : List.of(".npy", ".png", ".svg", ".dxf", ".fourier.json", ".report.md",
                ".bandsmith.json")) {
            assertTrue(Files.size(dir.resolve("gap-design" + suffix)) > 0, suffix);
        }
        assertFalse(Files.exists(dir.resolve("gap-design.npy.npy")), "the chosen extension is not doubled");
        PotentialGrid npy = NpyFiles.readPotentials(dir.resolve("gap-design.npy"), 256).get(0);
        assertEquals(c.grid(), npy);
        Project p = ProjectFiles.read(dir.resolve("gap-design.bandsmith.json"));
        assertArrayEquals(c.grid().valuesE0(), p.geometry().grid().valuesE0(), 1e-9);
        assertTrue(Files.readString(dir.resolve("gap-design.report.md")).contains("exact solver"));
        assertTrue(status.get().startsWith("Exported design #1"), status.get());
    }

    @Test
    void theGapTargetRunsToo() throws Exception {
        vm.targetProperty().set(InverseDesignViewModel.Target.GAP);
        vm.gapAboveProperty().set(0);
        assertFalse(vm.run(), "band 0 does not exist");
        assertTrue(status.get().contains("above band"), status.get());
        vm.gapAboveProperty().set(3);
        runToEnd();
        assertFalse(vm.candidates().isEmpty());
    }
}
