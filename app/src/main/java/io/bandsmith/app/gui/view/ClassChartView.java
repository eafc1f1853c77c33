package io.bandsmith.app.gui.view;

import java.util.List;
import java.util.Locale;

import io.bandsmith.app.gui.viewmodel.ExplorationViewModel;
import io.bandsmith.engine.topology.BandSetClass;
import io.bandsmith.engine.topology.ConnectivityMethod;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The classes of the first and second band set over the explored potentials, one stacked bar per connectivity
 * method and set (as the paper's fig. 3d), with the counts written on the bars.
 */
public final class ClassChartView extends CanvasPane {
    private final ExplorationViewModel vm;

    public ClassChartView(ExplorationViewModel vm) {
        this.vm = vm;
        setId("classChart");
        vm.tallyProperty().addListener((o, a, b) -> draw());
    }

    @Override
    void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        ExplorationViewModel.Tally t = vm.tallyProperty().get();
        List<ConnectivityMethod> methods = List.copyOf(t.counts().keySet());
        g.setFont(Font.font(12));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#2b3a55"));
        g.fillText(String.format(Locale.ROOT, "Band-set classes over %d random potentials%s", t.samples(),
                t.failures() > 0 ? " (" + t.failures() + " failed, counted unassigned)" : ""), 8, 4);
        double left = 130;
        double right = w - 16;
        double top = 28;
        double legendH = 22;
        int rows = methods.size() * 2;
        if (rows == 0 || t.samples() == 0 || right - left < 40) {
            g.setFill(Color.GRAY);
            g.fillText("Run to sample potentials; the counts grow while it runs", 8, top + 4);
            return;
        }
        double rowH = Math.min(34, (h - top - legendH - 8) / rows);
        double y = top;
        g.setTextBaseline(VPos.CENTER);
        for (ConnectivityMethod m : methods) {
            for (int set = 0; set < 2; set++) {
                g.setFill(Color.BLACK);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(m.cliName() + ", set " + (set + 1), left - 6, y + rowH / 2);
                double x = left;
                for (BandSetClass c : BandSetClass.values()) {
                    long n = t.count(m, set, c);
                    double bw = (right - left) * n / t.samples();
                    g.setFill(PhaseTriangleView.colour(c));
                    g.fillRect(x, y + 3, bw, rowH - 6);
                    if (n > 0 && bw > 22) {
                        g.setFill(Color.WHITE);
                        g.setTextAlign(TextAlignment.CENTER);
                        g.fillText(Long.toString(n), x + bw / 2, y + rowH / 2);
                    }
                    x += bw;
                }
                y += rowH;
            }
        }
        double lx = left;
        double ly = y + 12;
        g.setTextAlign(TextAlignment.LEFT);
        for (BandSetClass c : BandSetClass.values()) {
            g.setFill(PhaseTriangleView.colour(c));
            g.fillRect(lx, ly - 6, 12, 12);
            g.setFill(Color.BLACK);
            g.fillText(c.label(), lx + 16, ly);
            lx += 100;
        }
    }
}
