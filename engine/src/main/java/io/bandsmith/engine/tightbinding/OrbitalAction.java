package io.bandsmith.engine.tightbinding;

import java.util.List;

/**
 * How the symmetry operations act on the orbitals of a model (a monomial representation): the rotation C_n^p maps
 * orbital i in cell t to phase_p(i) times orbital perm_p(i) in cell R^p t + shift_p(i), where
 * R^p q_i = q_{perm(i)} + shift_p(i) and phase_p(i) = e^{-i m_i θ_p}; time reversal maps orbital i to its partner
 * (same multiplet and position, -m) with phase 1. Package-private: built once per model.
 */
final class OrbitalAction {
    private static final double TOL = 1e-8;

    final SymmetrySetting symmetry;
    final int n;
    final int size;
    final int[][] perm;
    final int[][][] shift;
    final double[][] phaseRe;
    final double[][] phaseIm;
    final int[] partner;
    final int[][] rotateTranslation; // [p] -> 2x2 integer matrix on (t1, t2), row-major

    OrbitalAction(SymmetrySetting symmetry, List<OrbitalSpec> orbitals) {
        this.symmetry = symmetry;
        this.n = symmetry.rotationOrder();
        this.size = orbitals.size();
        perm = new int[n][size];
        shift = new int[n][size][2];
        phaseRe = new double[n][size];
        phaseIm = new double[n][size];
        partner = new int[size];
        rotateTranslation = new int[n][4];
        for (int p = 0; p < n; p++) {
            double[] e1 = symmetry.rotateFractional(1, 0, p);
            double[] e2 = symmetry.rotateFractional(0, 1, p);
            rotateTranslation[p] = new int[] {toInt(e1[0]), toInt(e2[0]), toInt(e1[1]), toInt(e2[1])};
            for (int i = 0; i < size; i++) {
                OrbitalSpec o = orbitals.get(i);
                double[] r = symmetry.rotateFractional(o.u(), o.v(), p);
                int found = -1;
                for (int j = 0; j < size; j++) {
                    OrbitalSpec c = orbitals.get(j);
                    if (c.multiplet().equals(o.multiplet()) && c.m() == o.m() && isLatticeVector(r[0] - c.u(), r[1] - c.v())) {
                        if (found >= 0) {
                            throw new IllegalArgumentException("orbitals " + orbitals.get(found).name() + " and "
                                    + c.name() + " are indistinguishable");
                        }
                        found = j;
                    }
                }
                if (found < 0) {
                    throw new IllegalArgumentException("C" + n + "^" + p + " maps orbital " + o.name()
                            + " to a position where its multiplet has no orbital with m = " + o.m());
                }
                OrbitalSpec c = orbitals.get(found);
                perm[p][i] = found;
                shift[p][i][0] = (int) Math.rint(r[0] - c.u());
                shift[p][i][1] = (int) Math.rint(r[1] - c.v());
                double theta = symmetry.angle(p);
                phaseRe[p][i] = Math.cos(-o.m() * theta);
                phaseIm[p][i] = Math.sin(-o.m() * theta);
            }
        }
        for (int i = 0; i < size; i++) {
            OrbitalSpec o = orbitals.get(i);
            int order = siteOrder(o);
            int found = -1;
            for (int j = 0; j < size; j++) {
                OrbitalSpec c = orbitals.get(j);
                if (c.multiplet().equals(o.multiplet()) && isLatticeVector(c.u() - o.u(), c.v() - o.v())
                        && Math.floorMod(c.m() + o.m(), order) == 0) {
                    found = j;
                }
            }
            if (symmetry.timeReversal() && found < 0) {
                throw new IllegalArgumentException("time reversal needs a partner of orbital " + o.name()
                        + " with m = " + (-o.m()) + " in multiplet " + o.multiplet());
            }
            partner[i] = found < 0 ? i : found;
        }
    }

    /** Order of the site-symmetry group of the orbital's position (number of rotations fixing it). */
    int siteOrder(OrbitalSpec o) {
        int count = 0;
        for (int p = 0; p < n; p++) {
            double[] r = symmetry.rotateFractional(o.u(), o.v(), p);
            if (isLatticeVector(r[0] - o.u(), r[1] - o.v())) {
                count++;
            }
        }
        return count;
    }

    int[] rotateT(int p, int t1, int t2) {
        int[] r = rotateTranslation[p];
        return new int[] {r[0] * t1 + r[1] * t2, r[2] * t1 + r[3] * t2};
    }

    static boolean isLatticeVector(double a, double b) {
        return Math.abs(a - Math.rint(a)) < TOL && Math.abs(b - Math.rint(b)) < TOL;
    }

    private static int toInt(double x) {
        if (Math.abs(x - Math.rint(x)) > TOL) {
            throw new IllegalArgumentException("the rotation does not map the lattice onto itself");
        }
        return (int) Math.rint(x);
    }
}
