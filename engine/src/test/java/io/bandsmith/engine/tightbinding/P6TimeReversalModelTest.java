package io.bandsmith.engine.tightbinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.linalg.Lapack;

class P6TimeReversalModelTest {
    private static final TightBindingModel MODEL = P6TimeReversalModel.model();
    private static final int N = 21;
    private static final double[] A1 = {1, 0};

    static double[] randomParameters(long seed) {
        Random r = new Random(seed);
        double[] f = new double[MODEL.parameterCount()];
        for (int l = 0; l < f.length; l++) {
            f[l] = l < 14 ? 10 * r.nextGaussian() : r.nextGaussian();
        }
        return f;
    }

    @Test
    void hasTheParameterCountOfAppendixC() {
        assertEquals(21, MODEL.dimension());
        assertEquals(245, MODEL.parameterCount());
        long onsite = MODEL.parameters().stream().filter(p -> p.kind().equals("onsite")).count();
        assertEquals(14, onsite);
        assertEquals("onsite s1", MODEL.parameters().get(0).name());
        assertEquals("J[s1,s1]", MODEL.parameters().get(14).name());
    }

    /** C6^j a1 in Cartesian coordinates. */
    private static double[] rotatedA1(int j) {
        double a = j * Math.PI / 3;
        return new double[] {Math.cos(a), Math.sin(a)};
    }

    /** f_Δ(k) = ½ Σ_j e^{-iΔjπ/3} e^{-ik·C6^j a1}, written out from appendix C. */
    static double[] f(int delta, KVector k) {
        double re = 0;
        double im = 0;
        for (int j = 0; j < 6; j++) {
            double[] a = rotatedA1(j);
            double ph = -delta * j * Math.PI / 3 - (k.kx() * a[0] + k.ky() * a[1]);
            re += 0.5 * Math.cos(ph);
            im += 0.5 * Math.sin(ph);
        }
        return new double[] {re, im};
    }

    @Test
    void formulasForFMatchAppendixC() {
        KVector k = new KVector(0.37, -1.21);
        double s1 = Math.sin(k.kx());
        double[] a2 = {0.5, Math.sqrt(3) / 2};
        double[] a3 = {-0.5, Math.sqrt(3) / 2};
        double ka2 = k.kx() * a2[0] + k.ky() * a2[1];
        double ka3 = k.kx() * a3[0] + k.ky() * a3[1];
        double[] f0 = f(0, k);
        assertEquals(Math.cos(k.kx()) + Math.cos(ka2) + Math.cos(ka3), f0[0], 1e-12);
        assertEquals(0, f0[1], 1e-12);
        // f1 = -i[sin(k a1) + e^{-iπ/3} sin(k a2) + e^{-2iπ/3} sin(k a3)]
        double re = Math.sin(ka2) * Math.cos(-Math.PI / 3) + Math.sin(ka3) * Math.cos(-2 * Math.PI / 3) + s1;
        double im = Math.sin(ka2) * Math.sin(-Math.PI / 3) + Math.sin(ka3) * Math.sin(-2 * Math.PI / 3);
        double[] f1 = f(1, k);
        assertEquals(im, f1[0], 1e-12); // -i (re + i im) = im - i re
        assertEquals(-re, f1[1], 1e-12);
        double[] f3 = f(3, k);
        assertEquals(0, f3[0], 1e-12);
        assertEquals(-(s1 - Math.sin(ka2) + Math.sin(ka3)), f3[1], 1e-12);
        // f_{Δ+6} = f_Δ: the index is reduced mod 6
        assertEquals(f(-2, k)[0], f(4, k)[0], 1e-12);
        assertEquals(f(-2, k)[1], f(4, k)[1], 1e-12);
    }

