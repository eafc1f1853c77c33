package io.bandsmith.engine.lattice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.bandsmith.engine.io.InvalidInputException;

/**
 * An ordered list of k points with a description of where it came from (conventions.md, "k points").
 *
 * @param description for example "wedge(11)+M", "path G-K-M-G (30 per segment)", or the CSV file name
 * @param points the k points (Cartesian, 1/a)
 * @param pathTicks for paths: indices of the corner points and their names; empty otherwise
 */
public record KPointSet(String description, List<KVector> points, List<PathTick> pathTicks) {
    /** A labelled corner of a band-structure path. */
    public record PathTick(int index, String name) {
    }

    public KPointSet {
        points = List.copyOf(points);
        pathTicks = List.copyOf(pathTicks);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a k-point set needs at least one point");
        }
    }

    public int size() {
        return points.size();
    }

    public KVector get(int i) {
        return points.get(i);
    }

    /**
     * The irreducible-wedge grid of the hexagonal lattice: k = (i K + j K')/n for i, j >= 0, i + j <= n, ordered by
     * i (outer) then j (inner); for odd n, M is appended last. wedge(11) has 79 points, wedge(39) 821.
     */
    public static KPointSet hexagonalWedge(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("wedge subdivision must be >= 1, got " + n);
        }
        KVector k = HexagonalLattice.K.k();
        KVector kp = HexagonalLattice.K_PRIME;
        List<KVector> pts = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            for (int j = 0; i + j <= n; j++) {
                pts.add(new KVector((i * k.kx() + j * kp.kx()) / n, (i * k.ky() + j * kp.ky()) / n));
            }
        }
        String desc = "wedge(" + n + ")";
        if (n % 2 == 1) {
            pts.add(HexagonalLattice.M.k());
            desc += "+M";
        }
        return new KPointSet(desc, pts, List.of());
    }

    /**
     * The wedge grid with the given total number of points: 79 (wedge(11)+M) or 821 (wedge(39)+M); any total that a
     * wedge(n) grid produces is accepted.
     */
    public static KPointSet hexagonalWedgeWithCount(int total) {
        for (int n = 1; n <= 400; n++) {
            int count = (n + 1) * (n + 2) / 2 + (n % 2 == 1 ? 1 : 0);
            if (count == total) {
                return hexagonalWedge(n);
            }
            if (count > total) {
                break;
            }
        }
        throw new IllegalArgumentException("no wedge grid has " + total + " points (use 79 or 821)");
    }

    /**
     * A path through the given corners with {@code perSegment} points on each segment (segment start included, end
     * excluded) and the final corner appended: segments * perSegment + 1 points.
     */
    public static KPointSet path(List<HighSymmetryPoint> corners, int perSegment) {
        if (perSegment < 1) {
            throw new IllegalArgumentException("points per path segment must be >= 1, got " + perSegment);
        }
        if (corners.size() < 2) {
            throw new IllegalArgumentException("a path needs at least two corners");
        }
        List<KVector> pts = new ArrayList<>();
        List<PathTick> ticks = new ArrayList<>();
        StringBuilder name = new StringBuilder("path ");
        for (int s = 0; s + 1 < corners.size(); s++) {
            KVector a = corners.get(s).k();
            KVector b = corners.get(s + 1).k();
            ticks.add(new PathTick(pts.size(), corners.get(s).displayName()));
            name.append(corners.get(s).name()).append('-');
            for (int i = 0; i < perSegment; i++) {
                double t = (double) i / perSegment;
                pts.add(new KVector(a.kx() + t * (b.kx() - a.kx()), a.ky() + t * (b.ky() - a.ky())));
            }
        }
        HighSymmetryPoint last = corners.get(corners.size() - 1);
        ticks.add(new PathTick(pts.size(), last.displayName()));
        pts.add(last.k());
        name.append(last.name()).append(" (").append(perSegment).append(" per segment)");
        return new KPointSet(name.toString(), pts, ticks);
    }

    /** Position of each point along the path (cumulative distance, 1/a), for plotting. */
    public double[] pathCoordinates() {
        double[] x = new double[points.size()];
        for (int i = 1; i < x.length; i++) {
            x[i] = x[i - 1] + points.get(i).distanceTo(points.get(i - 1));
        }
        return x;
    }

    /** Reads a CSV k-point file: one point per line, {@code kx,ky} in 1/a, no header; blank lines are skipped. */
    public static KPointSet readCsv(Path file) {
        List<String> lines;
        io.bandsmith.engine.io.InputFiles.requireReadable(file, "k-point file");
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(file, "cannot read k-point file: " + e.getMessage());
        }
        List<KVector> pts = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s*,\\s*");
            if (parts.length != 2) {
                throw new InvalidInputException(file, "line " + (n + 1) + ": expected 'kx,ky', got '" + line + "'");
            }
            try {
                pts.add(new KVector(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(file, "line " + (n + 1) + ": not two finite numbers: '" + line + "'");
            }
        }
        if (pts.isEmpty()) {
            throw new InvalidInputException(file, "no k points in file");
        }
        return new KPointSet(file.getFileName().toString(), pts, Collections.emptyList());
    }
}
