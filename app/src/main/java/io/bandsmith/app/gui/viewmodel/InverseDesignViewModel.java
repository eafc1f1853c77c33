package io.bandsmith.app.gui.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

import io.bandsmith.app.gui.model.GeometryBase;
import io.bandsmith.app.gui.model.GeometryDocument;
import io.bandsmith.app.gui.model.PreviewSettings;
import io.bandsmith.app.gui.model.Project;
import io.bandsmith.app.gui.model.ProjectFiles;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.models.design.BandGapObjective;
import io.bandsmith.models.design.DesignExport;
import io.bandsmith.models.design.DesignObjective;
import io.bandsmith.models.design.FourierGeometry;
import io.bandsmith.models.design.InverseDesign;
import io.bandsmith.models.design.TargetBandsObjective;
import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.network.TightBindingNetwork;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The inverse-design panel (paper section IX, appendix L): a target (the breathing-honeycomb model of appendix M, or
 * "open the gap above band n"), a budget, and a run of {@link InverseDesign} through the trained network in the
 * background with progress, the best loss per step, Cancel and partial results; then the verified designs, which
 * can be opened in the editor or exported. JavaFX properties only, no controls (docs/gui-threading.md).
 */
public final class InverseDesignViewModel implements AutoCloseable {
    /** What the design aims at. */
    public enum Target {
        BREATHING_HONEYCOMB("breathing honeycomb (appendix M)"),
        GAP("open the gap above band n");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the panel says when it cannot run. */
    public static final String NO_NETWORK = "Inverse design needs a trained network (models/README.md)";
    /** Random wedge k points per step besides Γ, K, M (as the design command's default). */
    public static final int K_SUBSAMPLE = 16;
    /** Designs listed after a run when none was checked with the exact solver. */
    static final int UNVERIFIED_SHOWN = 8;

    /**
     * One design of a finished run, as listed: rank (1 = best), the design and its grid at the trained Vmax.
     *
     * <p>Three figures, all of the same objective in units of Vmax (an rms for band matching, the gap for a gap
     * target): {@link #descentFigure()} is the smoothed loss of the continuous (sigmoid) geometry during the descent,
     * what the loss plot shows (as its square, Vmax²); {@link #networkFigure()} is the network's loss of the
     * digitized two-valued mask, the design actually made; {@link #exactFigure()} is the exact solver's on that
     * mask. Digitizing moves the design, so the network figure is usually worse than the descent's.
     */
    public record Candidate(int rank, InverseDesign.Design design, PotentialGrid grid, boolean meanSquare) {
        public Candidate(int rank, InverseDesign.Design design, PotentialGrid grid) {
            this(rank, design, grid, true);
        }

        public double networkRmsVmax() {
            return Math.sqrt(Math.max(0, design.networkLoss()));
        }

        /** NaN when the design was not checked with the exact solver. */
        public double exactRmsVmax() {
            return Double.isNaN(design.exactLoss()) ? Double.NaN : Math.sqrt(Math.max(0, design.exactLoss()));
        }

        /** The smoothed descent loss of the continuous geometry, as an rms (or gap), Vmax. */
        public double descentFigure() {
            return DesignExport.figure(design.smoothLoss(), meanSquare);
        }

        /** The network's figure of the digitized mask, Vmax. */
        public double networkFigure() {
            return DesignExport.figure(design.networkLoss(), meanSquare);
        }

        /** The exact solver's figure of the digitized mask, Vmax; NaN when not checked. */
        public double exactFigure() {
            return Double.isNaN(design.exactLoss()) ? Double.NaN : DesignExport.figure(design.exactLoss(),
                    meanSquare);
        }

        public boolean verified() {
            return !Double.isNaN(design.exactLoss());
        }

        /** "rms" for band matching, "gap" for a gap target. */
        public String figureName() {
            return meanSquare ? "rms" : "gap";
        }

        /** Three lines for the list: what each figure is, in Vmax. */
        public String lines() {
            String f = figureName();
            return String.format(Locale.ROOT, "#%d  trial %d · %s in Vmax%ndescent (smooth): %.2e%nmask: network "
                    + "%.2e · exact %s", rank, design.trial(), f, descentFigure(), networkFigure(), verified()
                            ? String.format(Locale.ROOT, "%.2e", exactFigure()) : "not checked");
        }

