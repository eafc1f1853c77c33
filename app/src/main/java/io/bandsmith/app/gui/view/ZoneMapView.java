package io.bandsmith.app.gui.view;

import java.util.Locale;

import io.bandsmith.app.gui.model.PreviewSettings;
import io.bandsmith.app.gui.preview.BandSets;
import io.bandsmith.app.gui.preview.PreviewResult;
import io.bandsmith.app.gui.preview.ZoneField;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The gap E_upper - E_lower between two chosen bands over the Brillouin zone (fig. 1d), with the zone boundary, the
 * path Γ-K-M-Γ, and the band touchings (grid points where the gap is below {@link #TOUCHING_MARK_VMAX} Vmax)
 * marked.
 */
public final class ZoneMapView extends CanvasPane {
    private static final double KMAX = 4 * Math.PI / 3;
    /**
     * Grid points where the gap is below this (units of Vmax) are marked as touchings: tighter than the
     * connectivity tolerance of {@link BandSets}, so that near-degenerate neighbours of a touching are not marked.
     */
    static final double TOUCHING_MARK_VMAX = 2e-4;
    private final WorkbenchViewModel vm;

    public ZoneMapView(WorkbenchViewModel vm) {
        this.vm = vm;
        setId("zoneMap");
        vm.previewProperty().addListener((o, a, b) -> draw());
        vm.settingsProperty().addListener((o, a, b) -> draw());
    }

    /** A perceptual dark-to-bright colour scale (0 = no gap). */
    static Color colourScale(double t) {
        t = Math.max(0, Math.min(1, t));
        Color[] stops = {Color.web("#0d0887"), Color.web("#6a00a8"), Color.web("#b12a90"), Color.web("#e16462"),
            Color.web("#fca636"), Color.web("#f0f921")};
        double x = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        return stops[i].interpolate(stops[i + 1], x - i);
    }

    @Override
    void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        PreviewResult r = vm.previewProperty().get();
        PreviewSettings s = vm.settingsProperty().get();
        g.setFont(Font.font(12));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#333333"));
        if (r == null) {
            g.fillText("Computing bands…", 8, 8);
            return;
        }
        int lower = s.gapLower() - 1;
        int upper = s.gapUpper() - 1;
        ZoneField zone = r.zone();
        if (upper >= zone.bandCount()) {
            g.fillText("bands " + s.gapUpper() + " not computed yet", 8, 8);
            return;
        }
        double barW = 70;
        double size = Math.min(w - barW - 16, h - 30);
        double scale = size / (2 * KMAX) * 0.98;
        double cx = 8 + size / 2;
        double cy = 26 + (h - 26) / 2 - 4;
        int px = (int) Math.ceil(size);
        int py = (int) Math.ceil(size * Math.sqrt(3) / 2 + 2);
        // the gap on every pixel of the hexagon
        double[] gaps = new double[px * py];
        double gMax = 0;
        double gMin = Double.POSITIVE_INFINITY;
        for (int y = 0; y < py; y++) {
            for (int x = 0; x < px; x++) {
                double kx = (x - px / 2.0) / scale;
                double ky = (py / 2.0 - y) / scale;
                int idx = y * px + x;
                if (!ZoneField.inFirstZone(kx, ky)) {
                    gaps[idx] = Double.NaN;
                    continue;
                }
                double gap = zone.energy(kx, ky, upper) - zone.energy(kx, ky, lower);
                gaps[idx] = gap;
                gMax = Math.max(gMax, gap);
                gMin = Math.min(gMin, gap);
            }
        }
        WritableImage img = new WritableImage(px, py);
        PixelWriter pw = img.getPixelWriter();
        double range = Math.max(gMax, 1e-9);
        for (int y = 0; y < py; y++) {
            for (int x = 0; x < px; x++) {
                double v = gaps[y * px + x];
                pw.setColor(x, y, Double.isNaN(v) ? Color.TRANSPARENT : colourScale(v / range));
            }
        }
        double ox = cx - px / 2.0;
        double oy = cy - py / 2.0;
        g.drawImage(img, ox, oy);
        java.util.function.BiFunction<Double, Double, double[]> toPx = (kx, ky) -> new double[] {
            ox + px / 2.0 + kx * scale, oy + py / 2.0 - ky * scale};
        // zone boundary
        double[] hx = new double[6];
        double[] hy = new double[6];
        for (int k = 0; k < 6; k++) {
            double[] p = toPx.apply(KMAX * Math.cos(Math.PI / 3 * k), KMAX * Math.sin(Math.PI / 3 * k));
            hx[k] = p[0];
            hy[k] = p[1];
        }
        g.setStroke(Color.web("#222222"));
        g.setLineWidth(1.2);
        g.strokePolygon(hx, hy, 6);
        // path Γ-K-M-Γ
        KVector[] path = {KVector.ZERO, HexagonalLattice.K.k(), HexagonalLattice.M.k(), KVector.ZERO};
        g.setStroke(Color.web("#ffffff", 0.85));
        g.setLineWidth(1.5);
        g.setLineDashes(4, 3);
        for (int k = 0; k + 1 < path.length; k++) {
            double[] a = toPx.apply(path[k].kx(), path[k].ky());
            double[] b = toPx.apply(path[k + 1].kx(), path[k + 1].ky());
            g.strokeLine(a[0], a[1], b[0], b[1]);
        }
        g.setLineDashes();
        // touchings on the unfolded wedge grid
        double tol = TOUCHING_MARK_VMAX * r.path().vmax();
        int n = zone.divisions();
        KVector kk = HexagonalLattice.K.k();
        KVector kp = HexagonalLattice.K_PRIME;
        g.setStroke(Color.web("#00e5ff"));
        g.setLineWidth(2);
        int touchings = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; i + j <= n; j++) {
                double gap = zone.gridEnergy(i, j, upper) - zone.gridEnergy(i, j, lower);
                if (gap > tol) {
                    continue;
                }
                touchings++;
                double kx0 = (i * kk.kx() + j * kp.kx()) / n;
                double ky0 = (i * kk.ky() + j * kp.ky()) / n;
                for (int rot = 0; rot < 6; rot++) {
                    double t = Math.PI / 3 * rot;
                    double[] p = toPx.apply(Math.cos(t) * kx0 - Math.sin(t) * ky0,
                            Math.sin(t) * kx0 + Math.cos(t) * ky0);
                    g.strokeOval(p[0] - 4, p[1] - 4, 8, 8);
                }
            }
        }
        // labels
        g.setFill(Color.WHITE);
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 13));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        double[] pg = toPx.apply(0.0, 0.0);
        g.fillText("Γ", pg[0] - 9, pg[1] + 2);
        g.setFill(Color.web("#222222"));
        double[] pk = toPx.apply(kk.kx(), kk.ky());
        g.fillText("K", pk[0] + 10, pk[1]);
        KVector m = HexagonalLattice.M.k();
        double[] pm = toPx.apply(m.kx() * 1.09, m.ky() * 1.09);
        g.fillText("M", pm[0], pm[1]);
        // title and colour bar
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.format(Locale.ROOT, "gap E%d − E%d over the zone: min %.3g, max %.3g E0%s", s.gapUpper(),
                s.gapLower(), gMin, gMax, touchings > 0 ? " · ○ touching (< 2·10⁻⁴ Vmax)" : ""), 8, 4);
        double bx = w - barW + 8;
        double by = 30;
        double bh = Math.max(40, h - 60);
        for (int k = 0; k < (int) bh; k++) {
            g.setFill(colourScale(1 - k / bh));
            g.fillRect(bx, by + k, 14, 1.5);
        }
        g.setStroke(Color.web("#555555"));
        g.setLineWidth(0.8);
        g.strokeRect(bx, by, 14, bh);
        g.setFill(Color.web("#333333"));
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.format(Locale.ROOT, "%.3g", gMax), bx + 18, by);
        g.fillText("0", bx + 18, by + bh);
        g.fillText("E0", bx + 18, by + bh / 2);
    }
}