    /** J̃ = S^† J S: J̃_{m m'} = Σ_{l l'} U_{m l} J_{l l'} conj(U_{m' l'}). */
    static double[] jTilde(double[][] j) {
        List<P6TimeReversalModel.RealOrbital> basis = P6TimeReversalModel.timeReversalBasis();
        double[] out = new double[2 * N * N];
        for (int l = 0; l < N; l++) {
            for (int lp = 0; lp < N; lp++) {
                P6TimeReversalModel.RealOrbital a = basis.get(l);
                P6TimeReversalModel.RealOrbital b = basis.get(lp);
                for (int x = 0; x < a.mIndices().length; x++) {
                    for (int y = 0; y < b.mIndices().length; y++) {
                        double ur = a.coefficients()[x][0];
                        double ui = a.coefficients()[x][1];
                        double vr = b.coefficients()[y][0];
                        double vi = -b.coefficients()[y][1];
                        int m = a.mIndices()[x];
                        int mp = b.mIndices()[y];
                        out[2 * (mp * N + m)] += j[l][lp] * (ur * vr - ui * vi);
                        out[2 * (mp * N + m) + 1] += j[l][lp] * (ur * vi + ui * vr);
                    }
                }
            }
        }
        return out;
    }

    static int[] angularMomenta() {
        return P6TimeReversalModel.angularMomentumOrbitals().stream().mapToInt(OrbitalSpec::m).toArray();
    }

    /** H(k) = ω + J̃ f_{m-m'}(k), straight from appendix C. */
    static double[] paperHamiltonian(double[] omegaPerOrbital, double[] jt, KVector k) {
        int[] m = angularMomenta();
        double[] h = new double[2 * N * N];
        for (int a = 0; a < N; a++) {
            for (int b = 0; b < N; b++) {
                double[] fk = f(m[a] - m[b], k);
                double jr = jt[2 * (b * N + a)];
                double ji = jt[2 * (b * N + a) + 1];
                h[2 * (b * N + a)] = jr * fk[0] - ji * fk[1];
                h[2 * (b * N + a) + 1] = jr * fk[1] + ji * fk[0];
            }
            h[2 * (a * N + a)] += omegaPerOrbital[a];
        }
        return h;
    }

    /** Random ω and J obeying the rules of appendix C, and the same as a model parameter vector. */
    record PaperParameters(double[] omegaPerOrbital, double[][] j, double[] modelVector) {
    }

    static PaperParameters randomPaperParameters(long seed) {
        Random r = new Random(seed);
        List<P6TimeReversalModel.RealOrbital> basis = P6TimeReversalModel.timeReversalBasis();
        double[] vec = new double[245];
        double[] omega = new double[14];
        for (int i = 0; i < 14; i++) {
            omega[i] = 5 * r.nextGaussian();
            vec[i] = omega[i];
        }
        // orbital order: s1..s4 (0..3), p pairs (4..11), d pairs (12..17), f (18..20)
        double[] perOrbital = new double[N];
        for (int i = 0; i < 4; i++) {
            perOrbital[i] = omega[i];
        }
        for (int n = 0; n < 4; n++) {
            perOrbital[4 + 2 * n] = omega[4 + n];
            perOrbital[5 + 2 * n] = omega[4 + n];
        }
        for (int n = 0; n < 3; n++) {
            perOrbital[12 + 2 * n] = omega[8 + n];
            perOrbital[13 + 2 * n] = omega[8 + n];
            perOrbital[18 + n] = omega[11 + n];
        }
        double[][] j = new double[N][N];
        int idx = 14;
        for (int l = 0; l < N; l++) {
            for (int lp = l; lp < N; lp++) {
                boolean sameParity = basis.get(l).c2Even() == basis.get(lp).c2Even();
                double v = (l == lp && !sameParity) ? 0 : r.nextGaussian();
                j[l][lp] = v;
                j[lp][l] = sameParity ? v : -v;
                vec[idx++] = v;
            }
        }
        return new PaperParameters(perOrbital, j, vec);
    }

    @Test
    void modelEqualsTheClosedFormOfAppendixC() {
        for (long seed = 1; seed <= 3; seed++) {
            PaperParameters p = randomPaperParameters(seed);
            double[] jt = jTilde(p.j());
            Random r = new Random(seed);
            for (int t = 0; t < 5; t++) {
                KVector k = new KVector(6 * r.nextDouble() - 3, 6 * r.nextDouble() - 3);
                double[] expected = paperHamiltonian(p.omegaPerOrbital(), jt, k);
                double[] actual = MODEL.hamiltonian(p.modelVector(), k);
                assertTrue(ComplexMatrices.maxDifference(expected, actual) < 1e-12,
                        "model and appendix C differ by " + ComplexMatrices.maxDifference(expected, actual));
            }
        }
    }

