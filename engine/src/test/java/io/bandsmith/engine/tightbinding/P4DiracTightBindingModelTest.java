package io.bandsmith.engine.tightbinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import io.bandsmith.engine.linalg.Lapack;
import io.bandsmith.engine.topology.FukuiChern;

/**
 * The class-D model of appendix K.2 from the general builder: parameter count against the paper's formula,
 * Hermiticity, C4 and particle-hole symmetry with operators built here from the orbital list (not from the builder's
 * action), block structure at Γ, X, M, the band source's labels against sub-matrix spectra, and the half-BHZ
 * (Qi-Wu-Zhang) model inside the builder's model space with its Chern numbers.
 */
class P4DiracTightBindingModelTest {
    private static final TightBindingModel MODEL = P4DiracTightBindingModel.model();
    private static final int NS = 9;
    private static final int ND = 8;
    private static final int DIM = 2 * (NS + ND);

    @Test
    void theGeneralBuilderFindsThePapersCount() {
        // appendix K.2: 2(ñs + ñd)(1 + ñs + ñd) real parameters, 612 for ñs = 9, ñd = 8. The builder finds it by
        // projecting diagonal on-site seeds (ñs + ñd survive: C pairs ω(p-) = -ω(s), ω(p+) = -ω(d)) and all
        // nearest-neighbour seeds (2N² + N survive, N = ñs + ñd): nothing of the count is typed into the builder.
        assertEquals(34, MODEL.dimension());
        assertEquals(2 * (NS + ND) * (1 + NS + ND), MODEL.parameterCount());
        assertEquals(612, MODEL.parameterCount());
        long onsite = MODEL.parameters().stream().filter(p -> p.kind().equals("onsite")).count();
        assertEquals(NS + ND, onsite);
        for (int[] n : new int[][] {{1, 0}, {0, 1}, {2, 1}, {1, 3}}) {
            int total = n[0] + n[1];
            assertEquals(2 * total * (1 + total), P4DiracTightBindingModel.build(n[0], n[1]).parameterCount(),
                    "ñs = " + n[0] + ", ñd = " + n[1]);
        }
    }

    /** Angular momentum of each orbital from its name (s 0, p- -1, d 2, p+ 1): the test's own reading. */
    private static int[] angularMomenta() {
        int[] m = new int[DIM];
        for (int i = 0; i < DIM; i++) {
            String name = MODEL.orbitals().get(i).name();
            m[i] = name.startsWith("s") ? 0 : name.startsWith("p-") ? -1 : name.startsWith("d") ? 2 : 1;
        }
        return m;
    }

    /** The particle-hole partner by name: s_n <-> p-_n, d_n <-> p+_n. */
    private static int[] partners() {
        int[] c = new int[DIM];
        List<String> names = MODEL.orbitals().stream().map(OrbitalSpec::name).toList();
        for (int i = 0; i < DIM; i++) {
            String name = names.get(i);
            String other = name.startsWith("s") ? "p-" + name.substring(1)
                    : name.startsWith("p-") ? "s" + name.substring(2)
                    : name.startsWith("d") ? "p+" + name.substring(1) : "d" + name.substring(2);
            c[i] = names.indexOf(other);
            assertTrue(c[i] >= 0, other);
        }
        return c;
    }

    private static double[] randomParameters(Random rnd) {
        double[] f = new double[MODEL.parameterCount()];
        for (int l = 0; l < f.length; l++) {
            f[l] = rnd.nextGaussian();
        }
        return f;
    }

    private static double re(double[] h, int i, int j) {
        return h[2 * (j * DIM + i)];
    }

    private static double im(double[] h, int i, int j) {
        return h[2 * (j * DIM + i) + 1];
    }

