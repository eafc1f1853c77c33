package io.bandsmith.app.gui.viewmodel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.tightbinding.TightBindingSource;
import io.bandsmith.engine.topology.BandSet;
import io.bandsmith.engine.topology.BandSetClass;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.engine.topology.SourceClassifier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The exploration panel (fig. 3d, appendix I): N random potentials of the paper's distribution (α, seeds S … S+N-1,
 * sharp step, at the editor's L and Vmax), the first two band sets of each classified with every connectivity
 * method the source supports, counted per class, and a gallery of the potentials with a fragile set. One potential
 * at a time in the background; Cancel keeps the counts so far. JavaFX properties only (docs/gui-threading.md).
 */
public final class ExplorationViewModel implements AutoCloseable {
    /** One classified potential (sets per method), or one whose bands failed ({@code failure} set). */
    public record Sample(double alpha, long seed, PotentialGrid grid, Map<ConnectivityMethod, List<BandSet>> sets,
            String failure, String source) {
        public Sample(double alpha, long seed, PotentialGrid grid, Map<ConnectivityMethod, List<BandSet>> sets,
                String failure) {
            this(alpha, seed, grid, sets, failure, null);
        }

        /** True when some method finds a fragile set among its sets. */
        public boolean fragile() {
            return sets != null && sets.values().stream().flatMap(List::stream)
                    .anyMatch(s -> s.classification() == BandSetClass.FRAGILE);
        }

        /** Class of set {@code n} (0-based) with {@code method}; unassigned when missing or failed. */
        public BandSetClass setClass(ConnectivityMethod method, int n) {
            List<BandSet> l = sets == null ? null : sets.get(method);
            return l == null || n >= l.size() ? BandSetClass.UNASSIGNED : l.get(n).classification();
        }

        /**
         * Every set with every method, as the workbench's set table shows it (the engine's classes, "unassigned"
         * reading "not isolated"): what the gallery's tool tip says, and what the workbench shows when it opens the
         * sample with the same source and connectivity.
         */
        public String describe() {
            if (failure != null) {
                return "seed " + seed + ": failed (" + failure + ")";
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<ConnectivityMethod, List<BandSet>> e : sets.entrySet()) {
                List<String> ss = new ArrayList<>();
                for (BandSet s : e.getValue()) {
                    ss.add(String.format(Locale.ROOT, "%s %s%s", s.firstBand() == s.lastBand()
                            ? Integer.toString(s.firstBand()) : s.firstBand() + "–" + s.lastBand(),
                            io.bandsmith.app.gui.preview.ClassStyle.displayName(s.classification()),
                            s.classification() == BandSetClass.FRAGILE ? " " + s.fingerprint()
                                    : s.ebrs().isEmpty() ? "" : " (" + String.join(" + ", s.ebrs()) + ")"));
                }
                parts.add(e.getKey().cliName() + ": " + String.join(", ", ss));
            }
            return "α = " + alpha + ", seed " + seed + (source == null ? "" : ", " + source + " source") + ": "
                    + String.join("; ", parts);
        }
    }

    /** Counts [set 0/1][class ordinal] per method over the samples done so far. */
    public record Tally(int samples, int failures, Map<ConnectivityMethod, long[][]> counts) {
        public long count(ConnectivityMethod m, int set, BandSetClass c) {
            long[][] a = counts.get(m);
            return a == null ? 0 : a[set][c.ordinal()];
        }

        static Tally of(List<Sample> samples, List<ConnectivityMethod> methods) {
            Map<ConnectivityMethod, long[][]> counts = new EnumMap<>(ConnectivityMethod.class);
            for (ConnectivityMethod m : methods) {
                counts.put(m, new long[2][BandSetClass.values().length]);
            }
            int failures = 0;
            for (Sample s : samples) {
                failures += s.failure() != null ? 1 : 0;
                for (ConnectivityMethod m : methods) {
                    for (int set = 0; set < 2; set++) {
                        counts.get(m)[set][s.setClass(m, set).ordinal()]++;
                    }
                }
            }
            return new Tally(samples.size(), failures, counts);
        }
    }

    public static final int BANDS = 6;

    private final EditorViewModel editor;
    private final StringProperty status;
    private final BackgroundJob job;

