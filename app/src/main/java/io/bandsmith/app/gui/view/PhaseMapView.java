package io.bandsmith.app.gui.view;

import io.bandsmith.app.gui.viewmodel.PhaseMapViewModel;
import io.bandsmith.engine.topology.ConnectivityMethod;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The phase-map panel: corners, resolution, connectivity, Run/Cancel and the triangle. A view only. */
public final class PhaseMapView extends BorderPane {
    private final PhaseMapViewModel vm;
    private final PhaseTriangleView triangle;

    public PhaseMapView(PhaseMapViewModel vm, StringProperty status) {
        this.vm = vm;
        setId("phaseMapPanel");
        triangle = new PhaseTriangleView(vm);
        setLeft(form(status));
        setCenter(triangle);
    }

    public PhaseTriangleView triangle() {
        return triangle;
    }

    private Node form(StringProperty status) {
        Label cornersTitle = new Label("Corners (Fourier coefficients blended)");
        cornersTitle.getStyleClass().add("panel-title");
        GridPane corners = new GridPane();
        corners.setHgap(6);
        corners.setVgap(4);
        for (int c = 0; c < 3; c++) {
            int index = c;
            ImageView thumb = new ImageView();
            Label name = new Label();
            name.setWrapText(true);
            name.setMaxWidth(150);
            Runnable show = () -> {
                PhaseMapViewModel.Corner k = vm.corners().get(index);
                thumb.setImage(GeometryThumbnails.render(k.grid(), 44));
                name.setText((index + 1) + ": " + k.name());
            };
            vm.corners().addListener((javafx.collections.ListChangeListener<PhaseMapViewModel.Corner>) ch -> show.run());
            show.run();
            Button editor = new Button("Editor");
            editor.setOnAction(e -> vm.useEditorGeometry(index));
            editor.setTooltip(new javafx.scene.control.Tooltip("Use the geometry in the editor as corner "
                    + (index + 1)));
            Button file = new Button("File…");
            file.setOnAction(e -> vm.chooseCorner(index));
            file.setTooltip(new javafx.scene.control.Tooltip("A project (.json) or a grid (.npy)"));
            corners.add(thumb, 0, 2 * c, 1, 2);
            corners.add(name, 1, 2 * c, 2, 1);
            corners.add(new HBox(4, editor, file), 1, 2 * c + 1, 2, 1);
        }
        ComboBox<ConnectivityMethod> method = new ComboBox<>(vm.methods());
        method.valueProperty().bindBidirectional(vm.methodProperty());
        method.setCellFactory(v -> methodCell());
        method.setButtonCell(methodCell());
        GridPane settings = new GridPane();
        settings.setHgap(6);
        settings.setVgap(4);
        settings.addRow(0, new Label("resolution N"), NumberFields.of(vm.resolutionProperty(), status, "resolution"));
        settings.addRow(1, new Label("connectivity"), method);
        Label source = new Label();
        source.textProperty().bind(vm.sourceNoteProperty());
        source.setWrapText(true);
        source.setMaxWidth(260);
        Button run = new Button("Run");
        run.setId("runPhaseMapButton");
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
        Label hint = new Label("(N+1)(N+2)/2 points, each classified from its levels at Γ, K, M; the exact solver "
                + "takes a fraction of a second per point.");
        hint.setWrapText(true);
        hint.setMaxWidth(260);
        hint.setStyle("-fx-text-fill: #555;");
        VBox box = new VBox(6, cornersTitle, corners, settings, source, hint, new HBox(6, run, cancel), bar, progress);
        box.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(300);
        return scroll;
    }

    private static ListCell<ConnectivityMethod> methodCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(ConnectivityMethod m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : switch (m) {
                    case NAIVE -> "naive (Γ, K, M only)";
                    case COMPAT -> "compat (C2 parity rule)";
                    case BERRY -> "berry (π defects)";
                });
            }
        };
    }
}
