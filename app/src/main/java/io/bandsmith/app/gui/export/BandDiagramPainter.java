package io.bandsmith.app.gui.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.bandsmith.app.gui.model.PreviewSettings;
import io.bandsmith.app.gui.preview.ClassStyle;
import io.bandsmith.app.gui.preview.PreviewBandSet;
import io.bandsmith.app.gui.preview.PreviewResult;
import io.bandsmith.app.gui.preview.PreviewUncertainty;
import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.lattice.KPointSet;

/**
 * Draws the band diagram along Γ-K-M-Γ in the style of the paper's fig. 1b/3a: bands coloured by their set (by
 * class once a classifier runs), the symmetry labels of the levels at Γ, K and M beside the bands, energies in E0.
 */
public final class BandDiagramPainter {
    /** The exact solver's overlay: dashed, in a colour no class uses. */
    public static final String EXACT_COLOUR = "#c2185b";

    private static final String AXIS = "#333333";
    private static final String GRID = "#dddddd";

    private BandDiagramPainter() {
    }

    /** The colour of the set holding band {@code band} (0-based). */
    public static String colourOf(PreviewResult r, int band) {
        PreviewBandSet s = r.setOf(band);
        int index = r.sets().indexOf(s);
        // the class's colour; every other set a shade darker, so that neighbouring sets of one class stay apart
        String c = ClassStyle.colour(s.bandClass());
        return index % 2 == 0 ? c : darker(c, 0.4);
    }

