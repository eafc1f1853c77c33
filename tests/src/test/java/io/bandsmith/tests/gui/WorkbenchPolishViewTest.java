package io.bandsmith.tests.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import io.bandsmith.app.gui.model.ShapeSpec;
import io.bandsmith.app.gui.view.WorkbenchView;
import io.bandsmith.app.gui.viewmodel.WorkbenchState;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.app.gui.viewmodel.ZoneMapMode;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.network.StarFeatures;
import io.bandsmith.models.network.TightBindingNetwork;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/**
 * Issue 11, items 4 and 8 and the exports, in the real window (TestFX, headless Monocle), with a tiny untrained
 * network as a fast tight-binding source: the α spinner follows an opened example, typed zone-map bands are taken,
 * the mode box stays where it is, Ctrl+Y redoes, a disc's sheet has no "Sides", the 3D view names its bands and its
 * energy scale, the inversion panel says nothing red before a run, the design list's header is not clipped, and the
 * exports have the sizes asked for.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchPolishViewTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("user.dir")).resolveSibling("assets")
            .resolve("examples");
    private WorkbenchViewModel vm;
    private WorkbenchView view;
    private ScriptedDialogs dialogs;
    private Path dir;
    /** Made once, off the FX thread: building it in every @Start can exceed TestFX's setup time on a busy machine. */
    private static TightBindingNetwork network;

    @org.junit.jupiter.api.BeforeAll
    static void makeNetwork() {
        network = tinyNetwork();
    }

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("bandsmith-polish-ui-test");
        dialogs = new ScriptedDialogs();
        vm = new WorkbenchViewModel(new NetworkPredictor(network), "untrained network (UI test)",
                Platform::runLater, Runnable::run, dialogs,
                new WorkbenchState(dir.resolve("state")));
        view = new WorkbenchView(vm, dialogs);
        stage.setScene(new Scene(view, 1300, 820));
        stage.show();
        vm.requestPreview();
    }

    @Stop
    void stop() {
        vm.close();
    }

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
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private void awaitPreview() throws Exception {
        waitUntil("the bands", () -> vm.previewProperty().get() != null && !vm.computingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private <T> Spinner<T> spinner(String id) {
        Node n = view.lookup("#" + id);
        assertNotNull(n, id);
        return (Spinner<T>) n;
    }

    @Test
    void theAlphaSpinnerShowsTheAlphaOfAnOpenedRandomPotential(FxRobot robot) throws Exception {
        Spinner<Double> alpha = spinner("randomAlpha");
        assertEquals(1.0, alpha.getValue(), 0.0);
        robot.interact(() -> assertTrue(vm.open(EXAMPLES.resolve("05-fragile-second-set-alpha0.5-seed87.json"))));
        assertEquals(0.5, alpha.getValue(), 0.0, "the spinner shows the α the potential was made with");
        assertEquals(87, (int) this.<Integer>spinner("randomSeed").getValue());
        // Generate uses what the spinner shows: the same geometry again
        var before = vm.document().grid();
        robot.interact(() -> vm.editor().applyRandom());
        assertEquals(before, vm.document().grid());
    }

    @Test
    void typedBandNumbersInTheZoneMapSpinnersAreTaken(FxRobot robot) throws Exception {
        Spinner<Integer> upper = spinner("gapUpper");
        robot.clickOn(upper.getEditor());
        robot.interact(() -> upper.getEditor().selectAll());
        robot.write("4").type(KeyCode.ENTER);
        waitUntil("the typed band", () -> vm.settingsProperty().get().gapUpper() == 4);
        // a refused pair (lower above upper) leaves the settings and the spinner shows them again
        Spinner<Integer> lower = spinner("gapLower");
        robot.clickOn(lower.getEditor());
        robot.interact(() -> lower.getEditor().selectAll());
        robot.write("6").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.settingsProperty().get().gapLower());
        assertEquals(1, (int) lower.getValue());
    }

    @Test
    void switchingTheZoneMapModeDoesNotMoveTheModeBoxAndClearsTheBerryMessage(FxRobot robot) throws Exception {
        awaitPreview();
        Node holder = view.lookup("#zoneModeHolder");
        Bounds gap = holder.localToScene(holder.getBoundsInLocal());
        robot.interact(() -> vm.setZoneMapMode(ZoneMapMode.BERRY_FLUX));
        waitUntil("the Berry flux", () -> vm.berryFluxCurrent() && !vm.berryComputingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.statusProperty().get().startsWith("Berry flux"), vm.statusProperty().get());
        Bounds berry = holder.localToScene(holder.getBoundsInLocal());
        assertEquals(gap.getMinX(), berry.getMinX(), 0.5, "the mode box stays put");
        robot.interact(() -> vm.setZoneMapMode(ZoneMapMode.GAP));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(gap.getMinX(), holder.localToScene(holder.getBoundsInLocal()).getMinX(), 0.5);
        assertFalse(vm.statusProperty().get().contains("Berry"), "the Berry message went with the Berry map: "
                + vm.statusProperty().get());
    }

    @Test
    void ctrlYRedoesAndCtrlShiftZToo(FxRobot robot) throws Exception {
        var empty = vm.document();
        robot.interact(() -> vm.editor().applyUniform(1));
        var full = vm.document();
        robot.clickOn("#undoButton");
        assertEquals(empty, vm.document());
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(full, vm.document(), "Ctrl+Y redoes");
        robot.clickOn("#undoButton");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(full, vm.document(), "Ctrl+Shift+Z redoes too");
    }

    @Test
    void aDiscHasNoSidesFieldAPolygonHas(FxRobot robot) {
        robot.interact(() -> vm.editor().addDisc());
        assertEquals(ShapeSpec.Kind.DISC, vm.editor().selectedShapeSpecProperty().get().kind());
        assertTrue(robot.lookup("#shapeSheet").lookup((Label l) -> "Sides".equals(l.getText())).queryAll().isEmpty(),
                "a disc shows no Sides");
        assertFalse(robot.lookup("#shapeSheet").lookup((Label l) -> "Size (a)".equals(l.getText())).queryAll()
                .isEmpty());
        robot.interact(() -> vm.editor().addPolygon());
        assertFalse(robot.lookup("#shapeSheet").lookup((Label l) -> "Sides".equals(l.getText())).queryAll()
                .isEmpty(), "a polygon shows its sides");
    }

    @Test
    void the3DViewNamesItsBandsAndItsEnergyScale(FxRobot robot) throws Exception {
        awaitPreview();
        for (int b : vm.settingsProperty().get().surfaceBands()) {
            Label l = (Label) view.lookup("#surfaceBand" + b);
            assertNotNull(l, "band " + b + " in the 3D legend");
            assertEquals("band " + b, l.getText());
        }
        Label scale = (Label) view.lookup("#surfaceEnergyScale");
        assertTrue(scale.getText().matches("E \\(blue axis\\): -?[0-9.e+-]+ … -?[0-9.e+-]+ E0"), scale.getText());
    }

    @Test
    void theInversionPanelSaysNothingRedBeforeARunAndTheDesignHeaderIsNotClipped(FxRobot robot) {
        robot.interact(() -> vm.design().shownProperty().set(true));
        Label inversion = (Label) view.lookup("#inversionLabel");
        assertNotNull(inversion);
        assertFalse(inversion.getText().contains("no p–d crossing"), inversion.getText());
        assertFalse(inversion.getStyle().contains("#b71c1c"), "not red before a run");
        Label header = (Label) view.lookup("#designsTitle");
        assertNotNull(header);
        assertTrue(header.isWrapText(), "the header wraps instead of ending in …");
    }

    @Test
    void exportsHaveTheSizesAskedForAndTheFormatsNamed(FxRobot robot) throws Exception {
        awaitPreview();
        Path bands = dir.resolve("bands.png");
        robot.interact(() -> view.exportBandPng(bands, 1600, 1000));
        BufferedImage b = ImageIO.read(bands.toFile());
        assertEquals(1600, b.getWidth());
        assertEquals(1000, b.getHeight());
        Path zone = dir.resolve("zone.png");
        robot.interact(() -> view.exportZoneMapPng(zone, 1400, 1000));
        BufferedImage z = ImageIO.read(zone.toFile());
        assertEquals(1400, z.getWidth());
        assertEquals(1000, z.getHeight());
        Path svg = dir.resolve("zone.svg");
        robot.interact(() -> view.exportZoneMapSvg(svg));
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.contains("data:image/png;base64,") && text.contains(">Γ<"));
        Path csv = dir.resolve("sets.csv");
        robot.interact(() -> view.exportSetTableCsv(csv));
        java.util.List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("Set (bands),Class,"), lines.get(0));
        assertTrue(lines.size() >= 2, "one line per band set");
        Path picture = dir.resolve("geometry.png");
        robot.interact(() -> vm.exportGeometryPicture(picture, 900));
        assertEquals(900, ImageIO.read(picture.toFile()).getWidth());
        Path h5 = dir.resolve("cell.h5");
        robot.interact(() -> vm.exportHdf5(h5));
        try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(h5)) {
            assertEquals(100, f.getDatasetByPath("/geometry/potential").getDimensions()[0]);
            assertEquals(vm.previewProperty().get().path().kpoints().size(),
                    f.getDatasetByPath("/bands/path/energies").getDimensions()[0]);
        }
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void parseSizeTakesWidthByHeightAndRefusesTheRest() {
        assertEquals(1600, WorkbenchView.parseSize("1600x1000")[0]);
        assertEquals(1000, WorkbenchView.parseSize(" 1600 × 1000 ")[1]);
        assertEquals(null, WorkbenchView.parseSize("1600"));
        assertEquals(null, WorkbenchView.parseSize("20x20"));
        assertEquals(null, WorkbenchView.parseSize("axb"));
    }
}
