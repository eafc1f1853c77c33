package io.bandsmith.app.gui.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import io.bandsmith.app.gui.model.ProjectFiles;
import io.bandsmith.app.gui.model.ProjectFormatException;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.tightbinding.TightBindingSource;
import io.bandsmith.engine.topology.BandSet;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.models.design.PhaseMap;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The phase-map panel (fig. 3f): three corner geometries, their Fourier coefficients blended over a triangle, and
 * the classes of the first two band sets at every point, computed point by point in the background (progress,
 * Cancel, the points done so far stay on the map). Clicking a point loads its blended geometry into the editor.
 * JavaFX properties only (docs/gui-threading.md).
 */
public final class PhaseMapViewModel implements AutoCloseable {
    /** A corner: what it is called and its grid. */
    public record Corner(String name, PotentialGrid grid) {
    }

    public static final int DEFAULT_RESOLUTION = 8;
    public static final int BANDS = 6;
    /** The paper's exploration distribution: random potentials with α = 1/2, sharp step. */
    static final double DEFAULT_ALPHA = 0.5;
    static final long[] DEFAULT_SEEDS = {87, 88, 89};

    private final EditorViewModel editor;
    private final StringProperty status;
    private final DialogService dialogs;
    private final BackgroundJob job;

    private final ObservableList<Corner> corners = FXCollections.observableArrayList();
    /** Read-only view kept as a field: a view made per call holds its listeners weakly and may vanish. */
    private final ObservableList<Corner> cornersView =
            FXCollections.unmodifiableObservableList(corners);
    private final IntegerProperty resolution = new SimpleIntegerProperty(DEFAULT_RESOLUTION);
    private final ObjectProperty<ConnectivityMethod> method = new SimpleObjectProperty<>(ConnectivityMethod.COMPAT);
    private final ObservableList<ConnectivityMethod> methods = FXCollections.observableArrayList();
    /** Read-only view kept as a field: a view made per call holds its listeners weakly and may vanish. */
    private final ObservableList<ConnectivityMethod> methodsView =
            FXCollections.unmodifiableObservableList(methods);
    private final ObservableList<PhaseMap.Point> points = FXCollections.observableArrayList();
    /** Read-only view kept as a field: a view made per call holds its listeners weakly and may vanish. */
    private final ObservableList<PhaseMap.Point> pointsView =
            FXCollections.unmodifiableObservableList(points);
    private final ReadOnlyIntegerWrapper mapResolution = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourceNote = new ReadOnlyStringWrapper("");

    private BandStructureSource source;
    private PhaseMap map;
    private Runnable onOpened = () -> { };

    /** Called after a geometry was loaded into the editor (the workbench then shows the editor). */
    public void setOnOpened(Runnable r) {
        this.onOpened = r;
    }


    public PhaseMapViewModel(EditorViewModel editor, StringProperty status, DialogService dialogs, Executor ui) {
        this.editor = editor;
        this.status = status;
        this.dialogs = dialogs;
        this.job = new BackgroundJob("bandsmith-phasemap", ui);
        RandomPotentialGenerator g = RandomPotentialGenerator.withAlpha(DEFAULT_ALPHA);
        for (long s : DEFAULT_SEEDS) {
            corners.add(new Corner(String.format(Locale.ROOT, "random α = %.1f, seed %d", DEFAULT_ALPHA, s),
                    g.stepPotential(100, s, PotentialGrid.DEFAULT_VMAX)));
        }
        setSource(null);
    }

    /** Band source for the classification: the network when installed, else the exact solver. */
    public void setSource(BandStructureSource s) {
        this.source = s;
        boolean eigenvectors = s instanceof TightBindingSource;
        methods.setAll(eigenvectors ? List.of(ConnectivityMethod.NAIVE, ConnectivityMethod.COMPAT,
                ConnectivityMethod.BERRY) : List.of(ConnectivityMethod.NAIVE, ConnectivityMethod.COMPAT));
        if (!methods.contains(method.get())) {
            method.set(ConnectivityMethod.COMPAT);
        }
        sourceNote.set(s == null ? "no band source" : "classified with the " + s.name() + " source"
                + (eigenvectors ? "" : " (Berry connectivity needs the network's eigenvectors)"));
    }

    // ---- inputs ------------------------------------------------------------------------------------------------

    /** Always three corners: 1 bottom left, 2 bottom right, 3 top. */
    public ObservableList<Corner> corners() {
        return cornersView;
    }

    public void setCorner(int index, Corner corner) {
        corners.set(index, corner);
    }

    /** Corner {@code index} becomes the geometry in the editor now. */
    public void useEditorGeometry(int index) {
        PotentialGrid g = editor.getDocument().grid();
        setCorner(index, new Corner("editor: " + editor.getDocument().base().describe(), g));
        status.set("Phase map: corner " + (index + 1) + " is the editor's geometry");
    }

    /** Reads corner {@code index} from a project file ({@code .json}) or a {@code .npy} grid (one potential). */
    public boolean loadCorner(int index, Path file) {
        try {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            PotentialGrid g;
            if (n.endsWith(".npy")) {
                List<PotentialGrid> grids = NpyFiles.readPotentials(file, editor.getDocument().vmax());
                if (grids.size() != 1) {
                    throw new InvalidInputException(file, "a corner must hold one potential, the file holds "
                            + grids.size());
                }
                g = grids.get(0);
            } else {
                g = ProjectFiles.read(file).geometry().grid();
            }
            setCorner(index, new Corner(file.getFileName().toString(), g));
            status.set("Phase map: corner " + (index + 1) + " is " + file.getFileName());
            return true;
        } catch (ProjectFormatException | RuntimeException e) {
            dialogs.showError("Cannot use this corner", e.getMessage());
            status.set("Phase map: corner not changed: " + e.getMessage());
            return false;
        }
    }

