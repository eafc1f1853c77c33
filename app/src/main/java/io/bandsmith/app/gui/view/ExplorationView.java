package io.bandsmith.app.gui.view;

import io.bandsmith.app.gui.viewmodel.ExplorationViewModel;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The exploration panel: α, seeds, N, Run/Cancel, the class chart and the gallery of fragile potentials. */
public final class ExplorationView extends BorderPane {
    private final ExplorationViewModel vm;
    private final FlowPane gallery = new FlowPane(6, 6);

    public ExplorationView(ExplorationViewModel vm, StringProperty status) {
        this.vm = vm;
        setId("explorationPanel");
        setLeft(form(status));
        ClassChartView chart = new ClassChartView(vm);
        gallery.setId("fragileGallery");
        gallery.setPadding(new Insets(6));
        vm.fragileSamples().addListener((ListChangeListener<ExplorationViewModel.Sample>) c -> fillGallery());
        fillGallery();
        ScrollPane galleryScroll = new ScrollPane(gallery);
        galleryScroll.setFitToWidth(true);
        Label title = new Label("Potentials with a fragile band set among the lowest 6 bands (click one to open it in the editor)");
        title.getStyleClass().add("panel-title");
        VBox bottom = new VBox(2, title, galleryScroll);
        VBox.setVgrow(galleryScroll, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(chart, bottom);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);
    }

    public FlowPane gallery() {
        return gallery;
    }

    private void fillGallery() {
        gallery.getChildren().clear();
        if (vm.fragileSamples().isEmpty()) {
            gallery.getChildren().add(new Label("none yet"));
            return;
        }
        for (ExplorationViewModel.Sample s : vm.fragileSamples()) {
            Button b = new Button("seed " + s.seed(), new ImageView(GeometryThumbnails.render(s.grid(), 72)));
            b.setContentDisplay(ContentDisplay.TOP);
            b.setTooltip(new Tooltip(s.describe()));
            b.setOnAction(e -> vm.open(s));
            gallery.getChildren().add(b);
        }
    }

    private Node form(StringProperty status) {
        Label title = new Label("Random potentials (appendix I)");
        title.getStyleClass().add("panel-title");
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.addRow(0, new Label("α"), NumberFields.of(vm.alphaProperty(), null, status, "α"));
        g.addRow(1, new Label("first seed"), NumberFields.of(vm.seedStartProperty(), status, "seed"));
        g.addRow(2, new Label("N"), NumberFields.of(vm.samplesProperty(), status, "N"));
        Label note = new Label("Sharp step, at the editor's grid L and Vmax; potential i uses seed S + i, as "
                + "'./bandsmith explore'. All cores.");
        note.setWrapText(true);
        note.setMaxWidth(260);
        note.setStyle("-fx-text-fill: #555;");
        javafx.scene.control.CheckBox berry = new javafx.scene.control.CheckBox("also Berry connectivity (slower)");
        berry.setId("exploreBerryBox");
        berry.selectedProperty().bindBidirectional(vm.berryProperty());
        berry.setTooltip(new Tooltip("Adds the π-defect connectivity of section VI (network only; about 0.1-0.2 s "
                + "per potential). Naive and compat (the default of the set table and of classify) are always counted."));
        Runnable enableBerry = () -> berry.setDisable(!vm.berryAvailable() || vm.runningProperty().get());
        vm.runningProperty().addListener((o, a, b) -> enableBerry.run());
        vm.methods().addListener((ListChangeListener<io.bandsmith.engine.topology.ConnectivityMethod>) c ->
                enableBerry.run());
        enableBerry.run();
        g.add(berry, 0, 3, 2, 1);
        Button run = new Button("Run");
        run.setId("runExploreButton");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label progress = new Label();
        progress.textProperty().bind(vm.progressTextProperty());
        progress.setWrapText(true);
        progress.setMaxWidth(260);
        VBox box = new VBox(6, title, g, note, new HBox(6, run, cancel), bar, progress);
        box.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(300);
        return scroll;
    }
}
