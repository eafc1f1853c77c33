package io.bandsmith.engine.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * C6 (rotation by +60° about the origin) acting on L x L grids: the grid point (i, j) goes to
 * ((-j) mod L, (i + j) mod L). A grid is exactly C6-symmetric when V[i, j] == V[(-j) mod L, (i + j) mod L].
 */
public final class C6GridSymmetry {
    /** Default tolerance for "symmetric enough to be symmetrized silently", relative to Vmax. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-6;

    private C6GridSymmetry() {
    }

    /** The image of grid point (i, j) under C6, as {i', j'}. */
    public static int[] rotate(int i, int j, int size) {
        return new int[] {Math.floorMod(-j, size), Math.floorMod(i + j, size)};
    }

    /**
     * The C6 orbits of the grid points: each orbit lists flat indices {@code i*L + j}; orbits have 1, 2, 3 or 6
     * members and together cover every point exactly once.
     */
    public static List<int[]> orbits(int size) {
        boolean[] seen = new boolean[size * size];
        List<int[]> result = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (seen[i * size + j]) {
                    continue;
                }
                int[] members = new int[6];
                int count = 0;
                int ci = i;
                int cj = j;
                for (int k = 0; k < 6; k++) {
                    int flat = ci * size + cj;
                    if (!seen[flat]) {
                        seen[flat] = true;
                        members[count++] = flat;
                    }
                    int[] r = rotate(ci, cj, size);
                    ci = r[0];
                    cj = r[1];
                }
                result.add(java.util.Arrays.copyOf(members, count));
            }
        }
        return result;
    }

    /** The largest |V[x] - V[C6 x]| over the grid, in E0. */
    public static double maxViolation(PotentialGrid grid) {
        int size = grid.size();
        double worst = 0;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                int[] r = rotate(i, j, size);
                worst = Math.max(worst, Math.abs(grid.value(i, j) - grid.value(r[0], r[1])));
            }
        }
        return worst;
    }

    public static boolean isSymmetric(PotentialGrid grid) {
        return maxViolation(grid) == 0.0;
    }

    /**
     * The exact C6 average: every point takes the mean of its orbit, so the result is exactly symmetric and
     * symmetrizing twice changes nothing.
     */
    public static PotentialGrid symmetrize(PotentialGrid grid) {
        int size = grid.size();
        double[] v = grid.valuesE0();
        double[] out = new double[v.length];
        for (int[] orbit : orbits(size)) {
            double s = 0;
            boolean uniform = true;
            for (int flat : orbit) {
                s += v[flat];
                uniform &= v[flat] == v[orbit[0]];
            }
            double mean = uniform ? v[orbit[0]] : s / orbit.length;
            for (int flat : orbit) {
                out[flat] = mean;
            }
        }
        return PotentialGrid.of(size, out, grid.vmax());
    }

    /**
     * Symmetrizes a two-valued mask by majority over each orbit (ties go to the full step), so that painting stays
     * two-valued.
     */
    public static boolean[] symmetrizeMask(boolean[] mask, int size) {
        boolean[] out = new boolean[mask.length];
        for (int[] orbit : orbits(size)) {
            int set = 0;
            for (int flat : orbit) {
                if (mask[flat]) {
                    set++;
                }
            }
            boolean value = 2 * set >= orbit.length;
            for (int flat : orbit) {
                out[flat] = value;
            }
        }
        return out;
    }

    /**
     * Returns an exactly symmetric grid if the input breaks C6 by at most {@code relativeTolerance * Vmax}
     * (rounding in someone else's generator); otherwise throws with the size of the violation.
     */
    public static PotentialGrid requireSymmetric(PotentialGrid grid, double relativeTolerance) {
        double violation = maxViolation(grid);
        if (violation == 0.0) {
            return grid;
        }
        if (violation > relativeTolerance * grid.vmax()) {
            throw new IllegalArgumentException(String.format(
                    "potential is not C6-symmetric: max |V(x) - V(C6 x)| = %.4g E0 = %.3g Vmax (tolerance %.1g Vmax)",
                    violation, violation / grid.vmax(), relativeTolerance));
        }
        return symmetrize(grid);
    }
}