    private final DoubleProperty alpha = new SimpleDoubleProperty(0.5);
    private final LongProperty seedStart = new SimpleLongProperty(0);
    private final IntegerProperty samples = new SimpleIntegerProperty(40);
    private final ObservableList<Sample> done = FXCollections.observableArrayList();
    /** Read-only view kept as a field: a view made per call holds its listeners weakly and may vanish. */
    private final ObservableList<Sample> doneView =
            FXCollections.unmodifiableObservableList(done);
    private final ObservableList<Sample> fragile = FXCollections.observableArrayList();
    /** Read-only view kept as a field: a view made per call holds its listeners weakly and may vanish. */
    private final ObservableList<Sample> fragileView =
            FXCollections.unmodifiableObservableList(fragile);
    private final ReadOnlyObjectWrapper<Tally> tally = new ReadOnlyObjectWrapper<>(Tally.of(List.of(), List.of()));
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ObservableList<ConnectivityMethod> methods = FXCollections.observableArrayList();
    /** Read-only view kept as a field: a view made per call holds its listeners weakly and may vanish. */
    private final ObservableList<ConnectivityMethod> methodsView =
            FXCollections.unmodifiableObservableList(methods);

    private BandStructureSource source;
    private final javafx.beans.property.BooleanProperty berry = new javafx.beans.property.SimpleBooleanProperty();
    private final IntegerProperty threads = new SimpleIntegerProperty(Runtime.getRuntime().availableProcessors());
    private List<ConnectivityMethod> runMethods = List.of();
    private Runnable onOpened = () -> { };

    /** Called after a geometry was loaded into the editor (the workbench then shows the editor). */
    public void setOnOpened(Runnable r) {
        this.onOpened = r;
    }


    public ExplorationViewModel(EditorViewModel editor, StringProperty status, Executor ui) {
        this.editor = editor;
        this.status = status;
        this.job = new BackgroundJob("bandsmith-explore", ui);
        berry.addListener((o, a, b) -> updateMethods());
    }

    /**
     * The network when installed, else the exact solver: naive and compat connectivity, and Berry connectivity
     * (slower: π defects on a 100x100 grid per potential) when {@link #berryProperty()} is on and the source gives
     * eigenvectors.
     */
    public void setSource(BandStructureSource s) {
        this.source = s;
        updateMethods();
    }

    private void updateMethods() {
        methods.setAll(source instanceof TightBindingSource && berry.get() ? List.of(ConnectivityMethod.NAIVE,
                ConnectivityMethod.COMPAT, ConnectivityMethod.BERRY)
                : List.of(ConnectivityMethod.NAIVE, ConnectivityMethod.COMPAT));
    }

    /** Adds the Berry connectivity (network only; off by default: it costs most of the time). */
    public javafx.beans.property.BooleanProperty berryProperty() {
        return berry;
    }

    /** True when the source gives eigenvectors, so that Berry connectivity can be asked for. */
    public boolean berryAvailable() {
        return source instanceof TightBindingSource;
    }

    /** Worker threads of a run (default: all cores). */
    public IntegerProperty threadsProperty() {
        return threads;
    }

    public DoubleProperty alphaProperty() {
        return alpha;
    }

