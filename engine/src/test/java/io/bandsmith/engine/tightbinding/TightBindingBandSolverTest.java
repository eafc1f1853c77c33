package io.bandsmith.engine.tightbinding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;

class TightBindingBandSolverTest {
    private static final TightBindingModel MODEL = P6TimeReversalModel.model();

    @Test
    void batchedEnergiesEqualSingleDiagonalizations() {
        KPointSet wedge = KPointSet.hexagonalWedgeWithCount(79);
        TightBindingBandSolver solver = new TightBindingBandSolver(MODEL, wedge);
        double[] a = P6TimeReversalModelTest.randomParameters(1);
        double[] b = P6TimeReversalModelTest.randomParameters(2);
        double[][][] batch = solver.energies(List.of(a, b), 7);
        for (int k = 0; k < wedge.size(); k += 13) {
            double[] single = MODEL.diagonalize(b, wedge.get(k), 7, false).values();
            for (int n = 0; n < 7; n++) {
                assertEquals(single[n], batch[1][k][n], 1e-10);
            }
        }
        double[][] one = solver.energies(a, 7);
        assertEquals(one[40][3], batch[0][40][3], 1e-12);
        // eigenvectors of the batch: H φ = E φ
        var pairs = solver.eigenpairs(List.of(a, b), 7);
        double[] h = MODEL.hamiltonian(a, wedge.get(17));
        var e = pairs[0][17];
        for (int n = 0; n < 7; n++) {
            for (int i = 0; i < 21; i++) {
                double re = 0;
                double im = 0;
                for (int j = 0; j < 21; j++) {
                    double hr = h[2 * (j * 21 + i)];
                    double hi = h[2 * (j * 21 + i) + 1];
                    re += hr * e.re(n, j) - hi * e.im(n, j);
                    im += hr * e.im(n, j) + hi * e.re(n, j);
                }
                assertEquals(e.values()[n] * e.re(n, i), re, 1e-9);
                assertEquals(e.values()[n] * e.im(n, i), im, 1e-9);
            }
        }
    }

    @Test
    void hellmannFeynmanMatchesFiniteDifferences() {
        KPointSet ks = new KPointSet("test", List.of(new KVector(0.61, 0.23), HexagonalLattice.GAMMA.k()), List.of());
        TightBindingBandSolver solver = new TightBindingBandSolver(MODEL, ks);
        double[] f = P6TimeReversalModelTest.randomParameters(5);
        double h = 1e-6;
        int[] probe = {0, 5, 9, 14, 30, 100, 244};
        // generic k: levels are non-degenerate, per-level derivatives
        double[][] d = solver.derivatives(f, 0, 7);
        for (int l : probe) {
            double[] up = f.clone();
            double[] dn = f.clone();
            up[l] += h;
            dn[l] -= h;
            double[] eu = solver.energies(up, 7)[0];
            double[] ed = solver.energies(dn, 7)[0];
            for (int n = 0; n < 7; n++) {
                assertEquals((eu[n] - ed[n]) / (2 * h), d[n][l], 1e-5, "dE_" + n + "/dF_" + l);
            }
        }
        // Γ: pairs are degenerate; the multiplet average is the derivative of the pair's mean energy
        double[][] dg = solver.derivatives(f, 1, 21);
        int[][] mult = TightBindingBandSolver.multiplets(MODEL.diagonalize(f, HexagonalLattice.GAMMA.k(), 21, false)
                .values());
        for (int l : probe) {
            double[] up = f.clone();
            double[] dn = f.clone();
            up[l] += h;
            dn[l] -= h;
            double[] eu = solver.energies(up, 21)[1];
            double[] ed = solver.energies(dn, 21)[1];
            for (int[] m : mult) {
                double fd = 0;
                for (int n = m[0]; n < m[1]; n++) {
                    fd += (eu[n] - ed[n]) / (2 * h);
                }
                fd /= m[1] - m[0];
                for (int n = m[0]; n < m[1]; n++) {
                    assertEquals(fd, dg[n][l], 1e-5, "multiplet " + m[0] + " parameter " + l);
                }
            }
        }
    }

    @Test
    void weightedGradientIsTheGradientOfTheWeightedSum() {
        java.util.Random r = new java.util.Random(4);
        List<KVector> generic = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            generic.add(new KVector(3 * r.nextDouble(), 3 * r.nextDouble()));
        }
        KPointSet ks = new KPointSet("generic", generic, List.of());
        TightBindingBandSolver solver = new TightBindingBandSolver(MODEL, ks);
        double[] f = P6TimeReversalModelTest.randomParameters(9);
        double[][] w = new double[ks.size()][7];
        for (int k = 0; k < ks.size(); k++) {
            for (int n = 0; n < 7; n++) {
                w[k][n] = Math.sin(k + 3 * n);
            }
        }
        double[] g = solver.weightedGradient(f, w);
        int l = 50;
        double h = 1e-6;
        double[] up = f.clone();
        double[] dn = f.clone();
        up[l] += h;
        dn[l] -= h;
        double[][] eu = solver.energies(up, 7);
        double[][] ed = solver.energies(dn, 7);
        double fd = 0;
        for (int k = 0; k < ks.size(); k++) {
            for (int n = 0; n < 7; n++) {
                fd += w[k][n] * (eu[k][n] - ed[k][n]) / (2 * h);
            }
        }
        assertEquals(fd, g[l], 1e-5 * Math.max(1, Math.abs(fd)));
    }
}
