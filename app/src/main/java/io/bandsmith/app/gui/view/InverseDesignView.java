package io.bandsmith.app.gui.view;

import java.util.Locale;

import io.bandsmith.app.gui.viewmodel.InverseDesignViewModel;
import io.bandsmith.app.gui.viewmodel.InverseDesignViewModel.Candidate;
import io.bandsmith.app.gui.viewmodel.InverseDesignViewModel.Target;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The inverse-design panel: target and budget on the left, Run/Cancel and progress, the best loss per step as a live
 * plot, and the verified designs with thumbnails, "Open in editor" and "Export…". A view of
 * {@link InverseDesignViewModel} only.
 */
public final class InverseDesignView extends BorderPane {
    private final InverseDesignViewModel vm;
    private final ListView<Candidate> list = new ListView<>();

    public InverseDesignView(InverseDesignViewModel vm, StringProperty status) {
        this.vm = vm;
        setId("inverseDesignPanel");
        setLeft(form(status));
        LossPlotView plot = new LossPlotView(vm.lossHistory());
        list.setId("designList");
        list.setItems(vm.candidates());
        list.setPlaceholder(new Label("The verified designs appear here when a run ends (or is cancelled)"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Candidate c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setGraphic(new ImageView(GeometryThumbnails.render(c.grid(), 64)));
                setText(c.lines());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.openSelectedInEditor();
            }
        });
        Button open = new Button("Open in editor");
        open.setId("openDesignButton");
        open.setOnAction(e -> vm.openSelectedInEditor());
        open.disableProperty().bind(vm.selectedProperty().isNull());
        Button export = new Button("Export…");
        export.setId("exportDesignButton");
        export.setOnAction(e -> vm.exportSelected());
        export.disableProperty().bind(vm.selectedProperty().isNull());
        Label designsTitle = new Label("Designs, best first (checked with the exact solver)");
        designsTitle.getStyleClass().add("panel-title");
        designsTitle.setId("designsTitle");
        designsTitle.setWrapText(true);
        designsTitle.setMinHeight(Region.USE_PREF_SIZE);
        Label checks = new Label();
        checks.setId("designChecksNote");
        checks.setWrapText(true);
        checks.textProperty().bind(vm.checksNoteProperty());
        Label explain = new Label("descent: the smoothed loss of the continuous geometry (the plot shows its square, "
                + "Vmax²); digitized mask: the two-valued design that is made, by the network and by the exact "
                + "solver. Digitizing moves the design, so its figures are usually worse than the descent's.");
        explain.setWrapText(true);
        explain.setStyle("-fx-font-size: 11px; -fx-text-fill: #555555;");
        explain.setMinHeight(Region.USE_PREF_SIZE);
        VBox designs = new VBox(4, designsTitle, checks, list, new HBox(6, open, export), explain);
        VBox.setVgrow(list, Priority.ALWAYS);
        designs.setPadding(new Insets(4));
        designs.setMinWidth(230);
        // the bands of the selected design: target, exact solver and network, as in the exported .bands.png
        ImageView bandsImage = new ImageView();
        bandsImage.setId("designBandsImage");
        bandsImage.setPreserveRatio(true);
        bandsImage.setSmooth(true);
        Label bandsNote = new Label("The bands of the selected design appear here");
        bandsNote.setId("designBandsNote");
        javafx.scene.layout.StackPane bandsPane = new javafx.scene.layout.StackPane(bandsNote, bandsImage);
        bandsPane.setMinSize(100, 100);
        bandsImage.fitWidthProperty().bind(bandsPane.widthProperty().subtract(4));
        bandsImage.fitHeightProperty().bind(bandsPane.heightProperty().subtract(4));
        vm.designBandsProperty().addListener((o, a, b) -> {
            bandsImage.setImage(b == null ? null : javafx.embed.swing.SwingFXUtils.toFXImage(
                    io.bandsmith.models.design.DesignExport.bandsPicture(b.path(), b.target(), b.exact(), b.network(),
                            "design #" + b.candidate().rank() + " along Γ-K-M-Γ"), null));
            bandsNote.setText(b != null ? "" : vm.selectedProperty().get() == null
                    ? "The bands of the selected design appear here" : "computing the bands of the design…");
        });
        SplitPane left = new SplitPane(plot, bandsPane);
        left.setOrientation(javafx.geometry.Orientation.VERTICAL);
        left.setDividerPositions(0.45);
        SplitPane split = new SplitPane(left, designs);
        split.setDividerPositions(0.62);
        setCenter(split);
    }

    private Node form(StringProperty status) {
        Label note = new Label();
        note.setId("designNetworkNote");
        note.textProperty().bind(vm.networkNoteProperty());
        note.setWrapText(true);
        note.setMaxWidth(270);
        note.styleProperty().bind(Bindings.when(vm.networkAvailableProperty()).then("-fx-text-fill: #2b3a55;")
                .otherwise("-fx-text-fill: #b71c1c; -fx-font-weight: bold;"));

        ToggleGroup targets = new ToggleGroup();
        RadioButton honeycomb = new RadioButton(Target.BREATHING_HONEYCOMB.label());
        RadioButton gap = new RadioButton("open the gap above band");
        honeycomb.setToggleGroup(targets);
        gap.setToggleGroup(targets);
        honeycomb.setUserData(Target.BREATHING_HONEYCOMB);
        gap.setUserData(Target.GAP);
        Runnable showTarget = () -> targets.selectToggle(vm.targetProperty().get() == Target.GAP ? gap : honeycomb);
        vm.targetProperty().addListener((o, a, b) -> showTarget.run());
        showTarget.run();
        targets.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.targetProperty().set((Target) b.getUserData());
            }
        });
        TextField gapAbove = NumberFields.of(vm.gapAboveProperty(), status, "n");
        gapAbove.setPrefColumnCount(3);
        gapAbove.disableProperty().bind(vm.targetProperty().isNotEqualTo(Target.GAP));

        GridPane model = new GridPane();
        model.setHgap(6);
        model.setVgap(4);
        String[] names = {"ω0", "J", "J0", "L", "L0"};
        var props = new javafx.beans.property.DoubleProperty[] {vm.omega0Property(), vm.hoppingJProperty(),
            vm.hoppingJ0Property(), vm.hoppingLProperty(), vm.hoppingL0Property()};
        for (int k = 0; k < names.length; k++) {
            TextField f = NumberFields.of(props[k], null, status, names[k]);
            f.setId("target" + names[k].replace("ω", "omega"));
            f.disableProperty().bind(vm.targetProperty().isNotEqualTo(Target.BREATHING_HONEYCOMB));
            model.addRow(k, new Label(names[k] + " (Vmax)"), f);
        }
        model.setPadding(new Insets(0, 0, 0, 22));

        GridPane budget = new GridPane();
        budget.setHgap(6);
        budget.setVgap(4);
        budget.addRow(0, new Label("trials"), NumberFields.of(vm.trialsProperty(), status, "trials"));
        budget.addRow(1, new Label("steps"), NumberFields.of(vm.stepsProperty(), status, "steps"));
        budget.addRow(2, new Label("seed"), NumberFields.of(vm.seedProperty(), status, "seed"));
        budget.addRow(3, new Label("checked exactly"), NumberFields.of(vm.verifyProperty(), status,
                "designs checked"));
        CheckBox halving = new CheckBox("successive halving");
        halving.selectedProperty().bindBidirectional(vm.halvingProperty());
        budget.add(halving, 0, 4, 2, 1);

        Button run = new Button("Run");
        run.setId("runDesignButton");
        run.setDefaultButton(false);
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.canRunProperty().not());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelDesignButton");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not().or(vm.cancellingProperty()));
        ProgressBar bar = new ProgressBar();
        bar.setId("designProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label progress = new Label();
        progress.textProperty().bind(vm.progressTextProperty());
        progress.setWrapText(true);
        progress.setMaxWidth(270);

        HBox targetGap = new HBox(6, gap, gapAbove);
        targetGap.setAlignment(Pos.CENTER_LEFT);
        Label targetTitle = new Label("Target");
        targetTitle.getStyleClass().add("panel-title");
        Label budgetTitle = new Label("Budget");
        budgetTitle.getStyleClass().add("panel-title");
        VBox box = new VBox(6, note, targetTitle, honeycomb, model, targetGap, budgetTitle, budget,
                new HBox(6, run, cancel), bar, progress);
        box.setPadding(new Insets(6));
        box.setPrefWidth(290);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(300);
        return scroll;
    }

    public ListView<Candidate> designList() {
        return list;
    }
}
