package io.bandsmith.models.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.solver.FourierPotential;

/**
 * The network's input: the hexagonal-pixel Fourier coefficients V(G)/Vmax of the geometry, one number per C6 star
 * (the orbit of G under rotations; V is constant on a star for a C6-symmetric potential), for all G with
 * max(|n1|, |n2|, |n1 - n2|) ≤ {@code cutoff}, plus the cell average. A fixed linear map of the grid, so it accepts
 * any painted or imported geometry, not only the random training family, and its input gradient is exact
 * (docs/decisions/0006-network-input.md).
 */
public final class StarFeatures {
    public static final int DEFAULT_CUTOFF = 12;

    private final int cutoff;
    private final List<int[][]> stars;

    public StarFeatures(int cutoff) {
        if (cutoff < 1 || cutoff > 40) {
            throw new IllegalArgumentException("star cutoff must be in 1..40, got " + cutoff);
        }
        this.cutoff = cutoff;
        this.stars = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<int[]> reps = new ArrayList<>();
        for (int n1 = -cutoff; n1 <= cutoff; n1++) {
            for (int n2 = -cutoff; n2 <= cutoff; n2++) {
                if ((n1 == 0 && n2 == 0) || Math.abs(n1 - n2) > cutoff || seen.contains(key(n1, n2))) {
                    continue;
                }
                List<int[]> members = new ArrayList<>();
                int a = n1;
                int b = n2;
                for (int k = 0; k < 6; k++) {
                    if (seen.add(key(a, b))) {
                        members.add(new int[] {a, b});
                    }
                    int[] r = HexagonalLattice.rotateReciprocal(a, b);
                    a = r[0];
                    b = r[1];
                }
                stars.add(members.toArray(new int[0][]));
                reps.add(new int[] {n1, n2});
            }
        }
        stars.sort((x, y) -> Double.compare(length(x[0]), length(y[0])));
    }

    private static double length(int[] g) {
        return HexagonalLattice.INSTANCE.reciprocalVector(g[0], g[1]).norm();
    }

    private static long key(int a, int b) {
        return ((long) a << 32) ^ (b & 0xffffffffL);
    }

    public int cutoff() {
        return cutoff;
    }

    /** Number of features: one per star plus the cell average. */
    public int size() {
        return stars.size() + 1;
    }

    /** The features of a geometry (units of Vmax). */
    public double[] of(PotentialGrid grid) {
        FourierPotential f = new FourierPotential(grid, cutoff);
        double[] out = new double[size()];
        out[0] = f.mean() / grid.vmax();
        for (int s = 0; s < stars.size(); s++) {
            double sum = 0;
            for (int[] g : stars.get(s)) {
                sum += f.coefficient(g[0], g[1]);
            }
            out[s + 1] = sum / stars.get(s).length / grid.vmax();
        }
        return out;
    }
}
