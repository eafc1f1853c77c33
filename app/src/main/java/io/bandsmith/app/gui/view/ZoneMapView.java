package io.bandsmith.app.gui.view;

import java.util.Locale;

import io.bandsmith.app.gui.model.PreviewSettings;
import io.bandsmith.app.gui.preview.BerryFluxMap;
import io.bandsmith.app.gui.preview.PreviewResult;
import io.bandsmith.app.gui.preview.ZoneField;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.app.gui.viewmodel.ZoneMapMode;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.topology.PlaquetteDefect;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The zone map, in one of two modes ({@link ZoneMapMode}): the gap E_upper - E_lower between two chosen bands over
 * the Brillouin zone (fig. 1d), with the band touchings (grid points where the gap is below
 * {@link #TOUCHING_MARK_VMAX} Vmax) marked; or, with a tight-binding source, the Berry flux per plaquette of a band
 * group (section VI, appendix I) on a diverging scale (blue -π, white 0, red +π) with the π defects circled and the
 * Chern number and total flux written on the map. Both show the zone boundary and the path Γ-K-M-Γ.
 */
public final class ZoneMapView extends CanvasPane {
    private static final double KMAX = 4 * Math.PI / 3;
    /**
     * Grid points where the gap is below this (units of Vmax) are marked as touchings: tight, so that
     * near-degenerate neighbours of a touching are not marked.
     */
    static final double TOUCHING_MARK_VMAX = 2e-4;
    private final WorkbenchViewModel vm;

    public ZoneMapView(WorkbenchViewModel vm) {
        this.vm = vm;
        setId("zoneMap");
        vm.previewProperty().addListener((o, a, b) -> draw());
        vm.settingsProperty().addListener((o, a, b) -> draw());
        vm.zoneMapModeProperty().addListener((o, a, b) -> draw());
        vm.berryFluxProperty().addListener((o, a, b) -> draw());
        vm.berryComputingProperty().addListener((o, a, b) -> draw());
        vm.berryFirstProperty().addListener((o, a, b) -> draw());
        vm.berryLastProperty().addListener((o, a, b) -> draw());
        vm.berryErrorProperty().addListener((o, a, b) -> draw());
    }

    /**
     * The diverging scale of the Berry flux: t = Φ/π in [-1, 1], blue (-1) through white (0) to red (+1), the
     * ColorBrewer RdBu stops.
     */
    static Color divergingScale(double t) {
        t = Math.max(-1, Math.min(1, t));
        Color[] stops = {Color.web("#2166ac"), Color.web("#67a9cf"), Color.web("#d1e5f0"), Color.WHITE,
            Color.web("#fddbc7"), Color.web("#ef8a62"), Color.web("#b2182b")};
        double x = (t + 1) / 2 * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        return stops[i].interpolate(stops[i + 1], x - i);
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

    /** Where the hexagon sits on the canvas: k (1/a) to pixels. */
    private record Layout(double ox, double oy, int px, int py, double scale) {
        double[] toPx(double kx, double ky) {
            return new double[] {ox + px / 2.0 + kx * scale, oy + py / 2.0 - ky * scale};
        }

        double kx(int x) {
            return (x - px / 2.0) / scale;
        }

        double ky(int y) {
            return (py / 2.0 - y) / scale;
        }
    }

    private static final double BAR_WIDTH = 70;

    private Layout layout(double w, double h) {
        double size = Math.min(w - BAR_WIDTH - 16, h - 30);
        double scale = size / (2 * KMAX) * 0.98;
        double cx = 8 + size / 2;
        double cy = 26 + (h - 26) / 2 - 4;
        int px = (int) Math.ceil(size);
        int py = (int) Math.ceil(size * Math.sqrt(3) / 2 + 2);
        return new Layout(cx - px / 2.0, cy - py / 2.0, px, py, scale);
    }

    @Override
    void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setGlobalAlpha(1);
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
        if (w < BAR_WIDTH + 40 || h < 60) {
            return;
        }
        if (vm.zoneMapModeProperty().get() == ZoneMapMode.BERRY_FLUX) {
            drawBerryFlux(g, w, h, r);
        } else {
            drawGap(g, w, h, r, s);
        }
    }

    private void drawGap(GraphicsContext g, double w, double h, PreviewResult r, PreviewSettings s) {
        int lower = s.gapLower() - 1;
        int upper = s.gapUpper() - 1;
        ZoneField zone = r.zone();
        if (upper >= zone.bandCount()) {
            g.fillText("bands " + s.gapUpper() + " not computed yet", 8, 8);
            return;
        }
        Layout l = layout(w, h);
        int px = l.px();
        int py = l.py();
        // the gap on every pixel of the hexagon
        double[] gaps = new double[px * py];
        double gMax = 0;
        double gMin = Double.POSITIVE_INFINITY;
        for (int y = 0; y < py; y++) {
            for (int x = 0; x < px; x++) {
                double kx = l.kx(x);
                double ky = l.ky(y);
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
        g.drawImage(img, l.ox(), l.oy());
        drawZoneAndPath(g, l, Color.web("#ffffff", 0.85));
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
                    double[] p = l.toPx(Math.cos(t) * kx0 - Math.sin(t) * ky0,
                            Math.sin(t) * kx0 + Math.cos(t) * ky0);
                    g.strokeOval(p[0] - 4, p[1] - 4, 8, 8);
                }
            }
        }
        drawPointLabels(g, l, Color.WHITE);
        // title and colour bar
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(Color.web("#222222"));
        g.fillText(String.format(Locale.ROOT, "gap E%d − E%d over the zone: min %.3g, max %.3g E0%s", s.gapUpper(),
                s.gapLower(), gMin, gMax, touchings > 0 ? " · ○ touching (< 2·10⁻⁴ Vmax)" : ""), 8, 4);
        double bx = w - BAR_WIDTH + 8;
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

    private void drawBerryFlux(GraphicsContext g, double w, double h, PreviewResult r) {
        BerryFluxMap m = vm.berryFluxProperty().get();
        int first = vm.berryFirstProperty().get();
        int last = vm.berryLastProperty().get();
        String group = first == last ? "band " + first : "bands " + first + "–" + last;
        String error = vm.berryErrorProperty().get();
        boolean current = vm.berryFluxCurrent();
        Layout l = layout(w, h);
        if (m == null) {
            g.setFill(Color.web("#333333"));
            g.fillText(error != null && !error.isEmpty() ? "Berry flux not computed: " + error
                    : "Computing the Berry flux of " + group + "…", 8, 4);
            drawZoneAndPath(g, l, Color.web("#555555", 0.8));
            drawPointLabels(g, l, Color.web("#222222"));
            return;
        }
        int px = l.px();
        int py = l.py();
        WritableImage img = new WritableImage(px, py);
        PixelWriter pw = img.getPixelWriter();
        Color gridLine = Color.web("#9a9a9a");
        int[] above = new int[px];
        java.util.Arrays.fill(above, -1);
        for (int y = 0; y < py; y++) {
            int left = -1;
            for (int x = 0; x < px; x++) {
                double kx = l.kx(x);
                double ky = l.ky(y);
                if (!ZoneField.inFirstZone(kx, ky)) {
                    pw.setColor(x, y, Color.TRANSPARENT);
                    left = -1;
                    above[x] = -1;
                    continue;
                }
                int[] p = m.plaquetteAt(kx, ky);
                int id = p[0] * m.size() + p[1];
                Color c = divergingScale(m.flux(p[0], p[1]) / Math.PI);
                // faint plaquette edges: where the plaquette differs from the pixel's left or upper neighbour
                if ((left >= 0 && left != id) || (above[x] >= 0 && above[x] != id)) {
                    c = c.interpolate(gridLine, 0.22);
                }
                pw.setColor(x, y, c);
                left = id;
                above[x] = id;
            }
        }
        g.setGlobalAlpha(current ? 1 : 0.35);
        g.drawImage(img, l.ox(), l.oy());
        g.setGlobalAlpha(1);
        drawZoneAndPath(g, l, Color.web("#555555", 0.8));
        // π defects: circled at every image of the plaquette centre inside the zone
        g.setStroke(Color.web("#111111"));
        g.setLineWidth(1.8);
        double plaquettePx = 4 * Math.PI / Math.sqrt(3) / m.size() * l.scale();
        double radius = Math.max(5, 0.75 * plaquettePx);
        for (PlaquetteDefect d : m.piDefects()) {
            KVector c = m.plaquetteCentre(d.i(), d.j());
            for (int m1 = -2; m1 <= 2; m1++) {
                for (int m2 = -2; m2 <= 2; m2++) {
                    double kx = c.kx() + m1 * HexagonalLattice.B1.kx() + m2 * HexagonalLattice.B2.kx();
                    double ky = c.ky() + m1 * HexagonalLattice.B1.ky() + m2 * HexagonalLattice.B2.ky();
                    if (!inZoneWithMargin(kx, ky, 0.5 * plaquettePx / l.scale())) {
                        continue;
                    }
                    double[] p = l.toPx(kx, ky);
                    g.strokeOval(p[0] - radius, p[1] - radius, 2 * radius, 2 * radius);
                }
            }
        }
        drawPointLabels(g, l, Color.web("#222222"));
        // title, Chern number and total flux on the map, colour bar
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(Color.web("#222222"));
        int defects = m.piDefects().size();
        String title = String.format(Locale.ROOT, "Berry flux Φ per plaquette of %s (%dx%d plaquettes)%s",
                m.bandsLabel(), m.size(), m.size(), defects > 0 ? " · ○ π defect (|Φ| > π/2)" : "");
        if (!current) {
            title = vm.berryComputingProperty().get() ? "updating the Berry flux of " + group + "… (shown: "
                    + m.bandsLabel() + ", previous computation)" : "Berry flux of " + m.bandsLabel()
                    + " (previous geometry; it is recomputed when the bands have settled)";
        }
        g.fillText(title, 8, 4);
        // the numbers: right of the hexagon when there is room, else in its lower left corner
        double infoX = l.ox() + l.px() + 12;
        boolean beside = w - BAR_WIDTH - infoX >= 175;
        double x0 = beside ? infoX : 8;
        double y0 = beside ? 40 : h - 58;
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 14));
        g.fillText(m.isolated() ? String.format(Locale.ROOT, "Chern number C = %d", m.chernNumber())
                : "C undefined: not isolated", x0, y0);
        g.setFont(Font.font(12));
        g.fillText(String.format(Locale.ROOT, "ΣΦ = %.3f = 2π × %.3f", m.totalFlux(), m.totalFlux() / (2 * Math.PI)),
                x0, y0 + 20);
        g.fillText(defects == 0 ? "no π defects: isolated on this grid" : defects + " π defect"
                + (defects == 1 ? "" : "s") + ": touches a neighbour", x0, y0 + 36);
        if (beside) {
            g.setFill(Color.web("#555555"));
            g.fillText(m.isolated() ? "(time reversal: C = 0, class AI)" : "(band " + (m.last() + 1) + " meets "
                    + (m.last() + 2) + (m.first() > 0 ? ", or " + (m.first() + 1) + " meets " + m.first() : "") + ")",
                    x0, y0 + 52);
            g.fillText(String.format(Locale.ROOT, "%.2f s", m.seconds()), x0, y0 + 68);
        }
        double bx = w - BAR_WIDTH + 8;
        double by = 30;
        double bh = Math.max(40, h - 60);
        for (int k = 0; k < (int) bh; k++) {
            g.setFill(divergingScale(1 - 2 * k / bh));
            g.fillRect(bx, by + k, 14, 1.5);
        }
        g.setStroke(Color.web("#555555"));
        g.setLineWidth(0.8);
        g.strokeRect(bx, by, 14, bh);
        g.setFill(Color.web("#333333"));
        g.setTextBaseline(VPos.CENTER);
        g.fillText("+π", bx + 18, by);
        g.fillText("0", bx + 18, by + bh / 2);
        g.fillText("−π", bx + 18, by + bh);
        g.fillText("Φ", bx + 18, by + bh / 4);
    }

    private static boolean inZoneWithMargin(double kx, double ky, double margin) {
        double r = KMAX * Math.sqrt(3) / 2 + margin;
        for (int s = 0; s < 6; s++) {
            double t = Math.PI / 6 + s * Math.PI / 3;
            if (kx * Math.cos(t) + ky * Math.sin(t) > r) {
                return false;
            }
        }
        return true;
    }

    private static void drawZoneAndPath(GraphicsContext g, Layout l, Color pathColour) {
        double[] hx = new double[6];
        double[] hy = new double[6];
        for (int k = 0; k < 6; k++) {
            double[] p = l.toPx(KMAX * Math.cos(Math.PI / 3 * k), KMAX * Math.sin(Math.PI / 3 * k));
            hx[k] = p[0];
            hy[k] = p[1];
        }
        g.setStroke(Color.web("#222222"));
        g.setLineWidth(1.2);
        g.strokePolygon(hx, hy, 6);
        KVector[] path = {KVector.ZERO, HexagonalLattice.K.k(), HexagonalLattice.M.k(), KVector.ZERO};
        g.setStroke(pathColour);
        g.setLineWidth(1.5);
        g.setLineDashes(4, 3);
        for (int k = 0; k + 1 < path.length; k++) {
            double[] a = l.toPx(path[k].kx(), path[k].ky());
            double[] b = l.toPx(path[k + 1].kx(), path[k + 1].ky());
            g.strokeLine(a[0], a[1], b[0], b[1]);
        }
        g.setLineDashes();
    }

    private static void drawPointLabels(GraphicsContext g, Layout l, Color gammaColour) {
        g.setFill(gammaColour);
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 13));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        double[] pg = l.toPx(0.0, 0.0);
        g.fillText("Γ", pg[0] - 9, pg[1] + 2);
        g.setFill(Color.web("#222222"));
        KVector kk = HexagonalLattice.K.k();
        double[] pk = l.toPx(kk.kx(), kk.ky());
        g.fillText("K", pk[0] + 10, pk[1]);
        KVector m = HexagonalLattice.M.k();
        double[] pm = l.toPx(m.kx() * 1.09, m.ky() * 1.09);
        g.fillText("M", pm[0], pm[1]);
    }
}
