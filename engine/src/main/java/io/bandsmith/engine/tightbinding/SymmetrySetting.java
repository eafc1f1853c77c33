package io.bandsmith.engine.tightbinding;

import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.lattice.Lattice2D;

/**
 * The symmetry a tight-binding model is built with: a 2D lattice, the rotation C_n about the origin that generates
 * its point group (6 for p6, 4 for p4) and whether time reversal (spinless, T² = +1, class AI) is imposed.
 */
public record SymmetrySetting(Lattice2D lattice, int rotationOrder, boolean timeReversal) {
    public SymmetrySetting {
        if (rotationOrder != 1 && rotationOrder != 2 && rotationOrder != 3 && rotationOrder != 4
                && rotationOrder != 6) {
            throw new IllegalArgumentException("a lattice admits rotations of order 1, 2, 3, 4, 6, not " + rotationOrder);
        }
    }

    /** The rotation angle of C_n^power, counter-clockwise. */
    public double angle(int power) {
        return 2 * Math.PI * power / rotationOrder;
    }

    /** Cartesian position of fractional coordinates (u, v). */
    public double[] cartesian(double u, double v) {
        double[] a1 = lattice.realBasis(0);
        double[] a2 = lattice.realBasis(1);
        return new double[] {u * a1[0] + v * a2[0], u * a1[1] + v * a2[1]};
    }

    /** Fractional coordinates of a Cartesian point. */
    public double[] fractional(double x, double y) {
        double[] a1 = lattice.realBasis(0);
        double[] a2 = lattice.realBasis(1);
        double det = a1[0] * a2[1] - a1[1] * a2[0];
        return new double[] {(x * a2[1] - y * a2[0]) / det, (a1[0] * y - a1[1] * x) / det};
    }

    /** C_n^power applied to fractional coordinates. */
    public double[] rotateFractional(double u, double v, int power) {
        double[] c = cartesian(u, v);
        double a = angle(power);
        double x = Math.cos(a) * c[0] - Math.sin(a) * c[1];
        double y = Math.sin(a) * c[0] + Math.cos(a) * c[1];
        return fractional(x, y);
    }

    /** C_n^power applied to a wave vector. */
    public KVector rotateK(KVector k, int power) {
        return k.rotated(angle(power));
    }

    /** k · (t1 a1 + t2 a2). */
    public double phase(KVector k, int t1, int t2) {
        double[] t = cartesian(t1, t2);
        return k.kx() * t[0] + k.ky() * t[1];
    }
}
