package io.bandsmith.tests.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import io.bandsmith.app.gui.preview.BerryFluxMap;
import io.bandsmith.app.gui.view.WorkbenchView;
import io.bandsmith.app.gui.viewmodel.WorkbenchState;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.app.gui.viewmodel.ZoneMapMode;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.network.StarFeatures;
import io.bandsmith.models.network.TightBindingNetwork;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/**
 * The zone map's Berry-flux mode in the real window (TestFX, headless Monocle), with a tiny untrained network as the
 * tight-binding source (tests never use a trained network file): the switch is there and enabled, choosing
 * "Berry flux" shows the group selector and a mostly white map (with C2T the flux vanishes away from π defects),
 * the group selector recomputes it, and "gap" brings the gap map back.
 */
@ExtendWith(ApplicationExtension.class)
class ZoneMapBerryViewTest {
    private WorkbenchViewModel vm;
    private WorkbenchView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("bandsmith-berry-ui-test");
        ScriptedDialogs dialogs = new ScriptedDialogs();
        vm = new WorkbenchViewModel(new NetworkPredictor(NETWORK), "untrained network (UI test)",
                Platform::runLater, Runnable::run, dialogs,
                new WorkbenchState(dir.resolve("state")));
        view = new WorkbenchView(vm, dialogs);
        stage.setScene(new Scene(view, 1300, 820));
        stage.show();
        vm.editor().applyRandom();
    }

    @Stop
    void stop() {
        vm.close();
    }

    /** Made once, off the FX thread (under load its set-up would not fit into TestFX's start-up time). */
    private static final TightBindingNetwork NETWORK = tinyNetwork();

    private static TightBindingNetwork tinyNetwork() {
        StarFeatures features = new StarFeatures(8);
        SplittableRandom r = new SplittableRandom(31);
        double[][] samples = new double[16][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = features.of(RandomPotentialGenerator.withAlpha(1).stepPotential(100, r.nextLong(), 256));
        }
        return TightBindingNetwork.create(features, samples, new int[] {16}, 1e-3, 31).inDoublePrecision();
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** Fraction of near-white pixels in a box around the centre of the zone map (inside the hexagon). */
    private double whiteFractionInsideTheZone(FxRobot robot) throws Exception {
        Image img = fx(() -> view.zoneView().canvas().snapshot(null, null));
        PixelReader px = img.getPixelReader();
        double w = img.getWidth();
        double h = img.getHeight();
        // the hexagon is centred at about (8 + size/2, 26 + (h-26)/2); sample a box well inside it
        double size = Math.min(w - 70 - 16, h - 30);
        double cx = 8 + size / 2;
        double cy = 26 + (h - 26) / 2 - 4;
        int white = 0;
        int total = 0;
        for (double x = cx - size * 0.25; x < cx + size * 0.25; x += 2) {
            for (double y = cy - size * 0.2; y < cy + size * 0.2; y += 2) {
                Color c = px.getColor((int) x, (int) y);
                total++;
                if (c.getRed() > 0.93 && c.getGreen() > 0.93 && c.getBlue() > 0.93) {
                    white++;
                }
            }
        }
        return white / (double) total;
    }

    /** Visible on screen: the node and all its parents. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theModeSwitchShowsTheBerryFluxOfTheChosenGroupAndSwitchesBack(FxRobot robot) throws Exception {
        waitUntil("the bands", () -> fx(() -> vm.previewProperty().get() != null && !vm.computingProperty().get()));
        @SuppressWarnings("unchecked")
        ComboBox<ZoneMapMode> mode = robot.lookup("#zoneModeBox").queryAs(ComboBox.class);
        assertFalse(mode.isDisabled(), "a tight-binding source enables the switch");
        assertEquals(ZoneMapMode.GAP, mode.getValue());
        Node gapLower = robot.lookup("#gapLower").query();
        Node berryFirst = robot.lookup("#berryFirst").query();
        assertTrue(shown(gapLower));
        assertFalse(shown(berryFirst), "the group selector only shows in Berry-flux mode");
        assertTrue(whiteFractionInsideTheZone(robot) < 0.05, "the gap map has no white inside the zone");

        robot.clickOn("#zoneModeBox");
        robot.clickOn("Berry flux");
        assertEquals(ZoneMapMode.BERRY_FLUX, fx(() -> vm.zoneMapModeProperty().get()));
        waitUntil("the Berry-flux map", () -> fx(() -> vm.berryFluxCurrent() && !vm.berryComputingProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(berryFirst));
        assertFalse(shown(gapLower));
        BerryFluxMap m = fx(() -> vm.berryFluxProperty().get());
        assertEquals(0, m.first());
        assertEquals(0, m.last());
        assertEquals(900, m.plaquetteCount());
        assertEquals(2 * Math.PI * m.chernNumber(), m.totalFlux(), 1e-9);
        // time reversal, whatever the (untrained) network predicts and whether or not the group is isolated:
        // F(-k) = -F(k) plaquette by plaquette (mod 2π)
        for (int i = 0; i < m.size(); i++) {
            for (int j = 0; j < m.size(); j++) {
                int[] q = m.inversePlaquette(i, j);
                double sum = m.flux(i, j) + m.flux(q[0], q[1]);
                assertEquals(0, sum - 2 * Math.PI * Math.rint(sum / (2 * Math.PI)), 1e-8, "F(-k) = -F(k)");
            }
        }
        assertTrue(whiteFractionInsideTheZone(robot) > 0.5, "with C2T the flux is 0 (white) away from π defects: "
                + whiteFractionInsideTheZone(robot));
        assertTrue(fx(() -> vm.statusProperty().get()).startsWith("Berry flux of band 1 on 30x30 plaquettes"),
                fx(() -> vm.statusProperty().get()));

        // the group selector: bands 1..2
        @SuppressWarnings("unchecked")
        Spinner<Integer> last = robot.lookup("#berryLast").queryAs(Spinner.class);
        robot.interact(() -> last.increment());
        waitUntil("the map of bands 1-2", () -> fx(() -> vm.berryFluxCurrent() && vm.berryFluxProperty().get()
                .last() == 1));
        assertEquals(2, fx(() -> vm.berryLastProperty().get()));

        robot.clickOn("#zoneModeBox");
        robot.clickOn("gap");
        assertEquals(ZoneMapMode.GAP, fx(() -> vm.zoneMapModeProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(gapLower));
        assertTrue(whiteFractionInsideTheZone(robot) < 0.05, "the gap map is back");
    }
}
