package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.app.gui.preview.PreviewBandSet;
import io.bandsmith.app.gui.preview.PreviewResult;
import io.bandsmith.app.gui.preview.PreviewSources;
import io.bandsmith.app.gui.viewmodel.ExplorationViewModel;
import io.bandsmith.app.gui.viewmodel.SourceChoice;
import io.bandsmith.app.gui.viewmodel.WorkbenchState;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.solver.PlaneWaveSettings;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.engine.topology.BandSet;
import io.bandsmith.engine.topology.BandSetClass;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.engine.topology.SourceClassifier;

/**
 * The workbench's set table tells what the engine tells (issue 11): the cases where the workbench's own classifier
 * called sets fragile that the engine calls EBRs. Expectations come from the engine with the exact solver at full
 * accuracy ({@code ./bandsmith classify --solver exact}, compat), computed here independently of the preview
 * pipeline, and where the issue gives them, from the issue.
 */
class WorkbenchClassesTest {
    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue();
    private WorkbenchViewModel vm;

    @AfterEach
    void tearDown() {
        if (vm != null) {
            vm.close();
        }
    }

    private WorkbenchViewModel exactWorkbench() {
        vm = new WorkbenchViewModel(new PreviewSources(null, null, new PlaneWaveSolver(PlaneWaveSettings.preview()),
                "exact (test)", PlaneWaveSolver.withDefaults()), ui, Runnable::run, new RecordingDialogs(),
                new WorkbenchState(dir.resolve("state")));
        return vm;
    }

    private PreviewResult awaitCurrentPreview() throws InterruptedException {
        ui.runUntil("the preview", 120, () -> vm.previewProperty().get() != null && !vm.computingProperty().get()
                && !vm.staleProperty().get());
        return vm.previewProperty().get();
    }

    /** The engine's sets of the lowest 6 bands, exact solver at full accuracy, compat (as classify). */
    private static List<BandSet> engine(PotentialGrid g) {
        return SourceClassifier.classify(PlaneWaveSolver.withDefaults(), g, 6, List.of(ConnectivityMethod.COMPAT))
                .get(ConnectivityMethod.COMPAT);
    }

    /** The table's sets within bands 1..6 are the engine's, with the same classes and fingerprints. */
    private static void assertSameAsEngine(List<BandSet> expected, PreviewResult shown) {
        for (BandSet e : expected) {
            if (e.classification() == BandSetClass.UNASSIGNED) {
                continue; // continues into band 7, which the preview computes: its table row reaches band 7
            }
            PreviewBandSet got = shown.setOf(e.firstBand() - 1);
            assertEquals(e.firstBand(), got.set().firstBand(), "set " + e + " in " + shown.sets());
            assertEquals(e.lastBand(), got.set().lastBand(), "set " + e + " in " + shown.sets());
            assertEquals(e.classification(), got.bandClass(), "set " + e);
            assertEquals(e.fingerprint(), got.set().fingerprint(), "set " + e);
            assertEquals(e.ebrs(), got.set().ebrs(), "set " + e);
        }
        for (PreviewBandSet s : shown.sets()) {
            if (s.bandClass() == BandSetClass.FRAGILE) {
                assertTrue(expected.stream().anyMatch(e -> e.firstBand() == s.set().firstBand()
                        && e.lastBand() == s.set().lastBand() && e.classification() == BandSetClass.FRAGILE),
                        "the table calls " + s.bandsLabel() + " fragile, the engine does not: " + expected);
            }
        }
    }

    @Test
    void atTheSixHolesInversionPointTheSetsAre3cAAnd3cB() throws Exception {
        exactWorkbench();
        vm.editor().sixHolesDistanceProperty().set(0.3343);
        vm.editor().applySixHoles();
        PreviewResult shown = awaitCurrentPreview();
        List<BandSet> expected = engine(vm.document().grid());
        // the issue: the engine has 1-3 = 3c_A and 4-6 = 3c_B here (the old table said 1-5 and 6 fragile)
        assertEquals(List.of("3c_A"), expected.get(0).ebrs(), BandSetClass.class.getSimpleName() + expected);
        assertEquals(List.of("3c_B"), expected.get(1).ebrs(), expected.toString());
        assertEquals(3, shown.sets().get(0).set().lastBand());
        assertEquals(List.of("3c_A"), shown.sets().get(0).set().ebrs());
        assertEquals(6, shown.sets().get(1).set().lastBand());
        assertEquals(List.of("3c_B"), shown.sets().get(1).set().ebrs());
        assertSameAsEngine(expected, shown);
    }

    @Test
    void aRandomAlphaHalfSeed13PlusADiscHasNoFragileSetTheEngineDoesNotSee() throws Exception {
        exactWorkbench();
        vm.editor().randomAlphaProperty().set(0.5);
        vm.editor().randomSeedProperty().set(13);
        vm.editor().applyRandom();
        vm.editor().addDisc();
        PreviewResult shown = awaitCurrentPreview();
        assertSameAsEngine(engine(vm.document().grid()), shown);
    }

    @Test
    void afterAPaintedStrokeTheTableFollowsTheEngine() throws Exception {
        exactWorkbench();
        vm.editor().sixHolesDistanceProperty().set(0.30);
        vm.editor().applySixHoles();
        vm.editor().beginStroke();
        for (int i = 0; i < 12; i++) {
            vm.editor().dab(0.55 + 0.01 * i, 0.20 + 0.005 * i);
        }
        vm.editor().endStroke();
        PreviewResult shown = awaitCurrentPreview();
        assertSameAsEngine(engine(vm.document().grid()), shown);
    }

