package io.bandsmith.models.network;

import java.util.List;

import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.C6Stars;
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
        this.stars = C6Stars.upTo(cutoff).stream().map(C6Stars.Star::members).toList();
    }

    public int cutoff() {
        return cutoff;
    }

    /** Number of features: one per star plus the cell average. */
    public int size() {
        return stars.size() + 1;
    }

    /**
     * The features as a linear map of a C6-symmetric geometry given on the orbits of the L x L grid
     * ({@link C6GridSymmetry#orbits}): {@code features[f] = Σ_o matrix[f][o] v_o} with v_o = V/Vmax on orbit o. The
     * same numbers as {@link #of} for symmetric grids (the inverse design differentiates through this map).
     */
    public double[][] orbitMatrix(int size) {
        List<int[]> orbits = C6GridSymmetry.orbits(size);
        double[][] m = new double[size()][orbits.size()];
        double pixels = (double) size * size;
        for (int o = 0; o < orbits.size(); o++) {
            m[0][o] = orbits.get(o).length / pixels;
        }
        double[] cos = new double[size];
        for (int n = 0; n < size; n++) {
            cos[n] = Math.cos(2 * Math.PI * n / size);
        }
        for (int s = 0; s < stars.size(); s++) {
            int[][] members = stars.get(s);
            double form = FourierPotential.pixelFormFactor(size, members[0][0], members[0][1]);
            for (int o = 0; o < orbits.size(); o++) {
                int[] orbit = orbits.get(o);
                int i = orbit[0] / size;
                int j = orbit[0] % size;
                double sum = 0;
                for (int[] g : members) {
                    sum += cos[Math.floorMod(g[0] * i + g[1] * j, size)];
                }
                m[s + 1][o] = form * sum / members.length * orbit.length / pixels;
            }
        }
        return m;
    }

    /**
     * How the features of a geometry's mirror image ({@link io.bandsmith.engine.geometry.HexagonalMirror}) follow from
     * its own: {@code mirrored[f] = features[p[f]]}. The mirror maps b1 ↔ b2, so V'(n1, n2) = V(n2, n1): the cell
     * average stays, and each star goes to the star holding its members with swapped indices (itself for stars on the
     * mirror lines, its chiral partner otherwise). The pixel form factor is mirror symmetric.
     */
    public int[] mirrorPermutation() {
        int[] p = new int[size()];
        p[0] = 0;
        for (int s = 0; s < stars.size(); s++) {
            int[] g = stars.get(s)[0];
            int found = -1;
            for (int t = 0; t < stars.size() && found < 0; t++) {
                for (int[] h : stars.get(t)) {
                    if (h[0] == g[1] && h[1] == g[0]) {
                        found = t;
                        break;
                    }
                }
            }
            if (found < 0) {
                throw new IllegalStateException("star " + s + " has no mirror partner within the cutoff");
            }
            p[s + 1] = found + 1;
        }
        return p;
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
