package io.bandsmith.models.design;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.C6Stars;
import io.bandsmith.engine.solver.FourierPotential;
import io.bandsmith.engine.topology.BandSet;
import io.bandsmith.engine.topology.BandSetClass;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.engine.topology.SourceClassifier;

/**
 * The phase map of the paper's fig. 3(f): three geometries at the corners of a triangle, every point of a triangular
 * grid a blend of their Fourier coefficients, and the classes of the first two band sets at each point.
 *
 * <p>Blending: each corner's potential (in units of Vmax) is reduced to its C6-star Fourier coefficients up to a
 * cutoff, those are mixed with the barycentric weights, and the smooth field is digitized at one half when all
 * corners are two-valued (steps stay steps, as in the paper, where the underlying random-field coefficients are
 * interpolated); otherwise the mixed smooth potential is used as it is. Corners are therefore reproduced up to
 * features finer than the cutoff ({@link #cornerFidelity}).
 */
public final class PhaseMap {
    public static final int DEFAULT_STAR_CUTOFF = 16;

    /** One point of the map: barycentric weights (w1, w2, w3) and the band sets found there. */
    public record Point(int i, int j, double[] weights, List<BandSet> sets) {
        /** Class of the n-th set (0-based), or null when there are fewer sets. */
        public BandSetClass setClass(int n) {
            return n < sets.size() ? sets.get(n).classification() : null;
        }
    }

    private final List<PotentialGrid> corners;
    private final int starCutoff;
    private final List<int[][]> stars;
    private final double[][] cornerCoefficients;
    private final double[] cornerMeans;
    private final boolean digitize;

    public PhaseMap(List<PotentialGrid> corners, int starCutoff) {
        if (corners.size() != 3) {
            throw new IllegalArgumentException("a phase map needs three corner geometries, got " + corners.size());
        }
        int size = corners.get(0).size();
        double vmax = corners.get(0).vmax();
        for (PotentialGrid g : corners) {
            if (g.size() != size || g.vmax() != vmax) {
                throw new IllegalArgumentException("corner geometries must have the same grid size and Vmax");
            }
        }
        this.corners = List.copyOf(corners);
        this.starCutoff = starCutoff;
        this.stars = C6Stars.upTo(starCutoff).stream().map(C6Stars.Star::members).toList();
        this.cornerCoefficients = new double[3][stars.size()];
        this.cornerMeans = new double[3];
        for (int c = 0; c < 3; c++) {
            FourierPotential f = new FourierPotential(C6GridSymmetry.requireSymmetric(corners.get(c), 1e-6), starCutoff);
            cornerMeans[c] = f.mean() / vmax;
            for (int s = 0; s < stars.size(); s++) {
                double sum = 0;
                for (int[] g : stars.get(s)) {
                    sum += f.coefficient(g[0], g[1]);
                }
                cornerCoefficients[c][s] = sum / stars.get(s).length / vmax;
            }
        }
        this.digitize = corners.stream().allMatch(PotentialGrid::isTwoValued);
    }

    /** The geometry at barycentric weights (w1, w2, w3), exactly C6-symmetric. */
    public PotentialGrid blend(double[] weights) {
        int size = corners.get(0).size();
        double vmax = corners.get(0).vmax();
        double[] coeff = new double[stars.size()];
        double mean = 0;
        for (int c = 0; c < 3; c++) {
            mean += weights[c] * cornerMeans[c];
            for (int s = 0; s < coeff.length; s++) {
                coeff[s] += weights[c] * cornerCoefficients[c][s];
            }
        }
        double[] cos = new double[size];
        for (int n = 0; n < size; n++) {
            cos[n] = Math.cos(2 * Math.PI * n / size);
        }
        double[] f = new double[size * size];
        for (int[] orbit : C6GridSymmetry.orbits(size)) {
            int i = orbit[0] / size;
            int j = orbit[0] % size;
            double v = mean;
            for (int s = 0; s < coeff.length; s++) {
                double sum = 0;
                for (int[] g : stars.get(s)) {
                    sum += cos[Math.floorMod(g[0] * i + g[1] * j, size)];
                }
                v += coeff[s] * sum;
            }
            double value = digitize ? (v > 0.5 ? 1.0 : 0.0) : v;
            for (int flat : orbit) {
                f[flat] = value;
            }
        }
        return PotentialGrid.fromFractions(size, f, vmax);
    }

    /** Fraction of grid points where the blended corner c equals the given corner geometry (1 = identical). */
    public double cornerFidelity(int c) {
        double[] w = new double[3];
        w[c] = 1;
        double[] a = blend(w).fractions();
        double[] b = corners.get(c).fractions();
        int same = 0;
        for (int n = 0; n < a.length; n++) {
            same += Math.abs(a[n] - b[n]) < 1e-3 ? 1 : 0;
        }
        return (double) same / a.length;
    }

    public int starCutoff() {
        return starCutoff;
    }

