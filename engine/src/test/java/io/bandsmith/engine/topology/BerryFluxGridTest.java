package io.bandsmith.engine.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;

class BerryFluxGridTest {
    private static final KVector SQ1 = new KVector(2 * Math.PI, 0);
    private static final KVector SQ2 = new KVector(0, 2 * Math.PI);

    /** Qi-Wu-Zhang: H = sin kx σx + sin ky σy + (u + cos kx + cos ky) σz on the square lattice (a = 1). */
    static BlochHamiltonian qwz(double u) {
        return k -> {
            double[] d = qwzVector(u, k.kx(), k.ky());
            return new double[] {d[2], 0, d[0], d[1], d[0], -d[1], -d[2], 0};
        };
    }

    static double[] qwzVector(double u, double kx, double ky) {
        return new double[] {Math.sin(kx), Math.sin(ky), u + Math.cos(kx) + Math.cos(ky)};
    }

    /** Skyrmion number (1/4π)∫ d̂·(∂x d̂ × ∂y d̂) from the solid angles of the image of a fine grid (independent). */
    static double skyrmionNumber(double u, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] a = unit(qwzVector(u, 2 * Math.PI * i / n, 2 * Math.PI * j / n));
                double[] b = unit(qwzVector(u, 2 * Math.PI * (i + 1) / n, 2 * Math.PI * j / n));
                double[] c = unit(qwzVector(u, 2 * Math.PI * (i + 1) / n, 2 * Math.PI * (j + 1) / n));
                double[] d = unit(qwzVector(u, 2 * Math.PI * i / n, 2 * Math.PI * (j + 1) / n));
                total += solidAngle(a, b, c) + solidAngle(a, c, d);
            }
        }
        return total / (4 * Math.PI);
    }

    private static double[] unit(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    /** Signed solid angle of the spherical triangle a, b, c (Van Oosterom-Strackee). */
    private static double solidAngle(double[] a, double[] b, double[] c) {
        double triple = a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0])
                + a[2] * (b[0] * c[1] - b[1] * c[0]);
        double den = 1 + dot(a, b) + dot(b, c) + dot(c, a);
        return 2 * Math.atan2(triple, den);
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    @Test
    void qiWuZhangChernNumberOnBothSidesOfTheTransitions() {
        int[] chern = new int[3];
        double[] us = {1.0, -1.0, 3.0};
        for (int t = 0; t < us.length; t++) {
            BerryFluxGrid g = BerryFluxGrid.compute(qwz(us[t]), SQ1, SQ2, 24, 2);
            chern[t] = g.chernNumber(0, 0);
            // the lower band's Chern number is the skyrmion number of d̂ (Berry phase +Ω/2 of the anti-aligned spin)
            assertEquals(Math.round(skyrmionNumber(us[t], 200)), chern[t], "u = " + us[t]);
            // both bands together carry no Chern number
            assertEquals(0, g.chernNumber(0, 1));
            assertEquals(-chern[t], g.chernNumber(1, 1));
        }
        assertEquals(1, Math.abs(chern[0]), "topological for 0 < u < 2");
        assertEquals(-chern[0], chern[1], "the sign flips across u = 0");
        assertEquals(0, chern[2], "trivial for u > 2");
        // across the transition at u = 2 the Chern number changes by one
        assertEquals(chern[0], BerryFluxGrid.compute(qwz(1.9), SQ1, SQ2, 40, 2).chernNumber(0, 0));
        assertEquals(0, BerryFluxGrid.compute(qwz(2.1), SQ1, SQ2, 40, 2).chernNumber(0, 0));
    }

    /**
     * A real (C2T-symmetric) two-band model on the hexagonal lattice with Dirac cones where cos(k·a1) = cos θ1 and
     * cos(k·a2) = cos θ2: at k = ±κ1 b1 ± κ2 b2 with κ = θ/2π, none of them Γ, K or M.
     */
    static BlochHamiltonian diracCones(double kappa1, double kappa2, double shift) {
        double c1 = Math.cos(2 * Math.PI * kappa1) + shift;
        double c2 = Math.cos(2 * Math.PI * kappa2);
        return k -> {
            double ka1 = k.kx();
            double ka2 = 0.5 * k.kx() + Math.sqrt(3) / 2 * k.ky();
            double x = Math.cos(ka1) - c1;
            double z = Math.cos(ka2) - c2;
            return new double[] {z, 0, x, 0, x, 0, -z, 0};
        };
    }

    @Test
    void piDefectsSitAtDiracConesAwayFromHighSymmetryPoints() {
        double k1 = 0.23;
        double k2 = 0.41;
        int n = 40;
        BerryFluxGrid g = BerryFluxGrid.compute(diracCones(k1, k2, 0), HexagonalLattice.B1, HexagonalLattice.B2, n, 2);
        List<PlaquetteDefect> defects = g.piDefects(0, 0);
        assertEquals(4, defects.size(), "one π defect per Dirac cone");
        double[][] cones = {{k1, k2}, {-k1, k2}, {k1, -k2}, {-k1, -k2}};
        for (double[] c : cones) {
            boolean found = false;
            for (PlaquetteDefect d : defects) {
                // the cone lies inside the plaquette (i, j): i <= n κ1 - o1 < i + 1 (mod n), likewise j
                found |= contains(g, d, c, n);
            }
            assertTrue(found, "no π defect at the cone " + c[0] + ", " + c[1]);
        }
        for (PlaquetteDefect d : defects) {
            // a real Hamiltonian has real overlaps: the Wilson loop around a plaquette is exactly -1, its phase π
            assertEquals(Math.PI, Math.abs(d.flux()), 1e-9, "flux of a plaquette holding a cone");
        }
        // the one-pass variant finds the same plaquettes
        List<PlaquetteDefect> onePass = g.piDefectsOfLowestGroups(1).get(0);
        assertEquals(defects.size(), onePass.size());
        for (int x = 0; x < defects.size(); x++) {
            assertEquals(defects.get(x).i(), onePass.get(x).i());
            assertEquals(defects.get(x).j(), onePass.get(x).j());
            assertEquals(defects.get(x).flux(), onePass.get(x).flux(), 1e-12);
        }
        // C2T (a real Hamiltonian): no Berry flux anywhere else
        double[][] flux = g.flux(0, 0);
        int quiet = 0;
        for (double[] row : flux) {
            for (double f : row) {
                if (Math.abs(f) < 1e-9) {
                    quiet++;
                }
            }
        }
        assertEquals(n * n - 4, quiet);
        // a gapped version has no defects
        BerryFluxGrid gapped = BerryFluxGrid.compute(diracCones(k1, k2, 2.5), HexagonalLattice.B1,
                HexagonalLattice.B2, n, 2);
        assertTrue(gapped.piDefects(0, 0).isEmpty());
    }

    private static boolean contains(BerryFluxGrid g, PlaquetteDefect d, double[] cone, int n) {
        // fractional coordinates of the cone and of the plaquette corner
        KVector corner = g.point(d.i(), d.j());
        double[] fc = fractional(corner);
        double du = wrap(cone[0] - fc[0]);
        double dv = wrap(cone[1] - fc[1]);
        return du >= 0 && du < 1.0 / n && dv >= 0 && dv < 1.0 / n;
    }

    private static double wrap(double x) {
        return x - Math.floor(x);
    }

    /** Fractional reciprocal coordinates (k = u b1 + v b2). */
    private static double[] fractional(KVector k) {
        // a_i · k = 2π (u, v)_i
        double u = k.kx() / (2 * Math.PI);
        double v = (0.5 * k.kx() + Math.sqrt(3) / 2 * k.ky()) / (2 * Math.PI);
        return new double[] {u, v};
    }
}
