package io.bandsmith.app.gui.viewmodel;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.bandsmith.app.gui.export.BandExports;
import io.bandsmith.app.gui.model.GeometryDocument;
import io.bandsmith.app.gui.model.PreviewSettings;
import io.bandsmith.app.gui.model.Project;
import io.bandsmith.app.gui.model.ProjectFiles;
import io.bandsmith.app.gui.model.ProjectFormatException;
import io.bandsmith.app.gui.preview.BerryFluxMap;
import io.bandsmith.app.gui.preview.BerryFluxService;
import io.bandsmith.app.gui.preview.PreviewBandSet;
import io.bandsmith.app.gui.preview.PreviewClassifier;
import io.bandsmith.app.gui.preview.PreviewKPoints;
import io.bandsmith.app.gui.preview.PreviewResult;
import io.bandsmith.app.gui.preview.PreviewService;
import io.bandsmith.app.gui.preview.PreviewSources;
import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.io.PngFiles;
import io.bandsmith.engine.tightbinding.TightBindingSource;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.models.inference.NetworkPredictor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workbench: the project (file, name, unsaved changes, autosave, recent files), the live preview and the status
 * line, around an {@link EditorViewModel}. JavaFX properties only, no controls.
 *
 * <p>Threading (docs/gui-threading.md): every method and property belongs to one thread, the FX thread in the
 * workbench (the test thread in tests). Band computations run in a {@link PreviewService}; their results come back
 * through {@code uiExecutor}. Autosaves are written through {@code ioExecutor}.
 */
public final class WorkbenchViewModel implements AutoCloseable {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** The project file format for choosers. */
    public static final DialogService.FileKind PROJECT_FILES = new DialogService.FileKind("Bandsmith project",
            "*.json");
    /** What File > Open accepts: projects and potentials. */
    public static final DialogService.FileKind OPENABLE_FILES = new DialogService.FileKind(
            "Bandsmith project or potential (.npy)", "*.json", "*.npy");

    private final EditorViewModel editor = new EditorViewModel();
    private final DesignViewModel design;
    private final DialogService dialogs;
    private final WorkbenchState state;
    private final Executor ioExecutor;
    private final PreviewService previewService;
    private final PreviewSources sources;

    /** What a preview is computed from: when the shown result's key differs from the newest request's, it is stale. */
    private record Key(PotentialGrid grid, int bandCount, String source, ConnectivityMethod connectivity) {
    }

    private final ObjectProperty<SourceChoice> sourceChoice = new SimpleObjectProperty<>(SourceChoice.EXACT);
    private final ObjectProperty<ConnectivityMethod> connectivity =
            new SimpleObjectProperty<>(ConnectivityMethod.COMPAT);
    private final ReadOnlyStringWrapper activeSource = new ReadOnlyStringWrapper("exact");
    private final ReadOnlyStringWrapper sourceNotice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper staleReason = new ReadOnlyStringWrapper("");
    private Key requestedKey;