    @Test
    void hamiltonianIsHermitianC6AndTimeReversalInvariant() {
        Random r = new Random(7);
        int[] m = angularMomenta();
        for (int trial = 0; trial < 4; trial++) {
            double[] f = randomParameters(100 + trial);
            KVector k = new KVector(6 * r.nextDouble() - 3, 6 * r.nextDouble() - 3);
            double[] h = MODEL.hamiltonian(f, k);
            assertTrue(ComplexMatrices.maxDifference(h, ComplexMatrices.adjoint(h, N)) < 1e-12, "Hermitian");
            assertTrue(c6Violation(h, MODEL.hamiltonian(f, HexagonalLattice.rotateK(k)), m) < 1e-12, "C6");
            assertTrue(timeReversalViolation(h, MODEL.hamiltonian(f, k.times(-1)), m) < 1e-12, "time reversal");
        }
    }

    /** H(C6 k)_{ab} = e^{-i(m_a - m_b)π/3} H(k)_{ab} for orbitals at the rotation centre. */
    static double c6Violation(double[] h, double[] hRotated, int[] m) {
        double worst = 0;
        for (int a = 0; a < N; a++) {
            for (int b = 0; b < N; b++) {
                double ph = -(m[a] - m[b]) * Math.PI / 3;
                double er = Math.cos(ph) * h[2 * (b * N + a)] - Math.sin(ph) * h[2 * (b * N + a) + 1];
                double ei = Math.cos(ph) * h[2 * (b * N + a) + 1] + Math.sin(ph) * h[2 * (b * N + a)];
                worst = Math.max(worst, Math.hypot(er - hRotated[2 * (b * N + a)], ei - hRotated[2 * (b * N + a) + 1]));
            }
        }
        return worst;
    }

    /** T|m⟩ = |-m⟩ (f: m = 3 ≡ -3 onto itself): H(-k)_{-m,-m'} = conj(H(k)_{m,m'}). */
    static double timeReversalViolation(double[] h, double[] hMinus, int[] m) {
        int[] partner = new int[N];
        for (int a = 0; a < N; a++) {
            partner[a] = a;
            for (int b = 0; b < N; b++) {
                boolean sameFamily = P6TimeReversalModel.angularMomentumOrbitals().get(a).multiplet()
                        .equals(P6TimeReversalModel.angularMomentumOrbitals().get(b).multiplet());
                if (sameFamily && Math.floorMod(m[a] + m[b], 6) == 0) {
                    partner[a] = b;
                }
            }
        }
        double worst = 0;
        for (int a = 0; a < N; a++) {
            for (int b = 0; b < N; b++) {
                int ta = partner[a];
                int tb = partner[b];
                worst = Math.max(worst, Math.hypot(hMinus[2 * (tb * N + ta)] - h[2 * (b * N + a)],
                        hMinus[2 * (tb * N + ta) + 1] + h[2 * (b * N + a) + 1]));
            }
        }
        return worst;
    }