    /** A CSS hex colour moved toward black by {@code amount} (0..1). */
    static String darker(String hex, double amount) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int r = (int) Math.round(((rgb >> 16) & 0xff) * (1 - amount));
        int g = (int) Math.round(((rgb >> 8) & 0xff) * (1 - amount));
        int b = (int) Math.round((rgb & 0xff) * (1 - amount));
        return String.format("#%02x%02x%02x", r, g, b);
    }

    public static void paint(Plotter p, PreviewResult r, PreviewSettings settings, double w, double h) {
        paint(p, r, settings, w, h, null, Double.NaN);
    }

    /**
     * @param exact exact bands on the same path, overlaid as thin black lines, or null
     * @param rmsVmax their rms deviation from the shown bands (Vmax), shown in the legend
     */
    public static void paint(Plotter p, PreviewResult r, PreviewSettings settings, double w, double h,
            BandStructure exact, double rmsVmax) {
        BandStructure b = r.path();
        KPointSet k = b.kpoints();
        double[] xs = k.pathCoordinates();
        double xMax = xs[xs.length - 1];
        int bands = b.bandCount();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k.size(); i++) {
            lo = Math.min(lo, b.energy(i, 0));
            hi = Math.max(hi, b.energy(i, bands - 1));
        }
        double pad = Math.max(1e-9, (hi - lo) * 0.06);
        lo -= pad;
        hi += pad;
        double left = 58;
        double right = 12;
        double top = 30;
        double bottom = 34;
        double pw = w - left - right;
        double ph = h - top - bottom;
        double eLo = lo;
        double eHi = hi;
        java.util.function.DoubleUnaryOperator X = x -> left + pw * x / xMax;
        java.util.function.DoubleUnaryOperator Y = e -> top + ph * (1 - (e - eLo) / (eHi - eLo));

        p.rect(0, 0, w, h, "#ffffff", null);
        // energy ticks
        double step = niceStep((hi - lo) / 6);
        for (double e = Math.ceil(lo / step) * step; e <= hi; e += step) {
            double y = Y.applyAsDouble(e);
            p.line(left, y, left + pw, y, GRID, 0.6);
            p.text(formatTick(e, step), left - 6, y + 4, AXIS, 11, Plotter.Anchor.END);
        }
        p.text("E (E0)", 6, top - 10, AXIS, 11, Plotter.Anchor.START);
        // path corners
        for (KPointSet.PathTick t : k.pathTicks()) {
            double x = X.applyAsDouble(xs[t.index()]);
            p.line(x, top, x, top + ph, "#999999", 0.8);
            p.text(t.name(), x, top + ph + 18, AXIS, 14, Plotter.Anchor.MIDDLE);
        }
        // the ensemble's uncertainty: a band of ±2x the (calibrated) spread around each predicted band
        PreviewUncertainty u = r.uncertainty();
        if (u != null && u.pathSpread().length == k.size()) {
            for (int n = 0; n < bands; n++) {
                double[] px = new double[2 * k.size()];
                double[] py = new double[2 * k.size()];
                for (int i = 0; i < k.size(); i++) {
                    double d = PreviewUncertainty.BAND_SPREADS * u.pathSpread()[i][n];
                    px[i] = X.applyAsDouble(xs[i]);
                    py[i] = clamp(Y.applyAsDouble(b.energy(i, n) + d), top, top + ph);
                    int j = 2 * k.size() - 1 - i;
                    px[j] = px[i];
                    py[j] = clamp(Y.applyAsDouble(b.energy(i, n) - d), top, top + ph);
                }
                p.polygon(px, py, colourOf(r, n), 0.28);
            }
        }
        // bands
        for (int n = 0; n < bands; n++) {
            double[] px = new double[k.size()];
            double[] py = new double[k.size()];
            for (int i = 0; i < k.size(); i++) {
                px[i] = X.applyAsDouble(xs[i]);
                py[i] = Y.applyAsDouble(b.energy(i, n));
            }
            p.polyline(px, py, colourOf(r, n), 2.0);
        }
        if (exact != null && exact.kpoints().size() == k.size()) {
            for (int n = 0; n < Math.min(bands, exact.bandCount()); n++) {
                double[] px = new double[k.size()];
                double[] py = new double[k.size()];
                for (int i = 0; i < k.size(); i++) {
                    px[i] = X.applyAsDouble(xs[i]);
                    py[i] = Y.applyAsDouble(exact.energy(i, n));
                }
                dashedClipped(p, px, py, top, top + ph, EXACT_COLOUR, 1.4);
            }
            String note = String.format(java.util.Locale.ROOT, "dashed: exact solver, rms %.2e Vmax", rmsVmax);
            p.rect(left + pw - 8 - 6.2 * note.length(), top + 3, 6.2 * note.length() + 6, 15, "#ffffff", null);
            p.text(note, left + pw - 4, top + 14, EXACT_COLOUR, 11, Plotter.Anchor.END);
        }
        // labels at Γ, K, M
        Map<String, HighSymmetryLevels> hsp = b.highSymmetry();
        for (KPointSet.PathTick t : k.pathTicks()) {
            String key = switch (t.name()) {
                case "Γ" -> "G";
                default -> t.name();
            };
            HighSymmetryLevels levels = hsp.get(key);
            if (levels == null) {
                continue;
            }
            boolean last = t.index() == k.size() - 1;
            if (last && key.equals("G")) {
                continue; // Γ is labelled once, at the start of the path
            }
            double x = X.applyAsDouble(xs[t.index()]);
            List<double[]> placed = new ArrayList<>();
            for (int n = 0; n < Math.min(bands, levels.count()); n++) {
                if (n > 0 && Math.abs(levels.energy(n) - levels.energy(n - 1)) < 1e-6 * b.vmax()
                        && levels.label(n).equals(levels.label(n - 1))) {
                    continue; // the second member of a degenerate pair
                }
                double y = Y.applyAsDouble(levels.energy(n));
                double dx = 0;
                for (double[] q : placed) {
                    if (Math.abs(q[1] - y) < 11 && q[0] >= dx) {
                        dx = q[0] + 12;
                    }
                }
                placed.add(new double[] {dx, y});
                p.circle(x, y, 2.5, colourOf(r, n));
                p.text(levels.label(n).symbol(), x + 5 + dx, y + 4, "#000000", 12, Plotter.Anchor.START);
            }
        }
        p.rect(left, top, pw, ph, null, AXIS);
        if (u != null) {
            p.text("shaded: ±2x spread of " + u.members() + " networks", left + 4, top + ph - 6, AXIS, 11,
                    Plotter.Anchor.START);
        }
        // legend: the sets
        double lx = left;
        p.text("sets:", lx, 18, AXIS, 11, Plotter.Anchor.START);
        lx += 34;
        for (PreviewBandSet s : r.sets()) {
            String c = colourOf(r, s.first());
            p.line(lx, 14, lx + 14, 14, c, 3);
            String text = s.bandsLabel() + " " + s.classLabel() + (s.top() ? "…" : "")
                    + (u != null && u.flagOf(s) != null ? " (check with exact)" : "");
            p.text(text, lx + 17, 18, AXIS, 11, Plotter.Anchor.START);
            lx += 24 + 7 * text.length();
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * A polyline drawn dashed (dash and gap of about 6 px along x) and cut to {@code yTop <= y <= yBottom}, so that
     * bands beyond the plotted range never cross the legend or the axes.
     */
    static void dashedClipped(Plotter p, double[] xs, double[] ys, double yTop, double yBottom, String colour,
            double width) {
        double run = 0;
        for (int i = 0; i + 1 < xs.length; i++) {
            double x1 = xs[i];
            double y1 = ys[i];
            double x2 = xs[i + 1];
            double y2 = ys[i + 1];
            double len = Math.hypot(x2 - x1, y2 - y1);
            int pieces = Math.max(1, (int) Math.ceil(len / 3));
            for (int q = 0; q < pieces; q++) {
                double t0 = (double) q / pieces;
                double t1 = (double) (q + 1) / pieces;
                boolean on = ((int) Math.floor(run / 6)) % 2 == 0;
                run += len / pieces;
                if (!on) {
                    continue;
                }
                double ya = y1 + (y2 - y1) * t0;
                double yb = y1 + (y2 - y1) * t1;
                if (ya < yTop || ya > yBottom || yb < yTop || yb > yBottom) {
                    continue;
                }
                p.line(x1 + (x2 - x1) * t0, ya, x1 + (x2 - x1) * t1, yb, colour, width);
            }
        }
    }

    static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * mag;
    }

    static String formatTick(double e, double step) {
        if (step >= 1) {
            return String.format(java.util.Locale.ROOT, "%.0f", e);
        }
        int digits = (int) Math.ceil(-Math.log10(step));
        return String.format(java.util.Locale.ROOT, "%." + digits + "f", e);
    }
}