    @Test
    void hermitianC4AndParticleHoleSymmetricForRandomParameters() {
        Random rnd = new Random(7);
        int[] m = angularMomenta();
        int[] c = partners();
        for (int trial = 0; trial < 4; trial++) {
            double[] f = randomParameters(rnd);
            double kx = 2 * Math.PI * rnd.nextDouble();
            double ky = 2 * Math.PI * rnd.nextDouble();
            double[] h = MODEL.hamiltonian(f, new double[] {kx, ky});
            double[] hr = MODEL.hamiltonian(f, new double[] {-ky, kx});   // R k, C4 by +90°
            double[] hm = MODEL.hamiltonian(f, new double[] {-kx, -ky});
            double scale = 0;
            for (double x : h) {
                scale = Math.max(scale, Math.abs(x));
            }
            for (int i = 0; i < DIM; i++) {
                for (int j = 0; j < DIM; j++) {
                    // Hermitian
                    assertEquals(re(h, i, j), re(h, j, i), 1e-12 * scale);
                    assertEquals(im(h, i, j), -im(h, j, i), 1e-12 * scale);
                    // H(Rk)_ij = U_i H(k)_ij U_j*, U = e^{-i m π/2}
                    double a = -(m[i] - m[j]) * Math.PI / 2;
                    double wr = Math.cos(a) * re(h, i, j) - Math.sin(a) * im(h, i, j);
                    double wi = Math.cos(a) * im(h, i, j) + Math.sin(a) * re(h, i, j);
                    assertEquals(wr, re(hr, i, j), 1e-12 * scale);
                    assertEquals(wi, im(hr, i, j), 1e-12 * scale);
                    // class D: H(-k)_{Ci,Cj} = -conj H(k)_ij
                    assertEquals(-re(h, i, j), re(hm, c[i], c[j]), 1e-12 * scale);
                    assertEquals(im(h, i, j), im(hm, c[i], c[j]), 1e-12 * scale);
                }
            }
            double[] e = Lapack.lowestEigenpairsHermitian(h, DIM, DIM, false).values();
            for (int n = 0; n < DIM; n++) {
                assertEquals(-e[DIM - 1 - n], e[n], 1e-10 * scale, "spectrum symmetric about 0");
            }
            assertTrue(e[DIM / 2 - 1] < 0 && e[DIM / 2] > 0, "no zero mode for generic parameters");
        }
    }

    @Test
    void blockStructureAtGammaXAndM() {
        Random rnd = new Random(11);
        double[] f = randomParameters(rnd);
        int[] m = angularMomenta();
        // Γ, M: C4 eigenvalue e^{-imπ/2} (orbitals at the rotation centre: D(k) = U); X: C2 parity (-1)^m
        double[][] points = {{0, 0}, {Math.PI, Math.PI}, {Math.PI, 0}};
        int[] mod = {4, 4, 2};
        for (int p = 0; p < 3; p++) {
            double[] h = MODEL.hamiltonian(f, points[p]);
            double scale = 0;
            for (double x : h) {
                scale = Math.max(scale, Math.abs(x));
            }
            double within = 0;
            for (int i = 0; i < DIM; i++) {
                for (int j = 0; j < DIM; j++) {
                    double abs = Math.hypot(re(h, i, j), im(h, i, j));
                    if (Math.floorMod(m[i] - m[j], mod[p]) != 0) {
                        assertEquals(0, abs, 1e-12 * scale, "coupling between blocks at point " + p);
                    } else if (i != j) {
                        within = Math.max(within, abs);
                    }
                }
            }
            assertTrue(within > 0.1 * scale, "the blocks are not diagonal");
        }
        // block sizes from the band source's eigenspace decomposition: Γ, M: s 9, p+ 8, d 8, p- 9; X: + 17, - 17
        P4DiracBandSource src = new P4DiracBandSource(MODEL);
        assertEquals(List.of(9, 8, 8, 9), src.blocks(f, points[0], 1, 4).stream().map(P4DiracBandSource.Block::size)
                .toList());
        assertEquals(List.of(9, 8, 8, 9), src.blocks(f, points[1], 1, 4).stream().map(P4DiracBandSource.Block::size)
                .toList());
        assertEquals(List.of(17, 17), src.blocks(f, points[2], 2, 2).stream().map(P4DiracBandSource.Block::size)
                .toList());
    }

