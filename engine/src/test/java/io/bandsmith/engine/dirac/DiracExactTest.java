package io.bandsmith.engine.dirac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.cases.CaseStudy;
import io.bandsmith.engine.linalg.HermitianEigenpairs;
import io.bandsmith.engine.linalg.Lapack;
import io.bandsmith.engine.topology.FukuiChern;

/**
 * The p4-dirac exact side at small N, where dense diagonalization of the whole H(k) (LAPACK zheevr) is an independent
 * method: closed forms of the homogeneous models, C4 and particle-hole symmetry, the block solver, the reduced basis,
 * labels and the Chern numbers (quadrant method against explicit Fukui fluxes; the conventions' sign check).
 */
class DiracExactTest {
    static DiracPattern random(int n, long seed) {
        return DiracPatternFiles.fromGrid(CaseStudy.named("p4").randomStep(1.0, n, seed, 1.0));
    }

    static double[] denseCentral(DiracHamiltonian h, double kx, double ky, int perSide) {
        int dim = h.dimension();
        double[] v = Lapack.lowestEigenpairsHermitian(h.dense(kx, ky), dim, dim, false).values();
        int fp = 0;
        while (v[fp] < 0) {
            fp++;
        }
        return Arrays.copyOfRange(v, fp - perSide, fp + perSide);
    }

