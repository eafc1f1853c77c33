package io.bandsmith.app.gui.view;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.bandsmith.app.gui.viewmodel.BandInversionViewModel;
import io.bandsmith.app.gui.viewmodel.BandInversionViewModel.Row;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The levels at Γ against R, coloured by their label (s, p, d, f), the lowest p and d levels joined by lines, and
 * the inversion point marked; clicking opens the six holes at that R in the editor.
 */
public final class InversionPlotView extends CanvasPane {
    static final Map<String, Color> LABEL_COLOURS = Map.of("s", Color.web("#6a1b9a"), "p", Color.web("#1565c0"),
            "d", Color.web("#2e7d32"), "f", Color.web("#ef6c00"));
    private final BandInversionViewModel vm;
    private double left;
    private double right;
    private double rFrom;
    private double rTo;

    public InversionPlotView(BandInversionViewModel vm) {
        this.vm = vm;
        setId("inversionPlot");
        vm.rows().addListener((ListChangeListener<Row>) c -> draw());
        canvas.setOnMouseClicked(e -> {
            if (!vm.rows().isEmpty() && e.getX() >= left && e.getX() <= right) {
                vm.open(rFrom + (rTo - rFrom) * (e.getX() - left) / (right - left));
            }
        });
    }

    /** Canvas x of distance R (for tests). */
    public double toCanvasX(double distance) {
        return left + (right - left) * (distance - rFrom) / (rTo - rFrom);
    }

    @Override
    void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font(12));
        left = 64;
        right = w - 16;
        double top = 44;
        double bottom = h - 40;
        g.setFill(Color.web("#2b3a55"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("levels at Γ (E0) against the distance R of the six holes (a); click to open that R", left, 4);
        List<Row> rows = List.copyOf(vm.rows());
        if (rows.isEmpty() || right - left < 40 || bottom - top < 40) {
            g.setFill(Color.GRAY);
            g.fillText("Run to sweep R", left, top + 8);
            return;
        }
        rFrom = vm.fromDistanceProperty().get();
        rTo = vm.toDistanceProperty().get();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Row r : rows) {
            for (int n = 0; n < r.gamma().count(); n++) {
                lo = Math.min(lo, r.gamma().energy(n));
                hi = Math.max(hi, r.gamma().energy(n));
            }
        }
        double pad = 0.05 * Math.max(1e-9, hi - lo);
        double eLo = lo - pad;
        double eHi = hi + pad;
        java.util.function.DoubleUnaryOperator yOf = e -> bottom - (e - eLo) / (eHi - eLo) * (bottom - top);
        // axes
        g.setStroke(Color.BLACK);
        g.setLineWidth(1);
        g.strokeLine(left, top, left, bottom);
        g.strokeLine(left, bottom, right, bottom);
        g.setFill(Color.BLACK);
        g.setTextAlign(TextAlignment.CENTER);
        for (int k = 0; k <= 5; k++) {
            double r = rFrom + (rTo - rFrom) * k / 5;
            double x = toCanvasX(r);
            g.strokeLine(x, bottom, x, bottom + 3);
            g.fillText(String.format(Locale.ROOT, "%.3f", r), x, bottom + 5);
        }
        g.fillText("distance R of the six holes from the C6 centre (a)", (left + right) / 2, bottom + 21);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k <= 4; k++) {
            double e = eLo + (eHi - eLo) * k / 4;
            g.fillText(String.format(Locale.ROOT, "%.0f", e), left - 4, yOf.applyAsDouble(e));
        }
        // the lowest p and d levels, joined
        for (String symbol : new String[] {"p", "d"}) {
            g.setStroke(LABEL_COLOURS.get(symbol));
            g.setLineWidth(2);
            g.beginPath();
            boolean started = false;
            for (Row r : rows) {
                double e = r.lowest(symbol);
                if (Double.isNaN(e)) {
                    continue;
                }
                if (started) {
                    g.lineTo(toCanvasX(r.distance()), yOf.applyAsDouble(e));
                } else {
                    g.moveTo(toCanvasX(r.distance()), yOf.applyAsDouble(e));
                    started = true;
                }
            }
            g.stroke();
        }
        // every level, with its label
        g.setTextAlign(TextAlignment.LEFT);
        for (Row r : rows) {
            double x = toCanvasX(r.distance());
            for (int n = 0; n < r.gamma().count(); n++) {
                String s = r.gamma().label(n).symbol();
                g.setFill(LABEL_COLOURS.getOrDefault(s, Color.GRAY));
                double y = yOf.applyAsDouble(r.gamma().energy(n));
                g.fillOval(x - 3.5, y - 3.5, 7, 7);
            }
        }
        double inversion = vm.inversionProperty().get();
        if (!Double.isNaN(inversion)) {
            double x = toCanvasX(inversion);
            g.setStroke(Color.web("#b71c1c"));
            g.setLineWidth(1.2);
            g.setLineDashes(5, 4);
            g.strokeLine(x, top, x, bottom);
            g.setLineDashes();
            g.setFill(Color.web("#b71c1c"));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(String.format(Locale.ROOT, "p–d inversion at R = %.4f a", inversion), x + 4, top + 2);
        }
        // legend, in a row above the plot
        double lx = left;
        double ly = 28;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (String s : new String[] {"s", "p", "d", "f"}) {
            g.setFill(LABEL_COLOURS.get(s));
            g.fillOval(lx, ly - 4, 8, 8);
            g.setFill(Color.BLACK);
            String text = s + (s.equals("p") || s.equals("d") ? " (pair; the lowest joined)" : "");
            g.fillText(text, lx + 12, ly);
            lx += 30 + 6.5 * text.length();
        }
    }
}
