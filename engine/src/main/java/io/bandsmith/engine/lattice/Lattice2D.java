package io.bandsmith.engine.lattice;

import java.util.List;

/**
 * A two-dimensional Bravais lattice with its reciprocal lattice (a_i . b_j = 2 pi delta_ij), lengths in units of the
 * lattice constant a. Implemented by {@link HexagonalLattice} (p6); a square lattice (p4) is the next case study.
 */
public interface Lattice2D {
    /** Real-space basis vector a1 or a2 (index 0 or 1) as {x, y}. */
    double[] realBasis(int index);

    /** Reciprocal basis vector b1 or b2 (index 0 or 1) as a k vector. */
    KVector reciprocalBasis(int index);

    /** The maximal high-symmetry points of the Brillouin zone, in the order they are reported. */
    List<HighSymmetryPoint> highSymmetryPoints();

    /** The default path for band plots, as the list of corner points (closed paths repeat the first point). */
    List<HighSymmetryPoint> defaultPath();

    /** Area of the real-space unit cell, in a^2. */
    double cellArea();

    /** Reciprocal lattice vector n1 b1 + n2 b2. */
    default KVector reciprocalVector(int n1, int n2) {
        KVector b1 = reciprocalBasis(0);
        KVector b2 = reciprocalBasis(1);
        return new KVector(n1 * b1.kx() + n2 * b2.kx(), n1 * b1.ky() + n2 * b2.ky());
    }

    /** Fractional reciprocal coordinates (k = f1 b1 + f2 b2) of a k vector. */
    default double[] fractionalReciprocal(KVector k) {
        double[] a1 = realBasis(0);
        double[] a2 = realBasis(1);
        double twoPi = 2 * Math.PI;
        return new double[] {(k.kx() * a1[0] + k.ky() * a1[1]) / twoPi, (k.kx() * a2[0] + k.ky() * a2[1]) / twoPi};
    }

    default HighSymmetryPoint highSymmetryPoint(String name) {
        for (HighSymmetryPoint p : highSymmetryPoints()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no high-symmetry point named " + name);
    }
}
