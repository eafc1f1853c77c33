package io.bandsmith.app.gui.view;

import java.util.List;

import io.bandsmith.app.gui.viewmodel.PhaseMapViewModel;
import io.bandsmith.engine.topology.BandSetClass;
import io.bandsmith.models.design.PhaseMap;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The phase map as in fig. 3(f): a large triangle coloured by the class of the second band set at every blend, a
 * small one with the first set; corner 1 bottom left, 2 bottom right, 3 top. Points not computed yet stay light
 * grey. Clicking a point of the large triangle opens its geometry in the editor.
 */
public final class PhaseTriangleView extends CanvasPane {
    private static final double SQRT3 = Math.sqrt(3);
    private final PhaseMapViewModel vm;
    private double bigX0;
    private double bigY0;
    private double bigSide;

    public PhaseTriangleView(PhaseMapViewModel vm) {
        this.vm = vm;
        setId("phaseTriangle");
        vm.points().addListener((ListChangeListener<PhaseMap.Point>) c -> draw());
        vm.mapResolutionProperty().addListener((o, a, b) -> draw());
        vm.corners().addListener((ListChangeListener<PhaseMapViewModel.Corner>) c -> draw());
        canvas.setOnMouseClicked(e -> {
            int[] ij = pointAt(e.getX(), e.getY());
            if (ij != null) {
                vm.openPoint(ij[0], ij[1]);
            }
        });
    }

    /** Colour of a class in the workbench's palette (light grey: not computed). */
    static Color colour(BandSetClass c) {
        return c == null ? Color.web("#e0e0e0")
                : Color.web(io.bandsmith.app.gui.preview.ClassStyle.colour(c));
    }

    /** The map point (i, j) under canvas pixel (x, y) of the large triangle, or null. */
    public int[] pointAt(double x, double y) {
        int n = vm.mapResolutionProperty().get();
        if (n == 0 || bigSide <= 0) {
            return null;
        }
        double h = bigSide * SQRT3 / 2;
        double jf = (bigY0 - y) / h * n;
        double iff = (x - bigX0) / bigSide * n - 0.5 * jf;
        int j = (int) Math.round(jf);
        int i = (int) Math.round(iff);
        if (i < 0 || j < 0 || i + j > n) {
            return null;
        }
        return new int[] {i, j};
    }

    /** Canvas pixel of map point (i, j) in the large triangle. */
    public double[] toCanvas(int i, int j) {
        int n = Math.max(1, vm.mapResolutionProperty().get());
        return new double[] {bigX0 + bigSide * (i + 0.5 * j) / n, bigY0 - bigSide * SQRT3 / 2 * j / n};
    }

    @Override
    void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        bigSide = Math.max(10, Math.min(w * 0.64, (h - 90) / (SQRT3 / 2)));
        bigX0 = 24;
        bigY0 = 44 + bigSide * SQRT3 / 2;
        double smallSide = Math.max(10, Math.min(w - bigX0 - bigSide - 40, bigSide * 0.45));
        double smallX0 = bigX0 + bigSide + 24;
        double smallY0 = 40 + smallSide * SQRT3 / 2;
        int n = vm.mapResolutionProperty().get();
        List<PhaseMap.Point> points = List.copyOf(vm.points());
        g.setFont(Font.font(12));
        g.setFill(Color.web("#2b3a55"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("second band set (click a point to open it)", bigX0, 4);
        g.fillText("first band set", smallX0, 14);
        triangle(g, points, n, 1, bigX0, bigY0, bigSide);
        triangle(g, points, n, 0, smallX0, smallY0, smallSide);
        g.setFill(Color.BLACK);
        g.setTextBaseline(VPos.TOP);
        var corners = vm.corners();
        g.fillText("1: " + corners.get(0).name(), bigX0, bigY0 + 6);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("2: " + corners.get(1).name(), bigX0 + bigSide, bigY0 + 22);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("3: " + corners.get(2).name(), bigX0 + bigSide / 2, bigY0 - bigSide * SQRT3 / 2 - 2);
        // legend under the small triangle
        double ly = smallY0 + 20;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (BandSetClass c : BandSetClass.values()) {
            g.setFill(colour(c));
            g.fillRect(smallX0, ly - 6, 12, 12);
            g.setFill(Color.BLACK);
            g.fillText(c.label(), smallX0 + 18, ly);
            ly += 18;
        }
        g.setFill(colour(null));
        g.fillRect(smallX0, ly - 6, 12, 12);
        g.setFill(Color.BLACK);
        g.fillText("not computed (yet)", smallX0 + 18, ly);
        if (n == 0) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setFill(Color.GRAY);
            g.fillText("Run to compute the map", bigX0 + bigSide / 2, bigY0 - bigSide * 0.3);
        }
    }

    /** The convex polygon (px, py) cut to the counter-clockwise-on-screen triangle (tx, ty) (Sutherland-Hodgman). */
    static double[][] clip(double[] px, double[] py, double[] tx, double[] ty) {
        java.util.List<double[]> poly = new java.util.ArrayList<>();
        for (int k = 0; k < px.length; k++) {
            poly.add(new double[] {px[k], py[k]});
        }
        double cx = (tx[0] + tx[1] + tx[2]) / 3;
        double cy = (ty[0] + ty[1] + ty[2]) / 3;
        for (int e = 0; e < 3 && !poly.isEmpty(); e++) {
            double ax = tx[e];
            double ay = ty[e];
            double bx = tx[(e + 1) % 3];
            double by = ty[(e + 1) % 3];
            double inside = Math.signum((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
            java.util.List<double[]> out = new java.util.ArrayList<>();
            for (int k = 0; k < poly.size(); k++) {
                double[] p = poly.get(k);
                double[] q = poly.get((k + 1) % poly.size());
                double sp = inside * ((bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax));
                double sq = inside * ((bx - ax) * (q[1] - ay) - (by - ay) * (q[0] - ax));
                if (sp >= 0) {
                    out.add(p);
                }
                if ((sp >= 0) != (sq >= 0)) {
                    double t = sp / (sp - sq);
                    out.add(new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])});
                }
            }
            poly = out;
        }
        double[][] r = new double[2][poly.size()];
        for (int k = 0; k < poly.size(); k++) {
            r[0][k] = poly.get(k)[0];
            r[1][k] = poly.get(k)[1];
        }
        return r;
    }

    private static void triangle(GraphicsContext g, List<PhaseMap.Point> points, int n, int set, double x0, double y0,
            double side) {
        double h = side * SQRT3 / 2;
        double[] xs = {x0, x0 + side, x0 + side / 2};
        double[] ys = {y0, y0, y0 - h};
        g.setFill(colour(null));
        g.fillPolygon(xs, ys, 3);
        if (n > 0) {
            double r = side / n * 0.6;
            for (PhaseMap.Point p : points) {
                double cx = x0 + side * (p.i() + 0.5 * p.j()) / n;
                double cy = y0 - h * p.j() / n;
                double[] hx = new double[6];
                double[] hy = new double[6];
                for (int k = 0; k < 6; k++) {
                    double t = Math.PI / 6 + k * Math.PI / 3;
                    hx[k] = cx + r * Math.cos(t);
                    hy[k] = cy + r * Math.sin(t);
                }
                double[][] clipped = clip(hx, hy, xs, ys);
                g.setFill(colour(p.setClass(set)));
                g.fillPolygon(clipped[0], clipped[1], clipped[0].length);
            }
        }
        g.setStroke(Color.web("#455a64"));
        g.setLineWidth(1.5);
        g.strokePolygon(xs, ys, 3);
    }
}
