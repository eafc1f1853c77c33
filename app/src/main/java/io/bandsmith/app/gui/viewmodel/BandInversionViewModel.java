package io.bandsmith.app.gui.viewmodel;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.ShapeRasterizer;
import io.bandsmith.engine.topology.SourceClassifier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The band-inversion designer (fig. 2): the six-holes family (holes of radius r at distance R from the C6 centre),
 * the labelled levels at Γ of the lowest bands against R, and the inversion point where the lowest p and d pairs
 * cross (at R = a/3 for r = 0.12 a, docs/physics-notes.md). One geometry at a time in the background, the levels
 * appearing as they come; Cancel keeps them. JavaFX properties only (docs/gui-threading.md).
 */
public final class BandInversionViewModel implements AutoCloseable {
    /** The labelled levels at Γ of one member of the family. */
    public record Row(double distance, HighSymmetryLevels gamma) {
        /** Energy (E0) of the lowest level labelled {@code symbol} at Γ, NaN when there is none. */
        public double lowest(String symbol) {
            for (int n = 0; n < gamma.count(); n++) {
                if (gamma.label(n).symbol().equals(symbol)) {
                    return gamma.energy(n);
                }
            }
            return Double.NaN;
        }
    }

    /** Levels computed at Γ (bands). */
    public static final int LEVELS = 7;

    private final EditorViewModel editor;
    private final StringProperty status;
    private final BackgroundJob job;

    private final DoubleProperty fromDistance = new SimpleDoubleProperty(0.25);
    private final DoubleProperty toDistance = new SimpleDoubleProperty(0.42);
    private final IntegerProperty count = new SimpleIntegerProperty(18);
    private final DoubleProperty holeRadius = new SimpleDoubleProperty(0.12);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    /** Read-only view kept as a field: a view made per call holds its listeners weakly and may vanish. */
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyDoubleWrapper inversion = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private BandStructureSource source;
    private Runnable onOpened = () -> { };

    public BandInversionViewModel(EditorViewModel editor, StringProperty status, Executor ui) {
        this.editor = editor;
        this.status = status;
        this.job = new BackgroundJob("bandsmith-inversion", ui);
        holeRadius.set(editor.sixHolesRadiusProperty().get());
    }

    public void setSource(BandStructureSource s) {
        this.source = s;
    }

    public void setOnOpened(Runnable r) {
        this.onOpened = r;
    }

    /** Smallest R (units of a). */
    public DoubleProperty fromDistanceProperty() {
        return fromDistance;
    }

    public DoubleProperty toDistanceProperty() {
        return toDistance;
    }

    /** Geometries between the two, ends included. */
    public IntegerProperty countProperty() {
        return count;
    }

    /** Hole radius r (units of a). */
    public DoubleProperty holeRadiusProperty() {
        return holeRadius;
    }

    /** The rows computed so far, in order of R. */
    public ObservableList<Row> rows() {
        return rowsView;
    }

    /** R (units of a) where the lowest p and d levels at Γ cross, interpolated linearly; NaN when they do not. */
    public ReadOnlyDoubleProperty inversionProperty() {
        return inversion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return job.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Starts the sweep in the background, at the editor's grid L and Vmax; false (and a message) when it cannot. */
    public boolean run() {
        if (job.runningProperty().get()) {
            return false;
        }
        double a = fromDistance.get();
        double b = toDistance.get();
        int n = count.get();
        double r = holeRadius.get();
        if (source == null || !(a >= 0 && b > a && b <= 1) || n < 2 || n > 400 || !(r > 0 && r <= 0.6)) {
            status.set("Band inversion: " + (source == null ? "no band source"
                    : "need 0 ≤ R from < R to ≤ 1 a, 2 … 400 geometries and 0 < r ≤ 0.6 a"));
            return false;
        }
        int size = editor.getDocument().size();
        double vmax = editor.getDocument().vmax();
        BandStructureSource s = source;
        rows.clear();
        inversion.set(Double.NaN);
        progress.set(0);
        status.set(String.format(Locale.ROOT, "Band inversion: levels at Γ of six holes r = %.3f a, R = %.3f … %.3f a"
                + " (%d geometries, L = %d, %s source)", r, a, b, n, size, s.name()));
        long t0 = System.nanoTime();
        job.start(control -> {
            int k = 0;
            for (; k < n && !control.cancelled(); k++) {
                double distance = a + (b - a) * k / (n - 1);
                PotentialGrid grid = ShapeRasterizer.sixHoles(size, distance, r, vmax);
                HighSymmetryLevels gamma = s.compute(grid, SourceClassifier.MAXIMAL_POINTS, LEVELS)
                        .highSymmetry("G");
                Row row = new Row(distance, gamma);
                int d = k + 1;
                double sec = (System.nanoTime() - t0) / 1e9;
                control.post(() -> {
                    rows.add(row);
                    inversion.set(crossing(rows));
                    progress.set((double) d / n);
                    progressText.set(String.format(Locale.ROOT, "%d/%d geometries · %.2f s each", d, n, sec / d));
                });
            }
            return k;
        }, k -> {
            double x = inversion.get();
            status.set((k == n ? "Band inversion done" : "Band inversion cancelled after " + k + " of " + n)
                    + (Double.isNaN(x) ? ": the lowest p and d levels at Γ do not cross in this range"
                            : String.format(Locale.ROOT, ": p and d cross at Γ at R = %.4f a", x)));
        }, e -> status.set("Band inversion failed: " + e.getMessage()));
        return true;
    }

    /** R where E(lowest d) - E(lowest p) changes sign, linearly interpolated; NaN when it does not. */
    static double crossing(List<Row> rows) {
        for (int k = 1; k < rows.size(); k++) {
            Row p = rows.get(k - 1);
            Row q = rows.get(k);
            double dp = p.lowest("d") - p.lowest("p");
            double dq = q.lowest("d") - q.lowest("p");
            if (Double.isNaN(dp) || Double.isNaN(dq)) {
                continue;
            }
            if (dp == 0) {
                return p.distance();
            }
            if (Math.signum(dp) != Math.signum(dq)) {
                return p.distance() + (q.distance() - p.distance()) * dp / (dp - dq);
            }
        }
        return Double.NaN;
    }

    public void cancel() {
        job.cancel();
    }

    /** Makes the editor's base the six holes at distance R (one undo step) and shows it. */
    public void open(double distance) {
        editor.sixHolesRadiusProperty().set(holeRadius.get());
        editor.sixHolesDistanceProperty().set(distance);
        editor.applySixHoles();
        status.set(String.format(Locale.ROOT, "Opened six holes at R = %.4f a, r = %.3f a", distance,
                holeRadius.get()));
        onOpened.run();
    }

    @Override
    public void close() {
        job.close();
    }
}
