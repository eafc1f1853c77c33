package io.bandsmith.app.gui.view;

import io.bandsmith.app.gui.export.BandDiagramPainter;
import io.bandsmith.app.gui.preview.PreviewResult;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The band diagram along Γ-K-M-Γ, drawn by {@link BandDiagramPainter} on a canvas. */
public final class BandDiagramView extends CanvasPane {
    private final WorkbenchViewModel vm;

    public BandDiagramView(WorkbenchViewModel vm) {
        this.vm = vm;
        getStyleClass().add("band-diagram");
        vm.previewProperty().addListener((o, a, b) -> draw());
        vm.previewErrorProperty().addListener((o, a, b) -> draw());
        vm.settingsProperty().addListener((o, a, b) -> draw());
        vm.comparisonProperty().addListener((o, a, b) -> draw());
    }

    @Override
    void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        PreviewResult r = vm.previewProperty().get();
        if (r == null) {
            g.setFill(Color.GRAY);
            g.setFont(Font.font(14));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            String err = vm.previewErrorProperty().get();
            g.fillText(err.isEmpty() ? "Computing bands…" : "Bands not computed: " + err, w / 2, h / 2);
            return;
        }
        WorkbenchViewModel.Comparison c = vm.comparisonProperty().get();
        BandDiagramPainter.paint(new CanvasPlotter(g), r, vm.settingsProperty().get(), w, h,
                c == null ? null : c.exactPath(), c == null ? Double.NaN : c.rmsVmax());
    }
}