    @Test
    void labelledCentralLevelsAreSubMatrixEigenvalues() {
        Random rnd = new Random(3);
        double[] f = randomParameters(rnd);
        int[] m = angularMomenta();
        P4DiracBandSource src = new P4DiracBandSource(MODEL);
        String[] names = {"G", "M", "X"};
        double[][] points = {{0, 0}, {Math.PI, Math.PI}, {Math.PI, 0}};
        for (int p = 0; p < 3; p++) {
            double[] h = MODEL.hamiltonian(f, points[p]);
            int mod = p < 2 ? 4 : 2;
            // reference: the spectrum of each sub-matrix of orbitals with one m (mod 4 or 2), labelled by hand
            List<double[]> reference = new ArrayList<>(); // {energy, class}
            for (int cls = 0; cls < mod; cls++) {
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < DIM; i++) {
                    if (Math.floorMod(m[i], mod) == cls) {
                        idx.add(i);
                    }
                }
                int r = idx.size();
                double[] sub = new double[2 * r * r];
                for (int a = 0; a < r; a++) {
                    for (int b = 0; b < r; b++) {
                        sub[2 * (b * r + a)] = re(h, idx.get(a), idx.get(b));
                        sub[2 * (b * r + a) + 1] = im(h, idx.get(a), idx.get(b));
                    }
                }
                for (double e : Lapack.lowestEigenpairsHermitian(sub, r, r, false).values()) {
                    reference.add(new double[] {e, cls});
                }
            }
            reference.sort((a, b) -> Double.compare(a[0], b[0]));
            List<P4DiracBandSource.Level> levels = src.levels(f, names[p]);
            assertEquals(8, levels.size());
            double[] window = src.centralWindow(f, points[p][0], points[p][1], false).energies();
            for (int n = 0; n < 8; n++) {
                double[] ref = reference.get(DIM / 2 - 4 + n);
                String label = mod == 2 ? (ref[1] == 0 ? "+" : "-")
                        : new String[] {"s", "p+", "d", "p-"}[(int) ref[1]];
                assertEquals(ref[0], levels.get(n).energy(), 1e-9, names[p] + " level " + n);
                assertEquals(label, levels.get(n).label(), names[p] + " level " + n);
                assertEquals(ref[0], window[n], 1e-9, "central window at " + names[p]);
            }
            assertTrue(window[3] < 0 && window[4] > 0, "4 negative and 4 positive levels");
        }
    }

    /**
     * The half-BHZ model of eq. (K1) for a homogeneous mass M (one site per cell): with the Bloch convention of
     * conventions.md, ⟨j + e_d|H|j⟩ = -(J/2)(σz - iσ_d) gives H(k) = (M + 2J - J cos kx - J cos ky) σz
     * + J sin kx σx + J sin ky σy in the basis (s, p-).
     */
    private static double[] halfBhz(double mass, double j, double kx, double ky) {
        double dz = mass + 2 * j - j * Math.cos(kx) - j * Math.cos(ky);
        double dx = j * Math.sin(kx);
        double dy = j * Math.sin(ky);
        // column-major 2x2: (0,0) dz, (1,0) dx + i dy, (0,1) dx - i dy, (1,1) -dz
        return new double[] {dz, 0, dx, dy, dx, -dy, -dz, 0};
    }

    /** Least-squares parameters of the given (row, col) sub-block of a model against a 2x2 target. */
    private static double[] fit(TightBindingModel model, int[] orbitals, List<Integer> params, double mass, double j,
            double[] residual) {
        List<double[]> rows = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        Random rnd = new Random(5);
        for (int s = 0; s < 6; s++) {
            double kx = 2 * Math.PI * rnd.nextDouble();
            double ky = 2 * Math.PI * rnd.nextDouble();
            double[] target = halfBhz(mass, j, kx, ky);
            double[][] columns = new double[params.size()][];
            for (int c = 0; c < params.size(); c++) {
                double[] unit = new double[model.parameterCount()];
                unit[params.get(c)] = 1;
                columns[c] = model.hamiltonian(unit, new double[] {kx, ky});
            }
            int n = model.dimension();
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    for (int part = 0; part < 2; part++) {
                        double[] row = new double[params.size()];
                        for (int c = 0; c < params.size(); c++) {
                            row[c] = columns[c][2 * (orbitals[b] * n + orbitals[a]) + part];
                        }
                        rows.add(row);
                        rhs.add(target[2 * (b * 2 + a) + part]);
                    }
                }
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(rows.size(), params.size());
        DMatrixRMaj y = new DMatrixRMaj(rows.size(), 1);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < params.size(); c++) {
                a.set(r, c, rows.get(r)[c]);
            }
            y.set(r, 0, rhs.get(r));
        }
        DMatrixRMaj x = new DMatrixRMaj(params.size(), 1);
        assertTrue(CommonOps_DDRM.solve(a, y, x));
        DMatrixRMaj ax = new DMatrixRMaj(rows.size(), 1);
        CommonOps_DDRM.mult(a, x, ax);
        double worst = 0;
        for (int r = 0; r < rows.size(); r++) {
            worst = Math.max(worst, Math.abs(ax.get(r, 0) - y.get(r, 0)));
        }
        residual[0] = worst;
        double[] f = new double[model.parameterCount()];
        for (int c = 0; c < params.size(); c++) {
            f[params.get(c)] = x.get(c, 0);
        }
        return f;
    }

    @Test
    void twoOrbitalRestrictionIsTheHalfBhzModelWithChernNumbers() {
        // the builder's (s, p-) model (ñs = 1, ñd = 0): 4 parameters reproduce eq. (K1) for a homogeneous mass
        // exactly; N = 70, J = 7 m (m/J = 10/N). Conventions' sign check: M = -m has C = +1 for its negative band.
        TightBindingModel two = P4DiracTightBindingModel.build(1, 0);
        assertEquals(4, two.parameterCount());
        double j = 7;
        for (double mass : new double[] {-1, 1}) {
            double[] residual = new double[1];
            double[] f = fit(two, new int[] {0, 1}, List.of(0, 1, 2, 3), mass, j, residual);
            assertEquals(0, residual[0], 1e-10, "half-BHZ lies in the model space");
            int n = 62;
            double[][] vectors = new double[n * n][];
            for (int i = 0; i < n; i++) {
                for (int q = 0; q < n; q++) {
                    vectors[i * n + q] = Lapack.lowestEigenpairsHermitian(two.hamiltonian(f,
                            new double[] {2 * Math.PI * i / n, 2 * Math.PI * q / n}), 2, 2, true).vectors();
                }
            }
            double lower = chernSum(vectors, n, 2, 0);
            double upper = chernSum(vectors, n, 2, 1);
            assertEquals(mass < 0 ? 1 : 0, lower, 1e-9, "Chern number of the negative band, M = " + mass);
            assertEquals(-lower, upper, 1e-9);
        }
    }

    @Test
    void fullModelHoldsAChernBandInTheCentralWindow() {
        // the 612-parameter model restricted to the parameters that act on s1 and p-1 only reproduces half-BHZ;
        // the other orbitals sit at ±100 m (on-site only); the band source's grid eigenvectors (C4-rotated from a
        // quarter of the points) then give C = -1 for the lowest positive band when M = -m, 0 when M = +m.
        int s1 = 0;
        int pm1 = NS;
        List<Integer> local = new ArrayList<>();
        for (int l = 0; l < MODEL.parameterCount(); l++) {
            boolean inside = MODEL.parameters().get(l).terms().stream().allMatch(t ->
                    (t.row() == s1 || t.row() == pm1) && (t.col() == s1 || t.col() == pm1));
            if (inside) {
                local.add(l);
            }
        }
        assertEquals(4, local.size(), "the (s1, p-1) pair carries the 4 parameters of the two-orbital model");
        P4DiracBandSource src = new P4DiracBandSource(MODEL);
        for (double mass : new double[] {-1, 1}) {
            double[] residual = new double[1];
            double[] f = fit(MODEL, new int[] {s1, pm1}, local, mass, 7, residual);
            assertEquals(0, residual[0], 1e-10);
            for (int l = 0; l < MODEL.parameterCount(); l++) {
                TightBindingParameter p = MODEL.parameters().get(l);
                if (p.kind().equals("onsite") && !local.contains(l)) {
                    f[l] = 100;
                }
            }
            double[][][] grid = src.positiveBandsOnGrid(f, 62, 4);
            double c = chernSum(grid[1], 62, DIM, 0);
            assertEquals(mass < 0 ? -1 : 0, c, 1e-9, "lowest positive band, M = " + mass);
            // the C4-rotated eigenvectors are eigenvectors: check one rotated point against H
            double[] k = {2 * Math.PI * 5 / 62, 2 * Math.PI * 17 / 62};
            double[] h = MODEL.hamiltonian(f, k);
            double[] v = Arrays.copyOf(grid[1][5 * 62 + 17], 2 * DIM);
            double[] hv = ComplexMatrices.product(h, v, DIM, 1);
            double e = grid[0][5 * 62 + 17][0];
            for (int x = 0; x < 2 * DIM; x++) {
                assertEquals(e * v[x], hv[x], 1e-9);
            }
        }
    }

    /**
     * (1/2π) Σ flux of {@code band} via {@link FukuiChern} (not rounded, so the tests see how close to an integer it
     * is); vectors[i*n + j]: column-major interleaved eigenvectors of dimension dim.
     */
    private static double chernSum(double[][] vectors, int n, int dim, int band) {
        double[][] fluxes = FukuiChern.fluxes(new FukuiChern.StateGrid() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public int bands() {
                return band + 1;
            }

            @Override
            public double[] state(int i, int j, int b) {
                return Arrays.copyOfRange(vectors[i * n + j], 2 * b * dim, 2 * (b + 1) * dim);
            }
        });
        double total = 0;
        for (double f : fluxes[band]) {
            total += f;
        }
        return total / (2 * Math.PI);
    }
}