        public String describe() {
            String f = figureName();
            return String.format(Locale.ROOT, "#%d (trial %d): descent %s %.2e Vmax (smooth geometry); digitized "
                    + "mask: network %s %.2e Vmax, exact %s %s", rank, design.trial(), f, descentFigure(), f,
                    networkFigure(), f, verified() ? String.format(Locale.ROOT, "%.2e Vmax", exactFigure())
                            : "not checked");
        }
    }

    /**
     * The bands of the selected design along Γ-K-M-Γ, in Vmax [k][band]: the target (null for a gap target), the
     * exact solver's (null without one) and the network's.
     */
    public record DesignBands(Candidate candidate, io.bandsmith.engine.lattice.KPointSet path, double[][] target,
            double[][] exact, double[][] network) {
    }

    /** What a run was made of, kept for exports. */
    private record Run(DesignObjective objective, FourierGeometry geometry, InverseDesign.Settings settings,
            InverseDesign.Result result, double seconds, TightBindingNetwork network, BandStructureSource exact) {
    }

    private final EditorViewModel editor;
    private final StringProperty status;
    private final DialogService dialogs;
    private final BackgroundJob job;

    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.BREATHING_HONEYCOMB);
    private final DoubleProperty omega0 = new SimpleDoubleProperty(0.6);
    private final DoubleProperty hoppingJ = new SimpleDoubleProperty(0.035);
    private final DoubleProperty hoppingJ0 = new SimpleDoubleProperty(0.038);
    private final DoubleProperty hoppingL = new SimpleDoubleProperty(-0.002);
    private final DoubleProperty hoppingL0 = new SimpleDoubleProperty(0.002);
    private final IntegerProperty gapAbove = new SimpleIntegerProperty(2);
    private final IntegerProperty trials = new SimpleIntegerProperty(200);
    private final IntegerProperty steps = new SimpleIntegerProperty(500);
    private final LongProperty seed = new SimpleLongProperty(0);
    private final IntegerProperty verify = new SimpleIntegerProperty(InverseDesign.Settings.defaults().verify());
    private final BooleanProperty halving = new SimpleBooleanProperty(true);

    private final ReadOnlyBooleanWrapper networkAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper networkNote = new ReadOnlyStringWrapper(NO_NETWORK);
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ObservableList<InverseDesign.Progress> lossHistory = FXCollections.observableArrayList();
    /** Read-only view kept as a field: a view made per call holds its listeners weakly and may vanish. */
    private final ObservableList<InverseDesign.Progress> lossHistoryView =
            FXCollections.unmodifiableObservableList(lossHistory);
    private final ObservableList<Candidate> candidates = FXCollections.observableArrayList();
    /** Read-only view kept as a field: a view made per call holds its listeners weakly and may vanish. */
    private final ObservableList<Candidate> candidatesView =
            FXCollections.unmodifiableObservableList(candidates);
    private final ObjectProperty<Candidate> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<InverseDesign.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DesignBands> designBands = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper checksNote = new ReadOnlyStringWrapper("");
    private final BackgroundJob bandsJob;
    private Candidate bandsWanted;

    private TightBindingNetwork network;
    private BandStructureSource exactSource;
    private Run lastRun;
    private Runnable onOpened = () -> { };

    /** Called after a geometry was loaded into the editor (the workbench then shows the editor). */
    public void setOnOpened(Runnable r) {
        this.onOpened = r;
    }


    /**
     * @param editor where "Open in editor" puts a design
     * @param status the workbench's status line
     * @param ui runs results on the view models' thread
     */
    public InverseDesignViewModel(EditorViewModel editor, StringProperty status, DialogService dialogs, Executor ui) {
        this.editor = editor;
        this.status = status;
        this.dialogs = dialogs;
        this.job = new BackgroundJob("bandsmith-design", ui);
        this.bandsJob = new BackgroundJob("bandsmith-design-bands", ui);
        canRun.bind(networkAvailable.and(job.runningProperty().not()));
        selected.addListener((o, a, c) -> computeBands(c));
    }

    /**
     * The trained network the design runs through (null: none installed, Run is disabled) and the exact solver
     * that checks the best designs at the end (null: no check).
     */
    public void setSources(TightBindingNetwork network, BandStructureSource exact) {
        this.network = network;
        this.exactSource = exact;
        networkAvailable.set(network != null);
        networkNote.set(network == null ? NO_NETWORK
                : "Network: tight-binding model " + network.model().name() + " (" + network.model()
                        .parameterCount() + " parameters); designs checked with " + (exact == null ? "nothing"
                        : "the " + exact.name() + " solver"));
    }