    private final ObjectProperty<PreviewSettings> settings = new SimpleObjectProperty<>(PreviewSettings.DEFAULT);
    private final ReadOnlyObjectWrapper<PreviewResult> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper previewError = new ReadOnlyStringWrapper("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Path> projectFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper projectName = new ReadOnlyStringWrapper("Untitled");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();

    /** Why the Berry-flux mode is off with the exact solver (tool tip and status line). */
    public static final String BERRY_UNAVAILABLE = "Berry flux needs Bloch eigenvectors: the preview runs on the "
            + "exact plane-wave solver, whose results carry energies only. It is available when the preview runs on "
            + "a tight-binding source (a trained network: --model FILE or models/bandsmith-p6.zip).";

    private final BerryFluxService berryService;
    private final ReadOnlyObjectWrapper<ZoneMapMode> zoneMapMode = new ReadOnlyObjectWrapper<>(ZoneMapMode.GAP);
    private final ReadOnlyIntegerWrapper berryFirst = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyIntegerWrapper berryLast = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyObjectWrapper<BerryFluxMap> berryFlux = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper berryComputing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper berryError = new ReadOnlyStringWrapper("");
    private long berryRequest = -1;

    private final ReadOnlyBooleanWrapper canCompare = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper comparing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final Executor uiExecutor;
    private ExecutorService compareExecutor;
    private BandStructureSource exactSource;
    private Future<?> compareTask;
    private volatile long compareId;

    private Path installation = installationFromSystem();
    private Project saved = Project.untitled();
    private Project lastAutosaved;
    private long requestedGeneration;

    /**
     * One band source only (tests): a tight-binding source is taken as the network, anything else as the exact
     * solver; "compare with exact" is off until {@link #setExactSource} gives an exact solver.
     *
     * @param sourceNote what the status line says about the source
     */
    public WorkbenchViewModel(BandStructureSource source, String sourceNote, Executor uiExecutor,
            Executor ioExecutor, DialogService dialogs, WorkbenchState state) {
        this(PreviewSources.single(source, sourceNote), uiExecutor, ioExecutor, dialogs, state);
    }

    /**
     * @param sources the network (if installed) and the exact solver; the network is the default source when there
     *        is one
     * @param uiExecutor runs preview results on the view models' thread ({@code Platform::runLater})
     * @param ioExecutor writes autosaves off that thread
     */
    public WorkbenchViewModel(PreviewSources sources, Executor uiExecutor, Executor ioExecutor, DialogService dialogs,
            WorkbenchState state) {
        this.dialogs = dialogs;
        this.state = state;
        this.ioExecutor = ioExecutor;
        this.sources = sources;
        this.uiExecutor = uiExecutor;
        this.design = new DesignViewModel(editor, status, dialogs, uiExecutor);
        BandStructureSource source = sources.network() != null ? sources.network() : sources.exact();
        sourceChoice.set(sources.network() != null ? SourceChoice.NN : SourceChoice.EXACT);
        activeSource.set(source.name());
        // until the application says otherwise: no network, classification with the preview's source
        design.setSources(null, source, null);
        this.previewService = new PreviewService(uiExecutor, new PreviewService.Listener() {
            @Override
            public void completed(PreviewResult result) {
                onPreview(result);
            }

            @Override
            public void failed(long generation, String message) {
                onPreviewFailed(generation, message);
            }
        });
        this.berryService = sources.network() != null
                ? new BerryFluxService(sources.network(), BerryFluxMap.GRID, uiExecutor, new BerryFluxService.Listener() {
                    @Override
                    public void completed(long requestId, BerryFluxMap map) {
                        onBerryFlux(requestId, map);
                    }

                    @Override
                    public void failed(long requestId, String message) {
                        onBerryFluxFailed(requestId, message);
                    }
                }) : null;
        recentFiles.setAll(state.recentFiles());
        editor.documentProperty().addListener((obs, old, doc) -> {
            updateDirty();
            requestPreview();
        });
        settings.addListener((obs, old, s) -> {
            updateDirty();
            if (old == null || old.bandCount() != s.bandCount()) {
                if (berryLast.get() > s.bandCount()) {
                    berryLast.set(s.bandCount());
                    berryFirst.set(Math.min(berryFirst.get(), s.bandCount()));
                }
                requestPreview();
            }
        });
        editor.messageProperty().addListener((obs, old, m) -> {
            if (m != null && !m.isEmpty()) {
                status.set(m);
            }
        });
        projectName.addListener((obs, o, n) -> updateTitle());
        dirty.addListener((obs, o, n) -> updateTitle());
        sourceChoice.addListener((obs, o, n) -> {
            if (n != SourceChoice.BOTH) {
                cancelComparison();
            }
            requestPreview();
        });
        connectivity.addListener((obs, o, n) -> requestPreview());
        if (sources.exactReference() != null && sources.network() != null) {
            setExactSource(sources.exactReference());
        }
        updateTitle();
        status.set("Ready · " + sourceNote());
    }

    public EditorViewModel editor() {
        return editor;
    }

    /** The Design area (inverse design, phase map, exploration). */
    public DesignViewModel design() {
        return design;
    }

    // ---- preview -----------------------------------------------------------------------------------------------

    /** Asks for bands of the current geometry (the latest request wins). */
    public void requestPreview() {
        PotentialGrid grid = editor.getDocument().grid();
        BandStructureSource source = chooseSource(grid);
        ConnectivityMethod method = connectivity.get();
        if (method == ConnectivityMethod.BERRY && !(source instanceof TightBindingSource)) {
            method = ConnectivityMethod.COMPAT;
            appendNotice("Berry connectivity needs the network's eigenvectors: the " + source.name()
                    + " source is classified with compat");
        }
        requestedKey = new Key(grid, settings.get().bandCount(), source.name(), method);
        requestedGeneration = previewService.request(grid, settings.get().bandCount(), source, method);
        computing.set(true);
        updateStale();
        // a Berry-flux map of the old geometry is no longer wanted: stop it at its next k point
        if (berryService != null) {
            berryService.cancel();
            berryRequest = -1;
            berryComputing.set(false);
        }
    }

    private void onPreview(PreviewResult result) {
        PreviewResult shown = preview.get();
        if (shown != null && shown.generation() > result.generation()) {
            return;
        }
        computing.set(result.generation() < requestedGeneration);
        previewError.set("");
        Comparison c = comparison.get();
        if (c != null && c.generation() != result.generation()) {
            comparison.set(null);
        }
        status.set(sourceNotice.get().isEmpty() ? previewStatus(result)
                : sourceNotice.get() + " · " + previewStatus(result));
        preview.set(result);
        updateStale();
        if (!computing.get()) {
            // the second stage: only once the geometry has settled (no newer request), and only when it is shown
            requestBerryFlux();
            if (sourceChoice.get() == SourceChoice.BOTH && !stale.get() && isNetwork(result.sourceName())
                    && exactSource != null) {
                compareWithExact();
            }
        }
    }

    /** The source for {@code grid}: the chosen one, or the exact solver where the network is out of its domain. */
    private BandStructureSource chooseSource(PotentialGrid grid) {
        sourceNotice.set("");
        SourceChoice choice = sourceChoice.get();
        BandStructureSource chosen;
        if (choice == SourceChoice.EXACT || sources.network() == null) {
            if (choice != SourceChoice.EXACT) {
                sourceNotice.set("No network is installed: bands by the exact solver");
            }
            chosen = sources.exact() != null ? sources.exact() : sources.network();
        } else {
            String problem = sources.networkDomainProblem(grid);
            if (problem != null && sources.exact() != null) {
                sourceNotice.set("Outside the network's domain (case " + PreviewSources.CASE + ", Vmax = "
                        + fmt(NetworkPredictor.TRAINED_VMAX) + " E0, L = " + PreviewSources.TRAINED_SIZE + "): "
                        + problem + "; bands by the exact solver");
                chosen = sources.exact();
            } else {
                if (problem != null) {
                    sourceNotice.set("Outside the network's domain: " + problem + " (no exact solver here)");
                }
                chosen = sources.network();
            }
        }
        activeSource.set(chosen.name());
        canCompare.set(exactSource != null && chosen instanceof TightBindingSource);
        return chosen;
    }

    /** Whether a result's source name is the network's. */
    private boolean isNetwork(String sourceName) {
        return sources.network() != null && sources.network().name().equals(sourceName);
    }

    private void appendNotice(String s) {
        sourceNotice.set(sourceNotice.get().isEmpty() ? s : sourceNotice.get() + "; " + s);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    /** Greys the shown results (and says why) while they belong to another geometry, band count or source. */
    private void updateStale() {
        PreviewResult r = preview.get();
        if (r == null || requestedKey == null) {
            stale.set(false);
            staleReason.set("");
            return;
        }
        Key shown = new Key(r.grid(), r.path().bandCount(), r.sourceName(), r.connectivity());
        if (shown.equals(requestedKey)) {
            stale.set(false);
            staleReason.set("");
            return;
        }
        List<String> why = new ArrayList<>();
        if (r.grid().vmax() != requestedKey.grid().vmax()) {
            why.add("Vmax " + fmt(r.grid().vmax()) + " → " + fmt(requestedKey.grid().vmax()) + " E0");
        }
        if (r.grid().size() != requestedKey.grid().size()) {
            why.add("L " + r.grid().size() + " → " + requestedKey.grid().size());
        }
        if (why.isEmpty() && !r.grid().equals(requestedKey.grid())) {
            why.add("the geometry changed");
        }
        if (shown.bandCount() != requestedKey.bandCount()) {
            why.add("band count " + shown.bandCount() + " → " + requestedKey.bandCount());
        }
        if (!shown.source().equals(requestedKey.source())) {
            why.add("source " + shown.source() + " → " + requestedKey.source());
        }
        if (shown.connectivity() != requestedKey.connectivity()) {
            why.add("connectivity " + shown.connectivity().cliName() + " → "
                    + requestedKey.connectivity().cliName());
        }
        stale.set(true);
        String err = previewError.get();
        staleReason.set("Out of date (" + String.join(", ", why) + "): " + (err.isEmpty() ? "recomputing…"
                : "not recomputed: " + err));
    }

    private void onPreviewFailed(long generation, String message) {
        if (generation < requestedGeneration) {
            return;
        }
        computing.set(false);
        previewError.set(message);
        status.set("Bands not computed: " + message);
        updateStale();
    }

    /** The status-line text for a finished preview. */
    public String previewStatus(PreviewResult r) {
        String flagged = "";
        if (r.uncertainty() != null) {
            int n = r.uncertainty().flags().size();
            flagged = String.format(Locale.ROOT, " · ensemble of %d networks: %s", r.uncertainty().members(),
                    n == 0 ? "no set to check" : n + " set" + (n == 1 ? "" : "s") + " to check with exact");
        }
        return String.format(Locale.ROOT, "Bands by the %s · last computation %.2f s, finished %s · classes: "
                + "engine classifier, %s connectivity%s", noteOf(r.sourceName()), r.seconds(),
                CLOCK.format(r.finishedAt()), r.connectivity().cliName(), flagged);
    }

    /**
     * Whether the current preview's ensemble asks to check set {@code s} with the exact solver (members classify it
     * differently, or a gap to its neighbours is below 3x the spread); false without an ensemble.
     */
    public boolean checkWithExact(PreviewBandSet s) {
        PreviewResult r = preview.get();
        return r != null && r.uncertainty() != null && r.uncertainty().flagOf(s) != null;
    }

    /** The note column of the set table: the set's own note and the ensemble's reason to check it, if any. */
    public String setNote(PreviewBandSet s) {
        PreviewResult r = preview.get();
        String flag = r == null || r.uncertainty() == null ? null : r.uncertainty().flagOf(s);
        String own = s.note();
        return flag == null ? own : own.isEmpty() ? flag : own + "; " + flag;
    }

    private String noteOf(String sourceName) {
        return isNetwork(sourceName) ? sources.networkNote()
                : sources.exactNote() != null ? sources.exactNote() : sourceName;
    }

    /** The source the user chose (the workbench may use the exact solver instead, see {@link #sourceNoticeProperty}). */
    public ObjectProperty<SourceChoice> sourceChoiceProperty() {
        return sourceChoice;
    }

    /** True when the network can be chosen. */
    public boolean networkAvailable() {
        return sources.network() != null;
    }

    /** True when the exact solver can be chosen. */
    public boolean exactAvailable() {
        return sources.exact() != null;
    }

    /** The connectivity rule of the band sets (compat by default; berry with the network only). */
    public ObjectProperty<ConnectivityMethod> connectivityProperty() {
        return connectivity;
    }

    /** The source name of the newest request: the network's ("nn") or the exact solver's ("exact"). */
    public ReadOnlyStringProperty activeSourceProperty() {
        return activeSource.getReadOnlyProperty();
    }

    /** Why the workbench uses another source than the chosen one (outside the network's domain), or empty. */
    public ReadOnlyStringProperty sourceNoticeProperty() {
        return sourceNotice.getReadOnlyProperty();
    }

    /** True while the shown results belong to another geometry, band count, source or connectivity. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The banner text while {@link #staleProperty()} is true, else empty. */
    public ReadOnlyStringProperty staleReasonProperty() {
        return staleReason.getReadOnlyProperty();
    }

    /** What the user should know about the shown results: source switches, bad comparisons, failures. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (!sourceNotice.get().isEmpty()) {
            out.add(sourceNotice.get());
        }
        if (stale.get()) {
            out.add(staleReason.get());
        } else if (!previewError.get().isEmpty()) {
            out.add("Bands not computed: " + previewError.get());
        }
        Comparison c = comparison.get();
        if (c != null && c.warning() != null) {
            out.add(c.warning());
        }
        return out;
    }

    public ReadOnlyObjectProperty<PreviewResult> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewErrorProperty() {
        return previewError.getReadOnlyProperty();
    }

    public ObjectProperty<PreviewSettings> settingsProperty() {
        return settings;
    }

    /** Chooses the two bands of the zone map (1-based); refused choices leave the settings and say why. */
    public void setGap(int lower, int upper) {
        try {
            settings.set(settings.get().withGap(lower, upper));
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
        }
    }

    public void setSurfaceBands(List<Integer> bands) {
        try {
            settings.set(settings.get().withSurfaceBands(bands));
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
        }
    }

    /** What the status line calls the source of the newest request. */
    public String sourceNote() {
        return noteOf(activeSource.get());
    }

    // ---- zone map: Berry flux ---------------------------------------------------------------------------------

    /** True when the preview's source is a tight-binding source, whose eigenvectors give the Berry flux. */
    public boolean berryFluxAvailable() {
        return berryService != null && isNetwork(activeSource.get());
    }

    public ReadOnlyObjectProperty<ZoneMapMode> zoneMapModeProperty() {
        return zoneMapMode.getReadOnlyProperty();
    }

    /**
     * Switches the zone map between the gap and the Berry flux. The Berry flux needs a tight-binding source; with the
     * exact solver the request is refused, the mode stays {@code GAP} and the status line says why.
     *
     * @return whether the mode is now the one asked for
     */
    public boolean setZoneMapMode(ZoneMapMode mode) {
        if (mode == ZoneMapMode.BERRY_FLUX && !berryFluxAvailable()) {
            status.set(BERRY_UNAVAILABLE);
            zoneMapMode.set(ZoneMapMode.GAP);
            return false;
        }
        zoneMapMode.set(mode);
        if (mode == ZoneMapMode.BERRY_FLUX) {
            requestBerryFlux();
        } else if (berryService != null) {
            berryService.cancel();
            berryRequest = -1;
            berryComputing.set(false);
            // the Berry-flux message belongs to the map that is no longer shown
            berryError.set("");
            PreviewResult shown = preview.get();
            status.set(shown != null ? previewStatus(shown) : "Ready · " + sourceNote());
        }
        return true;
    }

    /** First band of the Berry-flux group (1-based). */
    public ReadOnlyIntegerProperty berryFirstProperty() {
        return berryFirst.getReadOnlyProperty();
    }

    /** Last band of the Berry-flux group (1-based). */
    public ReadOnlyIntegerProperty berryLastProperty() {
        return berryLast.getReadOnlyProperty();
    }

    /**
     * Chooses the band group of the Berry-flux map, bands first..last (1-based, first <= last <= band count); a
     * refused choice leaves the group and says why.
     */
    public boolean setBerryGroup(int first, int last) {
        int count = settings.get().bandCount();
        if (first < 1 || last < first || last > count) {
            status.set("The Berry-flux group needs bands 1 <= first <= last <= " + count + ", got " + first + " and "
                    + last);
            return false;
        }
        berryFirst.set(first);
        berryLast.set(last);
        requestBerryFlux();
        return true;
    }

    /** The newest Berry-flux map (it may belong to an older preview while the next one is computed). */
    public ReadOnlyObjectProperty<BerryFluxMap> berryFluxProperty() {
        return berryFlux.getReadOnlyProperty();
    }

    /** True while the Berry flux of the shown preview is computed. */
    public ReadOnlyBooleanProperty berryComputingProperty() {
        return berryComputing.getReadOnlyProperty();
    }

    /** Why the last Berry-flux computation failed, or empty. */
    public ReadOnlyStringProperty berryErrorProperty() {
        return berryError.getReadOnlyProperty();
    }

    /** True when the Berry-flux map shown belongs to the shown preview and the chosen group. */
    public boolean berryFluxCurrent() {
        BerryFluxMap m = berryFlux.get();
        PreviewResult shown = preview.get();
        return m != null && shown != null && m.generation() == shown.generation()
                && m.first() == berryFirst.get() - 1 && m.last() == berryLast.get() - 1;
    }

    /** Starts the second stage for the shown preview when the Berry-flux map is shown and not current. */
    private void requestBerryFlux() {
        PreviewResult shown = preview.get();
        if (berryService == null || shown == null || zoneMapMode.get() != ZoneMapMode.BERRY_FLUX
                || !isNetwork(shown.sourceName())) {
            return;
        }
        if (berryFluxCurrent()) {
            berryComputing.set(false);
            return;
        }
        berryRequest = berryService.request(shown.generation(), shown.grid(), berryFirst.get() - 1,
                berryLast.get() - 1, settings.get().bandCount());
        berryComputing.set(true);
    }

    private void onBerryFlux(long requestId, BerryFluxMap map) {
        if (requestId != berryRequest) {
            return; // cancelled or superseded
        }
        berryComputing.set(false);
        PreviewResult shown = preview.get();
        if (shown == null || shown.generation() != map.generation()) {
            return;
        }
        berryError.set("");
        berryFlux.set(map);
        status.set(berryStatus(map));
    }

    private void onBerryFluxFailed(long requestId, String message) {
        if (requestId != berryRequest) {
            return;
        }
        berryComputing.set(false);
        berryError.set(message);
        status.set("Berry flux not computed: " + message);
    }

    /** The status-line text for a finished Berry-flux map. */
    public static String berryStatus(BerryFluxMap m) {
        int defects = m.piDefects().size();
        String chern = m.isolated() ? "Chern number " + m.chernNumber()
                : "no Chern number: the group touches a neighbouring band in " + defects + " plaquette"
                        + (defects == 1 ? "" : "s") + " (π defects)";
        return String.format(Locale.ROOT, "Berry flux of %s on %dx%d plaquettes: %s, total flux %s (2π × %d) · "
                + "%.2f s", m.bandsLabel(), m.size(), m.size(), chern, Numbers.significant(m.totalFlux(), 2 * Math.PI),
                m.chernNumber(), m.seconds());
    }

    // ---- compare with exact ------------------------------------------------------------------------------------

    /**
     * The exact bands of the geometry shown, for the overlay, how far the preview is from them, and the band sets the
     * engine's classifier finds in the exact bands.
     *
     * @param generation the preview it belongs to
     * @param exactPath the exact bands along the path
     * @param rmsVmax rms deviation of the preview from the exact bands over the path and the zone grid, in Vmax
     * @param seconds how long the exact computation took
     * @param exactSets the sets of the exact bands (same connectivity; compat where the preview used berry)
     * @param warning set when the rms exceeds 3x the model card's figure, else null
     */
    public record Comparison(long generation, BandStructure exactPath, double rmsVmax, double seconds,
            List<PreviewBandSet> exactSets, String warning) {
        public Comparison {
            exactSets = List.copyOf(exactSets);
        }

        /** What the exact bands say about the preview's set {@code s}: its class, or how they split those bands. */
        public String exactClassOf(PreviewBandSet s) {
            for (PreviewBandSet e : exactSets) {
                if (e.first() == s.first() && e.last() == s.last()) {
                    return e.classLabel();
                }
            }
            List<String> parts = new ArrayList<>();
            for (PreviewBandSet e : exactSets) {
                if (e.last() >= s.first() && e.first() <= s.last()) {
                    parts.add(e.bandsLabel() + " " + e.classLabel());
                }
            }
            return "split: " + String.join(", ", parts);
        }

        /** The exact set with the same bands as {@code s}, or null when the exact bands split them otherwise. */
        public PreviewBandSet exactSetOf(PreviewBandSet s) {
            for (PreviewBandSet e : exactSets) {
                if (e.first() == s.first() && e.last() == s.last()) {
                    return e;
                }
            }
            return null;
        }

        /** True when the exact bands give the same set with the same class. */
        public boolean agrees(PreviewBandSet s) {
            PreviewBandSet e = exactSetOf(s);
            return e != null && e.bandClass() == s.bandClass();
        }
    }

    /**
     * Makes "compare with exact" available: the preview runs on a faster source (the network) and this is the exact
     * solver. Null disables it (the preview already is exact).
     */
    public void setExactSource(BandStructureSource exact) {
        this.exactSource = exact;
        canCompare.set(exact != null && isNetwork(activeSource.get()));
        if (exact != null && compareExecutor == null) {
            compareExecutor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bandsmith-compare");
                t.setDaemon(true);
                return t;
            });
        }
    }

