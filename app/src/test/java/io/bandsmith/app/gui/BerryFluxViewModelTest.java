package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.app.gui.preview.BerryFluxMap;
import io.bandsmith.app.gui.preview.PreviewResult;
import io.bandsmith.app.gui.viewmodel.WorkbenchState;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.app.gui.viewmodel.ZoneMapMode;

/**
 * The zone map's Berry-flux mode in the view model, off the FX thread (results are queued and run on the test thread
 * by {@link UiQueue}): the flux of the chosen group from a tight-binding stand-in, computed as a second stage only
 * when shown and once the geometry has settled, superseded by a new geometry; refused with the exact solver.
 */
class BerryFluxViewModelTest {
    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue();
    private WorkbenchViewModel vm;

    private WorkbenchViewModel workbench(io.bandsmith.engine.bands.BandStructureSource source) {
        vm = new WorkbenchViewModel(source, "test source", ui, Runnable::run,
                new RecordingDialogs(), new WorkbenchState(dir.resolve("state")));
        return vm;
    }

    @AfterEach
    void tearDown() {
        if (vm != null) {
            vm.close();
        }
    }

    private PreviewResult awaitPreview() throws InterruptedException {
        ui.runUntil("the preview", 30, () -> vm.previewProperty().get() != null && !vm.computingProperty().get());
        return vm.previewProperty().get();
    }

    private BerryFluxMap awaitBerryFlux() throws InterruptedException {
        ui.runUntil("the Berry-flux map", 30, () -> vm.berryFluxCurrent() && !vm.berryComputingProperty().get());
        return vm.berryFluxProperty().get();
    }

    @Test
    void theBerryFluxOfTheChosenGroupSumsTo2PiTimesAChernNumberOfZeroAndIsOddUnderTimeReversal() throws Exception {
        TightBindingStandIn source = new TightBindingStandIn(11);
        workbench(source);
        assertTrue(vm.berryFluxAvailable());
        vm.editor().applySixHoles();
        PreviewResult shown = awaitPreview();
        assertNull(vm.berryFluxProperty().get());
        assertEquals(0, source.berryLookups.get(), "in gap mode no Berry flux is computed");

        // the group: the lowest complete band set the preview found (isolated on its k points)
        io.bandsmith.app.gui.preview.PreviewBandSet lowest = shown.sets().get(0);
        assertTrue(!lowest.top());
        int first = lowest.first() + 1;
        int last = lowest.last() + 1;
        assertTrue(vm.setBerryGroup(first, last));
        assertEquals(0, source.berryLookups.get(), "not while the gap is shown");
        assertTrue(vm.setZoneMapMode(ZoneMapMode.BERRY_FLUX));
        assertTrue(vm.berryComputingProperty().get());
        BerryFluxMap m = awaitBerryFlux();
        assertEquals(shown.generation(), m.generation(), "the map belongs to the geometry shown");
        assertEquals(first - 1, m.first());
        assertEquals(last - 1, m.last());
        assertEquals(BerryFluxMap.GRID * BerryFluxMap.GRID, m.plaquetteCount());
        assertEquals(900, m.plaquetteCount());
        assertTrue(m.isolated(), "an isolated set of the preview has no π defects");
        assertEquals(2 * Math.PI * m.chernNumber(), m.totalFlux(), 1e-9);
        assertEquals(0, m.chernNumber(), "class AI: time reversal forces C = 0");
        for (int i = 0; i < m.size(); i++) {
            for (int j = 0; j < m.size(); j++) {
                int[] q = m.inversePlaquette(i, j);
                double sum = m.flux(i, j) + m.flux(q[0], q[1]);
                assertEquals(0, sum - 2 * Math.PI * Math.rint(sum / (2 * Math.PI)), 1e-8, "F(-k) = -F(k)");
            }
        }
        assertTrue(vm.statusProperty().get().contains("Chern number 0"), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().contains("30x30"), vm.statusProperty().get());

        // another group of the same geometry reuses the eigenvectors: no new parameter look-up. Bands 1..3 cut a
        // multiplet or touch band 4 here: π defects, and the status says the Chern number is undefined
        int lookups = source.berryLookups.get();
        assertTrue(vm.setBerryGroup(1, 3));
        BerryFluxMap group = awaitBerryFlux();
        assertEquals(0, group.first());
        assertEquals(2, group.last());
        assertEquals(lookups, source.berryLookups.get(), "same geometry: eigenvectors reused");
        assertEquals(2 * Math.PI * group.chernNumber(), group.totalFlux(), 1e-9, "a lattice sum is 2π × integer");
        assertFalse(group.isolated());
        assertTrue(vm.statusProperty().get().contains("no Chern number"), vm.statusProperty().get());

        assertFalse(vm.setBerryGroup(3, 2), "last before first is refused");
        assertFalse(vm.setBerryGroup(1, 8), "beyond the 7 preview bands");
        assertEquals(1, vm.berryFirstProperty().get());
        assertEquals(3, vm.berryLastProperty().get());
    }

