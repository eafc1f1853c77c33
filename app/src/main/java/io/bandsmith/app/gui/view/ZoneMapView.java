package io.bandsmith.app.gui.view;

import java.util.Locale;

import io.bandsmith.app.gui.model.PreviewSettings;
import io.bandsmith.app.gui.preview.BerryFluxMap;
import io.bandsmith.app.gui.preview.PreviewResult;
import io.bandsmith.app.gui.preview.ZoneField;
import io.bandsmith.app.gui.preview.ZoneRaster;
import io.bandsmith.app.gui.viewmodel.Numbers;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.app.gui.viewmodel.ZoneMapMode;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.topology.PlaquetteDefect;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
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

    /** What a raster was made of: the field's source (a preview or a flux map), bands, pixel size. */
    private record RasterKey(Object source, int lower, int upper, int px, int py) {
        boolean sameAs(RasterKey o) {
            return o != null && source == o.source && lower == o.lower && upper == o.upper && px == o.px && py == o.py;
        }
    }

    private record Keyed(RasterKey key, ZoneRaster raster) {
    }

    /** Rasterizes off the FX thread (docs/gui-threading.md): the newest request only. */
    private final java.util.concurrent.ExecutorService rasterThread =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bandsmith-zone-raster");
                t.setDaemon(true);
                return t;
            });
    private final java.util.concurrent.atomic.AtomicReference<Runnable> pendingRaster =
            new java.util.concurrent.atomic.AtomicReference<>();
    private Keyed shownRaster;
    private RasterKey requestedKey;
    private long rasterNanos;
    /** Raster pixels per drawn pixel while rendering an export (the field at the picture's full resolution). */
    private double exportScale = 1;
    private int rasterCount;

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

    /** The diverging scale of the Berry flux: t = Φ/π in [-1, 1], blue (-1) through white (0) to red (+1). */
    static Color divergingScale(double t) {
        return argb(ZoneRaster.lookup(ZoneRaster.FLUX_TABLE, (t + 1) / 2));
    }

    /** A perceptual dark-to-bright colour scale (t = 0: the smallest gap shown, 1: the largest). */
    static Color colourScale(double t) {
        return argb(ZoneRaster.lookup(ZoneRaster.GAP_TABLE, t));
    }

    private static Color argb(int c) {
        return Color.rgb((c >> 16) & 255, (c >> 8) & 255, c & 255);
    }

    /** Mean time to rasterize the field (off the FX thread), ms; for the benchmark. */
    public double meanRasterMillis() {
        return rasterCount == 0 ? Double.NaN : rasterNanos / 1e6 / rasterCount;
    }

    /**
     * The raster for {@code key}: the current one when it matches; else, drawing on the screen, it is computed in
     * the background (the previous raster of the same size is shown meanwhile, or none), and for an export it is
     * computed here.
     */
    private ZoneRaster raster(RasterKey key, java.util.function.Supplier<ZoneRaster> make, boolean now) {
        if (now) {
            return make.get();
        }
        Keyed shown = shownRaster;
        if (shown != null && shown.key().sameAs(key)) {
            return shown.raster();
        }
        if (!key.sameAs(requestedKey)) {
            requestedKey = key;
            pendingRaster.set(() -> {
                long t0 = System.nanoTime();
                ZoneRaster r = make.get();
                long dt = System.nanoTime() - t0;
                javafx.application.Platform.runLater(() -> {
                    rasterNanos += dt;
                    rasterCount++;
                    if (key.sameAs(requestedKey)) {
                        shownRaster = new Keyed(key, r);
                        draw();
                    }
                });
            });
            rasterThread.execute(() -> {
                Runnable job = pendingRaster.getAndSet(null);
                if (job != null) {
                    job.run();
                }
            });
        }
        return shown != null && shown.key().px() == key.px() && shown.key().py() == key.py()
                && shown.key().source().getClass() == key.source().getClass() ? shown.raster() : null;
    }

    private static WritableImage image(ZoneRaster r) {
        WritableImage img = new WritableImage(r.width(), r.height());
        img.getPixelWriter().setPixels(0, 0, r.width(), r.height(),
                javafx.scene.image.PixelFormat.getIntArgbInstance(), r.argb(), 0, r.width());
        return img;
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
        paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), false);
    }

    /** The zone map as shown, drawn at w x h pixels (for a PNG export at a chosen resolution). */
    public WritableImage render(int w, int h) {
        javafx.scene.canvas.Canvas c = new javafx.scene.canvas.Canvas(w, h);
        // text and lines grow with the picture: drawn at a screen-like size, scaled up
        double k = Math.max(1, Math.min(w / 700.0, h / 450.0));
        GraphicsContext g = c.getGraphicsContext2D();
        g.scale(k, k);
        exportScale = k;
        try {
            paint(g, w / k, h / k, true);
        } finally {
            exportScale = 1;
        }
        return FxImages.snapshot(c);
    }

    /**
     * The zone map as SVG (the field embedded as a PNG of {@code px} pixels across the zone, the rest as vectors);
     * null when there are no bands yet.
     */
    public String svg(int px) {
        PreviewResult r = vm.previewProperty().get();
        if (r == null) {
            return null;
        }
        double scale = px / (2 * KMAX) * 0.98;
        int py = (int) Math.ceil(px * Math.sqrt(3) / 2 + 2);
        BerryFluxMap m = vm.berryFluxProperty().get();
        if (vm.zoneMapModeProperty().get() == ZoneMapMode.BERRY_FLUX && m != null) {
            java.util.List<double[]> marks = new java.util.ArrayList<>();
            for (PlaquetteDefect d : m.piDefects()) {
                KVector c = m.plaquetteCentre(d.i(), d.j());
                marks.add(new double[] {c.kx(), c.ky()});
            }
            double flux = Numbers.clean(m.totalFlux(), 2 * Math.PI);
            return io.bandsmith.app.gui.export.ZoneMapSvg.svg(ZoneRaster.berryFlux(m, px, py, scale), scale,
                    String.format(Locale.ROOT, "Berry flux per plaquette of %s (%dx%d): %s, ΣΦ = %.3f",
                            m.bandsLabel(), m.size(), m.size(), m.isolated() ? "C = " + m.chernNumber()
                                    : "not isolated", flux), new String[] {"+π", "−π"}, false,
                    marks.toArray(new double[0][]));
        }
        PreviewSettings s = vm.settingsProperty().get();
        int lower = s.gapLower() - 1;
        int upper = s.gapUpper() - 1;
        ZoneField zone = r.zone();
        if (upper >= zone.bandCount()) {
            return null;
        }
        double vmax = r.path().vmax();
        double[] range = ZoneRaster.gapRange(zone, lower, upper);
        double gMin = Numbers.clean(range[0], vmax);
        double gMax = Numbers.clean(range[1], vmax);
        java.util.List<double[]> marks = new java.util.ArrayList<>();
        int n = zone.divisions();
        KVector kk = HexagonalLattice.K.k();
        KVector kp = HexagonalLattice.K_PRIME;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; i + j <= n; j++) {
                if (zone.gridEnergy(i, j, upper) - zone.gridEnergy(i, j, lower) > TOUCHING_MARK_VMAX * vmax) {
                    continue;
                }
                double kx0 = (i * kk.kx() + j * kp.kx()) / n;
                double ky0 = (i * kk.ky() + j * kp.ky()) / n;
                for (int rot = 0; rot < 6; rot++) {
                    double t = Math.PI / 3 * rot;
                    marks.add(new double[] {Math.cos(t) * kx0 - Math.sin(t) * ky0,
                        Math.sin(t) * kx0 + Math.cos(t) * ky0});
                }
            }
        }
        return io.bandsmith.app.gui.export.ZoneMapSvg.svg(ZoneRaster.gap(zone, lower, upper, px, py, scale, gMin,
                gMax, 1e-6 * vmax), scale, String.format(Locale.ROOT, "gap E%d − E%d over the zone (E0): min %s, "
                        + "max %s", s.gapUpper(), s.gapLower(), Numbers.significant(gMin, vmax),
                        Numbers.significant(gMax, vmax)), new String[] {Numbers.significant(gMax, vmax) + " E0",
                    Numbers.significant(gMin, vmax) + " E0"}, true, marks.toArray(new double[0][]));
    }

    private void paint(GraphicsContext g, double w, double h, boolean now) {
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
            drawBerryFlux(g, w, h, r, now);
        } else {
            drawGap(g, w, h, r, s, now);
        }
    }

    private void drawGap(GraphicsContext g, double w, double h, PreviewResult r, PreviewSettings s, boolean now) {
        int lower = s.gapLower() - 1;
        int upper = s.gapUpper() - 1;
        ZoneField zone = r.zone();
        if (upper >= zone.bandCount()) {
            g.fillText("bands " + s.gapUpper() + " not computed yet", 8, 8);
            return;
        }
        Layout l = layout(w, h);
        double vmax = r.path().vmax();
        // the colour scale runs from the smallest to the largest gap (exact: the field is linear between grid
        // points); a gap of 0 on the grid is noise below Numbers.NOISE Vmax
        double[] range = ZoneRaster.gapRange(zone, lower, upper);
        double gMin = Numbers.clean(range[0], vmax);
        double gMax = Numbers.clean(range[1], vmax);
        double rk = exportScale;
        ZoneRaster raster = raster(new RasterKey(r, lower, upper, l.px(), l.py()), () -> ZoneRaster.gap(zone, lower,
                upper, (int) Math.ceil(l.px() * rk), (int) Math.ceil(l.py() * rk), l.scale() * rk, gMin, gMax,
                1e-6 * vmax), now);
        if (raster != null) {
            g.drawImage(image(raster), l.ox(), l.oy(), raster.width() / rk, raster.height() / rk);
        }
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
        drawPointLabels(g, l);
        // title and colour bar
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(Color.web("#222222"));
        g.fillText(String.format(Locale.ROOT, "gap E%d − E%d over the zone: min %s, max %s E0%s", s.gapUpper(),
                s.gapLower(), Numbers.significant(gMin, vmax), Numbers.significant(gMax, vmax),
                touchings > 0 ? " · ○ touching (< 2·10⁻⁴ Vmax)" : ""), 8, 4);
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
        g.fillText(Numbers.significant(gMax, vmax), bx + 18, by);
        g.fillText(Numbers.significant(gMin, vmax), bx + 18, by + bh);
        g.fillText("E0", bx + 18, by + bh / 2);
    }

    private void drawBerryFlux(GraphicsContext g, double w, double h, PreviewResult r, boolean now) {
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
            drawPointLabels(g, l);
            return;
        }
        double rk = exportScale;
        ZoneRaster raster = raster(new RasterKey(m, 0, 0, l.px(), l.py()), () -> ZoneRaster.berryFlux(m,
                (int) Math.ceil(l.px() * rk), (int) Math.ceil(l.py() * rk), l.scale() * rk), now);
        g.setGlobalAlpha(current ? 1 : 0.35);
        if (raster != null) {
            g.drawImage(image(raster), l.ox(), l.oy(), raster.width() / rk, raster.height() / rk);
        }
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
        drawPointLabels(g, l);
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
        double flux = Numbers.clean(m.totalFlux(), 2 * Math.PI);
        g.fillText(String.format(Locale.ROOT, "ΣΦ = %.3f = 2π × %.3f", flux, flux / (2 * Math.PI)), x0, y0 + 20);
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

    /** Γ, K and M in dark letters on a light box: readable on every colour of both scales. */
    private static void drawPointLabels(GraphicsContext g, Layout l) {
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 13));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        KVector kk = HexagonalLattice.K.k();
        KVector m = HexagonalLattice.M.k();
        double[] pg = l.toPx(0.0, 0.0);
        double[] pk = l.toPx(kk.kx(), kk.ky());
        double[] pm = l.toPx(m.kx() * 1.09, m.ky() * 1.09);
        haloText(g, "Γ", pg[0] - 9, pg[1] + 2);
        haloText(g, "K", pk[0] + 10, pk[1]);
        haloText(g, "M", pm[0], pm[1]);
    }

    private static void haloText(GraphicsContext g, String text, double x, double y) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(g.getFont());
        double w = probe.getLayoutBounds().getWidth() + 6;
        double h = probe.getLayoutBounds().getHeight() + 2;
        g.setFill(Color.web("#ffffff", 0.8));
        g.fillRoundRect(x - w / 2, y - h / 2, w, h, 5, 5);
        g.setFill(Color.web("#111111"));
        g.fillText(text, x, y);
    }
}