    // ---- inputs ------------------------------------------------------------------------------------------------

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    /** ω0 of the target model, in Vmax. */
    public DoubleProperty omega0Property() {
        return omega0;
    }

    public DoubleProperty hoppingJProperty() {
        return hoppingJ;
    }

    public DoubleProperty hoppingJ0Property() {
        return hoppingJ0;
    }

    public DoubleProperty hoppingLProperty() {
        return hoppingL;
    }

    public DoubleProperty hoppingL0Property() {
        return hoppingL0;
    }

    /** For {@link Target#GAP}: the band below the gap (1-based). */
    public IntegerProperty gapAboveProperty() {
        return gapAbove;
    }

    public IntegerProperty trialsProperty() {
        return trials;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** Best designs checked with the exact solver at the end. */
    public IntegerProperty verifyProperty() {
        return verify;
    }

    /** Successive halving (drop the worse half of the trials after 20% and 40% of the steps). */
    public BooleanProperty halvingProperty() {
        return halving;
    }

    // ---- state -------------------------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty networkAvailableProperty() {
        return networkAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty networkNoteProperty() {
        return networkNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRunProperty() {
        return canRun.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return job.runningProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return job.cancellingProperty();
    }

    /** Fraction of the steps done (0..1). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** One entry per finished step of the current run: the best and median smoothed loss (Vmax²). */
    public ObservableList<InverseDesign.Progress> lossHistory() {
        return lossHistoryView;
    }

    /** The designs of the last run: the verified ones best first (or the best few by the network's loss). */
    public ObservableList<Candidate> candidates() {
        return candidatesView;
    }

    public ObjectProperty<Candidate> selectedProperty() {
        return selected;
    }

    /** The bands of the selected design (target, exact, network along Γ-K-M-Γ); null while computed or none. */
    public ReadOnlyObjectProperty<DesignBands> designBandsProperty() {
        return designBands.getReadOnlyProperty();
    }

    /** How many designs were checked with the exact solver, and why fewer than asked when so. */
    public ReadOnlyStringProperty checksNoteProperty() {
        return checksNote.getReadOnlyProperty();
    }

    /** The last finished (or cancelled) run, null before one. */
    public ReadOnlyObjectProperty<InverseDesign.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    /** The settings the inputs describe; IllegalArgumentException names what is wrong. */
    public InverseDesign.Settings settings() {
        InverseDesign.Settings d = InverseDesign.Settings.defaults();
        return new InverseDesign.Settings(trials.get(), steps.get(), d.beta(), d.learningRate(), d.penaltyWeight(),
                d.initialAmplitude(), halving.get(), verify.get(), seed.get());
    }

    private DesignObjective objective(TightBindingNetwork net) {
        return switch (target.get()) {
            case BREATHING_HONEYCOMB -> TargetBandsObjective.breathingHoneycomb(net.model(), omega0.get(),
                    hoppingJ.get(), hoppingJ0.get(), hoppingL.get(), hoppingL0.get(), K_SUBSAMPLE);
            case GAP -> new BandGapObjective(net.model(), gapAbove.get());
        };
    }

    /** Starts a design in the background; false (and a status message) when it cannot start. */
    public boolean run() {
        if (network == null) {
            status.set(NO_NETWORK);
            return false;
        }
        if (job.runningProperty().get()) {
            return false;
        }
        InverseDesign.Settings settings;
        try {
            settings = settings();
            if (target.get() == Target.GAP && (gapAbove.get() < 1 || gapAbove.get() > 11)) {
                throw new IllegalArgumentException("the gap must lie above band 1 … 11, got " + gapAbove.get());
            }
        } catch (IllegalArgumentException e) {
            status.set("Inverse design: " + e.getMessage());
            return false;
        }
        TightBindingNetwork net = network;
        BandStructureSource exact = exactSource;
        Target kind = target.get();
        lossHistory.clear();
        checksNote.set("");
        candidates.clear();
        selected.set(null);
        result.set(null);
        lastRun = null;
        progress.set(0);
        progressText.set("preparing the network and the Fourier geometry…");
        status.set("Inverse design running: " + settings.trials() + " trials × " + settings.steps() + " steps");
        long t0 = System.nanoTime();
        job.start(control -> {
            DesignObjective objective = objective(net);
            FourierGeometry geometry = new FourierGeometry(100, RandomPotentialGenerator.DEFAULT_CUTOFF);
            InverseDesign design = new InverseDesign(net, geometry, objective, NetworkPredictor.TRAINED_VMAX);
            InverseDesign.Result r = design.run(settings, exact, p -> control.post(() -> onProgress(p, kind)),
                    control::cancelled);
            return new Run(objective, geometry, settings, r, (System.nanoTime() - t0) / 1e9, net, exact);
        }, this::onFinished, e -> {
            progressText.set("failed");
            status.set("Inverse design failed: " + e.getMessage());
        });
        return true;
    }

    private void onProgress(InverseDesign.Progress p, Target kind) {
        lossHistory.add(p);
        progress.set((double) p.step() / p.steps());
        progressText.set(String.format(Locale.ROOT, "step %d/%d · %d trials · best loss %.3e%s", p.step(), p.steps(),
                p.activeTrials(), p.bestLoss(), kind == Target.BREATHING_HONEYCOMB
                        ? String.format(Locale.ROOT, " (rms %.2e Vmax)", Math.sqrt(Math.max(0, p.bestLoss()))) : ""));
    }

    private void onFinished(Run run) {
        lastRun = run;
        InverseDesign.Result r = run.result();
        List<Candidate> list = new ArrayList<>();
        List<InverseDesign.Design> designs = r.designs();
        boolean anyVerified = designs.stream().anyMatch(d -> !Double.isNaN(d.exactLoss()));
        for (int i = 0; i < designs.size(); i++) {
            InverseDesign.Design d = designs.get(i);
            if (anyVerified ? !Double.isNaN(d.exactLoss()) : i < UNVERIFIED_SHOWN) {
                list.add(new Candidate(i + 1, d, PotentialGrid.fromMask(run.geometry().size(), d.mask(),
                        NetworkPredictor.TRAINED_VMAX), run.objective().meanSquare()));
            }
        }
        long checked = designs.stream().filter(d -> !Double.isNaN(d.exactLoss())).count();
        int asked = run.settings().verify();
        checksNote.set(run.exact() == null ? "not checked: no exact solver" : checked == asked
                ? checked + " of " + asked + " asked checked with the exact solver"
                : checked + " of " + asked + " asked checked with the exact solver" + (r.cancelled()
                        ? " (cancelled: the remaining checks were skipped)" : " (only " + designs.size()
                                + " trials)"));
        candidates.setAll(list);
        result.set(r);
        selected.set(list.isEmpty() ? null : list.get(0));
        Candidate best = list.isEmpty() ? null : list.get(0);
        String what = r.cancelled() ? String.format(Locale.ROOT, "Inverse design cancelled after %d of %d steps; "
                + "partial result", r.bestHistory().length, run.settings().steps()) : "Inverse design done";
        progressText.set((r.cancelled() ? "cancelled" : "done") + String.format(Locale.ROOT, " in %.0f s",
                run.seconds()));
        if (!r.cancelled()) {
            progress.set(1);
        }
        status.set(best == null ? what : what + ": best " + best.describe());
    }

    /**
     * Computes the bands of the selected design in the background (the exact solver along the path takes a second
     * or two); {@link #designBandsProperty()} holds them when done, null meanwhile.
     */
    private void computeBands(Candidate c) {
        designBands.set(null);
        bandsWanted = c;
        if (bandsJob.runningProperty().get()) {
            bandsJob.cancel(); // the wanted one starts when this one has ended
            return;
        }
        startBands(c);
    }

    private void startBands(Candidate c) {
        Run run = lastRun;
        if (c == null || run == null) {
            return;
        }
        bandsJob.start(control -> {
            io.bandsmith.engine.lattice.KPointSet path = io.bandsmith.engine.lattice.KPointSet.path(List.of(
                    io.bandsmith.engine.lattice.HexagonalLattice.GAMMA, io.bandsmith.engine.lattice.HexagonalLattice.K,
                    io.bandsmith.engine.lattice.HexagonalLattice.M,
                    io.bandsmith.engine.lattice.HexagonalLattice.GAMMA), 24);
            int bands = run.objective().bands();
            double[] params = run.network().denseEvaluator().parameters(run.network().features().of(c.grid()));
            double[][] network = new io.bandsmith.engine.tightbinding.TightBindingBandSolver(run.network().model(),
                    path).energies(params, bands);
            double[][] exact = run.exact() == null || control.cancelled() ? null
                    : InverseDesign.inVmax(run.exact().compute(c.grid(), path, bands));
            return new DesignBands(c, path, run.objective().targetAlong(path), exact, network);
        }, b -> {
            if (bandsWanted == b.candidate()) {
                designBands.set(b);
            } else {
                startBands(bandsWanted);
            }
        }, e -> {
            if (bandsWanted != c) {
                startBands(bandsWanted);
            } else {
                status.set("Bands of the design not computed: " + e.getMessage());
            }
        });
    }

    /** Stops the descent; the designs reached so far are digitized, checked and listed. */
    public void cancel() {
        if (job.runningProperty().get()) {
            job.cancel();
            progressText.set("cancelling: finishing the designs reached so far…");
            status.set("Inverse design: cancelling (the designs reached so far are still checked)");
        }
    }

    /** Loads the selected design's mask into the geometry editor as an imported base layer (one undo step). */
    public boolean openSelectedInEditor() {
        Candidate c = selected.get();
        if (c == null) {
            status.set("Inverse design: no design selected");
            return false;
        }
        boolean done = editor.loadComputedGrid(c.grid(), "design #" + c.rank() + " (trial " + c.design().trial()
                + ")");
        if (done) {
            onOpened.run();
        }
        return done;
    }

    /** Asks for a file name and exports the selected design there (all formats plus a project). */
    public boolean exportSelected() {
        if (selected.get() == null || lastRun == null) {
            dialogs.showError("Nothing to export", "Run an inverse design and select a design first.");
            return false;
        }
        return dialogs.chooseFileToSave("Export design (prefix for all files)",
                new DialogService.FileKind("Design files", "*.npy", "*.png", "*.svg", "*.dxf", "*.json", "*.md"),
                "design").map(this::exportSelectedTo).orElse(false);
    }

    /**
     * Writes PREFIX.npy, .png, .svg, .dxf, .fourier.json, .report.md (DesignExport) and PREFIX.bandsmith.json (a
     * project with the design as its imported base) for the selected design. A known extension on the chosen name is
     * dropped from the prefix.
     */
    public boolean exportSelectedTo(Path chosen) {
        Candidate c = selected.get();
        Run run = lastRun;
        if (c == null || run == null) {
            dialogs.showError("Nothing to export", "Run an inverse design and select a design first.");
            return false;
        }
        Path prefix = prefixOf(chosen);
        List<InverseDesign.Design> reordered = new ArrayList<>();
        reordered.add(c.design());
        run.result().designs().stream().filter(d -> d != c.design()).forEach(reordered::add);
        InverseDesign.Result r = new InverseDesign.Result(reordered, run.result().bestHistory(),
                run.result().cancelled(), run.result().trialSteps());
        try {
            Map<String, Object> report = DesignExport.report(r, run.objective(), run.settings(), run.seconds());
            List<Path> files = new ArrayList<>(DesignExport.writeAll(prefix, r, run.geometry(), run.settings(),
                    c.grid(), report, new com.fasterxml.jackson.databind.ObjectMapper(), run.network(), run.objective(),
                    run.exact()));
            Path project = DesignExport.sibling(prefix, ProjectFiles.EXTENSION);
            ProjectFiles.write(project, new Project("Design: " + run.objective().describe(),
                    GeometryDocument.of(c.grid().size(), c.grid().vmax(), new GeometryBase.Imported("design",
                            c.grid().size(), c.grid().fractions()), List.of()), PreviewSettings.DEFAULT));
            files.add(project);
            status.set("Exported design #" + c.rank() + " to " + files.size() + " files: " + prefix.getFileName()
                    + ".{npy,png,svg,dxf,fourier.json,report.md,bands.png,bandsmith.json}");
            return true;
        } catch (RuntimeException e) {
            dialogs.showError("Export failed", e.getMessage());
            status.set("Design not exported: " + e.getMessage());
            return false;
        }
    }

    static Path prefixOf(Path chosen) {
        String name = chosen.getFileName().toString();
        String stripped = name.replaceFirst("(\\.bandsmith\\.json|\\.fourier\\.json|\\.report\\.md|\\.npy|\\.png"
                + "|\\.svg|\\.dxf|\\.json|\\.md)$", "");
        return chosen.resolveSibling(stripped.isEmpty() ? "design" : stripped);
    }

    @Override
    public void close() {
        job.close();
        bandsJob.close();
    }
}
