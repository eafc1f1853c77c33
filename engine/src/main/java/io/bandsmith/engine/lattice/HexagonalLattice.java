package io.bandsmith.engine.lattice;

import java.util.List;

/**
 * The hexagonal lattice of the p6 case study (conventions.md): a1 = (1, 0), a2 = (1/2, √3/2);
 * b1 = 2π(1, -1/√3), b2 = 2π(0, 2/√3); Γ = 0, K = (4π/3, 0), K' = (2π/3, 2π/√3), M = (π, π/√3).
 */
public final class HexagonalLattice implements Lattice2D {
    public static final HexagonalLattice INSTANCE = new HexagonalLattice();

    private static final double SQRT3 = Math.sqrt(3);
    public static final KVector B1 = new KVector(2 * Math.PI, -2 * Math.PI / SQRT3);
    public static final KVector B2 = new KVector(0, 4 * Math.PI / SQRT3);
    public static final HighSymmetryPoint GAMMA = new HighSymmetryPoint("G", "Γ", KVector.ZERO, 6);
    public static final HighSymmetryPoint K = new HighSymmetryPoint("K", "K", new KVector(4 * Math.PI / 3, 0), 3);
    public static final HighSymmetryPoint M = new HighSymmetryPoint("M", "M", new KVector(Math.PI, Math.PI / SQRT3), 2);
    /** K' = C6 K, the third corner of the irreducible wedge Γ-K-K'. */
    public static final KVector K_PRIME = new KVector(2 * Math.PI / 3, 2 * Math.PI / SQRT3);

    private HexagonalLattice() {
    }

    @Override
    public double[] realBasis(int index) {
        return switch (index) {
            case 0 -> new double[] {1, 0};
            case 1 -> new double[] {0.5, SQRT3 / 2};
            default -> throw new IndexOutOfBoundsException("basis index " + index);
        };
    }

    @Override
    public KVector reciprocalBasis(int index) {
        return switch (index) {
            case 0 -> B1;
            case 1 -> B2;
            default -> throw new IndexOutOfBoundsException("basis index " + index);
        };
    }

    @Override
    public List<HighSymmetryPoint> highSymmetryPoints() {
        return List.of(GAMMA, K, M);
    }

    @Override
    public List<HighSymmetryPoint> defaultPath() {
        return List.of(GAMMA, K, M, GAMMA);
    }

    @Override
    public double cellArea() {
        return SQRT3 / 2;
    }

    /** C6 (rotation by +60°) on fractional real-space coordinates: (u, v) -> (-v, u + v). */
    public static int[] rotateFractional(int u, int v) {
        return new int[] {-v, u + v};
    }

    /** C6 on integer reciprocal coordinates (G = n1 b1 + n2 b2): (n1, n2) -> (n1 - n2, n1). */
    public static int[] rotateReciprocal(int n1, int n2) {
        return new int[] {n1 - n2, n1};
    }

    /** The centroid of the irreducible wedge Γ-K-K'. */
    public static final KVector WEDGE_CENTROID = new KVector((4 * Math.PI / 3 + 2 * Math.PI / 3) / 3,
            2 * Math.PI / SQRT3 / 3);

    /**
     * Maps any k to the equivalent point of the irreducible wedge Γ-K-K': first into the first Brillouin zone by a
     * reciprocal vector, then by a power of C6 into the sector between the K (0°) and K' (60°) directions. Energies
     * are invariant under both (p6 symmetry), so bands anywhere follow from the wedge.
     */
    public static KVector foldToWedge(KVector k) {
        double[] f = INSTANCE.fractionalReciprocal(k);
        int r1 = (int) Math.round(f[0]);
        int r2 = (int) Math.round(f[1]);
        KVector best = k;
        double bestNorm = Double.MAX_VALUE;
        for (int d1 = -1; d1 <= 1; d1++) {
            for (int d2 = -1; d2 <= 1; d2++) {
                KVector c = k.minus(INSTANCE.reciprocalVector(r1 + d1, r2 + d2));
                double n = c.normSquared();
                if (n < bestNorm - 1e-12) {
                    bestNorm = n;
                    best = c;
                }
            }
        }
        if (bestNorm < 1e-24) {
            return KVector.ZERO;
        }
        double angle = Math.atan2(best.ky(), best.kx());
        int steps = (int) Math.floor(angle / (Math.PI / 3) + 1e-12);
        KVector rotated = best.rotated(-Math.PI / 3 * steps);
        // guard against rounding just below 0°
        if (rotated.ky() < 0 && rotated.ky() > -1e-12) {
            rotated = new KVector(rotated.kx(), 0);
        }
        return rotated;
    }

    /** C6 on a Cartesian k vector. */
    public static KVector rotateK(KVector k) {
        return k.rotated(Math.PI / 3);
    }
}
