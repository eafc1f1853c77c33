package io.bandsmith.engine.geometry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outline of the set region of a mask read as hexagonal pixels (conventions.md): the boundary of the union of
 * the Wigner–Seitz hexagons of the set grid points of one unit cell, as closed polygons in Cartesian coordinates in
 * units of the lattice constant. Regions run counter-clockwise, holes clockwise; the even-odd rule at the pixel
 * centres gives back the mask exactly, and copies shifted by the lattice vectors tile the periodic structure.
 *
 * <p>In a hexagonal tiling three pixels meet at every vertex, so every boundary vertex has exactly one incoming and
 * one outgoing boundary edge and the loops are unique. Vertices are kept on an integer grid (units of 1/(3L) in
 * fractional coordinates) while they are chained. Immutable.
 */
public final class MaskOutline {
    /** Hexagon vertices around a pixel, fractional coordinates in units of 1/(3L), counter-clockwise from 30°. */
    private static final int[][] VERTEX = {{1, 1}, {-1, 2}, {-2, 1}, {-1, -1}, {1, -2}, {2, -1}};
    /** Neighbour m (direction 60° m) of pixel (i, j). */
    private static final int[][] NEIGHBOUR = {{1, 0}, {0, 1}, {-1, 1}, {-1, 0}, {0, -1}, {1, -1}};

    private final int size;
    private final List<double[][]> loops;

    private MaskOutline(int size, List<double[][]> loops) {
        this.size = size;
        this.loops = loops;
    }

    /** The outline of {@code mask} (row-major L x L, true = V = Vmax). */
    public static MaskOutline of(boolean[] mask, int size) {
        if (mask.length != size * size) {
            throw new IllegalArgumentException("mask has " + mask.length + " entries, expected " + size + " x " + size);
        }
        Map<Long, Long> next = new HashMap<>();
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (!mask[i * size + j]) {
                    continue;
                }
                for (int m = 0; m < 6; m++) {
                    int ni = i + NEIGHBOUR[m][0];
                    int nj = j + NEIGHBOUR[m][1];
                    boolean inside = ni >= 0 && nj >= 0 && ni < size && nj < size && mask[ni * size + nj];
                    if (!inside) {
                        int[] a = VERTEX[(m + 5) % 6];
                        int[] b = VERTEX[m];
                        next.put(key(3 * i + a[0], 3 * j + a[1]), key(3 * i + b[0], 3 * j + b[1]));
                    }
                }
            }
        }
        List<double[][]> loops = new ArrayList<>();
        while (!next.isEmpty()) {
            long first = next.keySet().iterator().next();
            List<double[]> points = new ArrayList<>();
            long at = first;
            do {
                points.add(cartesian(at, size));
                Long to = next.remove(at);
                if (to == null) {
                    throw new IllegalStateException("outline does not close (internal error)");
                }
                at = to;
            } while (at != first);
            loops.add(points.toArray(new double[0][]));
        }
        return new MaskOutline(size, List.copyOf(loops));
    }

    private static long key(int u, int v) {
        return ((long) u << 32) ^ (v & 0xffffffffL);
    }

    private static double[] cartesian(long key, int size) {
        double u = (int) (key >> 32) / (3.0 * size);
        double v = (int) key / (3.0 * size);
        return new double[] {u + v / 2, v * Math.sqrt(3) / 2};
    }

    public int size() {
        return size;
    }

    /** Closed polygons (the first vertex is not repeated), [vertex][x, y] in units of a. */
    public List<double[][]> loops() {
        return loops;
    }

    /** Whether a point lies inside by the even-odd rule. */
    public boolean contains(double x, double y) {
        return contains(loops, x, y);
    }

    /** The even-odd rule for any set of closed polygons. */
    public static boolean contains(List<double[][]> polygons, double x, double y) {
        boolean inside = false;
        for (double[][] poly : polygons) {
            for (int a = 0, b = poly.length - 1; a < poly.length; b = a++) {
                double ya = poly[a][1];
                double yb = poly[b][1];
                if ((ya > y) != (yb > y)) {
                    double xCross = poly[a][0] + (y - ya) * (poly[b][0] - poly[a][0]) / (yb - ya);
                    if (x < xCross) {
                        inside = !inside;
                    }
                }
            }
        }
        return inside;
    }

    /** Rasterizes polygons at the pixel centres x_ij = (i/L) a1 + (j/L) a2 (even-odd rule). */
    public static boolean[] rasterize(List<double[][]> polygons, int size) {
        boolean[] mask = new boolean[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double u = (double) i / size;
                double v = (double) j / size;
                mask[i * size + j] = contains(polygons, u + v / 2, v * Math.sqrt(3) / 2);
            }
        }
        return mask;
    }
}
