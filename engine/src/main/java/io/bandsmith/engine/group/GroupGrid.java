package io.bandsmith.engine.group;

import java.util.ArrayList;
import java.util.List;

import io.bandsmith.engine.geometry.PotentialGrid;

/**
 * A wallpaper group acting on an L × L grid whose point (i, j) sits at fractional coordinates (i/L, j/L): the
 * operation (W|t) maps it to W(i, j) + L t (mod L). Orbits, symmetry checks and symmetrization for any group with a
 * data entry (symmorphic groups, and nonsymmorphic ones whose translations land on the grid).
 */
public final class GroupGrid {
    private GroupGrid() {
    }

    /** The image of grid point (i, j) under an operation, as a flat index i' * L + j'. */
    public static int image(SymOp g, int size, int i, int j) {
        double[] t = g.translation();
        double ti = t[0] * size;
        double tj = t[1] * size;
        if (Math.abs(ti - Math.rint(ti)) > 1e-9 || Math.abs(tj - Math.rint(tj)) > 1e-9) {
            throw new IllegalArgumentException("the translation of " + g + " does not map an L = " + size
                    + " grid onto itself");
        }
        int a = g.w(0, 0) * i + g.w(0, 1) * j + (int) Math.rint(ti);
        int b = g.w(1, 0) * i + g.w(1, 1) * j + (int) Math.rint(tj);
        return Math.floorMod(a, size) * size + Math.floorMod(b, size);
    }

    /** The orbits of grid points under the group, each as flat indices with its smallest index first. */
    public static List<int[]> orbits(WallpaperGroup group, int size) {
        boolean[] seen = new boolean[size * size];
        List<int[]> out = new ArrayList<>();
        List<SymOp> ops = group.operations();
        for (int flat = 0; flat < seen.length; flat++) {
            if (seen[flat]) {
                continue;
            }
            List<Integer> orbit = new ArrayList<>();
            for (SymOp g : ops) {
                int img = image(g, size, flat / size, flat % size);
                if (!seen[img]) {
                    seen[img] = true;
                    orbit.add(img);
                }
            }
            out.add(orbit.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /** Largest |V(x) - V(g x)| over the grid and the operations, E0. */
    public static double violation(WallpaperGroup group, PotentialGrid grid) {
        int size = grid.size();
        double[] v = grid.valuesE0();
        double worst = 0;
        for (SymOp g : group.operations()) {
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    worst = Math.max(worst, Math.abs(v[i * size + j] - v[image(g, size, i, j)]));
                }
            }
        }
        return worst;
    }

    /**
     * The grid itself when it is symmetric to {@code relativeTolerance} × Vmax (then symmetrized exactly), else an
     * IllegalArgumentException naming the first offending pair of points and the operation.
     */
    public static PotentialGrid requireSymmetric(WallpaperGroup group, PotentialGrid grid, double relativeTolerance) {
        int size = grid.size();
        double[] v = grid.valuesE0();
        double tolerance = relativeTolerance * grid.vmax();
        for (SymOp g : group.operations()) {
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    int img = image(g, size, i, j);
                    if (Math.abs(v[i * size + j] - v[img]) > tolerance) {
                        throw new IllegalArgumentException(String.format(
                                "the potential is not %s-symmetric: V[%d, %d] = %.6g but its image under %s, V[%d, %d]"
                                        + " = %.6g", group.name(), i, j, v[i * size + j], g.pointName(), img / size,
                                img % size, v[img]));
                    }
                }
            }
        }
        return symmetrize(group, grid);
    }

    /** The average of the grid over the group (exactly symmetric). */
    public static PotentialGrid symmetrize(WallpaperGroup group, PotentialGrid grid) {
        int size = grid.size();
        double[] v = grid.valuesE0();
        double[] out = new double[v.length];
        for (int[] orbit : orbits(group, size)) {
            double s = 0;
            for (int f : orbit) {
                s += v[f];
            }
            s /= orbit.length;
            for (int f : orbit) {
                out[f] = s;
            }
        }
        return PotentialGrid.of(size, out, grid.vmax());
    }
}
