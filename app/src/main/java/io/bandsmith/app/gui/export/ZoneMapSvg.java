package io.bandsmith.app.gui.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

import io.bandsmith.app.gui.preview.ZoneRaster;
import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;

/**
 * The zone map as SVG: the field (gap or Berry flux) as an embedded PNG image of {@link ZoneRaster} (a field has no
 * natural vector form; plotting programs embed it the same way), the zone boundary, the path Γ-K-M-Γ, the point
 * labels, the touchings, the title and the colour bar as vectors.
 */
public final class ZoneMapSvg {
    private static final double KMAX = 4 * Math.PI / 3;

    private ZoneMapSvg() {
    }

    /**
     * @param raster the field, {@code raster.width()} pixels wide, at {@code scale} pixels per 1/a, centred on Γ
     * @param title the line above the map
     * @param barLabels the colour bar's top and bottom labels
     * @param gapBar true: the gap scale; false: the Berry-flux scale
     * @param marks k points to circle (touchings, π defects), Cartesian 1/a, or empty
     */
    public static String svg(ZoneRaster raster, double scale, String title, String[] barLabels, boolean gapBar,
            double[][] marks) {
        double margin = 30;
        double bar = 80;
        double w = raster.width() + 2 * margin + bar;
        double h = raster.height() + 2 * margin + 20;
        SvgPlotter p = new SvgPlotter(w, h);
        p.rect(0, 0, w, h, "#ffffff", null);
        double ox = margin;
        double oy = margin + 20;
        p.image(ox, oy, raster.width(), raster.height(), png(raster));
        double cx = ox + raster.width() / 2.0;
        double cy = oy + raster.height() / 2.0;
        double[] xs = new double[7];
        double[] ys = new double[7];
        for (int k = 0; k <= 6; k++) {
            xs[k] = cx + KMAX * Math.cos(Math.PI / 3 * k) * scale;
            ys[k] = cy - KMAX * Math.sin(Math.PI / 3 * k) * scale;
        }
        p.polyline(xs, ys, "#222222", 1.2);
        KVector[] path = {KVector.ZERO, HexagonalLattice.K.k(), HexagonalLattice.M.k(), KVector.ZERO};
        double[] px = new double[path.length];
        double[] py = new double[path.length];
        for (int k = 0; k < path.length; k++) {
            px[k] = cx + path[k].kx() * scale;
            py[k] = cy - path[k].ky() * scale;
        }
        p.polyline(px, py, gapBar ? "#ffffff" : "#555555", 1.5);
        for (double[] m : marks) {
            p.ring(cx + m[0] * scale, cy - m[1] * scale, 4, "#00e5ff", 2);
        }
        p.text("Γ", px[0] - 9, py[0] + 5, "#111111", 13, Plotter.Anchor.MIDDLE);
        p.text("K", px[1] + 10, py[1] + 5, "#111111", 13, Plotter.Anchor.MIDDLE);
        p.text("M", cx + HexagonalLattice.M.k().kx() * 1.09 * scale, cy - HexagonalLattice.M.k().ky() * 1.09 * scale
                + 5, "#111111", 13, Plotter.Anchor.MIDDLE);
        p.text(title, margin, 20, "#222222", 13, Plotter.Anchor.START);
        double bx = w - bar + 8;
        double by = oy;
        double bh = raster.height();
        int steps = 64;
        for (int k = 0; k < steps; k++) {
            double t = 1 - (k + 0.5) / steps;
            int c = ZoneRaster.lookup(gapBar ? ZoneRaster.GAP_TABLE : ZoneRaster.FLUX_TABLE, t);
            p.rect(bx, by + bh * k / steps, 14, bh / steps + 0.5, String.format(Locale.ROOT, "#%06x", c & 0xffffff),
                    null);
        }
        p.rect(bx, by, 14, bh, null, "#555555");
        p.text(barLabels[0], bx + 18, by + 5, "#333333", 12, Plotter.Anchor.START);
        p.text(barLabels[1], bx + 18, by + bh + 4, "#333333", 12, Plotter.Anchor.START);
        return p.toSvg();
    }

    static byte[] png(ZoneRaster r) {
        BufferedImage img = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, r.width(), r.height(), r.argb(), 0, r.width());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static void write(Path file, String svg) {
        AtomicFiles.writeString(file, svg);
    }

    /** Base64 of PNG bytes, for a data URI. */
    static String base64(byte[] png) {
        return Base64.getEncoder().encodeToString(png);
    }
}
