package io.bandsmith.app.gui.viewmodel;

import java.util.function.UnaryOperator;

import io.bandsmith.app.gui.model.EditHistory;
import io.bandsmith.app.gui.model.GeometryBase;
import io.bandsmith.app.gui.model.GeometryDocument;
import io.bandsmith.app.gui.model.ShapeSpec;
import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The geometry editor's state: the document being edited, its undo/redo history, the brush, the parameters of the
 * paper's families (six holes, random potentials) and the shape list. JavaFX properties only; it never touches a
 * control, so tests drive it without the FX thread.
 *
 * <p>Every change of the document is an edit with one undo step. Continuous gestures (a brush stroke, a slider drag)
 * are one edit: {@link #beginGesture()} remembers the document, the gesture changes it freely, and
 * {@link #endGesture()} records one undo step if anything changed.
 */
public final class EditorViewModel {
    private final ReadOnlyObjectWrapper<GeometryDocument> document = new ReadOnlyObjectWrapper<>(
            GeometryDocument.empty());
    private final EditHistory<GeometryDocument> history = new EditHistory<>(200);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();

    private final DoubleProperty brushRadius = new SimpleDoubleProperty(0.06);
    private final BooleanProperty brushPaints = new SimpleBooleanProperty(true);

    private final DoubleProperty sixHolesDistance = new SimpleDoubleProperty(1.0 / 3);
    private final DoubleProperty sixHolesRadius = new SimpleDoubleProperty(0.12);

    private final DoubleProperty randomAlpha = new SimpleDoubleProperty(1.0);
    private final LongProperty randomSeed = new SimpleLongProperty(1);
    private final BooleanProperty randomSigmoid = new SimpleBooleanProperty(false);
    private final DoubleProperty randomBeta = new SimpleDoubleProperty(10);

    private final ObservableList<ShapeSpec> shapes = FXCollections.observableArrayList();
    /** Read-only view kept as a field: a view made per call holds its listeners weakly and may vanish. */
    private final ObservableList<ShapeSpec> shapesView = FXCollections.unmodifiableObservableList(shapes);
    private final IntegerProperty selectedShape = new SimpleIntegerProperty(-1);
    private final ObjectProperty<ShapeSpec> selectedShapeSpec = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    private GeometryDocument gestureStart;
    private boolean syncing;

    public EditorViewModel() {
        document.addListener((obs, old, doc) -> syncFromDocument(doc));
        selectedShape.addListener((obs, old, idx) -> syncSelection());
        syncFromDocument(document.get());
        sixHolesDistance.addListener((obs, old, v) -> followSixHoles());
        sixHolesRadius.addListener((obs, old, v) -> followSixHoles());
    }

    private void syncFromDocument(GeometryDocument doc) {
        syncing = true;
        try {
            syncFields(doc);
        } finally {
            syncing = false;
        }
    }

    private void syncFields(GeometryDocument doc) {
        if (!shapes.equals(doc.shapes())) {
            int keep = selectedShape.get();
            shapes.setAll(doc.shapes());
            selectedShape.set(keep < shapes.size() ? keep : shapes.size() - 1);
        }
        syncSelection();
        if (doc.base() instanceof GeometryBase.SixHoles h) {
            if (sixHolesDistance.get() != h.distance()) {
                sixHolesDistance.set(h.distance());
            }
            if (sixHolesRadius.get() != h.holeRadius()) {
                sixHolesRadius.set(h.holeRadius());
            }
        } else if (doc.base() instanceof GeometryBase.RandomField r) {
            randomAlpha.set(r.alpha());
            randomSeed.set(r.seed());
            randomSigmoid.set(r.sigmoid());
            randomBeta.set(r.beta());
        }
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }

    private void syncSelection() {
        int i = selectedShape.get();
        selectedShapeSpec.set(i >= 0 && i < shapes.size() ? shapes.get(i) : null);
    }

    /** When the base is the six-holes family, the sliders edit it directly. */
    private void followSixHoles() {
        if (!syncing && document.get().base() instanceof GeometryBase.SixHoles) {
            applySixHoles();
        }
    }

    // ---- the document and its history --------------------------------------------------------------------------

    public ReadOnlyObjectProperty<GeometryDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public GeometryDocument getDocument() {
        return document.get();
    }

    /** Replaces the document (a project was opened): the history starts afresh. */
    public void load(GeometryDocument doc) {
        history.clear();
        gestureStart = null;
        document.set(doc);
        syncFromDocument(doc);
    }

    /**
     * Applies an edit. Outside a gesture, it records one undo step; inside, the gesture's start is the undo step.
     * An edit that the model refuses (IllegalArgumentException) leaves the document as it was and says why in
     * {@link #messageProperty()}.
     */
    public boolean edit(UnaryOperator<GeometryDocument> change) {
        GeometryDocument before = document.get();
        GeometryDocument after;
        try {
            after = change.apply(before);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
        if (after.equals(before)) {
            return false;
        }
        if (gestureStart == null) {
            history.push(before);
        }
        document.set(after);
        return true;
    }

    public void beginGesture() {
        if (gestureStart == null) {
            gestureStart = document.get();
        }
    }

    public void endGesture() {
        if (gestureStart != null) {
            GeometryDocument start = gestureStart;
            gestureStart = null;
            if (!start.equals(document.get())) {
                history.push(start);
                syncFromDocument(document.get());
            }
        }
    }

    public boolean isInGesture() {
        return gestureStart != null;
    }

    public void undo() {
        endGesture();
        if (history.canUndo()) {
            document.set(history.undo(document.get()));
            syncFromDocument(document.get());
        }
    }

    public void redo() {
        endGesture();
        if (history.canRedo()) {
            document.set(history.redo(document.get()));
            syncFromDocument(document.get());
        }
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    // ---- brush -------------------------------------------------------------------------------------------------

    public DoubleProperty brushRadiusProperty() {
        return brushRadius;
    }

    public BooleanProperty brushPaintsProperty() {
        return brushPaints;
    }

    /** Starts a brush stroke (one undo step until {@link #endStroke()}). */
    public void beginStroke() {
        beginGesture();
    }

    /** One dab of the brush at Cartesian (x, y) in units of a: six copies appear, one per C6 rotation. */
    public void dab(double x, double y) {
        double r = brushRadius.get();
        boolean paint = brushPaints.get();
        edit(doc -> doc.withDab(x, y, r, paint));
    }

    public void endStroke() {
        endGesture();
    }

    public void clearBrushStrokes() {
        edit(GeometryDocument::withoutBrushStrokes);
    }

    // ---- families and bases ------------------------------------------------------------------------------------

    public DoubleProperty sixHolesDistanceProperty() {
        return sixHolesDistance;
    }

    public DoubleProperty sixHolesRadiusProperty() {
        return sixHolesRadius;
    }

    public DoubleProperty randomAlphaProperty() {
        return randomAlpha;
    }

    public LongProperty randomSeedProperty() {
        return randomSeed;
    }

    public BooleanProperty randomSigmoidProperty() {
        return randomSigmoid;
    }

    public DoubleProperty randomBetaProperty() {
        return randomBeta;
    }

    /** Makes the base the six-holes family with the current R and r. */
    public void applySixHoles() {
        double d = sixHolesDistance.get();
        double r = sixHolesRadius.get();
        edit(doc -> doc.withBase(new GeometryBase.SixHoles(d, r)));
    }

    public void applyRandom() {
        GeometryBase.RandomField base = new GeometryBase.RandomField(randomAlpha.get(), randomSeed.get(),
                randomSigmoid.get(), randomBeta.get());
        edit(doc -> doc.withBase(base));
    }

    /** A new seed and the random potential it gives. */
    public void nextRandomSeed() {
        randomSeed.set(randomSeed.get() + 1);
        applyRandom();
    }

    public void applyUniform(double fraction) {
        edit(doc -> doc.withBase(new GeometryBase.Uniform(fraction)));
    }

    /**
     * Makes an imported grid the base. A grid that breaks C6 by rounding only is symmetrized silently; a grid that
     * breaks it more is symmetrized too (the solver needs p6), and the message says by how much it was off.
     */
    public void importGrid(PotentialGrid grid, String sourceName) {
        double violation = C6GridSymmetry.maxViolation(grid);
        PotentialGrid symmetric = violation == 0 ? grid : C6GridSymmetry.symmetrize(grid);
        double[] f = new double[grid.size() * grid.size()];
        double[] v = symmetric.valuesE0();
        double vmax = document.get().vmax();
        for (int n = 0; n < f.length; n++) {
            f[n] = Math.max(0, Math.min(1, v[n] / vmax));
        }
        GeometryBase.Imported base = new GeometryBase.Imported(sourceName, grid.size(), f);
        boolean done = edit(doc -> GeometryDocument.of(grid.size(), doc.vmax(), base, doc.shapes()));
        if (done) {
            message.set(violation > C6GridSymmetry.DEFAULT_RELATIVE_TOLERANCE * grid.vmax()
                    ? String.format("%s was not C6-symmetric (max |V(x) - V(C6 x)| = %.3g Vmax): symmetrized by "
                            + "averaging over C6", sourceName, violation / grid.vmax())
                    : "imported " + sourceName + " (" + grid.size() + "x" + grid.size() + ")");
        }
    }

    /**
     * Replaces the whole geometry by a computed one (a design, a blended phase-map point) as an imported base layer,
     * at the grid's own size and Vmax (a design is valid at the Vmax it was made for); shapes and brush strokes are
     * dropped. One undo step.
     */
    public boolean loadComputedGrid(PotentialGrid grid, String sourceName) {
        PotentialGrid symmetric = C6GridSymmetry.isSymmetric(grid) ? grid : C6GridSymmetry.symmetrize(grid);
        double[] f = symmetric.fractions();
        for (int n = 0; n < f.length; n++) {
            f[n] = Math.max(0, Math.min(1, f[n]));
        }
        GeometryBase.Imported base = new GeometryBase.Imported(sourceName, grid.size(), f);
        boolean done = edit(doc -> GeometryDocument.of(grid.size(), grid.vmax(), base, java.util.List.of()));
        if (done) {
            message.set(String.format(java.util.Locale.ROOT, "Loaded %s into the editor (L = %d, Vmax = %.4g E0)",
                    sourceName, grid.size(), grid.vmax()));
        }
        return done;
    }

    public void setVmax(double vmax) {
        edit(doc -> doc.withVmax(vmax));
    }

    public void setGridSize(int size) {
        edit(doc -> doc.withSize(size));
    }

    // ---- shapes ------------------------------------------------------------------------------------------------

    /** The document's shapes, for lists (read only: edit through {@link #updateShape}). */
    public ObservableList<ShapeSpec> shapes() {
        return shapesView;
    }

    public IntegerProperty selectedShapeProperty() {
        return selectedShape;
    }

    /** The selected shape's parameters, or null; follows the selection and undo/redo. */
    public ObjectProperty<ShapeSpec> selectedShapeSpecProperty() {
        return selectedShapeSpec;
    }

    public void addDisc() {
        if (edit(doc -> doc.withAddedShape(ShapeSpec.disc(0.5, 0.2887, 0.1, 0.0)))) {
            selectedShape.set(shapes.size() - 1);
        }
    }

    public void addPolygon() {
        if (edit(doc -> doc.withAddedShape(ShapeSpec.polygon(0, 0, 0.2, 6, 0, 0.0)))) {
            selectedShape.set(shapes.size() - 1);
        }
    }

    public void removeSelectedShape() {
        int i = selectedShape.get();
        if (i >= 0 && i < shapes.size()) {
            edit(doc -> doc.withoutShape(i));
        }
    }

    /** Replaces shape {@code index} with new parameters (one undo step). */
    public boolean updateShape(int index, ShapeSpec spec) {
        return edit(doc -> doc.withShape(index, spec));
    }

    public boolean updateSelectedShape(UnaryOperator<ShapeSpec> change) {
        int i = selectedShape.get();
        if (i < 0 || i >= shapes.size()) {
            return false;
        }
        ShapeSpec updated;
        try {
            updated = change.apply(shapes.get(i));
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            syncSelection();
            return false;
        }
        return updateShape(i, updated);
    }

    /** Messages for the status line (refused edits, import notes). */
    public StringProperty messageProperty() {
        return message;
    }
}
