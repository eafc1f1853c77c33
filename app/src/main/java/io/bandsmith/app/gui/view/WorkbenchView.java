package io.bandsmith.app.gui.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.bandsmith.app.gui.model.GeometryDocument;
import io.bandsmith.app.gui.model.PreviewSettings;
import io.bandsmith.app.gui.model.ShapeSpec;
import io.bandsmith.app.gui.preview.PreviewBandSet;
import io.bandsmith.app.gui.preview.PreviewResult;
import io.bandsmith.app.gui.viewmodel.SourceChoice;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.app.gui.viewmodel.DialogService;
import io.bandsmith.app.gui.viewmodel.EditorViewModel;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.app.gui.viewmodel.ZoneMapMode;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The workbench window's content: menus and tool bar, the editor's controls on the left, four panels (geometry,
 * bands, zone map, 3D surfaces), the band-set table and the status line. A view only: all state lives in
 * {@link WorkbenchViewModel}.
 */
public final class WorkbenchView extends BorderPane {
    private final WorkbenchViewModel vm;
    private final EditorViewModel editor;
    private final DialogService dialogs;
    private final GeometryEditorView geometryView;
    private final BandDiagramView bandView;
    private final ZoneMapView zoneView;
    private final BandSurfaceView surfaceView;
    private final TableView<PreviewBandSet> setTable = new TableView<>();
    private final Label staleBanner = new Label();
    private final Label status = new Label();
    private final DesignView designView;
    private final javafx.scene.control.TabPane areas = new javafx.scene.control.TabPane();

    public WorkbenchView(WorkbenchViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.editor = vm.editor();
        this.dialogs = dialogs;
        getStyleClass().add("workbench");
        geometryView = new GeometryEditorView(editor);
        bandView = new BandDiagramView(vm);
        zoneView = new ZoneMapView(vm);
        surfaceView = new BandSurfaceView(vm);
        designView = new DesignView(vm.design(), vm.statusProperty());
        setTop(new VBox(menuBar(), toolBar(), staleBanner()));
        setLeft(controls());
        setCenter(areas());
        setBottom(bottom());
    }

    public GeometryEditorView geometryView() {
        return geometryView;
    }

    public BandDiagramView bandView() {
        return bandView;
    }

    public BandSurfaceView surfaceView() {
        return surfaceView;
    }

    public ZoneMapView zoneView() {
        return zoneView;
    }

    public DesignView designView() {
        return designView;
    }

    /** The editor's four panels and the Design area, as tabs that follow {@code design().shownProperty()}. */
    private Node areas() {
        javafx.scene.control.Tab editorTab = new javafx.scene.control.Tab("Editor and bands", panels());
        editorTab.setId("editorAreaTab");
        javafx.scene.control.Tab designTab = new javafx.scene.control.Tab(
                "Design: inverse design · phase map · exploration · band inversion", designView);
        designTab.setId("designAreaTab");
        areas.setId("areas");
        areas.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        areas.getTabs().addAll(editorTab, designTab);
        areas.getSelectionModel().select(vm.design().shownProperty().get() ? 1 : 0);
        areas.getSelectionModel().selectedIndexProperty().addListener((o, a, b) ->
                vm.design().shownProperty().set(b.intValue() == 1));
        vm.design().shownProperty().addListener((o, a, b) -> areas.getSelectionModel().select(b ? 1 : 0));
        return areas;
    }

    // ---- menus -------------------------------------------------------------------------------------------------

