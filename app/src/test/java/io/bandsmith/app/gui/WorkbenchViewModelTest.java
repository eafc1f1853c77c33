package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.app.gui.model.ProjectFiles;
import io.bandsmith.app.gui.preview.PreviewResult;
import io.bandsmith.app.gui.viewmodel.DialogService;
import io.bandsmith.app.gui.viewmodel.WorkbenchState;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.engine.io.NpyFiles;

/**
 * The workbench view model without the FX thread: preview results are queued and run on the test thread, as
 * Platform.runLater would run them on the FX thread.
 */
class WorkbenchViewModelTest {
    @TempDir
    Path dir;

    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final FakeBandSource source = new FakeBandSource();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private WorkbenchViewModel vm;
    private WorkbenchState state;

    @BeforeEach
    void setUp() {
        state = new WorkbenchState(dir.resolve("state"));
        vm = new WorkbenchViewModel(source, "fake source", ui::add, Runnable::run,
                dialogs, state);
    }

    @AfterEach
    void tearDown() {
        vm.close();
    }

    /** Runs queued UI work until a preview for the newest request has arrived. */
    private PreviewResult awaitPreview() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        do {
            Runnable r = ui.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        } while ((vm.previewProperty().get() == null || vm.computingProperty().get())
                && System.nanoTime() < deadline);
        assertNotNull(vm.previewProperty().get(), "no preview arrived");
        return vm.previewProperty().get();
    }

    @Test
    void theLatestEditWinsAndIntermediateRequestsAreSkipped() throws Exception {
        source.hold();
        vm.requestPreview();
        source.awaitHeld(); // the first request is now blocked inside the source
        vm.editor().applyUniform(0.25);
        vm.editor().applyUniform(0.5);
        vm.editor().applyUniform(0.75);
        source.release();
        PreviewResult r = awaitPreview();
        assertEquals(0.75 * 256, r.grid().mean(), 1e-9, "the shown bands are those of the newest geometry");
        assertEquals(2, source.calls.get(), "the two intermediate edits were never computed");
        assertFalse(vm.computingProperty().get());
        assertTrue(vm.statusProperty().get().contains("last computation"), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().contains("fake source"));
    }

    /** Runs queued UI work until the condition holds. */
    private void runUiUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Runnable r = ui.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
        assertTrue(done.getAsBoolean(), "timed out");
    }

    @Test
    void compareWithExactOverlaysTheExactBandsAndReportsTheRmsInVmax() throws Exception {
        assertFalse(vm.canCompareProperty().get(), "no second source: nothing to compare");
        vm.close();
        // a network stand-in, and an "exact" source whose levels are the stand-in's plus 2.56 E0 = 0.01 Vmax
        TightBindingStandIn network = new TightBindingStandIn(3);
        FakeBandSource exact = new FakeBandSource(2.56) {
            @Override
            public io.bandsmith.engine.bands.BandStructure compute(io.bandsmith.engine.geometry.PotentialGrid g,
                    io.bandsmith.engine.lattice.KPointSet k, int bands) {
                super.compute(g, k, bands); // for hold() and the call count
                io.bandsmith.engine.bands.BandStructure b = network.compute(g, k, bands);
                double[][] e = b.energies();
                for (double[] row : e) {
                    for (int n = 0; n < row.length; n++) {
                        row[n] += 2.56;
                    }
                }
                java.util.Map<String, io.bandsmith.engine.bands.HighSymmetryLevels> hsp =
                        new java.util.LinkedHashMap<>();
                b.highSymmetry().forEach((name, l) -> {
                    double[] le = l.energies();
                    for (int n = 0; n < le.length; n++) {
                        le[n] += 2.56;
                    }
                    hsp.put(name, new io.bandsmith.engine.bands.HighSymmetryLevels(l.point(), le, l.labels()));
                });
                return new io.bandsmith.engine.bands.BandStructure(k, e, hsp, b.vmax(), "shifted");
            }
        };
        vm = new WorkbenchViewModel(network, "stand-in network", ui::add, Runnable::run, dialogs, state);
        vm.setExactSource(exact);
        assertTrue(vm.canCompareProperty().get());
        vm.requestPreview();
        PreviewResult shown = awaitPreview();
        vm.compareWithExact();
        assertTrue(vm.comparingProperty().get());
        runUiUntil(() -> vm.comparisonProperty().get() != null);
        assertFalse(vm.comparingProperty().get());
        assertEquals(0.01, vm.comparisonProperty().get().rmsVmax(), 1e-9, "every level 2.56 E0 = 0.01 Vmax off");
        assertEquals(shown.path().kpoints().size(), vm.comparisonProperty().get().exactPath().kpoints().size());
        assertTrue(vm.statusProperty().get().contains("rms deviation 1.00e-02 Vmax"), vm.statusProperty().get());
        // a new geometry drops the overlay
        vm.editor().applyUniform(0.5);
        awaitPreview();
        assertEquals(null, vm.comparisonProperty().get());
        // cancelling: the result never shows
        java.util.concurrent.atomic.AtomicInteger shownComparisons = new java.util.concurrent.atomic.AtomicInteger();
        vm.comparisonProperty().addListener((o, a, b) -> {
            if (b != null) {
                shownComparisons.incrementAndGet();
            }
        });
        exact.hold();
        vm.compareWithExact();
        exact.awaitHeld();
        vm.cancelComparison();
        assertFalse(vm.comparingProperty().get());
        assertTrue(vm.statusProperty().get().contains("cancelled"), vm.statusProperty().get());
        exact.release();
        // the comparison thread runs one task at a time: when a second comparison shows, the cancelled one has
        // posted whatever it had, and it must have been dropped
        vm.compareWithExact();
        runUiUntil(() -> vm.comparisonProperty().get() != null);
        assertEquals(1, shownComparisons.get(), "the cancelled comparison never showed");
    }

    @Test
    void saveAndReopenGiveTheSameProject() throws Exception {
        vm.editor().applySixHoles();
        vm.editor().beginStroke();
        vm.editor().dab(0.7, 0.3);
        vm.editor().endStroke();
        vm.editor().addDisc();
        vm.setGap(2, 3);
        assertTrue(vm.dirtyProperty().get());
        Path file = dir.resolve("cell" + ProjectFiles.EXTENSION);
        assertTrue(vm.saveTo(file));
        assertFalse(vm.dirtyProperty().get());
        assertEquals("cell", vm.projectNameProperty().get());
        var before = vm.currentProject();
        vm.newProject();
        assertTrue(vm.open(file));
        assertEquals(before.geometry(), vm.currentProject().geometry());
        assertEquals(before.settings(), vm.currentProject().settings());
        assertFalse(vm.dirtyProperty().get());
        assertEquals(file.toAbsolutePath().normalize(), vm.recentFiles().get(0));
        assertEquals(file.toAbsolutePath().normalize(), state.recentFiles().get(0));
    }

    @Test
    void aCorruptOrFutureFileOpensNothingSaysWhyAndOverwritesNothing() throws Exception {
        vm.editor().applyUniform(1);
        var before = vm.currentProject();
        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, "{ \"format\": \"bandsmith-project\", \"schemaVersion\": 1, \"geom");
        assertFalse(vm.open(corrupt));
        assertTrue(dialogs.errors.get(0).contains("not valid JSON"), dialogs.errors.get(0));
        Path future = dir.resolve("future.json");
        String futureText = ProjectFiles.toJson(before).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99");
        Files.writeString(future, futureText);
        assertFalse(vm.open(future));
        assertTrue(dialogs.errors.get(1).contains("newer"), dialogs.errors.get(1));
        assertEquals(before.geometry(), vm.currentProject().geometry(), "the open project is unchanged");
        assertTrue(vm.dirtyProperty().get());
        assertEquals(futureText, Files.readString(future), "the file is untouched");
        assertTrue(vm.recentFiles().isEmpty());
    }

    @Test
    void unsavedChangesAreAskedAboutAndCancelKeepsThem() {
        vm.editor().applyUniform(1);
        dialogs.saveChoice = DialogService.SaveChoice.CANCEL;
        vm.newProject();
        assertEquals(1, dialogs.saveQuestions);
        assertTrue(vm.dirtyProperty().get(), "cancel keeps the edits");
        dialogs.saveChoice = DialogService.SaveChoice.DISCARD;
        vm.newProject();
        assertFalse(vm.dirtyProperty().get());
        vm.editor().applyUniform(1);
        vm.editor().undo();
        assertFalse(vm.dirtyProperty().get(), "undoing back to the saved state is not a change");
    }

    @Test
    void anAutosaveIsOfferedBackAfterACrash() {
        vm.editor().applySixHoles();
        vm.autosave();
        assertTrue(Files.exists(state.autosaveFile()));
        var lost = vm.currentProject();
        vm.close();
        // a new run finds the autosave
        vm = new WorkbenchViewModel(source, "fake", ui::add, Runnable::run, dialogs,
                state);
        assertTrue(vm.offerRecovery());
        assertEquals(lost.geometry(), vm.currentProject().geometry());
        assertTrue(vm.dirtyProperty().get(), "recovered work is unsaved work");
        dialogs.saveChoice = DialogService.SaveChoice.DISCARD;
        assertTrue(vm.requestClose());
        assertFalse(Files.exists(state.autosaveFile()), "a clean close removes the autosave");
    }

    @Test
    void exportsWriteBandsAndGeometry() throws Exception {
        vm.editor().applySixHoles();
        awaitPreview();
        assertTrue(vm.exportBandsCsv(dir.resolve("bands.csv")));
        assertTrue(vm.exportContractJson(dir.resolve("bands.json")));
        assertTrue(vm.exportBandDiagramSvg(dir.resolve("bands.svg")));
        assertTrue(vm.exportGeometryPng(dir.resolve("cell.png")));
        assertTrue(vm.exportGeometryNpy(dir.resolve("cell.npy")));
        assertTrue(vm.exportGeometrySvg(dir.resolve("cell.svg")));
        String svg = Files.readString(dir.resolve("cell.svg"));
        assertTrue(svg.contains("<path") && svg.contains("hexagonal pixels"), svg.substring(0, 300));
        String csv = Files.readString(dir.resolve("bands.csv"));
        assertTrue(csv.startsWith("k_index,path_coordinate,kx,ky,E1,"));
        assertEquals(vm.previewProperty().get().path().kpoints().size() + 1, csv.split("\n").length);
        String json = Files.readString(dir.resolve("bands.json"));
        assertTrue(json.contains("\"hsp\"") && json.contains("\"labels\"") && json.contains("\"vmax\""));
        assertTrue(Files.readString(dir.resolve("bands.svg")).contains("<polyline"));
        var back = NpyFiles.readPotentials(dir.resolve("cell.npy"), 256).get(0);
        assertEquals(vm.document().grid(), back);
        assertTrue(vm.importGeometry(dir.resolve("cell.png")));
        assertEquals(vm.document().grid(), back, "PNG round trip of a two-valued grid");
    }
}