    @Test
    void takingJRealInTheAngularMomentumBasisBreaksTimeReversal() {
        // The mistake: J̃ real in the m basis, with J̃_{m'm} = (-1)^{m-m'} J̃_{mm'} so that H stays Hermitian.
        Random r = new Random(3);
        int[] m = angularMomenta();
        double[] jt = new double[2 * N * N];
        for (int a = 0; a < N; a++) {
            for (int b = a; b < N; b++) {
                int sign = Math.floorMod(m[a] - m[b], 2) == 0 ? 1 : -1;
                double v = (a == b && sign < 0) ? 0 : r.nextGaussian();
                jt[2 * (b * N + a)] = v;
                jt[2 * (a * N + b)] = sign * v;
            }
        }
        double[] omega = new double[N];
        KVector k = new KVector(0.7, 1.3);
        double[] h = paperHamiltonian(omega, jt, k);
        double[] hMinus = paperHamiltonian(omega, jt, k.times(-1));
        assertTrue(ComplexMatrices.maxDifference(h, ComplexMatrices.adjoint(h, N)) < 1e-12, "still Hermitian");
        assertTrue(c6Violation(h, paperHamiltonian(omega, jt, HexagonalLattice.rotateK(k)), m) < 1e-12,
                "still C6 symmetric");
        assertTrue(timeReversalViolation(h, hMinus, m) > 1e-2, "but time reversal is broken");
        // while the same numbers as J in the time-reversal basis give a time-reversal-invariant model
        PaperParameters p = randomPaperParameters(3);
        double[] good = paperHamiltonian(p.omegaPerOrbital(), jTilde(p.j()), k);
        double[] goodMinus = paperHamiltonian(p.omegaPerOrbital(), jTilde(p.j()), k.times(-1));
        assertTrue(timeReversalViolation(good, goodMinus, m) < 1e-12);
    }

    private static int[] degeneracyPattern(double[] energies, double tol) {
        int singlets = 0;
        int pairs = 0;
        int i = 0;
        while (i < energies.length) {
            int j = i + 1;
            while (j < energies.length && energies[j] - energies[i] < tol) {
                j++;
            }
            if (j - i == 1) {
                singlets++;
            } else if (j - i == 2) {
                pairs++;
            } else {
                throw new AssertionError("unexpected " + (j - i) + "-fold level");
            }
            i = j;
        }
        return new int[] {singlets, pairs};
    }

    private static int count(HighSymmetryLevels levels, String symbol) {
        int c = 0;
        for (int n = 0; n < levels.count(); n++) {
            if (levels.label(n).symbol().equals(symbol)) {
                c++;
            }
        }
        return c;
    }

    @Test
    void degeneraciesAndLabelsAtGammaKM() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] f = randomParameters(seed);
            double[] eg = Lapack.lowestEigenpairsHermitian(MODEL.hamiltonian(f, HexagonalLattice.GAMMA.k()), N, N, false)
                    .values();
            double[] ek = Lapack.lowestEigenpairsHermitian(MODEL.hamiltonian(f, HexagonalLattice.K.k()), N, N, false)
                    .values();
            double[] em = Lapack.lowestEigenpairsHermitian(MODEL.hamiltonian(f, HexagonalLattice.M.k()), N, N, false)
                    .values();
            assertEquals(7, degeneracyPattern(eg, 1e-9)[0], "Γ singlets (4 s + 3 f)");
            assertEquals(7, degeneracyPattern(eg, 1e-9)[1], "Γ pairs (4 p + 3 d)");
            assertEquals(7, degeneracyPattern(ek, 1e-9)[0], "K singlets");
            assertEquals(7, degeneracyPattern(ek, 1e-9)[1], "K pairs");
            assertEquals(21, degeneracyPattern(em, 1e-9)[0], "M: no degeneracies");

            HighSymmetryLevels g = MODEL.highSymmetryLevels(f, HexagonalLattice.GAMMA, N);
            assertEquals(4, count(g, "s"));
            assertEquals(8, count(g, "p"));
            assertEquals(6, count(g, "d"));
            assertEquals(3, count(g, "f"));
            HighSymmetryLevels k = MODEL.highSymmetryLevels(f, HexagonalLattice.K, N);
            assertEquals(7, count(k, "0"));
            assertEquals(14, count(k, "1"));
            HighSymmetryLevels mm = MODEL.highSymmetryLevels(f, HexagonalLattice.M, N);
            assertEquals(10, count(mm, "+"));
            assertEquals(11, count(mm, "-"));
            for (int n = 0; n < N; n++) {
                assertEquals(eg[n], g.energy(n), 1e-9);
                assertEquals(ek[n], k.energy(n), 1e-9);
                assertEquals(em[n], mm.energy(n), 1e-9);
            }
        }
    }
}
