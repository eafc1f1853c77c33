package io.bandsmith.app.gui.view;

import java.util.List;
import java.util.Locale;

import io.bandsmith.models.design.InverseDesign;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The best (and median) smoothed loss per step of a running design, on a logarithmic axis. */
public final class LossPlotView extends CanvasPane {
    private final ObservableList<InverseDesign.Progress> history;

    public LossPlotView(ObservableList<InverseDesign.Progress> history) {
        this.history = history;
        setId("lossPlot");
        history.addListener((ListChangeListener<InverseDesign.Progress>) c -> draw());
    }

    @Override
    void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font(11));
        double left = 58;
        double right = w - 10;
        double top = 18;
        double bottom = h - 28;
        g.setFill(Color.web("#2b3a55"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("best descent loss (smooth geometry; Vmax², log) per step · median grey", left, 2);
        List<InverseDesign.Progress> points = List.copyOf(history);
        if (points.isEmpty() || right - left < 20 || bottom - top < 20) {
            g.setFill(Color.GRAY);
            g.fillText("the loss appears here while the design runs", left + 8, top + 10);
            return;
        }
        int steps = points.get(0).steps();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (InverseDesign.Progress p : points) {
            for (double v : new double[] {p.bestLoss(), p.medianLoss()}) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo < Double.POSITIVE_INFINITY)) {
            return;
        }
        double dLo = Math.floor(Math.log10(lo));
        double dHi = Math.max(dLo + 1, Math.ceil(Math.log10(hi)));
        // axes and decades
        g.setStroke(Color.web("#c8ccd4"));
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.BLACK);
        for (double d = dLo; d <= dHi; d++) {
            double y = bottom - (d - dLo) / (dHi - dLo) * (bottom - top);
            g.strokeLine(left, y, right, y);
            g.fillText(String.format(Locale.ROOT, "1e%d", (int) d), left - 4, y);
        }
        g.setStroke(Color.BLACK);
        g.strokeLine(left, top, left, bottom);
        g.strokeLine(left, bottom, right, bottom);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int k = 0; k <= 4; k++) {
            int step = Math.round(steps * k / 4f);
            double x = left + (right - left) * step / steps;
            g.strokeLine(x, bottom, x, bottom + 3);
            g.fillText(Integer.toString(step), x, bottom + 4);
        }
        double fLo = dLo;
        double fHi = dHi;
        java.util.function.DoubleUnaryOperator yOf = v -> bottom - (Math.log10(v) - fLo) / (fHi - fLo)
                * (bottom - top);
        drawSeries(g, points, steps, left, right, yOf, false, Color.web("#9e9e9e"));
        drawSeries(g, points, steps, left, right, yOf, true, Color.web("#c62828"));
        InverseDesign.Progress last = points.get(points.size() - 1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(Color.web("#c62828"));
        g.fillText(String.format(Locale.ROOT, "step %d: best %.3e", last.step(), last.bestLoss()), right,
                top + 2);
    }

    private static void drawSeries(GraphicsContext g, List<InverseDesign.Progress> points, int steps, double left,
            double right, java.util.function.DoubleUnaryOperator yOf, boolean best, Color colour) {
        g.setStroke(colour);
        g.setLineWidth(best ? 1.8 : 1.0);
        g.beginPath();
        boolean started = false;
        for (InverseDesign.Progress p : points) {
            double v = best ? p.bestLoss() : p.medianLoss();
            if (!(v > 0) || !Double.isFinite(v)) {
                continue;
            }
            double x = left + (right - left) * p.step() / steps;
            double y = yOf.applyAsDouble(v);
            if (started) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                started = true;
            }
        }
        g.stroke();
    }
}