    @Test
    void hamiltonianIsHermitianAndCommutesWithTheRotation() {
        DiracHamiltonian h = new DiracHamiltonian(random(10, 3));
        double kx = 0.7;
        double ky = -1.9;
        int dim = h.dimension();
        double[] m = h.dense(kx, ky);
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                assertEquals(m[2 * (j * dim + i)], m[2 * (i * dim + j)], 1e-14);
                assertEquals(m[2 * (j * dim + i) + 1], -m[2 * (i * dim + j) + 1], 1e-14);
            }
        }
        HermitianEigenpairs e = Lapack.lowestEigenpairsHermitian(m, dim, dim, true);
        double[] rotated = new double[e.vectors().length];
        h.rotate(kx, ky, e.vectors(), rotated, dim);
        double[] hr = new double[rotated.length];
        h.apply(-ky, kx, rotated, hr, dim);
        double worst = 0;
        for (int c = 0; c < dim; c++) {
            for (int i = 0; i < 2 * dim; i++) {
                worst = Math.max(worst, Math.abs(hr[2 * c * dim + i] - e.values()[c] * rotated[2 * c * dim + i]));
            }
        }
        assertTrue(worst < 1e-11, "C4 maps eigenvectors at k to eigenvectors at Rk: " + worst);
        // particle-hole symmetry with C2: the spectrum at every k is symmetric about zero
        double[] v = e.values();
        for (int i = 0; i < dim; i++) {
            assertEquals(-v[i], v[dim - 1 - i], 1e-11);
        }
    }

    @Test
    void homogeneousModelsFoldTheBhzBands() {
        int n = 10;
        double j = n / 10.0;
        for (boolean topo : new boolean[] {false, true}) {
            DiracHamiltonian h = new DiracHamiltonian(DiracPattern.homogeneous(n, topo));
            double kx = 0.4;
            double ky = 1.3;
            double mass = topo ? -1 : 1;
            List<Double> expected = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double qx = (kx + 2 * Math.PI * a) / n;
                    double qy = (ky + 2 * Math.PI * b) / n;
                    double dz = mass + j * (2 - Math.cos(qx) - Math.cos(qy));
                    double e = Math.sqrt(dz * dz + j * j * (Math.sin(qx) * Math.sin(qx) + Math.sin(qy) * Math.sin(qy)));
                    expected.add(e);
                    expected.add(-e);
                }
            }
            expected.sort(Double::compare);
            double[] v = Lapack.lowestEigenpairsHermitian(h.dense(kx, ky), h.dimension(), h.dimension(), false)
                    .values();
            for (int i = 0; i < v.length; i++) {
                assertEquals(expected.get(i), v[i], 1e-11);
            }
        }
    }

    @Test
    void blockCyclicSolverSolvesTheShiftedSystem() {
        DiracHamiltonian h = new DiracHamiltonian(random(12, 4));
        double kx = 2.1;
        double ky = 0.4;
        BlockCyclicSolver s = new BlockCyclicSolver(h, kx, ky, 0.3, 0.05);
        int dim = h.dimension();
        Random r = new Random(1);
        double[] b = new double[2 * dim * 3];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextGaussian();
        }
        double[] x = s.solve(b, 3);
        double[] hx = new double[x.length];
        h.apply(kx, ky, x, hx, 3);
        for (int i = 0; i < dim * 3; i++) {
            double re = hx[2 * i] - 0.3 * x[2 * i] + 0.05 * x[2 * i + 1];
            double im = hx[2 * i + 1] - 0.3 * x[2 * i + 1] - 0.05 * x[2 * i];
            assertEquals(b[2 * i], re, 1e-10);
            assertEquals(b[2 * i + 1], im, 1e-10);
        }
    }

    @Test
    void reducedBasisReproducesDenseDiagonalization() {
        DiracBandSolver solver = DiracBandSolver.build(random(14, 11), 2);
        assertTrue(solver.maxAnchorResidual() < AnchorEigensolver.TOLERANCE);
        Random r = new Random(2);
        for (int t = 0; t < 6; t++) {
            double kx = (r.nextDouble() * 4 - 2) * Math.PI;
            double ky = (r.nextDouble() * 4 - 2) * Math.PI;
            double[] e = solver.energiesAnywhere(kx, ky);
            double[] ref = denseCentral(solver.hamiltonian(), kx, ky, 4);
            for (int b = 0; b < 8; b++) {
                assertEquals(ref[b], e[b], 1e-6, "k = (" + kx + ", " + ky + ") band " + b);
            }
        }
    }

    @Test
    void homogeneousLabelsAndParticleHolePairs() {
        for (boolean topo : new boolean[] {false, true}) {
            DiracBandSolver solver = DiracBandSolver.build(DiracPattern.homogeneous(20, topo), 2);
            DiracBandSolver.Solution s = solver.solve(0, 0);
            double[] states = solver.expand(s.coefficients(), 8);
            List<String> labels = DiracSymmetry.labels(solver.hamiltonian(), "G", s.energies(), states);
            assertEquals(-1, s.energies()[3], 1e-9);
            assertEquals(1, s.energies()[4], 1e-9);
            assertEquals(topo ? "s" : "p-", labels.get(3), "level -m, " + (topo ? "topological" : "trivial"));
            assertEquals(topo ? "p-" : "s", labels.get(4), "level +m");
        }
        DiracBandSolver solver = DiracBandSolver.build(random(14, 5), 2);
        int checked = 0;
        for (String p : List.of("G", "X", "M")) {
            double[] k = DiracSymmetry.point(p);
            DiracBandSolver.Solution s = solver.solve(k[0], k[1]);
            List<String> l = DiracSymmetry.labels(solver.hamiltonian(), p, s.energies(),
                    solver.expand(s.coefficients(), 8));
            double[] e = s.energies();
            for (int i = 0; i < 4; i++) {
                boolean separated = (i == 0 || e[i] - e[i - 1] > 1e-4) && e[i + 1] - e[i] > 1e-4;
                if (!separated) {
                    continue;
                }
                String partner = switch (l.get(i)) {
                    case "s" -> "p-";
                    case "p-" -> "s";
                    case "d" -> "p+";
                    case "p+" -> "d";
                    case "+" -> "-";
                    default -> "+";
                };
                assertEquals(partner, l.get(7 - i), p + " level " + i + " and its particle-hole partner");
                checked++;
            }
        }
        assertTrue(checked >= 6, "separated levels checked: " + checked);
    }

    @Test
    void negativeBandsOfTheTopologicalModelHaveChernNumberPlusOne() {
        // the conventions' sign check, with determinant links over all negative bands (N = 6: M/J = -1/0.6)
        for (boolean topo : new boolean[] {true, false}) {
            DiracHamiltonian h = new DiracHamiltonian(DiracPattern.homogeneous(6, topo));
            int g = 10;
            int dim = h.dimension();
            int occ = dim / 2;
            double[][] vec = new double[g * g][];
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    vec[i * g + j] = Lapack.lowestEigenpairsHermitian(h.dense(2 * Math.PI * i / g,
                            2 * Math.PI * j / g), dim, occ, true).vectors();
                }
            }
            double total = 0;
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    double[] a = vec[i * g + j];
                    double[] b = vec[((i + 1) % g) * g + j];
                    double[] c = vec[((i + 1) % g) * g + (j + 1) % g];
                    double[] d = vec[i * g + (j + 1) % g];
                    double[] p = FukuiChern.multiply(FukuiChern.multiply(det(a, b, dim, occ), det(b, c, dim, occ)),
                            FukuiChern.multiply(det(c, d, dim, occ), det(d, a, dim, occ)));
                    total += Math.atan2(p[1], p[0]);
                }
            }
            assertEquals(topo ? 1.0 : 0.0, total / (2 * Math.PI), 1e-9);
        }
    }

    private static double[] det(double[] a, double[] b, int dim, int occ) {
        double[] m = ComplexBlocks.adjointTimes(a, dim, occ, b, occ);
        int[] piv = Lapack.luFactorComplex(m, occ);
        double[] d = {1, 0};
        for (int i = 0; i < occ; i++) {
            d = FukuiChern.multiply(d, new double[] {m[2 * (i * occ + i)], m[2 * (i * occ + i) + 1]});
            if (piv[i] != i + 1) {
                d = new double[] {-d[0], -d[1]};
            }
        }
        return d;
    }

    @Test
    void quadrantFluxesEqualExplicitFukuiFluxes() {
        DiracBandSolver solver = DiracBandSolver.build(random(10, 9), 2);
        DiracHamiltonian h = solver.hamiltonian();
        int g = 12;
        DiracChern.Result fast = DiracChern.compute(solver, g);
        int dim = h.dimension();
        double[][] vectors = new double[g * g][];
        double[][] energies = new double[g * g][];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                HermitianEigenpairs e = Lapack.lowestEigenpairsHermitian(h.dense(2 * Math.PI * i / g,
                        2 * Math.PI * j / g), dim, dim / 2 + 5, true);
                vectors[i * g + j] = e.vectors();
                energies[i * g + j] = Arrays.copyOfRange(e.values(), dim / 2 - 1, dim / 2 + 5);
            }
        }
        FukuiChern.StateGrid states = new FukuiChern.StateGrid() {
            @Override
            public int size() {
                return g;
            }

            @Override
            public int bands() {
                return 4;
            }

            @Override
            public double[] state(int i, int j, int band) {
                return Arrays.copyOfRange(vectors[i * g + j], 2 * dim * (dim / 2 + band),
                        2 * dim * (dim / 2 + band + 1));
            }
        };
        double[][] explicit = FukuiChern.fluxes(states);
        int compared = 0;
        for (int b = 0; b < 4; b++) {
            boolean isolated = FukuiChern.isolated(energies, b + 1, 1e-3);
            for (int p = 0; p < g * g; p++) {
                if (isolated) {
                    assertEquals(explicit[b][p], fast.fluxes()[b][p], 1e-4, "band " + b + " plaquette " + p);
                    compared++;
                }
            }
            int c = FukuiChern.chern(explicit[b]);
            if (FukuiChern.isolated(energies, b + 1, DiracChern.GAP)) {
                assertEquals(c, fast.chern()[b]);
            } else {
                assertNull(fast.chern()[b]);
            }
        }
        assertTrue(compared >= 144, "plaquettes compared: " + compared);
    }
}