    private MenuBar menuBar() {
        MenuItem newItem = item("New", "Shortcut+N", vm::newProject);
        MenuItem open = item("Open…", "Shortcut+O", vm::openWithChooser); // a project (.json) or a potential (.npy)
        Menu recent = new Menu("Open recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : vm.recentFiles()) {
                MenuItem mi = new MenuItem(p.toString());
                mi.setOnAction(e -> vm.openRecent(p));
                recent.getItems().add(mi);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        vm.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        MenuItem save = item("Save", "Shortcut+S", vm::save);
        MenuItem saveAs = item("Save as…", "Shortcut+Shift+S", vm::saveAs);
        MenuItem importItem = item("Import geometry (PNG, .npy)…", null, () -> dialogs.chooseFileToOpen(
                "Import geometry", new DialogService.FileKind("Grids", "*.png", "*.npy")).ifPresent(vm::importGeometry));
        Menu export = new Menu("Export");
        export.getItems().addAll(
                exportItem("Band diagram as PNG…", "bands.png", "PNG image", "*.png", this::exportBandPng),
                exportItem("Band diagram as SVG…", "bands.svg", "SVG drawing", "*.svg", vm::exportBandDiagramSvg),
                exportItem("Band data as CSV…", "bands.csv", "CSV", "*.csv", vm::exportBandsCsv),
                exportItem("Bands as contract JSON…", "bands.json", "JSON", "*.json", vm::exportContractJson),
                exportItem("Band sets (table) as CSV…", "band-sets.csv", "CSV", "*.csv", this::exportSetTableCsv),
                new SeparatorMenuItem(),
                exportItem("Zone map as PNG…", "zone-map.png", "PNG image", "*.png", this::exportZoneMapPng),
                exportItem("Zone map as SVG…", "zone-map.svg", "SVG drawing", "*.svg", this::exportZoneMapSvg),
                new SeparatorMenuItem(),
                exportItem("Geometry as picture PNG (as drawn)…", "geometry.png", "PNG image", "*.png",
                        this::exportGeometryPicture),
                exportItem("Geometry as grid PNG (L×L, imports back)…", "geometry-grid.png", "PNG image", "*.png",
                        vm::exportGeometryPng),
                exportItem("Geometry as .npy…", "geometry.npy", "NumPy array", "*.npy", vm::exportGeometryNpy),
                exportItem("Geometry outline as SVG…", "geometry.svg", "SVG drawing", "*.svg",
                        vm::exportGeometrySvg),
                exportItem("Geometry and bands as HDF5…", "bandsmith.h5", "HDF5", "*.h5", vm::exportHdf5));
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().fireEvent(new javafx.stage.WindowEvent(getScene().getWindow(),
                        javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        });
        Menu file = new Menu("File", null, newItem, open, recent, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), importItem, export, new SeparatorMenuItem(), quit);
        MenuItem undo = item("Undo", "Shortcut+Z", editor::undo);
        undo.disableProperty().bind(editor.canUndoProperty().not());
        // Ctrl+Y is redo on Linux and Windows; Ctrl+Shift+Z (the macOS habit) works too, as a scene accelerator
        MenuItem redo = item("Redo", "Shortcut+Y", editor::redo);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Shift+Z"), () -> {
                    if (editor.canRedoProperty().get()) {
                        editor.redo();
                    }
                });
            }
        });
        redo.disableProperty().bind(editor.canRedoProperty().not());
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(),
                item("Clear brush strokes", null, editor::clearBrushStrokes));
        return new MenuBar(file, edit);
    }

    private MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem mi = new MenuItem(text);
        if (accelerator != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        mi.setOnAction(e -> action.run());
        return mi;
    }

    private MenuItem exportItem(String text, String suggested, String kind, String pattern,
            Function<Path, Boolean> action) {
        return item(text, null, () -> dialogs.chooseFileToSave(text.replace("…", ""),
                new DialogService.FileKind(kind, pattern), suggested).ifPresent(action::apply));
    }

    /** The picture size the user asks for ("WIDTHxHEIGHT" pixels), or null when cancelled or not a size. */
    private int[] askSize(String what, String initial) {
        java.util.Optional<String> answer = dialogs.askText(what, "Size in pixels (width x height)", initial);
        if (answer.isEmpty()) {
            return null;
        }
        int[] size = parseSize(answer.get());
        if (size == null) {
            dialogs.showError("Not a picture size", "\"" + answer.get() + "\": give WIDTHxHEIGHT, e.g. " + initial
                    + ", each between 100 and 8000 pixels");
        }
        return size;
    }

    /** "1600x1000" (or with ×, *, spaces) to {1600, 1000}; null when it is not a size from 100 to 8000. */
    public static int[] parseSize(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("\\s*[x×*]\\s*");
        if (parts.length != 2) {
            return null;
        }
        try {
            int w = Integer.parseInt(parts[0].trim());
            int h = Integer.parseInt(parts[1].trim());
            return w >= 100 && h >= 100 && w <= 8000 && h <= 8000 ? new int[] {w, h} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Writes the band diagram at a size the user chooses (default 1600x1000), redrawn at that size. */
    public boolean exportBandPng(Path file) {
        if (vm.previewProperty().get() == null) {
            dialogs.showError("Nothing to export", "The bands have not been computed yet.");
            return false;
        }
        int[] size = askSize("Band diagram as PNG", "1600x1000");
        return size != null && exportBandPng(file, size[0], size[1]);
    }

    public boolean exportBandPng(Path file, int width, int height) {
        PreviewResult r = vm.previewProperty().get();
        if (r == null) {
            dialogs.showError("Nothing to export", "The bands have not been computed yet.");
            return false;
        }
        try {
            javafx.scene.canvas.Canvas c = new javafx.scene.canvas.Canvas(width, height);
            javafx.scene.canvas.GraphicsContext g = c.getGraphicsContext2D();
            double k = Math.max(1, Math.min(width / 800.0, height / 500.0));
            g.setFill(javafx.scene.paint.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.scale(k, k);
            WorkbenchViewModel.Comparison cmp = vm.comparisonProperty().get();
            io.bandsmith.app.gui.export.BandDiagramPainter.paint(new CanvasPlotter(g), r, vm.settingsProperty().get(),
                    width / k, height / k, cmp == null ? null : cmp.exactPath(), cmp == null ? Double.NaN
                            : cmp.rmsVmax());
            FxImages.writePng(FxImages.snapshot(c), file);
        } catch (RuntimeException e) {
            dialogs.showError("Export failed", e.getMessage());
            return false;
        }
        vm.statusProperty().set("Exported " + file.getFileName() + " (" + width + "x" + height + ")");
        return true;
    }

    public boolean exportZoneMapPng(Path file) {
        int[] size = askSize("Zone map as PNG", "1400x1000");
        return size != null && exportZoneMapPng(file, size[0], size[1]);
    }

    public boolean exportZoneMapPng(Path file, int width, int height) {
        if (vm.previewProperty().get() == null) {
            dialogs.showError("Nothing to export", "The bands have not been computed yet.");
            return false;
        }
        try {
            FxImages.writePng(zoneView.render(width, height), file);
        } catch (RuntimeException e) {
            dialogs.showError("Export failed", e.getMessage());
            return false;
        }
        vm.statusProperty().set("Exported " + file.getFileName() + " (" + width + "x" + height + ")");
        return true;
    }

    public boolean exportZoneMapSvg(Path file) {
        String svg = zoneView.svg(800);
        if (svg == null) {
            dialogs.showError("Nothing to export", "The bands have not been computed yet.");
            return false;
        }
        try {
            io.bandsmith.app.gui.export.ZoneMapSvg.write(file, svg);
        } catch (RuntimeException e) {
            dialogs.showError("Export failed", e.getMessage());
            return false;
        }
        vm.statusProperty().set("Exported " + file.getFileName());
        return true;
    }

    /** The band-set table as shown, as CSV. */
    public boolean exportSetTableCsv(Path file) {
        if (setTable.getItems().isEmpty()) {
            dialogs.showError("Nothing to export", "The band sets have not been computed yet.");
            return false;
        }
        try {
            TableCsv.write(setTable, file);
        } catch (RuntimeException e) {
            dialogs.showError("Export failed", e.getMessage());
            return false;
        }
        vm.statusProperty().set("Exported " + file.getFileName());
        return true;
    }

    public boolean exportGeometryPicture(Path file) {
        int[] size = askSize("Geometry as PNG (width; the height follows the cell)", "1500x866");
        return size != null && vm.exportGeometryPicture(file, size[0]);
    }

    private ToolBar toolBar() {
        Button undo = new Button("Undo");
        undo.setId("undoButton");
        undo.setOnAction(e -> editor.undo());
        undo.disableProperty().bind(editor.canUndoProperty().not());
        Button redo = new Button("Redo");
        redo.setId("redoButton");
        redo.setOnAction(e -> editor.redo());
        redo.disableProperty().bind(editor.canRedoProperty().not());
        Button save = new Button("Save");
        save.setOnAction(e -> vm.save());
        Button compare = new Button("Compare with exact");
        compare.setId("compareButton");
        compare.setOnAction(e -> vm.compareWithExact());
        compare.disableProperty().bind(vm.canCompareProperty().not().or(vm.comparingProperty())
                .or(vm.previewProperty().isNull()));
        Tooltip.install(compare, new Tooltip("Runs the exact solver in the background, overlays its bands (dashed) "
                + "and classifies them: the set table shows network class vs exact class, disagreements "
                + "highlighted. For the network only (the exact source needs no comparison)."));
        ProgressIndicator comparing = new ProgressIndicator();
        comparing.setPrefSize(18, 18);
        comparing.visibleProperty().bind(vm.comparingProperty());
        comparing.managedProperty().bind(vm.comparingProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancelComparison());
        cancel.visibleProperty().bind(vm.comparingProperty());
        cancel.managedProperty().bind(vm.comparingProperty());
        ComboBox<SourceChoice> sourceBox = new ComboBox<>(FXCollections.observableArrayList(SourceChoice.values()));
        sourceBox.setId("sourceBox");
        sourceBox.valueProperty().bindBidirectional(vm.sourceChoiceProperty());
        sourceBox.setDisable(!vm.networkAvailable() || !vm.exactAvailable());
        Tooltip.install(sourceBox, new Tooltip("Band source: the trained network (fast; trained for case p6, "
                + "Vmax = 256 E0, L = 100, outside that the exact solver is used by itself), the exact plane-wave "
                + "solver, or both (network, and every settled geometry checked against the exact solver)"));
        ComboBox<ConnectivityMethod> connBox = new ComboBox<>(FXCollections.observableArrayList(
                ConnectivityMethod.NAIVE, ConnectivityMethod.COMPAT, ConnectivityMethod.BERRY));
        connBox.setId("connectivityBox");
        connBox.valueProperty().bindBidirectional(vm.connectivityProperty());
        connBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ConnectivityMethod m) {
                return m == null ? "" : m.cliName();
            }

            @Override
            public ConnectivityMethod fromString(String t) {
                return ConnectivityMethod.parse(t);
            }
        });
        Tooltip.install(connBox, new Tooltip("Which band touchings split sets: naive (levels at Γ, K, M), compat "
                + "(plus the C2-parity rule; default, as ./bandsmith classify) or berry (π defects of the Berry flux; "
                + "network only)"));
        Label source = new Label();
        source.setId("sourceLabel");
        source.getStyleClass().add("source-label");
        Runnable showSource = () -> source.setText("Bands: " + vm.sourceNote());
        vm.activeSourceProperty().addListener((o, a, b) -> showSource.run());
        showSource.run();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(undo, redo, save, new Label("Source"), sourceBox, new Label("Connectivity"), connBox,
                compare, comparing, cancel, spacer, source);
    }

    /** The banner over stale results and the notice when the workbench chose another source by itself. */
    private Node staleBanner() {
        staleBanner.setId("staleBanner");
        staleBanner.setMaxWidth(Double.MAX_VALUE);
        staleBanner.setWrapText(true);
        staleBanner.setPadding(new Insets(4, 10, 4, 10));
        Runnable show = () -> {
            List<String> parts = new ArrayList<>();
            if (vm.staleProperty().get()) {
                parts.add(vm.staleReasonProperty().get());
            }
            if (!vm.sourceNoticeProperty().get().isEmpty()) {
                parts.add(vm.sourceNoticeProperty().get());
            }
            var c = vm.comparisonProperty().get();
            if (c != null && c.warning() != null) {
                parts.add(c.warning());
            }
            staleBanner.setText(String.join("  ·  ", parts));
            boolean visible = !parts.isEmpty();
            staleBanner.setVisible(visible);
            staleBanner.setManaged(visible);
            staleBanner.setStyle(vm.staleProperty().get()
                    ? "-fx-background-color: #fff3cd; -fx-text-fill: #5c4400; -fx-font-weight: bold;"
                    : "-fx-background-color: #e3f2fd; -fx-text-fill: #0d3c61;");
            double opacity = vm.staleProperty().get() ? 0.35 : 1.0;
            bandView.setOpacity(opacity);
            zoneView.setOpacity(opacity);
            surfaceView.setOpacity(opacity);
            setTable.setOpacity(opacity);
        };
        vm.staleProperty().addListener((o, a, b) -> show.run());
        vm.staleReasonProperty().addListener((o, a, b) -> show.run());
        vm.sourceNoticeProperty().addListener((o, a, b) -> show.run());
        vm.comparisonProperty().addListener((o, a, b) -> show.run());
        show.run();
        return staleBanner;
    }

    public Label staleBannerLabel() {
        return staleBanner;
    }

    public TableView<PreviewBandSet> setTable() {
        return setTable;
    }

    // ---- left: editor controls ---------------------------------------------------------------------------------

    private Node controls() {
        VBox box = new VBox(6, cellPane(), sixHolesPane(), randomPane(), brushPane(), shapesPane());
        box.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(300);
        scroll.setMinWidth(260);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private TitledPane cellPane() {
        TextField vmax = new TextField();
        vmax.setId("vmaxField");
        vmax.setPrefColumnCount(6);
        Runnable showVmax = () -> vmax.setText(String.format(Locale.ROOT, "%.4g", editor.getDocument().vmax()));
        editor.documentProperty().addListener((o, a, b) -> showVmax.run());
        showVmax.run();
        vmax.setOnAction(e -> {
            try {
                editor.setVmax(Double.parseDouble(vmax.getText().trim()));
            } catch (NumberFormatException ex) {
                vm.statusProperty().set("Vmax must be a number of E0, got \"" + vmax.getText() + "\"");
            }
            showVmax.run();
        });
        vmax.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vmax.getOnAction().handle(null);
            }
        });
        ComboBox<Integer> size = new ComboBox<>(FXCollections.observableArrayList(GeometryDocument.SIZES));
        size.setId("gridSizeBox");
        Runnable showSize = () -> size.setValue(editor.getDocument().size());
        editor.documentProperty().addListener((o, a, b) -> showSize.run());
        showSize.run();
        size.setOnAction(e -> {
            if (size.getValue() != null && size.getValue() != editor.getDocument().size()) {
                editor.setGridSize(size.getValue());
            }
        });
        Button empty = new Button("Empty cell");
        empty.setOnAction(e -> editor.applyUniform(0));
        Button full = new Button("Filled cell");
        full.setOnAction(e -> editor.applyUniform(1));
        GridPane g = form();
        g.addRow(0, new Label("Vmax (E0)"), vmax);
        g.addRow(1, new Label("Grid L"), size);
        g.add(new HBox(6, empty, full), 0, 2, 2, 1);
        return titled("Cell", g, true);
    }

    private TitledPane sixHolesPane() {
        Slider distance = new Slider(0.15, 0.5, editor.sixHolesDistanceProperty().get());
        distance.setId("sixHolesSlider");
        distance.setShowTickLabels(true);
        distance.setMajorTickUnit(0.05);
        distance.valueProperty().bindBidirectional(editor.sixHolesDistanceProperty());
        distance.valueChangingProperty().addListener((o, was, is) -> {
            if (is) {
                editor.beginGesture();
            } else {
                editor.endGesture();
            }
        });
        Label value = new Label();
        value.textProperty().bind(Bindings.format(Locale.ROOT, "R = %.3f a", editor.sixHolesDistanceProperty()));
        Spinner<Double> radius = new Spinner<>(0.02, 0.4, editor.sixHolesRadiusProperty().get(), 0.01);
        Spinners.editable(radius);
        radius.setPrefWidth(90);
        radius.valueProperty().addListener((o, a, b) -> editor.sixHolesRadiusProperty().set(b));
        editor.sixHolesRadiusProperty().addListener((o, a, b) -> radius.getValueFactory().setValue(b.doubleValue()));
        Button apply = new Button("Use six holes");
        apply.setId("sixHolesButton");
        apply.setOnAction(e -> editor.applySixHoles());
        GridPane g = form();
        g.add(distance, 0, 0, 2, 1);
        g.addRow(1, value, apply);
        g.addRow(2, new Label("hole radius r (a)"), radius);
        return titled("Six holes (fig. 2)", g, true);
    }

    private TitledPane randomPane() {
        Spinner<Double> alpha = new Spinner<>(0.0, 3.0, editor.randomAlphaProperty().get(), 0.25);
        Spinners.editable(alpha);
        alpha.setPrefWidth(90);
        alpha.setId("randomAlpha");
        alpha.valueProperty().addListener((o, a, b) -> editor.randomAlphaProperty().set(b));
        // the spinner follows the model too: an opened exploration result or a restored autosave sets α
        editor.randomAlphaProperty().addListener((o, a, b) -> alpha.getValueFactory().setValue(b.doubleValue()));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, (int) editor.randomSeedProperty().get());
        seed.setId("randomSeed");
        Spinners.editable(seed);
        seed.setPrefWidth(110);
        seed.valueProperty().addListener((o, a, b) -> editor.randomSeedProperty().set(b));
        editor.randomSeedProperty().addListener((o, a, b) -> seed.getValueFactory().setValue(b.intValue()));
        ToggleGroup step = new ToggleGroup();
        RadioButton sharp = new RadioButton("sharp step");
        RadioButton sigmoid = new RadioButton("sigmoid β");
        sharp.setToggleGroup(step);
        sigmoid.setToggleGroup(step);
        sigmoid.selectedProperty().bindBidirectional(editor.randomSigmoidProperty());
        sharp.setSelected(!editor.randomSigmoidProperty().get());
        editor.randomSigmoidProperty().addListener((o, a, b) -> sharp.setSelected(!b));
        Spinner<Double> beta = new Spinner<>(0.5, 200.0, editor.randomBetaProperty().get(), 1.0);
        Spinners.editable(beta);
        beta.setPrefWidth(90);
        beta.setId("randomBeta");
        beta.valueProperty().addListener((o, a, b) -> editor.randomBetaProperty().set(b));
        editor.randomBetaProperty().addListener((o, a, b) -> beta.getValueFactory().setValue(b.doubleValue()));
        Button generate = new Button("Generate");
        generate.setId("randomButton");
        generate.setOnAction(e -> editor.applyRandom());
        Button next = new Button("Next seed");
        next.setOnAction(e -> editor.nextRandomSeed());
        // one radio button per row: side by side they were clipped ("sharp …", "sigmoi…") in the 300 px column
        sharp.setMinWidth(Region.USE_PREF_SIZE);
        sigmoid.setMinWidth(Region.USE_PREF_SIZE);
        GridPane g = form();
        g.addRow(0, new Label("α"), alpha);
        g.addRow(1, new Label("seed"), seed);
        g.add(sharp, 0, 2, 2, 1);
        HBox sigmoidRow = new HBox(6, sigmoid, beta);
        sigmoidRow.setAlignment(Pos.CENTER_LEFT);
        g.add(sigmoidRow, 0, 3, 2, 1);
        g.add(new HBox(6, generate, next), 0, 4, 2, 1);
        return titled("Random potential", g, false);
    }

    private TitledPane brushPane() {
        Slider radius = new Slider(0.01, 0.25, editor.brushRadiusProperty().get());
        radius.valueProperty().bindBidirectional(editor.brushRadiusProperty());
        Label value = new Label();
        value.textProperty().bind(Bindings.format(Locale.ROOT, "radius %.3f a", editor.brushRadiusProperty()));
        ToggleGroup mode = new ToggleGroup();
        RadioButton paint = new RadioButton("paint (Vmax)");
        paint.setId("paintMode");
        RadioButton erase = new RadioButton("erase (0)");
        erase.setId("eraseMode");
        paint.setToggleGroup(mode);
        erase.setToggleGroup(mode);
        paint.selectedProperty().bindBidirectional(editor.brushPaintsProperty());
        erase.setSelected(!editor.brushPaintsProperty().get());
        editor.brushPaintsProperty().addListener((o, a, b) -> erase.setSelected(!b));
        Button clear = new Button("Clear strokes");
        clear.setOnAction(e -> editor.clearBrushStrokes());
        GridPane g = form();
        g.add(radius, 0, 0, 2, 1);
        g.addRow(1, value, clear);
        g.addRow(2, paint, erase);
        return titled("Brush (C6-symmetric)", g, true);
    }

    private TitledPane shapesPane() {
        ListView<ShapeSpec> list = new ListView<>(editor.shapes());
        list.setId("shapeList");
        list.setPrefHeight(90);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ShapeSpec s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.describe());
            }
        });
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                editor.selectedShapeProperty().set(b.intValue());
            }
        });
        editor.selectedShapeProperty().addListener((o, a, b) -> {
            if (list.getSelectionModel().getSelectedIndex() != b.intValue()) {
                list.getSelectionModel().select(b.intValue());
            }
        });
        editor.shapes().addListener((javafx.collections.ListChangeListener<ShapeSpec>) c ->
                list.getSelectionModel().select(editor.selectedShapeProperty().get()));
        Button disc = new Button("+ disc");
        disc.setId("addDiscButton");
        disc.setOnAction(e -> editor.addDisc());
        Button polygon = new Button("+ polygon");
        polygon.setOnAction(e -> editor.addPolygon());
        Button remove = new Button("Remove");
        remove.setOnAction(e -> editor.removeSelectedShape());
        ShapePropertySheet sheet = new ShapePropertySheet(editor);
        sheet.setPrefHeight(230);
        VBox box = new VBox(4, list, new HBox(6, disc, polygon, remove), sheet);
        return titled("Shapes (copied by C6)", box, true);
    }

    private static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(5);
        return g;
    }

    private static TitledPane titled(String title, Node content, boolean expanded) {
        TitledPane t = new TitledPane(title, content);
        t.setExpanded(expanded);
        t.setAnimated(false);
        return t;
    }

    // ---- centre: the four panels -------------------------------------------------------------------------------

    private Node panels() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setPercentWidth(50);
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setPercentWidth(50);
        grid.getColumnConstraints().addAll(c1, c2);
        RowConstraints r1 = new RowConstraints();
        r1.setPercentHeight(55);
        RowConstraints r2 = new RowConstraints();
        r2.setPercentHeight(45);
        grid.getRowConstraints().addAll(r1, r2);
        grid.add(panel("Geometry: unit cell (a1, a2) with neighbours", geometryView, null), 0, 0);
        grid.add(panel("Bands along Γ–K–M–Γ with symmetry labels", bandView, null), 1, 0);
        grid.add(panel("Zone map", zoneView, zoneControls()), 0, 1);
        grid.add(panel("Bands as surfaces over the zone (3D)", surfaceView, surfaceControls()), 1, 1);
        return grid;
    }

    private Node panel(String title, Region content, Node controls) {
        Label t = new Label(title);
        t.getStyleClass().add("panel-title");
        HBox head = new HBox(8, t);
        head.setAlignment(Pos.CENTER_LEFT);
        if (controls != null) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            head.getChildren().addAll(spacer, controls);
        }
        VBox box = new VBox(2, head, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.getStyleClass().add("panel");
        box.setMinSize(100, 100);
        content.setMinSize(80, 80);
        content.setPrefSize(100, 100);
        return box;
    }

    private Node zoneControls() {
        PreviewSettings s = vm.settingsProperty().get();
        Spinner<Integer> lower = new Spinner<>(1, PreviewSettings.MAX_BANDS - 1, s.gapLower());
        Spinner<Integer> upper = new Spinner<>(2, PreviewSettings.MAX_BANDS, s.gapUpper());
        lower.setId("gapLower");
        upper.setId("gapUpper");
        Spinners.editable(lower);
        Spinners.editable(upper);
        lower.setPrefWidth(62);
        upper.setPrefWidth(62);
        boolean[] syncing = new boolean[1];
        Runnable showGap = () -> {
            syncing[0] = true;
            lower.getValueFactory().setValue(vm.settingsProperty().get().gapLower());
            upper.getValueFactory().setValue(vm.settingsProperty().get().gapUpper());
            syncing[0] = false;
        };
        // a refused pair (lower >= upper) leaves the settings; the spinners then show the settings again
        lower.valueProperty().addListener((o, a, b) -> {
            if (!syncing[0]) {
                vm.setGap(b, upper.getValue());
                showGap.run();
            }
        });
        upper.valueProperty().addListener((o, a, b) -> {
            if (!syncing[0]) {
                vm.setGap(lower.getValue(), b);
                showGap.run();
            }
        });
        vm.settingsProperty().addListener((o, a, b) -> showGap.run());
        HBox gapBands = new HBox(4, new Label("bands"), lower, new Label("→"), upper);
        gapBands.setAlignment(Pos.CENTER_LEFT);
        // the Berry-flux group: bands first..last (first <= last, so one band is a group too)
        Spinner<Integer> first = new Spinner<>(1, PreviewSettings.MAX_BANDS, vm.berryFirstProperty().get());
        Spinner<Integer> last = new Spinner<>(1, PreviewSettings.MAX_BANDS, vm.berryLastProperty().get());
        first.setId("berryFirst");
        last.setId("berryLast");
        Spinners.editable(first);
        Spinners.editable(last);
        first.setPrefWidth(62);
        last.setPrefWidth(62);
        first.valueProperty().addListener((o, a, b) -> {
            if (!vm.setBerryGroup(b, Math.max(b, last.getValue()))) {
                first.getValueFactory().setValue(vm.berryFirstProperty().get());
            }
        });
        last.valueProperty().addListener((o, a, b) -> {
            if (!vm.setBerryGroup(Math.min(first.getValue(), b), b)) {
                last.getValueFactory().setValue(vm.berryLastProperty().get());
            }
        });
        vm.berryFirstProperty().addListener((o, a, b) -> first.getValueFactory().setValue(b.intValue()));
        vm.berryLastProperty().addListener((o, a, b) -> last.getValueFactory().setValue(b.intValue()));
        ProgressIndicator berryBusy = new ProgressIndicator();
        berryBusy.setPrefSize(16, 16);
        berryBusy.visibleProperty().bind(vm.berryComputingProperty());
        HBox berryBands = new HBox(4, new Label("group: bands"), first, new Label("…"), last, berryBusy);
        berryBands.setAlignment(Pos.CENTER_LEFT);
        ComboBox<ZoneMapMode> mode = new ComboBox<>(FXCollections.observableArrayList(ZoneMapMode.values()));
        mode.setId("zoneModeBox");
        mode.setValue(vm.zoneMapModeProperty().get());
        mode.setDisable(!vm.berryFluxAvailable());
        mode.setOnAction(e -> {
            if (mode.getValue() != null && !vm.setZoneMapMode(mode.getValue())) {
                mode.setValue(vm.zoneMapModeProperty().get());
            }
        });
        vm.zoneMapModeProperty().addListener((o, a, b) -> mode.setValue(b));
        Runnable showBands = () -> {
            boolean berry = vm.zoneMapModeProperty().get() == ZoneMapMode.BERRY_FLUX;
            gapBands.setVisible(!berry);
            berryBands.setVisible(berry);
        };
        vm.zoneMapModeProperty().addListener((o, a, b) -> showBands.run());
        showBands.run();
        // a disabled control shows no tool tip: the reason sits on a wrapper around it
        javafx.scene.layout.StackPane modeHolder = new javafx.scene.layout.StackPane(mode);
        modeHolder.setId("zoneModeHolder");
        Tooltip.install(modeHolder, new Tooltip(vm.berryFluxAvailable()
                ? "gap: E_upper − E_lower over the zone; Berry flux: the flux per plaquette of a band group "
                        + "(Fukui-Hatsugai-Suzuki) from the tight-binding eigenvectors, with its Chern number"
                : WorkbenchViewModel.BERRY_UNAVAILABLE));
        // both band choosers stay managed inside one stack, so switching modes does not move the mode box
        javafx.scene.layout.StackPane bandChoice = new javafx.scene.layout.StackPane(gapBands, berryBands);
        bandChoice.setAlignment(Pos.CENTER_LEFT);
        HBox box = new HBox(4, modeHolder, bandChoice);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node surfaceControls() {
        HBox box = new HBox(3, new Label("bands"));
        box.setAlignment(Pos.CENTER_LEFT);
        List<CheckBox> boxes = new ArrayList<>();
        for (int b = 1; b <= 7; b++) {
            CheckBox c = new CheckBox(Integer.toString(b));
            c.setSelected(vm.settingsProperty().get().surfaceBands().contains(b));
            boxes.add(c);
            box.getChildren().add(c);
        }
        Runnable apply = () -> {
            List<Integer> chosen = new ArrayList<>();
            for (int i = 0; i < boxes.size(); i++) {
                if (boxes.get(i).isSelected()) {
                    chosen.add(i + 1);
                }
            }
            vm.setSurfaceBands(chosen);
        };
        boxes.forEach(c -> c.setOnAction(e -> apply.run()));
        vm.settingsProperty().addListener((o, a, b) -> {
            for (int i = 0; i < boxes.size(); i++) {
                boxes.get(i).setSelected(b.surfaceBands().contains(i + 1));
            }
        });
        return box;
    }

    // ---- bottom: band sets and status --------------------------------------------------------------------------

    private Node bottom() {
        setTable.setId("bandSetTable");
        // every set in view: one row per set (at most one per band), no scrolling
        setTable.setFixedCellSize(24);
        Runnable fit = () -> {
            double h = 30 + 24 * Math.max(3, setTable.getItems().size()) + 2;
            setTable.setPrefHeight(h);
            setTable.setMinHeight(h);
        };
        setTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setTable.setPlaceholder(new Label("Band sets appear when the bands are computed"));
        setTable.getColumns().add(column("Set (bands)", s -> s.bandsLabel() + (s.top() ? " (top)" : ""), 110));
        setTable.getColumns().add(column("Class", PreviewBandSet::classLabel, 100));
        setTable.getColumns().add(column("Fingerprint (ns, np, nd, nf, n0, n+)",
                s -> s.set().fingerprint().toString(), 220));
        setTable.getColumns().add(column("EBR decomposition", PreviewBandSet::decomposition, 140));
        TableColumn<PreviewBandSet, String> exactColumn = column("Exact class (compare)", s -> {
            var c = vm.comparisonProperty().get();
            return c == null ? "—" : c.exactClassOf(s) + (c.agrees(s) ? "" : "  ≠");
        }, 170);
        exactColumn.setId("exactClassColumn");
        setTable.getColumns().add(exactColumn);
        setTable.getColumns().add(column("Smallest gap above (Vmax)", s -> Double.isNaN(s.gapAboveE0()) ? "—"
                : String.format(Locale.ROOT, "%.4f", s.gapAboveE0() / vm.document().vmax()), 150));
        setTable.getColumns().add(column("Note", vm::setNote, 260));
        setTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(PreviewBandSet s, boolean empty) {
                super.updateItem(s, empty);
                var c = vm.comparisonProperty().get();
                boolean disagree = !empty && s != null && c != null && !c.agrees(s);
                boolean check = !empty && s != null && vm.checkWithExact(s);
                getStyleClass().removeAll("class-disagrees", "check-with-exact");
                if (disagree) {
                    getStyleClass().add("class-disagrees");
                } else if (check) {
                    getStyleClass().add("check-with-exact");
                }
                setStyle(disagree ? "-fx-background-color: #ffcdd2;" : check ? "-fx-background-color: #fff3c4;" : "");
            }
        });
        vm.previewProperty().addListener((o, a, r) -> {
            setTable.getItems().setAll(r == null ? List.of() : r.sets());
            fit.run();
        });
        vm.comparisonProperty().addListener((o, a, b) -> setTable.refresh());
        fit.run();
        status.setId("statusLabel");
        status.textProperty().bind(vm.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.computingProperty());
        Label dirty = new Label();
        dirty.textProperty().bind(Bindings.when(vm.dirtyProperty()).then("unsaved changes").otherwise("saved"));
        HBox bar = new HBox(8, busy, status, dirty);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return new VBox(setTable, bar);
    }

    private static TableColumn<PreviewBandSet, String> column(String title,
            Function<PreviewBandSet, String> value, double width) {
        TableColumn<PreviewBandSet, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
