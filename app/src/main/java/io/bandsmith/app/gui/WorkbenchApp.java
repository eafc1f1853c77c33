package io.bandsmith.app.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.bandsmith.app.gui.preview.PreviewSources;
import io.bandsmith.app.gui.view.FxDialogService;
import io.bandsmith.app.gui.view.FxImages;
import io.bandsmith.app.gui.view.WorkbenchView;
import io.bandsmith.app.gui.viewmodel.DesignViewModel;
import io.bandsmith.app.gui.viewmodel.DialogService;
import io.bandsmith.app.gui.viewmodel.SourceChoice;
import io.bandsmith.app.gui.viewmodel.WorkbenchState;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.app.gui.viewmodel.ZoneMapMode;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.solver.PlaneWaveSettings;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.engine.tightbinding.TightBindingSource;
import io.bandsmith.models.inference.EnsemblePredictor;
import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.network.TightBindingNetwork;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The workbench application. Started by {@link WorkbenchLauncher} (a class that extends Application cannot be the
 * main class on the class path). Builds the view model with the installed network (when there is one) and the exact
 * solver; the user chooses between them in the tool bar ({@code gui --source}).
 */
public final class WorkbenchApp extends Application {
    /** What the status line says about the band source. */
    public static final String SOURCE_NOTE = "exact plane-wave solver (preview accuracy)";
    static final String NETWORK_NOTE = "trained network (" + NetworkPredictor.SHIPPED_MODEL + ")";
    static final int AUTOSAVE_SECONDS = 30;

    private static volatile GuiOptions options = new GuiOptions(null, null, 180, GuiOptions.DEFAULT_WIDTH,
            GuiOptions.DEFAULT_HEIGHT);
    private static final AtomicInteger EXIT_CODE = new AtomicInteger(0);

    private WorkbenchViewModel vm;
    private ExecutorService io;
    private TightBindingSource network;
    private String networkNote = NETWORK_NOTE;
    private String networkProblem;

    /**
     * Loads the shipped network, if one is installed, on the launcher thread (not the FX thread): loading a model
     * takes seconds. Without one, the workbench runs on the exact solver.
     */
    @Override
    public void init() {
        LoadedNetwork n = loadNetwork(options.model());
        network = n.network();
        networkNote = n.note();
        networkProblem = n.problem();
    }

    /** The network to use, what to call it, or why there is none although one was found. */
    record LoadedNetwork(TightBindingSource network, String note, String problem) {
        /** The network inverse design differentiates: the network itself, or an ensemble's best member. */
        TightBindingNetwork designNetwork() {
            return network instanceof EnsemblePredictor e ? e.bestMember().network()
                    : network instanceof NetworkPredictor p ? p.network() : null;
        }
    }

    /** Loads the chosen network, else the installed one, if any (takes seconds: never on the FX thread). */
    static LoadedNetwork loadNetwork(Path chosen) {
        Path model = chosen != null ? chosen
                : Path.of(System.getProperty("bandsmith.home", ".")).resolve(NetworkPredictor.SHIPPED_MODEL);
        if (!Files.isRegularFile(model)) {
            return new LoadedNetwork(null, NETWORK_NOTE, null);
        }
        try {
            // a chosen file may hold an ensemble (spread shown as an uncertainty band, sets to check flagged)
            TightBindingSource net = chosen != null ? EnsemblePredictor.loadAny(chosen) : NetworkPredictor.shipped();
            String kind = net instanceof EnsemblePredictor e ? "ensemble of " + e.members().size() + " networks"
                    : "trained network";
            return new LoadedNetwork(net, chosen != null ? kind + " (" + chosen.getFileName() + ")"
                    : NETWORK_NOTE, null);
        } catch (RuntimeException | LinkageError e) {
            String problem = "the installed network could not be loaded (" + e.getMessage()
                    + "); using the exact solver";
            System.err.println("bandsmith gui: " + problem);
            return new LoadedNetwork(null, NETWORK_NOTE, problem);
        }
    }

