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

    /** C6 on a Cartesian k vector. */
    public static KVector rotateK(KVector k) {
        return k.rotated(Math.PI / 3);
    }
}