    /** Seed of potential 0; potential i uses seed + i (as {@code ./bandsmith explore}). */
    public LongProperty seedStartProperty() {
        return seedStart;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    /** The methods the source supports (the columns of the chart). */
    public ObservableList<ConnectivityMethod> methods() {
        return methodsView;
    }

    /** Every potential classified so far, in seed order. */
    public ObservableList<Sample> samples() {
        return doneView;
    }

    /** The potentials with a fragile set (the gallery). */
    public ObservableList<Sample> fragileSamples() {
        return fragileView;
    }

    public ReadOnlyObjectProperty<Tally> tallyProperty() {
        return tally.getReadOnlyProperty();
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

    /** Starts the exploration in the background; false (and a message) when it cannot. */
    public boolean run() {
        if (job.runningProperty().get()) {
            return false;
        }
        int n = samples.get();
        double a = alpha.get();
        if (source == null || n < 1 || n > 100_000 || !Double.isFinite(a)) {
            status.set("Exploration: " + (source == null ? "no band source" : "N must be 1 … 100000 and α finite"));
            return false;
        }
        long s0 = seedStart.get();
        int size = editor.getDocument().size();
        double vmax = editor.getDocument().vmax();
        BandStructureSource s = source;
        List<ConnectivityMethod> ms = List.copyOf(methods);
        runMethods = ms;
        done.clear();
        fragile.clear();
        tally.set(Tally.of(List.of(), ms));
        progress.set(0);
        progressText.set("");
        status.set(String.format(Locale.ROOT, "Exploration running: %d random potentials, α = %.3g, L = %d, "
                + "Vmax = %.4g E0, %s source", n, a, size, vmax, s.name()));
        long t0 = System.nanoTime();
        RandomPotentialGenerator generator = RandomPotentialGenerator.withAlpha(a);
        int nThreads = Math.max(1, threads.get());
        job.start(control -> {
            // all cores: each worker takes the next seed; results are posted as they come and kept in seed order
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger finishedCount = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(nThreads,
                    r -> {
                        Thread t = new Thread(r, "bandsmith-explore-worker");
                        t.setDaemon(true);
                        t.setPriority(Thread.NORM_PRIORITY - 1);
                        return t;
                    });
            Runnable worker = () -> {
                int k;
                while (!control.cancelled() && !over.get() && (k = next.getAndIncrement()) < n) {
                    long seed = s0 + k;
                    PotentialGrid grid = generator.stepPotential(size, seed, vmax);
                    Sample sample;
                    try {
                        sample = new Sample(a, seed, grid, SourceClassifier.classify(s, grid, BANDS, ms), null,
                                s.name());
                    } catch (RuntimeException e) {
                        sample = new Sample(a, seed, grid, null, e.getMessage(), s.name());
                    }
                    if (control.cancelled() || over.get()) {
                        return; // asked to stop meanwhile: the run has already returned its count
                    }
                    Sample finished = sample;
                    int d = finishedCount.incrementAndGet();
                    double sec = (System.nanoTime() - t0) / 1e9;
                    control.post(() -> {
                        if (over.get() && control.cancelled()) {
                            return;
                        }
                        insertBySeed(done, finished);
                        if (finished.fragile()) {
                            insertBySeed(fragile, finished);
                        }
                        tally.set(Tally.of(done, runMethods));
                        progress.set((double) done.size() / n);
                        progressText.set(String.format(Locale.ROOT, "%d/%d potentials · %.3f s each (%d threads) · "
                                + "%d with a fragile set", done.size(), n, sec / d, nThreads, fragile.size()));
                    });
                }
            };
            for (int t = 0; t < nThreads; t++) {
                pool.execute(worker);
            }
            pool.shutdown();
            try {
                // poll often, so that Cancel returns within a fraction of a second even while workers are busy
                while (!pool.awaitTermination(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (control.cancelled()) {
                        break;
                    }
                }
            } finally {
                over.set(true);
                pool.shutdownNow();
            }
            return control.cancelled() ? -1 : n;
        }, k -> {
            k = k < 0 ? done.size() : k;
            status.set(String.format(Locale.ROOT, "Exploration %s: %d of %d potentials, %d with a fragile set%s",
                    k == n ? "done" : "cancelled", done.size(), n, fragile.size(), fragile.isEmpty() ? ""
                            : " (click one in the gallery to open it)"));
            progressText.set((k == n ? "done: " : "cancelled: ") + progressText.get());
        }, e -> status.set("Exploration failed: " + e.getMessage()));
        return true;
    }

    private static void insertBySeed(List<Sample> list, Sample s) {
        int i = list.size();
        while (i > 0 && list.get(i - 1).seed() > s.seed()) {
            i--;
        }
        list.add(i, s);
    }

    public void cancel() {
        if (job.runningProperty().get()) {
            job.cancel();
        }
    }

    /** Opens a sample in the editor as its random base (α, seed, sharp step). One undo step. */
    public void open(Sample s) {
        editor.randomAlphaProperty().set(s.alpha());
        editor.randomSeedProperty().set(s.seed());
        editor.randomSigmoidProperty().set(false);
        editor.applyRandom();
        boolean same = editor.getDocument().size() == s.grid().size()
                && editor.getDocument().vmax() == s.grid().vmax();
        status.set("Opened " + s.describe() + (same ? "" : " — note: the editor's L or Vmax differ from the "
                + "exploration's, so the geometry differs too"));
        onOpened.run();
    }

    @Override
    public void close() {
        job.close();
    }
}