    /** The sources of the workbench: the network (or none) and the exact solver, preview and full accuracy. */
    static PreviewSources sources(TightBindingSource network, String networkNote) {
        // the live preview runs the exact solver at preview accuracy (~2x faster, ~3e-5 Vmax rms); comparisons at full
        return new PreviewSources(network, networkNote, new PlaneWaveSolver(PlaneWaveSettings.preview()),
                SOURCE_NOTE, PlaneWaveSolver.withDefaults());
    }

    static void configure(GuiOptions o) {
        options = o;
        EXIT_CODE.set(0);
    }

    static int exitCode() {
        return EXIT_CODE.get();
    }

    @Override
    public void start(Stage stage) {
        GuiOptions o = options;
        io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bandsmith-io");
            t.setDaemon(true);
            return t;
        });
        DialogService dialogs = o.screenshotMode() ? new HeadlessDialogService() : new FxDialogService(() -> stage);
        BandStructureSource exact = PlaneWaveSolver.withDefaults();
        vm = new WorkbenchViewModel(sources(network, networkNote), Platform::runLater, io, dialogs,
                WorkbenchState.fromSystem());
        if (o.source() != null) {
            vm.sourceChoiceProperty().set(SourceChoice.parse(o.source()));
        }
        // the Design area: inverse design needs the network; phase map and exploration classify with the network
        // when there is one, else with the exact solver (at full accuracy, not the preview's)
        vm.design().setSources(network == null ? null : new LoadedNetwork(network, networkNote, null).designNetwork(),
                network != null ? network : exact, exact);
        if (o.designTrials() > 0) {
            vm.design().inverseDesign().trialsProperty().set(o.designTrials());
        }
        if (o.designSteps() > 0) {
            vm.design().inverseDesign().stepsProperty().set(o.designSteps());
        }
        switch (o.show()) {
            case "design" -> showDesign(DesignViewModel.Panel.INVERSE_DESIGN);
            case "phase-map" -> showDesign(DesignViewModel.Panel.PHASE_MAP);
            case "explore" -> showDesign(DesignViewModel.Panel.EXPLORATION);
            case "inversion" -> showDesign(DesignViewModel.Panel.BAND_INVERSION);
            default -> { }
        }
        if (networkProblem != null) {
            vm.statusProperty().set(networkProblem);
        }
        WorkbenchView view = new WorkbenchView(vm, dialogs);
        Scene scene = new Scene(view, o.width(), o.height());
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        stage.setMinWidth(1000);
        stage.setMinHeight(650);
        stage.setOnCloseRequest(e -> {
            if (!o.screenshotMode() && !vm.requestClose()) {
                e.consume();
            }
        });
        stage.show();

        boolean opened = false;
        if (o.open() != null) {
            opened = vm.open(o.open());
            if (!opened && o.screenshotMode()) {
                // the dialog service has said why in one line; a second line would repeat it (issue 18)
                EXIT_CODE.set(2);
                Platform.exit();
                return;
            }
        } else if (!o.screenshotMode()) {
            opened = vm.offerRecovery();
        }
        if (!opened) {
            vm.requestPreview();
        }
        if (o.run()) {
            startPanel(vm.design().panelProperty().get());
        }
        if (o.berryZoneMap()) {
            if (!vm.berryFluxAvailable()) {
                System.err.println("bandsmith gui: --zone-map berry: " + WorkbenchViewModel.BERRY_UNAVAILABLE);
                if (o.screenshotMode()) {
                    fail(2, "no Berry-flux map without a tight-binding source");
                    return;
                }
            } else if (vm.setBerryGroup(o.berryFirst(), o.berryLast())) {
                vm.setZoneMapMode(ZoneMapMode.BERRY_FLUX);
            } else {
                System.err.println("bandsmith gui: --berry-bands: " + vm.statusProperty().get());
                if (o.screenshotMode()) {
                    fail(2, "bad --berry-bands");
                    return;
                }
            }
        }
        if (o.screenshotMode()) {
            scheduleScreenshot(stage, o);
        } else {
            Timeline autosave = new Timeline(new KeyFrame(Duration.seconds(AUTOSAVE_SECONDS), e -> vm.autosave()));
            autosave.setCycleCount(Timeline.INDEFINITE);
            autosave.play();
        }
    }

    private void showDesign(DesignViewModel.Panel panel) {
        vm.design().panelProperty().set(panel);
        vm.design().shownProperty().set(true);
    }

    private void startPanel(DesignViewModel.Panel panel) {
        switch (panel) {
            case INVERSE_DESIGN -> vm.design().inverseDesign().run();
            case PHASE_MAP -> vm.design().phaseMap().run();
            case EXPLORATION -> vm.design().exploration().run();
            case BAND_INVERSION -> vm.design().bandInversion().run();
            default -> { }
        }
    }

    private javafx.beans.property.ReadOnlyBooleanProperty panelRunning() {
        return switch (vm.design().panelProperty().get()) {
            case INVERSE_DESIGN -> vm.design().inverseDesign().runningProperty();
            case PHASE_MAP -> vm.design().phaseMap().runningProperty();
            case EXPLORATION -> vm.design().exploration().runningProperty();
            case BAND_INVERSION -> vm.design().bandInversion().runningProperty();
        };
    }

    private void scheduleScreenshot(Stage stage, GuiOptions o) {
        PauseTransition timeout = new PauseTransition(Duration.seconds(o.timeoutSeconds()));
        timeout.setOnFinished(e -> fail(3, "the preview was not drawn" + (o.run() ? " or the run did not finish"
                : "") + " within " + o.timeoutSeconds() + " s ("
                + vm.statusProperty().get() + ")"));
        timeout.play();
        boolean[] taken = new boolean[1];
        // screenshots of the stale banner (docs/workbench.md): once the first preview is shown, set this Vmax and take
        // the picture while the new bands are computed
        String staleVmax = System.getProperty("bandsmith.screenshotStaleVmax");
        boolean[] staleSet = new boolean[1];
        Runnable whenDrawn = () -> {
            if (taken[0] || (!vm.settled() && !(staleSet[0] && vm.staleProperty().get()))
                    || (o.run() && panelRunning().get())
                    || (vm.zoneMapModeProperty().get() == ZoneMapMode.BERRY_FLUX && !vm.berryFluxCurrent())) {
                return;
            }
            if (staleVmax != null && !staleSet[0]) {
                staleSet[0] = true;
                vm.editor().setVmax(Double.parseDouble(staleVmax));
                return;
            }
            taken[0] = true;
            // the views redraw in the preview listener; let a few pulses render the window, then take the picture
            new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    if (++frames < 6) {
                        return;
                    }
                    stop();
                    timeout.stop();
                    writeScreenshot(stage, o.screenshot());
                }
            }.start();
        };
        vm.previewProperty().addListener((obs, old, r) -> whenDrawn.run());
        vm.comparisonProperty().addListener((obs, old, c) -> whenDrawn.run());
        vm.staleProperty().addListener((obs, old, st) -> whenDrawn.run());
        vm.berryFluxProperty().addListener((obs, old, m) -> whenDrawn.run());
        vm.berryErrorProperty().addListener((obs, old, err) -> {
            if (err != null && !err.isEmpty()) {
                timeout.stop();
                fail(3, "the Berry flux could not be computed: " + err);
            }
        });
        if (o.run()) {
            panelRunning().addListener((obs, was, is) -> whenDrawn.run());
        }
        vm.previewErrorProperty().addListener((obs, old, err) -> {
            if (err != null && !err.isEmpty()) {
                timeout.stop();
                fail(3, "the bands could not be computed: " + err);
            }
        });
    }

    private void writeScreenshot(Stage stage, Path file) {
        try {
            FxImages.writePng(stage.getScene().snapshot(null), file);
            System.err.printf("bandsmith gui: wrote %s (%.0fx%.0f)%s%n", file, stage.getScene().getWidth(),
                    stage.getScene().getHeight(), Platform.isSupported(ConditionalFeature.SCENE3D) ? ""
                            : "; no 3D on this graphics pipeline, the 3D view is empty");
            EXIT_CODE.set(0);
        } catch (RuntimeException e) {
            System.err.println("bandsmith gui: cannot write the screenshot: " + e.getMessage());
            EXIT_CODE.set(1);
        }
        Platform.exit();
    }

    private void fail(int code, String message) {
        System.err.println("bandsmith gui: " + message);
        EXIT_CODE.set(code);
        Platform.exit();
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
        if (io != null) {
            io.shutdown();
        }
    }
}