    /** Points (i, j) with i + j ≤ N: weights ((N-i-j)/N, i/N, j/N), in that order. */
    public static List<double[]> grid(int resolution) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i <= resolution; i++) {
            for (int j = 0; i + j <= resolution; j++) {
                out.add(new double[] {i, j});
            }
        }
        return out;
    }

    /** Classifies every point of the map (in parallel; progress after each point). */
    public List<Point> compute(int resolution, BandStructureSource source, ConnectivityMethod method, int bands,
            java.util.function.IntConsumer progress) {
        AtomicInteger done = new AtomicInteger();
        return compute(resolution, source, method, bands, p -> progress.accept(done.incrementAndGet()), () -> false);
    }

    /**
     * Classifies the points of the map in parallel, handing each to {@code finished} as it is done (from a worker
     * thread); once {@code cancelled} says so, no new point starts. Returns the points done, in grid order.
     */
    public List<Point> compute(int resolution, BandStructureSource source, ConnectivityMethod method, int bands,
            java.util.function.Consumer<Point> finished, java.util.function.BooleanSupplier cancelled) {
        if (resolution < 1 || resolution > 200) {
            throw new IllegalArgumentException("resolution must be between 1 and 200, got " + resolution);
        }
        List<double[]> ij = grid(resolution);
        Point[] out = new Point[ij.size()];
        IntStream.range(0, ij.size()).parallel().forEach(p -> {
            if (cancelled.getAsBoolean()) {
                return;
            }
            int i = (int) ij.get(p)[0];
            int j = (int) ij.get(p)[1];
            double[] w = {(double) (resolution - i - j) / resolution, (double) i / resolution,
                (double) j / resolution};
            List<BandSet> sets = SourceClassifier.classify(source, blend(w), bands, List.of(method)).get(method);
            out[p] = new Point(i, j, w, sets);
            finished.accept(out[p]);
        });
        return java.util.Arrays.stream(out).filter(java.util.Objects::nonNull).toList();
    }

    /** Colours of the classes (the workbench's). */
    public static Color colour(BandSetClass c) {
        if (c == null) {
            return new Color(0xdddddd);
        }
        return switch (c) {
            case EBR -> new Color(0x2e7d32);
            case COMPOSITE -> new Color(0x1565c0);
            case FRAGILE -> new Color(0xef6c00);
            default -> new Color(0x9e9e9e);
        };
    }

    /**
     * The map as an image: the triangle (corner 1 bottom left, 2 bottom right, 3 top) with one small triangle per
     * point coloured by the class of the second set, and an inset with the first set.
     */
    public static BufferedImage render(List<Point> points, int resolution, int width) {
        int height = (int) (width * 0.92);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        drawTriangle(g, points, resolution, 1, width * 0.08, height * 0.88, width * 0.84);
        drawTriangle(g, points, resolution, 0, width * 0.70, height * 0.30, width * 0.26);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(11, width / 45)));
        g.drawString("second band set", (int) (width * 0.08), (int) (height * 0.06));
        g.drawString("first set", (int) (width * 0.74), (int) (height * 0.06));
        g.drawString("1", (int) (width * 0.05), (int) (height * 0.93));
        g.drawString("2", (int) (width * 0.93), (int) (height * 0.93));
        g.drawString("3", (int) (width * 0.52), (int) (height * 0.10));
        int y = (int) (height * 0.97);
        int x = (int) (width * 0.08);
        for (BandSetClass c : new BandSetClass[] {BandSetClass.EBR, BandSetClass.COMPOSITE, BandSetClass.FRAGILE,
            BandSetClass.UNASSIGNED}) {
            g.setColor(colour(c));
            g.fillRect(x, y - 10, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(c.label(), x + 16, y);
            x += width / 5;
        }
        g.dispose();
        return img;
    }

    private static void drawTriangle(Graphics2D g, List<Point> points, int n, int set, double x0, double y0,
            double side) {
        double h = side * Math.sqrt(3) / 2;
        Polygon tri = new Polygon();
        tri.addPoint((int) x0, (int) y0);
        tri.addPoint((int) (x0 + side), (int) y0);
        tri.addPoint((int) (x0 + side / 2), (int) (y0 - h));
        g.setClip(tri);
        // point (i, j): weight of corner 2 is i/n (to the right), of corner 3 is j/n (up)
        for (Point p : points) {
            double cx = x0 + side * (p.i() + 0.5 * p.j()) / n;
            double cy = y0 - h * p.j() / n;
            double r = side / n * 0.62;
            Polygon hex = new Polygon();
            for (int k = 0; k < 6; k++) {
                double t = Math.PI / 6 + k * Math.PI / 3;
                hex.addPoint((int) Math.round(cx + r * Math.cos(t)), (int) Math.round(cy + r * Math.sin(t)));
            }
            g.setColor(colour(p.setClass(set)));
            g.fillPolygon(hex);
        }
        g.setClip(null);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1.5f));
        g.drawPolygon(tri);
    }
}
