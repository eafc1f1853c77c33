package io.bandsmith.tests.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
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

import io.bandsmith.app.gui.model.GeometryDocument;
import io.bandsmith.app.gui.view.WorkbenchView;
import io.bandsmith.app.gui.viewmodel.WorkbenchState;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

/**
 * The workbench window, headless (TestFX + Monocle), on the exact solver: painting with symmetry, undo/redo,
 * editing a shape in the property sheet, saving and reopening, opening a corrupt project, exporting. File choosers
 * and alerts are answered by {@link ScriptedDialogs}.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchViewTest {
    private ScriptedDialogs dialogs;
    private WorkbenchViewModel vm;
    private WorkbenchView view;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("bandsmith-ui-test");
        dialogs = new ScriptedDialogs();
        vm = new WorkbenchViewModel(PlaneWaveSolver.withDefaults(), "exact solver (UI test)",
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

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        waitUntil(what, 20, condition);
    }

    private static void waitUntil(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private GeometryDocument document() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> vm.document()).get();
    }

    private static int paintedCells(PotentialGrid g) {
        int n = 0;
        for (double v : g.valuesE0()) {
            n += v > 0 ? 1 : 0;
        }
        return n;
    }

    private Point2D screenPoint(double x, double y) {
        double[] c = view.geometryView().toCanvas(x, y);
        return view.geometryView().canvas().localToScreen(c[0], c[1]);
    }

    private void fireMenu(FxRobot robot, String text) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = find(bar.getMenus(), text);
        assertNotNull(item, "menu item " + text);
        robot.interact(item::fire);
    }

    private static MenuItem find(java.util.List<? extends MenuItem> items, String text) {
        for (MenuItem mi : items) {
            if (text.equals(mi.getText())) {
                return mi;
            }
            if (mi instanceof Menu m) {
                MenuItem inner = find(m.getItems(), text);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    @Test
    void aBrushStrokeAppearsSixTimesAndUndoRedoRestoreIt(FxRobot robot) throws Exception {
        robot.interact(() -> vm.editor().brushRadiusProperty().set(0.06));
        assertEquals(0, paintedCells(document().grid()));
        robot.moveTo(screenPoint(0.55, 0.22)).press(MouseButton.PRIMARY);
        robot.moveTo(screenPoint(0.65, 0.25)).moveTo(screenPoint(0.75, 0.28)).release(MouseButton.PRIMARY);
        PotentialGrid painted = document().grid();
        int cells = paintedCells(painted);
        assertTrue(cells > 0, "the stroke painted something");
        assertTrue(C6GridSymmetry.isSymmetric(painted), "every stroke is symmetrized by C6");
        robot.clickOn("#undoButton");
        assertEquals(0, paintedCells(document().grid()), "one undo removes the whole stroke");
        robot.clickOn("#redoButton");
        assertEquals(painted, document().grid());
        waitUntil("the bands of the painted cell", () -> vm.previewProperty().get() != null
                && !vm.computingProperty().get() && vm.previewProperty().get().grid().equals(painted));
        assertTrue(robot.lookup("#statusLabel").queryAs(Label.class).getText().contains("last computation"));
    }

    @Test
    void theZoneMapCannotShowTheBerryFluxWithTheExactSolverAndSaysWhy(FxRobot robot) {
        javafx.scene.control.ComboBox<?> mode = robot.lookup("#zoneModeBox").queryAs(
                javafx.scene.control.ComboBox.class);
        assertTrue(mode.isDisabled(), "no eigenvectors from the exact solver: the switch is disabled");
        assertEquals(io.bandsmith.app.gui.viewmodel.ZoneMapMode.GAP, mode.getValue());
        Node holder = robot.lookup("#zoneModeHolder").query();
        Object tip = holder.getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(tip instanceof javafx.scene.control.Tooltip, "the reason is a tool tip on the switch");
        String text = ((javafx.scene.control.Tooltip) tip).getText();
        assertTrue(text.contains("eigenvectors") && text.contains("exact plane-wave solver"), text);
        robot.clickOn("#zoneModeBox");
        assertEquals(io.bandsmith.app.gui.viewmodel.ZoneMapMode.GAP, vm.zoneMapModeProperty().get());
        assertFalse(vm.berryFluxAvailable());
    }

    @Test
    void aShapeIsEditedInThePropertySheet(FxRobot robot) throws Exception {
        robot.interact(() -> vm.editor().applyUniform(1));
        robot.clickOn("#addDiscButton");
        PotentialGrid before = document().grid();
        TextField size = editorOf(robot, "Size (a)");
        // the sheet sits at the bottom of the scrolling control column
        robot.interact(() -> ((javafx.scene.control.ScrollPane) view.getLeft()).setVvalue(1.0));
        robot.clickOn(size);
        robot.interact(size::selectAll);
        // typed like a user, committed with Enter
        robot.write("0.2").type(KeyCode.ENTER);
        waitUntil("the new disc size", () -> vm.editor().selectedShapeSpecProperty().get().size() == 0.2);
        PotentialGrid after = document().grid();
        assertNotEquals(before, after);
        assertTrue(C6GridSymmetry.isSymmetric(after));
        assertTrue(paintedCells(after) < paintedCells(before), "a bigger hole leaves fewer full cells");
        robot.clickOn("#undoButton");
        waitUntil("the sheet to follow undo", () -> "0.1".equals(size.getText()));
    }

    /** The editor next to the label {@code name} in the ControlsFX property sheet. */
    private TextField editorOf(FxRobot robot, String name) {
        Label label = robot.lookup("#shapeSheet").lookup((Label l) -> name.equals(l.getText())).queryAs(Label.class);
        GridPane grid = (GridPane) label.getParent();
        Integer row = GridPane.getRowIndex(label);
        for (Node n : grid.getChildren()) {
            if (n != label && java.util.Objects.equals(GridPane.getRowIndex(n), row)) {
                if (n instanceof TextField tf) {
                    return tf;
                }
                TextField inner = (TextField) n.lookup(".text-field");
                if (inner != null) {
                    return inner;
                }
            }
        }
        throw new AssertionError("no text field for " + name);
    }

    @Test
    void aProjectIsSavedAndReopened(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.editor().applySixHoles();
            vm.editor().addDisc();
        });
        GeometryDocument saved = document();
        Path file = dir.resolve("six-holes.bandsmith.json");
        dialogs.nextFile = file;
        fireMenu(robot, "Save as…");
        assertTrue(Files.isRegularFile(file));
        assertFalse(vm.dirtyProperty().get());
        fireMenu(robot, "New");
        assertNotEquals(saved, document());
        fireMenu(robot, "Open…");
        assertEquals(saved, document());
        assertEquals("six-holes", vm.projectNameProperty().get());
        assertEquals(file, vm.projectFileProperty().get());
        assertTrue(vm.titleProperty().get().startsWith("six-holes"), vm.titleProperty().get());
    }

    @Test
    void aCorruptProjectOpensNothingAndSaysWhy(FxRobot robot) throws Exception {
        robot.interact(() -> vm.editor().applyUniform(1));
        GeometryDocument before = document();
        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, "{\"format\": \"bandsmith-project\", \"schemaVersion\": 1, \"geometry\": 7}");
        dialogs.nextFile = corrupt;
        dialogs.saveChoice = io.bandsmith.app.gui.viewmodel.DialogService.SaveChoice.DISCARD;
        fireMenu(robot, "Open…");
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).contains("corrupt.json"), dialogs.errors.get(0));
        assertEquals(before, document(), "the open project is unchanged");
        assertTrue(Files.readString(corrupt).endsWith("7}"), "the file is untouched");
    }

    @Test
    void bandsAndGeometryAreExported(FxRobot robot) throws Exception {
        robot.interact(() -> vm.editor().applySixHoles());
        waitUntil("bands", () -> vm.previewProperty().get() != null && !vm.computingProperty().get());
        Path png = dir.resolve("bands.png");
        dialogs.nextFile = png;
        fireMenu(robot, "Band diagram as PNG…");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "a PNG was written");
        assertTrue(img.getWidth() > 200 && img.getHeight() > 150, img.getWidth() + "x" + img.getHeight());
        Path csv = dir.resolve("bands.csv");
        dialogs.nextFile = csv;
        fireMenu(robot, "Band data as CSV…");
        assertTrue(Files.readString(csv).startsWith("k_index,"));
        Path npy = dir.resolve("cell.npy");
        dialogs.nextFile = npy;
        fireMenu(robot, "Geometry as .npy…");
        assertTrue(Files.size(npy) > 100 * 100);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertFalse(view.surfaceView().meshes().isEmpty(), "3D surfaces are built (even without 3D rendering)");
    }

    @Test
    void theSetTableShowsEverySetAndOldResultsAreGreyedUnderABanner(FxRobot robot) throws Exception {
        waitUntil("the bands", 120, () -> WaitForAsyncUtils.asyncFx(vm::settled).get());
        javafx.scene.control.TableView<?> table = view.setTable();
        int sets = WaitForAsyncUtils.asyncFx(() -> vm.previewProperty().get().sets().size()).get();
        assertEquals(sets, table.getItems().size());
        assertTrue(table.getHeight() >= 30 + 24 * sets, "every row in view: " + table.getHeight() + " px for "
                + sets + " sets");
        assertFalse(view.staleBannerLabel().isVisible());
        // a new Vmax: in the same pulse the old results are greyed and the banner says why
        String[] banner = new String[1];
        double[] opacity = new double[1];
        robot.interact(() -> {
            vm.editor().setVmax(512);
            banner[0] = view.staleBannerLabel().isVisible() ? view.staleBannerLabel().getText() : null;
            opacity[0] = view.bandView().getOpacity();
        });
        assertNotNull(banner[0], "the banner shows");
        assertTrue(banner[0].contains("Vmax 256 → 512 E0"), banner[0]);
        assertTrue(opacity[0] < 1, "the bands are greyed");
        waitUntil("the new bands", 120, () -> WaitForAsyncUtils.asyncFx(vm::settled).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.staleBannerLabel().isVisible());
        assertEquals(1.0, view.bandView().getOpacity());
        assertEquals(512, WaitForAsyncUtils.asyncFx(() -> vm.previewProperty().get().grid().vmax()).get());
    }
}
