package io.bandsmith.engine.space3d;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.bandsmith.engine.io.InputFiles;
import io.bandsmith.engine.io.InvalidInputException;

/**
 * The k sets of the p4222-3d case (conventions.md): wedge3(n), the path Γ–X–M–Γ–Z–R–A–Z, CSV files (kx,ky,kz), and
 * the 2D cuts of the zone for band-gap maps. Cartesian k in 1/a; kz in units of π/c where the conventions say so.
 */
public final class P4222KPoints {
    /** A named list of Cartesian k points. */
    public record KSet(String description, List<double[]> points) {
        public KSet {
            points = List.copyOf(points);
        }
    }

    /** The cut planes of --cut: the grid, its two axes and its size. */
    public record Cut(String name, int resolution, List<double[]> points, double[] axis1, double[] axis2) {
    }

    private P4222KPoints() {
    }

    /** wedge3(n): k = (π i/n, π j/n, π l/(n c)), 0 <= j <= i <= n, 0 <= l <= n, i outer, then j, then l. */
    public static KSet wedge3(int n, double c) {
        if (n < 1) {
            throw new IllegalArgumentException("wedge3(n) needs n >= 1");
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= i; j++) {
                for (int l = 0; l <= n; l++) {
                    out.add(new double[] {Math.PI * i / n, Math.PI * j / n, Math.PI * l / (n * c)});
                }
            }
        }
        return new KSet("wedge3(" + n + ")", out);
    }

    /** Number of points of wedge3(n): (n+1)^2 (n+2)/2. */
    public static int wedge3Count(int n) {
        return (n + 1) * (n + 1) * (n + 2) / 2;
    }

    /** --wedge N: 75 = wedge3(4), 1183 = wedge3(12), or any count of a wedge3(n). */
    public static KSet wedgeWithCount(int count, double c) {
        for (int n = 1; n <= 40; n++) {
            if (wedge3Count(n) == count) {
                return wedge3(n, c);
            }
        }
        throw new IllegalArgumentException("--wedge " + count + ": p4222-3d has wedge3(n) grids of (n+1)^2(n+2)/2 "
                + "points: 75 (training, n = 4) or 1183 (fine, n = 12)");
    }

    /** Γ–X–M–Γ–Z–R–A–Z with {@code perSegment} steps per segment (7 segments, 7N+1 points). */
    public static KSet path(int perSegment, double c) {
        if (perSegment < 1) {
            throw new IllegalArgumentException("--path needs at least 1 point per segment");
        }
        String[] names = {"G", "X", "M", "G", "Z", "R", "A", "Z"};
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s + 1 < names.length; s++) {
            double[] a = LittleGroupIrreps.point(names[s]).k(c);
            double[] b = LittleGroupIrreps.point(names[s + 1]).k(c);
            for (int i = 0; i < perSegment; i++) {
                double t = (double) i / perSegment;
                out.add(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2])});
            }
        }
        out.add(LittleGroupIrreps.point("Z").k(c));
        return new KSet("path G-X-M-G-Z-R-A-Z (" + perSegment + " per segment)", out);
    }

    /** kx,ky,kz per line in 1/a, no header. */
    public static KSet readCsv(Path file) {
        InputFiles.requireReadable(file, "k-point file");
        List<double[]> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException(file, "cannot read k points (" + e.getMessage() + ")");
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(",");
            if (parts.length != 3) {
                throw new InvalidInputException(file, "line " + (n + 1) + ": expected kx,ky,kz (three numbers), got '"
                        + line + "'");
            }
            double[] k = new double[3];
            for (int d = 0; d < 3; d++) {
                try {
                    k[d] = Double.parseDouble(parts[d].trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(file, "line " + (n + 1) + ": '" + parts[d].trim()
                            + "' is not a number");
                }
                if (!Double.isFinite(k[d])) {
                    throw new InvalidInputException(file, "line " + (n + 1) + ": " + parts[d].trim()
                            + " is not a finite number");
                }
            }
            out.add(k);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(file, "holds no k points");
        }
        return new KSet("file " + file.getFileName(), out);
    }

    /**
     * A cut of the zone as an N x N grid (axis 1 outer): {@code kz=0} and {@code kz=pi}: (kx, ky) over [-π, π]^2
     * at kz = 0 or π/c; {@code kx=ky}: (t, t, kz) with t over [-π, π] and kz over [-π/c, π/c].
     */
    public static Cut cut(String name, int resolution, double c) {
        if (resolution < 2 || resolution > 401) {
            throw new IllegalArgumentException("--resolution must be between 2 and 401, got " + resolution);
        }
        List<double[]> out = new ArrayList<>();
        double[] axis1;
        double[] axis2;
        switch (name) {
            case "kz=0", "kz=pi" -> {
                axis1 = new double[] {1, 0, 0};
                axis2 = new double[] {0, 1, 0};
            }
            case "kx=ky" -> {
                axis1 = new double[] {1, 1, 0};
                axis2 = new double[] {0, 0, 1 / c};
            }
            default -> throw new IllegalArgumentException("--cut must be kz=0, kz=pi or kx=ky, got '" + name + "'");
        }
        double kz = name.equals("kz=pi") ? Math.PI / c : 0;
        for (int i = 0; i < resolution; i++) {
            double u = -Math.PI + 2 * Math.PI * i / (resolution - 1);
            for (int j = 0; j < resolution; j++) {
                double v = -Math.PI + 2 * Math.PI * j / (resolution - 1);
                out.add(new double[] {u * axis1[0] + v * axis2[0], u * axis1[1] + v * axis2[1],
                        kz + u * axis1[2] + v * axis2[2]});
            }
        }
        return new Cut(name, resolution, List.copyOf(out), axis1, axis2);
    }
}
