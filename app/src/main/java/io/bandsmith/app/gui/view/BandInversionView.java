package io.bandsmith.app.gui.view;

import java.util.Locale;

import io.bandsmith.app.gui.viewmodel.BandInversionViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The band-inversion designer (fig. 2): R range, hole radius, Run/Cancel, the levels plot and the inversion. */
public final class BandInversionView extends BorderPane {
    private final BandInversionViewModel vm;
    private final InversionPlotView plot;

    public BandInversionView(BandInversionViewModel vm, StringProperty status) {
        this.vm = vm;
        setId("bandInversionPanel");
        plot = new InversionPlotView(vm);
        vm.inversionProperty().addListener((o, a, b) -> plot.draw());
        setLeft(form(status));
        setCenter(plot);
    }

    public InversionPlotView plot() {
        return plot;
    }

    private Node form(StringProperty status) {
        Label title = new Label("Six holes of radius r at distance R");
        title.getStyleClass().add("panel-title");
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.addRow(0, new Label("R from (a)"), NumberFields.of(vm.fromDistanceProperty(), null, status, "R from"));
        g.addRow(1, new Label("R to (a)"), NumberFields.of(vm.toDistanceProperty(), null, status, "R to"));
        g.addRow(2, new Label("geometries"), NumberFields.of(vm.countProperty(), status, "geometries"));
        g.addRow(3, new Label("hole radius r (a)"), NumberFields.of(vm.holeRadiusProperty(), null, status, "r"));
        Label note = new Label("At the editor's grid L and Vmax. The p and d pairs at Γ exchange order where the "
                + "six holes make a smaller lattice (R = a/3 for r = 0.12 a).");
        note.setWrapText(true);
        note.setMaxWidth(260);
        note.setStyle("-fx-text-fill: #555;");
        Button run = new Button("Run");
        run.setId("runInversionButton");
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
        Label inversion = new Label();
        inversion.setId("inversionLabel");
        inversion.setWrapText(true);
        inversion.setMaxWidth(260);
        // before a run there is nothing to report; after one, no crossing is news (red), a crossing is the result
        inversion.textProperty().bind(Bindings.createStringBinding(() -> !Double.isNaN(vm.inversionProperty().get())
                ? String.format(Locale.ROOT, "p–d inversion at R = %.4f a", vm.inversionProperty().get())
                : vm.runningProperty().get() ? "" : vm.rows().isEmpty() ? "Run to find where p and d cross at Γ"
                        : "no p–d crossing at Γ in this range of R", vm.inversionProperty(), vm.runningProperty(),
                vm.rows()));
        inversion.styleProperty().bind(Bindings.createStringBinding(() -> !Double.isNaN(vm.inversionProperty().get())
                ? "-fx-font-weight: bold; -fx-text-fill: #2b3a55;" : vm.rows().isEmpty() || vm.runningProperty().get()
                        ? "-fx-text-fill: #555555;" : "-fx-font-weight: bold; -fx-text-fill: #b71c1c;",
                vm.inversionProperty(), vm.runningProperty(), vm.rows()));
        Button open = new Button("Open the inversion point");
        open.setOnAction(e -> vm.open(vm.inversionProperty().get()));
        open.disableProperty().bind(Bindings.createBooleanBinding(() -> Double.isNaN(vm.inversionProperty().get()),
                vm.inversionProperty()));
        VBox box = new VBox(6, title, g, note, new HBox(6, run, cancel), bar, progress, inversion, open);
        box.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(300);
        return scroll;
    }
}