    public boolean chooseCorner(int index) {
        return dialogs.chooseFileToOpen("Corner " + (index + 1) + " of the phase map",
                new DialogService.FileKind("Project or grid", "*.json", "*.npy"))
                .map(f -> loadCorner(index, f)).orElse(false);
    }

    /** Subdivisions N of each side: (N+1)(N+2)/2 points. */
    public IntegerProperty resolutionProperty() {
        return resolution;
    }

    public ObjectProperty<ConnectivityMethod> methodProperty() {
        return method;
    }

    /** The connectivity methods the source supports. */
    public ObservableList<ConnectivityMethod> methods() {
        return methodsView;
    }

    // ---- state -------------------------------------------------------------------------------------------------

    /** Points classified so far (all of them when the run finished), in no particular order. */
    public ObservableList<PhaseMap.Point> points() {
        return pointsView;
    }

    /** N of the map shown (0: none yet). */
    public ReadOnlyIntegerProperty mapResolutionProperty() {
        return mapResolution.getReadOnlyProperty();
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

    public ReadOnlyStringProperty sourceNoteProperty() {
        return sourceNote.getReadOnlyProperty();
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    /** Starts the map in the background; false (and a message) when the inputs do not make a map. */
    public boolean run() {
        if (job.runningProperty().get()) {
            return false;
        }
        int n = resolution.get();
        String problem = null;
        if (source == null) {
            problem = "no band source";
        } else if (n < 1 || n > 60) {
            problem = "resolution must be between 1 and 60, got " + n;
        } else {
            PotentialGrid first = corners.get(0).grid();
            for (Corner c : corners) {
                if (c.grid().size() != first.size() || c.grid().vmax() != first.vmax()) {
                    problem = "the corners must have the same grid size and Vmax; they have " + describeGrids();
                }
            }
        }
        if (problem != null) {
            status.set("Phase map: " + problem);
            return false;
        }
        List<PotentialGrid> grids = corners.stream().map(Corner::grid).toList();
        BandStructureSource s = source;
        ConnectivityMethod m = method.get();
        int total = (n + 1) * (n + 2) / 2;
        points.clear();
        map = null;
        mapResolution.set(n);
        progress.set(0);
        progressText.set("blending the corners…");
        status.set("Phase map running: " + total + " points, " + m.cliName() + " connectivity, " + s.name()
                + " source");
        long t0 = System.nanoTime();
        job.start(control -> {
            PhaseMap pm = new PhaseMap(grids, PhaseMap.DEFAULT_STAR_CUTOFF);
            control.post(() -> map = pm);
            List<PhaseMap.Point> finished = pm.compute(n, s, m, BANDS, p -> {
                double sec = (System.nanoTime() - t0) / 1e9;
                control.post(() -> {
                    // counted here, on the UI thread: workers finish in any order and their posts may overtake
                    points.add(p);
                    int d = points.size();
                    progress.set((double) d / total);
                    progressText.set(String.format(Locale.ROOT, "%d/%d points · %.2f s per point (all cores)", d,
                            total, sec / d));
                });
            }, control::cancelled);
            return finished.size();
        }, done -> {
            boolean complete = done == total;
            progressText.set(String.format(Locale.ROOT, "%s: %d/%d points in %.0f s", complete ? "done"
                    : "cancelled", done, total, (System.nanoTime() - t0) / 1e9));
            status.set(complete ? "Phase map done: click a point to open its geometry in the editor"
                    : "Phase map cancelled: " + done + " of " + total + " points kept");
        }, e -> {
            progressText.set("failed");
            status.set("Phase map failed: " + e.getMessage());
        });
        return true;
    }

    private String describeGrids() {
        List<String> out = new ArrayList<>();
        for (Corner c : corners) {
            out.add(String.format(Locale.ROOT, "L = %d, Vmax = %.4g", c.grid().size(), c.grid().vmax()));
        }
        return String.join("; ", out);
    }

    public void cancel() {
        if (job.runningProperty().get()) {
            job.cancel();
            progressText.set("cancelling…");
        }
    }

    /** The computed point at (i, j), or null. */
    public PhaseMap.Point pointAt(int i, int j) {
        for (PhaseMap.Point p : points) {
            if (p.i() == i && p.j() == j) {
                return p;
            }
        }
        return null;
    }

    /** Loads the blended geometry of point (i, j) of the shown map into the editor (one undo step). */
    public boolean openPoint(int i, int j) {
        int n = mapResolution.get();
        if (map == null || n == 0 || i < 0 || j < 0 || i + j > n) {
            return false;
        }
        double[] w = {(double) (n - i - j) / n, (double) i / n, (double) j / n};
        PhaseMap.Point p = pointAt(i, j);
        String classes = p == null ? "not classified yet" : describe(p);
        boolean done = editor.loadComputedGrid(map.blend(w), String.format(Locale.ROOT,
                "phase-map blend (%.2f, %.2f, %.2f)", w[0], w[1], w[2]));
        if (done) {
            status.set(String.format(Locale.ROOT, "Opened the blend (%.2f, %.2f, %.2f) of the corners: %s", w[0],
                    w[1], w[2], classes));
            onOpened.run();
        }
        return done;
    }

    /** "set 1: EBR (1-1), set 2: fragile (2-3)". */
    public static String describe(PhaseMap.Point p) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < Math.min(2, p.sets().size()); k++) {
            BandSet s = p.sets().get(k);
            parts.add(String.format(Locale.ROOT, "set %d: %s (bands %d–%d)", k + 1, s.classification().label(),
                    s.firstBand(), s.lastBand()));
        }
        return parts.isEmpty() ? "no band sets" : String.join(", ", parts);
    }

    @Override
    public void close() {
        job.close();
    }
}
