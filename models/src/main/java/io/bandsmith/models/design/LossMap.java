package io.bandsmith.models.design;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.bandsmith.engine.tightbinding.TightBindingModel;
import io.bandsmith.models.network.TightBindingNetwork;

/**
 * The loss map of the paper's fig. 6(b): for every point of a grid over the breathing-honeycomb parameters
 * (ω0, J̄ = (J + J0)/2, δJ = J0 - J; next-nearest hoppings fixed), a short inverse design, and the lowest loss it
 * reaches (the network's loss of the two-valued design). Where that loss is below the network's own accuracy the
 * model is physically reachable with a two-valued p6 geometry. A batch job: points are independent, so a run can be
 * resumed point by point by the caller.
 */
public final class LossMap {
    /** One grid point and the best design found there (losses in Vmax²). */
    public record Point(double omega0, double jBar, double deltaJ, double networkLoss, double smoothLoss,
            double[] coefficients) {
    }

    private final TightBindingNetwork network;
    private final FourierGeometry geometry;
    private final double lBar;
    private final double deltaL;
    private final int kSubsample;

    public LossMap(TightBindingNetwork network, FourierGeometry geometry, double lBar, double deltaL, int kSubsample) {
        this.network = network;
        this.geometry = geometry;
        this.lBar = lBar;
        this.deltaL = deltaL;
        this.kSubsample = kSubsample;
    }

    /** Designs for one point (no exact check: the map is a network survey). */
    public Point point(double omega0, double jBar, double deltaJ, InverseDesign.Settings settings,
            BooleanSupplier cancelled) {
        TightBindingModel model = network.model();
        double j = jBar - deltaJ / 2;
        double j0 = jBar + deltaJ / 2;
        double l = lBar - deltaL / 2;
        double l0 = lBar + deltaL / 2;
        TargetBandsObjective objective = TargetBandsObjective.breathingHoneycomb(model, omega0, j, j0, l, l0,
                kSubsample);
        InverseDesign design = new InverseDesign(network, geometry, objective, 256);
        InverseDesign.Result r = design.run(settings.withVerify(0), null, p -> { }, cancelled);
        InverseDesign.Design best = r.best();
        return new Point(omega0, jBar, deltaJ, best.networkLoss(), best.smoothLoss(), best.coefficients());
    }

    /** Evenly spaced values from {@code spec} "a:b:n" (n ≥ 1 values from a to b) or a single number. */
    public static double[] range(String spec) {
        String[] parts = spec.split(":");
        try {
            if (parts.length == 1) {
                return new double[] {Double.parseDouble(parts[0])};
            }
            if (parts.length == 3) {
                double a = Double.parseDouble(parts[0]);
                double b = Double.parseDouble(parts[1]);
                int n = Integer.parseInt(parts[2]);
                if (n < 1 || n > 200) {
                    throw new IllegalArgumentException("range '" + spec + "': the count must be in 1..200");
                }
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = n == 1 ? a : a + (b - a) * i / (n - 1);
                }
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("range '" + spec + "': expected a number or FROM:TO:COUNT");
    }

    /** Runs every point not in {@code done}, reporting each as it finishes. */
    public List<Point> run(double[] omega0, double[] jBar, double[] deltaJ, InverseDesign.Settings settings,
            java.util.function.Predicate<double[]> done, Consumer<Point> finished, BooleanSupplier cancelled) {
        List<Point> out = new ArrayList<>();
        for (double w : omega0) {
            for (double jb : jBar) {
                for (double dj : deltaJ) {
                    if (cancelled.getAsBoolean()) {
                        return out;
                    }
                    if (done.test(new double[] {w, jb, dj})) {
                        continue;
                    }
                    Point p = point(w, jb, dj, settings, cancelled);
                    out.add(p);
                    finished.accept(p);
                }
            }
        }
        return out;
    }

    /**
     * One heat map of log10(rms) over (δJ, J̄) per ω0 value, side by side; points below {@code accuracyLoss} (the
     * network's own loss) are outlined: the reachable region.
     */
    public static BufferedImage render(List<Point> points, double accuracyLoss) {
        double[] omegas = points.stream().mapToDouble(Point::omega0).distinct().sorted().toArray();
        double[] jbars = points.stream().mapToDouble(Point::jBar).distinct().sorted().toArray();
        double[] djs = points.stream().mapToDouble(Point::deltaJ).distinct().sorted().toArray();
        int cell = Math.max(8, 320 / Math.max(jbars.length, djs.length));
        int panelW = djs.length * cell;
        int panelH = jbars.length * cell;
        int margin = 60;
        int width = Math.max(760, omegas.length * (panelW + margin) + margin);
        int height = panelH + 2 * margin + 30;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double lo = -3.5;
        double hi = -1;
        for (int p = 0; p < omegas.length; p++) {
            int x0 = margin + p * (panelW + margin);
            int y0 = margin;
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "ω0 = %.3f Vmax", omegas[p]), x0, y0 - 10);
            for (Point pt : points) {
                if (pt.omega0() != omegas[p]) {
                    continue;
                }
                int i = java.util.Arrays.binarySearch(djs, pt.deltaJ());
                int j = java.util.Arrays.binarySearch(jbars, pt.jBar());
                double t = (Math.log10(Math.sqrt(Math.max(pt.networkLoss(), 1e-12))) - lo) / (hi - lo);
                t = Math.max(0, Math.min(1, t));
                g.setColor(new Color((float) t, (float) (0.3 + 0.4 * (1 - Math.abs(2 * t - 1))), (float) (1 - t)));
                int x = x0 + i * cell;
                int y = y0 + (jbars.length - 1 - j) * cell;
                g.fillRect(x, y, cell, cell);
                if (pt.networkLoss() <= accuracyLoss) {
                    g.setColor(Color.BLACK);
                    g.drawRect(x + 1, y + 1, cell - 3, cell - 3);
                }
            }
            g.setColor(Color.BLACK);
            g.drawRect(x0, y0, panelW, panelH);
            g.drawString("δJ →", x0 + panelW / 2 - 10, y0 + panelH + 16);
            g.drawString(String.format(Locale.ROOT, "%.3f", djs[0]), x0, y0 + panelH + 30);
            g.drawString(String.format(Locale.ROOT, "%.3f", djs[djs.length - 1]), x0 + panelW - 30, y0 + panelH + 30);
            g.drawString("J̄", x0 - 20, y0 + panelH / 2);
            g.drawString(String.format(Locale.ROOT, "%.3f", jbars[jbars.length - 1]), x0 - 50, y0 + 12);
            g.drawString(String.format(Locale.ROOT, "%.3f", jbars[0]), x0 - 50, y0 + panelH);
        }
        for (int x = 0; x < 200; x++) {
            float t = x / 199f;
            g.setColor(new Color(t, (float) (0.3 + 0.4 * (1 - Math.abs(2 * t - 1))), 1 - t));
            g.drawLine(width - 260 + x, 20, width - 260 + x, 34);
        }
        g.setColor(Color.BLACK);
        g.drawString("1e-3.5", width - 300, 32);
        g.drawString("1e-1 Vmax", width - 55, 32);
        g.drawString("colour: log10 rms of the best design (blue 10^-3.5 … red 10^-1 Vmax); outlined: below the "
                + "network's accuracy", margin, height - 10);
        g.dispose();
        return img;
    }
}
