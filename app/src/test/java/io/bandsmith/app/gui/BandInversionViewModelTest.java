package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.bandsmith.app.gui.model.GeometryBase;
import io.bandsmith.app.gui.viewmodel.BandInversionViewModel;
import io.bandsmith.app.gui.viewmodel.EditorViewModel;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The band-inversion designer off the FX thread, with the exact solver: the p-d crossing of fig. 2 at R = a/3. */
class BandInversionViewModelTest {
    private final UiQueue ui = new UiQueue();
    private final StringProperty status = new SimpleStringProperty("");
    private final EditorViewModel editor = new EditorViewModel();
    private final BandInversionViewModel vm = new BandInversionViewModel(editor, status, ui);

    @AfterEach
    void tearDown() {
        vm.close();
    }

    @Test
    void thePAndDPairsAtGammaCrossAtAThird() throws Exception {
        vm.setSource(PlaneWaveSolver.withDefaults());
        vm.fromDistanceProperty().set(0.30);
        vm.toDistanceProperty().set(0.36);
        vm.countProperty().set(4);
        vm.holeRadiusProperty().set(0.12);
        assertTrue(vm.run(), status.get());
        ui.runUntil("the sweep", 120, () -> !vm.runningProperty().get());
        assertEquals(4, vm.rows().size());
        assertEquals(1.0, vm.progressProperty().get(), 1e-12);
        // docs/physics-notes.md: at R = 0.30 a, p 145.84 E0 below d 166.34 E0; the editor's L = 100 grid gives
        // levels within 1% of those (146.8 for p here)
        BandInversionViewModel.Row first = vm.rows().get(0);
        assertEquals(0.30, first.distance(), 1e-12);
        assertEquals(145.84, first.lowest("p"), 0.01 * 145.84);
        assertEquals(166.34, first.lowest("d"), 0.01 * 166.34);
        assertTrue(first.lowest("d") - first.lowest("p") > 15, "p well below d at R = 0.30 a");
        BandInversionViewModel.Row last = vm.rows().get(3);
        assertTrue(last.lowest("d") < last.lowest("p"), "inverted at R = 0.36 a");
        double r = vm.inversionProperty().get();
        assertEquals(1.0 / 3, r, 0.004, "the crossing is at R = a/3 (linear interpolation between 0.32 and 0.34)");
        assertTrue(status.get().contains("p and d cross at Γ at R = 0.33"), status.get());
        vm.open(r);
        GeometryBase.SixHoles base = assertInstanceOf(GeometryBase.SixHoles.class, editor.getDocument().base());
        assertEquals(r, base.distance(), 1e-12);
        assertEquals(0.12, base.holeRadius(), 1e-12);
    }

    @Test
    void cancelKeepsTheLevelsComputed() throws Exception {
        FakeBandSource slow = new FakeBandSource();
        vm.setSource(slow);
        vm.countProperty().set(200);
        slow.hold();
        vm.run();
        ui.drain(200);
        vm.cancel();
        slow.release();
        ui.runUntil("the cancelled sweep", 60, () -> !vm.runningProperty().get());
        int kept = vm.rows().size();
        assertTrue(kept >= 1 && kept < 200, kept + " rows");
        assertTrue(status.get().startsWith("Band inversion cancelled after " + kept + " of 200"), status.get());
    }
}
