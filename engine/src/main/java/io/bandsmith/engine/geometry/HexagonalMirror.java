package io.bandsmith.engine.geometry;

import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;

/**
 * The mirror σ through the line at 30° (through Γ and M, the midpoint of K–K'): an exact invariance of the p6 problem
 * that the p6 potentials themselves lack. σ maps the lattice onto itself (a1 ↔ a2, b1 ↔ b2, K ↔ K', M fixed), so the
 * mirror image V'(x) = V(σx) of a C6-symmetric potential is another C6-symmetric potential (σ C6 σ = C6⁻¹). Its Bloch
 * states are ψ'(x) = ψ(σx), hence
 * <ul>
 * <li>bands: E'_n(k) = E_n(σk); σ maps the wedge Γ–K–K' onto itself ((iK + jK')/n ↔ (jK + iK')/n, M fixed), so on
 * every wedge(n) grid the mirror image's bands are a permutation of the k points ({@link #permutation});</li>
 * <li>labels: unchanged. At Γ σ turns the C6 eigenvalue e^{-imπ/3} into e^{+imπ/3} (|m| kept); K' = C6 K, so the
 * levels at K are those at K' (|m| kept); C2 commutes with σ and M is fixed, so the M parities are kept.</li>
 * </ul>
 * On the grid (conventions.md: V[i, j] at (i/L) a1 + (j/L) a2) σ x_ij = x_ji, so the image is the transpose
 * V'[i, j] = V[j, i]; the hexagonal-pixel reading of the grid is mirror symmetric, so this is exact.
 * (Any other mirror of the lattice gives the same image of a C6-symmetric potential, as they differ by rotations.)
 */
public final class HexagonalMirror {
    private static final double C = 0.5;
    private static final double S = Math.sqrt(3) / 2;

    private HexagonalMirror() {
    }

    /** σk: reflection of a wave vector (Cartesian, 1/a) through the line at 30°. */
    public static KVector apply(KVector k) {
        return new KVector(C * k.kx() + S * k.ky(), S * k.kx() - C * k.ky());
    }

    /** The mirror image of a grid: V'[i, j] = V[j, i] (same L and Vmax). */
    public static PotentialGrid apply(PotentialGrid grid) {
        int l = grid.size();
        double[] v = grid.valuesE0();
        double[] out = new double[v.length];
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < l; j++) {
                out[i * l + j] = v[j * l + i];
            }
        }
        return PotentialGrid.of(l, out, grid.vmax());
    }

    /** The mirror image of a row-major L x L mask (the transpose). */
    public static boolean[] apply(boolean[] mask, int size) {
        if (mask.length != size * size) {
            throw new IllegalArgumentException("mask of " + mask.length + " cells is not " + size + " x " + size);
        }
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                out[i * size + j] = mask[j * size + i];
            }
        }
        return out;
    }

    /**
     * The k permutation of the mirror on a k set: {@code p[q]} is the index of σk_q, so that the mirror image's bands
     * are {@code E'[q] = E[p[q]]}. The wedge grids (conventions.md) are closed under σ; for a set that is not, this
     * throws.
     */
    public static int[] permutation(KPointSet kpoints) {
        int n = kpoints.size();
        int[] p = new int[n];
        boolean[] hit = new boolean[n];
        double scale = 1e-9;
        for (int q = 0; q < n; q++) {
            scale = Math.max(scale, kpoints.get(q).norm() * 1e-9);
        }
        for (int q = 0; q < n; q++) {
            KVector image = apply(kpoints.get(q));
            int found = -1;
            for (int r = 0; r < n && found < 0; r++) {
                if (image.distanceTo(kpoints.get(r)) <= scale) {
                    found = r;
                }
            }
            if (found < 0 || hit[found]) {
                throw new IllegalArgumentException("the k set '" + kpoints.description() + "' is not mapped onto itself"
                        + " by the mirror through Γ and M (point " + q + ")");
            }
            hit[found] = true;
            p[q] = found;
        }
        return p;
    }
}
