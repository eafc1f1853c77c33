package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.bandsmith.app.gui.model.GeometryBase;
import io.bandsmith.app.gui.model.GeometryDocument;
import io.bandsmith.app.gui.model.ShapeSpec;
import io.bandsmith.app.gui.viewmodel.EditorViewModel;
import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;

/** The editor's view model, without the FX thread. */
class EditorViewModelTest {
    private static int painted(PotentialGrid g) {
        int n = 0;
        for (double v : g.valuesE0()) {
            n += v > 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void aBrushStrokeIsCopiedBySixRotationsAndIsOneUndoStep() {
        EditorViewModel vm = new EditorViewModel();
        vm.setGridSize(48);
        vm.brushRadiusProperty().set(0.05);
        vm.beginStroke();
        vm.dab(0.45, 0.20);
        vm.dab(0.50, 0.22);
        vm.endStroke();
        PotentialGrid g = vm.getDocument().grid();
        assertTrue(C6GridSymmetry.isSymmetric(g), "painting keeps the grid exactly C6-symmetric");
        // a dab away from the rotation centres paints six disjoint copies
        GeometryDocument single = GeometryDocument.of(48, 256, new GeometryBase.Uniform(0), java.util.List.of())
                .withDab(0.45, 0.20, 0.05, true);
        int cells = painted(single.grid());
        assertEquals(0, cells % 6, "six copies of the same dab: " + cells + " cells");
        int i = (int) Math.round((0.45 - 0.20 / Math.sqrt(3)) * 48);
        int j = (int) Math.round(0.20 * 2 / Math.sqrt(3) * 48);
        for (int k = 0; k < 6; k++) {
            assertEquals(256.0, single.grid().value(i, j), "copy " + k + " at (" + i + ", " + j + ")");
            int[] r = C6GridSymmetry.rotate(i, j, 48);
            i = r[0];
            j = r[1];
        }
        // undo goes back over the whole stroke (and the grid-size change before it)
        assertTrue(vm.canUndoProperty().get());
        vm.undo();
        assertEquals(0, painted(vm.getDocument().grid()));
        assertTrue(vm.canRedoProperty().get());
        vm.redo();
        assertEquals(g, vm.getDocument().grid());
        vm.undo();
        vm.undo();
        assertEquals(100, vm.getDocument().size());
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void erasingClearsPaintAndANewEditClearsRedo() {
        EditorViewModel vm = new EditorViewModel();
        vm.applyUniform(1);
        vm.brushPaintsProperty().set(false);
        vm.beginStroke();
        vm.dab(0.0, 0.0);
        vm.endStroke();
        assertEquals(0.0, vm.getDocument().grid().value(0, 0));
        vm.undo();
        assertEquals(256.0, vm.getDocument().grid().value(0, 0));
        vm.applyUniform(0.5);
        assertFalse(vm.canRedoProperty().get());
    }

    @Test
    void theSixHolesSliderEditsTheFamilyAndASlideIsOneUndoStep() {
        EditorViewModel vm = new EditorViewModel();
        vm.applySixHoles();
        GeometryDocument start = vm.getDocument();
        vm.beginGesture();
        vm.sixHolesDistanceProperty().set(0.30);
        vm.sixHolesDistanceProperty().set(0.37);
        vm.endGesture();
        assertEquals(new GeometryBase.SixHoles(0.37, 0.12), vm.getDocument().base());
        vm.undo();
        assertEquals(start, vm.getDocument());
        assertEquals(1.0 / 3, vm.sixHolesDistanceProperty().get(), 1e-12, "the slider follows undo");
    }

    @Test
    void shapesAreEditedThroughTheSelectionAndRefusedValuesSayWhy() {
        EditorViewModel vm = new EditorViewModel();
        vm.applyUniform(1);
        vm.addDisc();
        assertEquals(0, vm.selectedShapeProperty().get());
        PotentialGrid withDisc = vm.getDocument().grid();
        assertTrue(vm.updateSelectedShape(s -> s.withSize(0.15)));
        assertEquals(0.15, vm.selectedShapeSpecProperty().get().size());
        assertNotEquals(withDisc, vm.getDocument().grid());
        assertTrue(C6GridSymmetry.isSymmetric(vm.getDocument().grid()));
        assertFalse(vm.updateSelectedShape(s -> s.withSize(-1)));
        assertTrue(vm.messageProperty().get().contains("size"), vm.messageProperty().get());
        vm.undo();
        assertEquals(0.1, vm.selectedShapeSpecProperty().get().size(), "the sheet follows undo");
        vm.addPolygon();
        assertEquals(ShapeSpec.Kind.POLYGON, vm.selectedShapeSpecProperty().get().kind());
        vm.removeSelectedShape();
        assertEquals(1, vm.shapes().size());
    }

    @Test
    void anAsymmetricImportIsSymmetrizedAndSaysSo() {
        EditorViewModel vm = new EditorViewModel();
        double[] v = new double[12 * 12];
        v[5] = 256;
        vm.importGrid(PotentialGrid.of(12, v, 256), "odd.npy");
        assertEquals(12, vm.getDocument().size());
        assertTrue(C6GridSymmetry.isSymmetric(vm.getDocument().grid()));
        assertTrue(vm.messageProperty().get().contains("not C6-symmetric"), vm.messageProperty().get());
    }
}