    @Test
    void theExplorationTooltipSaysWhatTheOpenedResultShows() throws Exception {
        exactWorkbench();
        ExplorationViewModel exploration = vm.design().exploration();
        exploration.setSource(PlaneWaveSolver.withDefaults());
        exploration.alphaProperty().set(0.5);
        exploration.seedStartProperty().set(7);
        exploration.samplesProperty().set(1);
        assertTrue(exploration.run());
        ui.runUntil("the exploration", 120, () -> !exploration.runningProperty().get());
        ExplorationViewModel.Sample s7 = exploration.samples().get(0);
        assertEquals(7, s7.seed());
        String tooltip = s7.describe();
        exploration.open(s7);
        PreviewResult shown = awaitCurrentPreview();
        assertEquals(s7.grid(), shown.grid(), "the opened geometry is the explored one");
        List<BandSet> explored = s7.sets().get(ConnectivityMethod.COMPAT);
        assertSameAsEngine(explored, shown);
        for (BandSet e : explored) {
            if (e.classification() != BandSetClass.UNASSIGNED) {
                PreviewBandSet row = shown.setOf(e.firstBand() - 1);
                assertTrue(tooltip.contains(row.bandsLabel() + " " + row.classLabel()),
                        "tool tip '" + tooltip + "' vs table row " + row.bandsLabel() + " " + row.classLabel());
            }
        }
        // and both are what the engine says, independently of the exploration
        assertEquals(engine(s7.grid()), explored);
    }

    @Test
    void outsideTheNetworksVmaxTheExactSolverTakesOverAndOldResultsAreMarkedStale() throws Exception {
        vm = new WorkbenchViewModel(new PreviewSources(new TightBindingStandIn(5), "stand-in network",
                new FakeBandSource(), "fake exact", new FakeBandSource()), ui, Runnable::run, new RecordingDialogs(),
                new WorkbenchState(dir.resolve("state")));
        assertEquals(SourceChoice.NN, vm.sourceChoiceProperty().get());
        vm.editor().applySixHoles();
        PreviewResult first = awaitCurrentPreview();
        assertEquals("tb-stand-in", first.sourceName());
        assertEquals("", vm.sourceNoticeProperty().get());
        vm.editor().setVmax(2000);
        // the request is out: until its result arrives the shown bands are those of Vmax = 256, and say so
        assertTrue(vm.staleProperty().get());
        assertTrue(vm.staleReasonProperty().get().contains("Vmax 256 → 2000 E0"), vm.staleReasonProperty().get());
        assertTrue(vm.sourceNoticeProperty().get().contains("Outside the network's domain"),
                vm.sourceNoticeProperty().get());
        assertTrue(vm.warnings().stream().anyMatch(w -> w.contains("Vmax = 2000 E0")), vm.warnings().toString());
        assertFalse(vm.canCompareProperty().get(), "the exact source needs no comparison");
        PreviewResult second = awaitCurrentPreview();
        assertEquals("fake", second.sourceName(), "the exact source computed it");
        assertEquals(2000, second.grid().vmax());
        assertFalse(vm.staleProperty().get());
        assertTrue(vm.statusProperty().get().contains("Outside the network's domain"), vm.statusProperty().get());
        // back in the domain: the network again
        vm.editor().setVmax(256);
        assertEquals("tb-stand-in", awaitCurrentPreview().sourceName());
        assertEquals("", vm.sourceNoticeProperty().get());
        assertNotNull(vm.stateSnapshot().get("sets"));
    }

    @Test
    void compareWithExactReclassifiesWithExactBandsAndWarnsWhenTheNetworkIsFarOff() throws Exception {
        vm = new WorkbenchViewModel(new PreviewSources(new TightBindingStandIn(5), "stand-in network",
                new PlaneWaveSolver(PlaneWaveSettings.preview()), "exact (test)", PlaneWaveSolver.withDefaults()), ui,
                Runnable::run, new RecordingDialogs(), new WorkbenchState(dir.resolve("state")));
        vm.sourceChoiceProperty().set(SourceChoice.BOTH);
        vm.editor().sixHolesDistanceProperty().set(0.3343);
        vm.editor().applySixHoles();
        // "both": the comparison starts by itself once the network's preview is shown
        ui.runUntil("the automatic comparison", 180, vm::settled);
        PreviewResult shown = vm.previewProperty().get();
        assertEquals("tb-stand-in", shown.sourceName());
        WorkbenchViewModel.Comparison c = vm.comparisonProperty().get();
        assertEquals(shown.generation(), c.generation());
        // the exact classes are the engine's for this geometry (the stand-in's random bands are not)
        List<BandSet> expected = engine(vm.document().grid());
        for (BandSet e : expected) {
            if (e.classification() == BandSetClass.UNASSIGNED) {
                continue;
            }
            PreviewBandSet x = c.exactSets().stream().filter(q -> q.set().firstBand() == e.firstBand())
                    .findFirst().orElseThrow();
            assertEquals(e.lastBand(), x.set().lastBand());
            assertEquals(e.classification(), x.bandClass());
        }
        // a stand-in with random parameters is far from the exact bands: more than 3x the model card's rms
        assertTrue(c.rmsVmax() > 3 * io.bandsmith.models.inference.NetworkPredictor.MODEL_CARD_RMS_VMAX);
        assertNotNull(c.warning());
        assertTrue(vm.warnings().contains(c.warning()));
        for (PreviewBandSet s : shown.sets()) {
            PreviewBandSet x = c.exactSetOf(s);
            assertEquals(x != null && x.bandClass() == s.bandClass(), c.agrees(s), s.bandsLabel());
        }
        java.util.Map<String, Object> state = vm.stateSnapshot();
        assertEquals("tb-stand-in", state.get("source"));
        assertEquals(false, state.get("stale"));
    }
}