    public ReadOnlyBooleanProperty canCompareProperty() {
        return canCompare.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty comparingProperty() {
        return comparing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /**
     * Runs the exact solver on the geometry of the shown preview, in the background; the result comes back through
     * the UI executor as {@link #comparisonProperty()} unless it was cancelled or the preview moved on meanwhile.
     */
    public void compareWithExact() {
        PreviewResult shown = preview.get();
        if (exactSource == null || (shown != null && !isNetwork(shown.sourceName()))) {
            status.set("Compare with exact: the preview already runs on the exact solver");
            return;
        }
        if (shown == null) {
            dialogs.showError("Nothing to compare", "The bands have not been computed yet.");
            return;
        }
        cancelComparison();
        long id = ++compareId;
        BandStructureSource exact = exactSource;
        comparing.set(true);
        status.set("Computing the exact bands for comparison…");
        compareTask = compareExecutor.submit(() -> {
            long t0 = System.nanoTime();
            try {
                KPointSet path = shown.path().kpoints();
                KPointSet wedge = PreviewKPoints.wedge();
                BandStructure all = exact.compute(shown.grid(), PreviewKPoints.combined(path, wedge),
                        shown.path().bandCount());
                double rms = rmsDeviation(shown, all) / shown.grid().vmax();
                double[][] e = all.energies();
                BandStructure exactPath = new BandStructure(path, java.util.Arrays.copyOfRange(e, 0, path.size()),
                        all.highSymmetry(), all.vmax(), all.source());
                BandStructure exactZone = new BandStructure(wedge, java.util.Arrays.copyOfRange(e, path.size(),
                        e.length), all.highSymmetry(), all.vmax(), all.source());
                ConnectivityMethod method = shown.connectivity() == ConnectivityMethod.BERRY
                        ? ConnectivityMethod.COMPAT : shown.connectivity();
                List<PreviewBandSet> exactSets = PreviewClassifier.classify(exact, shown.grid(), exactPath,
                        List.of(exactZone), method);
                String warning = rms > 3 * NetworkPredictor.MODEL_CARD_RMS_VMAX
                        ? String.format(Locale.ROOT, "The network is off by %.2e Vmax rms here, %.0fx the model "
                                + "card's %.2e: trust the exact classes", rms,
                                rms / NetworkPredictor.MODEL_CARD_RMS_VMAX, NetworkPredictor.MODEL_CARD_RMS_VMAX)
                        : null;
                Comparison c = new Comparison(shown.generation(), exactPath, rms, (System.nanoTime() - t0) / 1e9,
                        exactSets, warning);
                uiExecutor.execute(() -> finishComparison(id, c, null));
            } catch (RuntimeException ex) {
                uiExecutor.execute(() -> finishComparison(id, null, ex.getMessage()));
            }
        });
    }

    /** rms of E_preview - E_exact over the path and the wedge grid, all bands, E0. */
    static double rmsDeviation(PreviewResult shown, BandStructure exactAll) {
        int pathSize = shown.path().kpoints().size();
        int bands = shown.path().bandCount();
        double sum = 0;
        int count = 0;
        for (int k = 0; k < pathSize; k++) {
            for (int n = 0; n < bands; n++) {
                double d = shown.path().energy(k, n) - exactAll.energy(k, n);
                sum += d * d;
                count++;
            }
        }
        int w = shown.zone().divisions();
        int k = pathSize;
        for (int i = 0; i <= w; i++) {
            for (int j = 0; i + j <= w; j++) {
                for (int n = 0; n < bands; n++) {
                    double d = shown.zone().gridEnergy(i, j, n) - exactAll.energy(k, n);
                    sum += d * d;
                    count++;
                }
                k++;
            }
        }
        return Math.sqrt(sum / count);
    }

    private void finishComparison(long id, Comparison c, String error) {
        if (id != compareId) {
            return; // cancelled or superseded
        }
        comparing.set(false);
        if (error != null) {
            status.set("Exact comparison failed: " + error);
            return;
        }
        PreviewResult shown = preview.get();
        if (shown == null || shown.generation() != c.generation()) {
            status.set("Exact comparison dropped: the geometry changed meanwhile");
            return;
        }
        comparison.set(c);
        long disagree = shown.sets().stream().filter(s -> !c.agrees(s)).count();
        status.set(String.format(Locale.ROOT, "Compared with the exact solver: rms deviation %.2e Vmax (%.2f s); "
                + "%s%s", c.rmsVmax(), c.seconds(), disagree == 0 ? "every set has the same class"
                        : disagree + " set" + (disagree == 1 ? "" : "s") + " classed differently (highlighted)",
                c.warning() == null ? "" : " · " + c.warning()));
    }

    /** Cancels a running comparison; its result, if it still arrives, is dropped. */
    public void cancelComparison() {
        if (comparing.get()) {
            compareId++;
            if (compareTask != null) {
                compareTask.cancel(true);
            }
            comparing.set(false);
            status.set("Exact comparison cancelled");
        }
    }

    // ---- what the workbench shows, for outside checks -----------------------------------------------------------

    /** True once the preview of the current geometry and settings is shown (and, with "both", its comparison). */
    public boolean settled() {
        PreviewResult r = preview.get();
        if (r == null || computing.get() || stale.get()) {
            return false;
        }
        if (sourceChoice.get() == SourceChoice.BOTH && isNetwork(r.sourceName()) && exactSource != null) {
            Comparison c = comparison.get();
            return !comparing.get() && c != null && c.generation() == r.generation();
        }
        return true;
    }

    /**
     * What the workbench shows, as {@code gui --dump-state} writes it: source, case, staleness, warnings and the band
     * sets with the class names of {@code ./bandsmith classify} ("EBR", "composite", "fragile", "unassigned"); with a
     * comparison, each set's exact class too.
     */
    public java.util.Map<String, Object> stateSnapshot() {
        java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
        PreviewResult r = preview.get();
        doc.put("source", r != null ? r.sourceName() : activeSource.get());
        doc.put("requested_source", sourceChoice.get().cliName());
        doc.put("case", PreviewSources.CASE);
        doc.put("vmax", editor.getDocument().vmax());
        doc.put("size", editor.getDocument().size());
        doc.put("connectivity", r != null ? r.connectivity().cliName() : connectivity.get().cliName());
        doc.put("stale", r == null || stale.get());
        doc.put("warnings", warnings());
        Comparison c = comparison.get();
        if (c != null && r != null && c.generation() == r.generation()) {
            doc.put("exact_rms_vmax", c.rmsVmax());
        } else {
            c = null;
        }
        List<Object> sets = new ArrayList<>();
        if (r != null) {
            for (PreviewBandSet s : r.sets()) {
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("bands", List.of(s.set().firstBand(), s.set().lastBand()));
                m.put("class", s.bandClass().label());
                m.put("fingerprint", s.set().fingerprint().toList());
                m.put("decomposition", s.decomposition());
                m.put("may_continue_above", s.top());
                if (c != null) {
                    PreviewBandSet e = c.exactSetOf(s);
                    m.put("exact_class", e == null ? "split differently" : e.bandClass().label());
                    m.put("agrees_with_exact", c.agrees(s));
                }
                sets.add(m);
            }
        }
        doc.put("sets", sets);
        return doc;
    }

    // ---- project files -----------------------------------------------------------------------------------------

    public StringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<Path> projectFileProperty() {
        return projectFile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty projectNameProperty() {
        return projectName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /** The project as it is now (immutable). */
    public Project currentProject() {
        return new Project(projectName.get(), editor.getDocument(), settings.get());
    }

    private void updateDirty() {
        Project now = currentProject();
        dirty.set(!(now.geometry().equals(saved.geometry()) && now.settings().equals(saved.settings())));
    }

    private void updateTitle() {
        title.set((dirty.get() ? "• " : "") + projectName.get() + " — Bandsmith workbench");
    }

    private void adopt(Project p, Path file) {
        saved = p;
        lastAutosaved = null;
        projectName.set(p.name());
        projectFile.set(file);
        settings.set(p.settings());
        editor.load(p.geometry());
        updateDirty();
    }

    /** Asks to save unsaved changes; false when the user cancelled (or saving failed). */
    public boolean confirmDiscardChanges() {
        if (!dirty.get()) {
            return true;
        }
        return switch (dialogs.askSaveChanges(projectName.get())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    public void newProject() {
        if (confirmDiscardChanges()) {
            adopt(Project.untitled(), null);
            state.deleteAutosave();
            status.set("New project");
        }
    }

    /**
     * Opens a project. A file that cannot be read (corrupt, not a project, from a newer version) opens nothing,
     * says why, and changes nothing: neither the current project nor any file.
     */
    public boolean open(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            return openPotential(file);
        }
        Project p;
        try {
            p = ProjectFiles.read(file);
        } catch (ProjectFormatException e) {
            dialogs.showError("Cannot open project", e.getMessage());
            status.set("Not opened: " + e.getMessage());
            return false;
        }
        adopt(p, file);
        recentFiles.setAll(state.addRecent(file));
        state.deleteAutosave();
        status.set("Opened " + file.getFileName());
        return true;
    }

    /**
     * Opens a potential ({@code .npy}: one (L, L) grid, a uint8/bool mask with V = 256 E0 · mask or a float potential
     * in E0, read as {@code ./bandsmith classify} reads it) as a new untitled project whose base is that grid.
     */
    public boolean openPotential(Path file) {
        PotentialGrid grid;
        try {
            List<PotentialGrid> grids = NpyFiles.readPotentials(file, PotentialGrid.DEFAULT_VMAX);
            if (grids.size() != 1) {
                throw new InvalidInputException(file, "holds " + grids.size()
                        + " potentials; the workbench opens one (L, L) grid");
            }
            grid = grids.get(0);
            if (grid.size() > 400) {
                throw new InvalidInputException(file, "grid " + grid.size() + "x" + grid.size()
                        + " is larger than the editor's 400x400");
            }
        } catch (RuntimeException e) {
            dialogs.showError("Cannot open potential", e.getMessage());
            status.set("Not opened: " + e.getMessage());
            return false;
        }
        String name = file.getFileName().toString().replaceFirst("\\.npy$", "");
        adopt(Project.untitled().withName(name), null);
        editor.loadComputedGrid(grid, file.getFileName().toString());
        saved = currentProject();
        updateDirty();
        recentFiles.setAll(state.addRecent(file));
        status.set("Opened potential " + file.getFileName() + " (L = " + grid.size() + ", Vmax = "
                + fmt(grid.vmax()) + " E0)");
        return true;
    }

    /** Asks to save changes, then for a file, then opens it. */
    public boolean openWithChooser() {
        if (!confirmDiscardChanges()) {
            return false;
        }
        return dialogs.chooseFileToOpen("Open project or potential", OPENABLE_FILES).map(this::open).orElse(false);
    }

    public boolean openRecent(Path file) {
        return confirmDiscardChanges() && open(file);
    }

    public boolean save() {
        Path file = projectFile.get();
        if (file != null && insideInstallation(file)) {
            // a shipped example: never overwritten in place (and the launcher would rebuild); a copy goes elsewhere
            status.set(file.getFileName() + " belongs to the installation (a shipped example): save a copy in a "
                    + "folder of your own");
            return saveAs();
        }
        return file == null ? saveAs() : saveTo(file);
    }

    /** The installation (examples, network) that Save never writes into; null: none known. */
    public void setInstallation(Path home) {
        installation = home == null ? null : home.toAbsolutePath().normalize();
    }

    /** True when {@code file} lies inside the installation ({@code -Dbandsmith.home}, set by the launcher). */
    public boolean insideInstallation(Path file) {
        return installation != null && file.toAbsolutePath().normalize().startsWith(installation);
    }

    private static Path installationFromSystem() {
        String home = System.getProperty("bandsmith.home");
        return home == null || home.isBlank() ? null : Path.of(home).toAbsolutePath().normalize();
    }

    public boolean saveAs() {
        String suggested = projectName.get().replaceAll("[^A-Za-z0-9._-]+", "-") + ProjectFiles.EXTENSION;
        return dialogs.chooseFileToSave("Save project", PROJECT_FILES, suggested).map(this::saveTo).orElse(false);
    }

    /** Writes the project atomically (a failed write leaves the old file as it was). */
    public boolean saveTo(Path file) {
        if (insideInstallation(file)) {
            String why = file + " is inside the Bandsmith installation (" + installation + "); choose a folder of "
                    + "your own";
            dialogs.showError("Cannot save project", why);
            status.set("Not saved: " + why);
            return false;
        }
        String name = projectFile.get() == null || !file.equals(projectFile.get())
                ? file.getFileName().toString().replaceFirst("(\\.bandsmith)?\\.json$", "") : projectName.get();
        Project p = currentProject().withName(name);
        try {
            ProjectFiles.write(file, p);
        } catch (RuntimeException e) {
            dialogs.showError("Cannot save project", e.getMessage());
            status.set("Not saved: " + e.getMessage());
            return false;
        }
        saved = p;
        projectName.set(name);
        projectFile.set(file);
        updateDirty();
        recentFiles.setAll(state.addRecent(file));
        state.deleteAutosave();
        status.set("Saved " + file.getFileName());
        return true;
    }

    /**
     * Writes an autosave when there are unsaved changes that were not autosaved yet. The snapshot is taken here (on
     * the view models' thread); the file is written on the io executor.
     */
    public void autosave() {
        if (!dirty.get()) {
            return;
        }
        Project p = currentProject();
        if (p.equals(lastAutosaved)) {
            return;
        }
        lastAutosaved = p;
        Path origin = projectFile.get();
        ioExecutor.execute(() -> {
            try {
                state.writeAutosave(p, origin);
            } catch (RuntimeException e) {
                // an autosave that fails is retried at the next tick; the user's work is still in memory
            }
        });
    }

    /** On start: offers to restore an autosave left by a run that did not end cleanly. */
    public boolean offerRecovery() {
        Optional<WorkbenchState.Autosave> found = state.findAutosave();
        if (found.isEmpty()) {
            return false;
        }
        WorkbenchState.Autosave a = found.get();
        String what = a.project().name() + a.origin().map(p -> " (" + p + ")").orElse(" (never saved)");
        if (!dialogs.askRecover(what)) {
            state.deleteAutosave();
            return false;
        }
        adopt(a.project(), a.origin().orElse(null));
        saved = Project.untitled().withName(a.project().name());
        updateDirty();
        dirty.set(true);
        status.set("Recovered unsaved changes of " + a.project().name());
        return true;
    }

    /** Called when the workbench closes: true when it may close (changes saved or discarded). */
    public boolean requestClose() {
        if (!confirmDiscardChanges()) {
            return false;
        }
        state.deleteAutosave();
        return true;
    }

    // ---- import and export -------------------------------------------------------------------------------------

    /** Imports a PNG (grayscale: black 0, white Vmax) or .npy (mask or potential in E0) as the geometry's base. */
    public boolean importGeometry(Path file) {
        double vmax = editor.getDocument().vmax();
        PotentialGrid grid;
        try {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".npy")) {
                List<PotentialGrid> grids = NpyFiles.readPotentials(file, vmax);
                if (grids.size() != 1) {
                    throw new InvalidInputException(file, "holds " + grids.size()
                            + " potentials; the editor imports one (L, L) grid");
                }
                grid = grids.get(0);
            } else {
                grid = PngFiles.readGrayscale(file, vmax);
            }
            if (grid.size() > 400) {
                throw new InvalidInputException(file, "grid " + grid.size() + "x" + grid.size()
                        + " is larger than the editor's 400x400");
            }
        } catch (RuntimeException e) {
            dialogs.showError("Cannot import geometry", e.getMessage());
            status.set("Not imported: " + e.getMessage());
            return false;
        }
        editor.importGrid(grid, file.getFileName().toString());
        return true;
    }

    /** The raw L x L grid as a grayscale PNG (black 0, white Vmax; image x along a1, y along a2): imports back. */
    public boolean exportGeometryPng(Path file) {
        return export(file, () -> PngFiles.writeGrayscale(file, editor.getDocument().grid()));
    }

    /** The unit cell as drawn in the editor and the SVG (x along a1, y up), {@code width} pixels wide. */
    public boolean exportGeometryPicture(Path file, int width) {
        PotentialGrid g = editor.getDocument().grid();
        return export(file, () -> io.bandsmith.app.gui.export.GeometryPicture.write(file, g, width));
    }

    /** Geometry and path bands as HDF5 with units and the case as attributes (docs/exports.md). */
    public boolean exportHdf5(Path file) {
        PreviewResult r = preview.get();
        PotentialGrid g = r != null ? r.grid() : editor.getDocument().grid();
        String note = r != null ? noteOf(r.sourceName()) : sourceNote();
        return export(file, () -> io.bandsmith.app.gui.export.Hdf5Export.write(file, g, r == null ? null : r.path(),
                null, note));
    }

    /** The geometry as .npy: a uint8 mask when it is two-valued, else float64 in E0. */
    public boolean exportGeometryNpy(Path file) {
        PotentialGrid g = editor.getDocument().grid();
        return export(file, () -> {
            if (g.isTwoValued()) {
                NpyFiles.writeMasks(file, List.of(g));
            } else {
                NpyFiles.writePotentials(file, List.of(g));
            }
        });
    }

    /** The outline of the regions (V >= Vmax/2) as SVG, exact hexagonal-pixel edges (for fabrication drawings). */
    public boolean exportGeometrySvg(Path file) {
        PotentialGrid g = editor.getDocument().grid();
        return export(file, () -> io.bandsmith.app.gui.export.GeometrySvg.write(file, g));
    }

    public boolean exportBandsCsv(Path file) {
        PreviewResult r = requirePreview();
        return r != null && export(file, () -> BandExports.writeCsv(file, r.path()));
    }

    public boolean exportContractJson(Path file) {
        PreviewResult r = requirePreview();
        return r != null && export(file, () -> BandExports.writeContractJson(file, r.path()));
    }

    public boolean exportBandDiagramSvg(Path file) {
        PreviewResult r = requirePreview();
        return r != null && export(file, () -> BandExports.writeDiagramSvg(file, r, settings.get()));
    }

    private PreviewResult requirePreview() {
        PreviewResult r = preview.get();
        if (r == null) {
            dialogs.showError("Nothing to export", "The bands have not been computed yet.");
        }
        return r;
    }

    private boolean export(Path file, Runnable writer) {
        try {
            writer.run();
        } catch (RuntimeException e) {
            dialogs.showError("Export failed", e.getMessage());
            status.set("Not exported: " + e.getMessage());
            return false;
        }
        status.set("Exported " + file.getFileName());
        return true;
    }

    public GeometryDocument document() {
        return editor.getDocument();
    }

    @Override
    public void close() {
        design.close();
        previewService.close();
        if (berryService != null) {
            berryService.close();
        }
        if (compareExecutor != null) {
            compareExecutor.shutdownNow();
        }
    }
}