    @Test
    void aNewGeometrySupersedesTheRunningBerryFluxAndTheMapFollowsTheSettledGeometry() throws Exception {
        TightBindingStandIn source = new TightBindingStandIn(11);
        workbench(source);
        vm.setZoneMapMode(ZoneMapMode.BERRY_FLUX);
        vm.requestPreview();
        awaitPreview();
        awaitBerryFlux();
        // from now on the Berry thread is held inside its parameter look-up; the user paints on
        source.holdBerry();
        vm.editor().applyUniform(0.25);
        PreviewResult first = awaitPreview();
        ui.runUntil("the held Berry computation", 10, () -> source.berryLookups.get() >= 2);
        assertTrue(vm.berryComputingProperty().get());
        vm.editor().applyUniform(0.5);
        assertFalse(vm.berryComputingProperty().get(), "a new geometry cancels the running Berry flux");
        assertFalse(vm.berryFluxCurrent());
        source.releaseBerry();
        PreviewResult second = awaitPreview();
        BerryFluxMap m = awaitBerryFlux();
        assertTrue(second.generation() > first.generation());
        assertEquals(second.generation(), m.generation(), "the map shown is that of the newest geometry");
        ui.drain(300);
        assertEquals(second.generation(), vm.berryFluxProperty().get().generation(),
                "the cancelled computation never shows");

        // while the preview is busy with newer edits, no Berry flux is started for intermediate results
        int before = source.berryLookups.get();
        for (double v = 0.1; v < 0.45; v += 0.05) {
            vm.editor().applyUniform(v);
        }
        PreviewResult last = awaitPreview();
        BerryFluxMap settled = awaitBerryFlux();
        assertEquals(last.generation(), settled.generation());
        assertTrue(source.berryLookups.get() - before <= 2, "at most the intermediate result that settled briefly "
                + "and the final one: " + (source.berryLookups.get() - before));

        // back to the gap: nothing more is computed
        vm.setZoneMapMode(ZoneMapMode.GAP);
        int atGap = source.berryLookups.get();
        vm.editor().applyUniform(0.6);
        awaitPreview();
        ui.drain(300);
        assertEquals(atGap, source.berryLookups.get());
    }

    @Test
    void theExactSolverLeavesTheSwitchDisabledAndSaysWhy() throws Exception {
        workbench(new FakeBandSource());
        vm.requestPreview();
        awaitPreview();
        assertFalse(vm.berryFluxAvailable());
        assertFalse(vm.setZoneMapMode(ZoneMapMode.BERRY_FLUX));
        assertEquals(ZoneMapMode.GAP, vm.zoneMapModeProperty().get());
        assertTrue(vm.statusProperty().get().contains("eigenvectors"), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().contains("exact plane-wave solver"), vm.statusProperty().get());
        ui.drain(200);
        assertNull(vm.berryFluxProperty().get());
        assertFalse(vm.berryComputingProperty().get());
    }
}
