package io.bandsmith.engine.tightbinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.group.SpaceGroup93;
import io.bandsmith.engine.group.SymOp;
import io.bandsmith.engine.linalg.HermitianEigenpairs;
import io.bandsmith.engine.linalg.Lapack;

/**
 * The P4₂22 model of appendix J.1 from the general builder: parameter counts against the paper's per-matrix formulas,
 * Hermiticity, time reversal and the eight operations for random parameters, and the block structure at Γ, X, M, Z,
 * R, A: the little-group projectors built from the characters of conventions.md decompose each orbital type's EBR as
 * the paper's Tables I-IV say, H(k) is block diagonal, and the two-dimensional irreps give degenerate pairs.
 */
class P4222TightBindingModelTest {
    private static final TightBindingModel MODEL = P4222TightBindingModel.model();
    private static final int DIM = 32;
    private static final String[] TYPES = {"A", "B1", "B2", "B3"};

    private static int pairs(int n) {
        return n * (n + 1) / 2;
    }

    @Test
    void parameterCountsFollowThePapersFormulas() {
        // appendix J.1 with ñ = (A, B1, B2, B3): on-site Σñ (diagonal ω); vertical J(z): block A+B1 and block B2+B3,
        // each (n + 1) n / 2 (eq. J1 and its symmetry); horizontal J(x,0): blocks A+B3 and B1+B2, J(y,0): blocks
        // A+B2 and B1+B3, each (n + 1) n / 2 (eq. J2); J(x,1), J(y,1) follow by the screw (J3, J4). J(x,0) and J(y,0)
        // are independent (the site group D2 has no fourfold axis), so the horizontal count is their sum.
        for (int[] n : new int[][] {{5, 4, 3, 4}, {1, 1, 1, 1}, {2, 1, 0, 3}}) {
            TightBindingModel m = n[0] == 5 ? MODEL : P4222TightBindingModel.build(n, 1.0);
            int onsite = n[0] + n[1] + n[2] + n[3];
            int vertical = pairs(n[0] + n[1]) + pairs(n[2] + n[3]);
            int horizontal = pairs(n[0] + n[3]) + pairs(n[1] + n[2]) + pairs(n[0] + n[2]) + pairs(n[1] + n[3]);
            Map<String, Integer> kinds = new LinkedHashMap<>();
            m.parameters().forEach(p -> kinds.merge(p.kind(), 1, Integer::sum));
            assertEquals(onsite, kinds.get("onsite"), Arrays.toString(n));
            assertEquals(vertical, kinds.get("Jz"), Arrays.toString(n));
            assertEquals(horizontal, kinds.get("Jxy"), Arrays.toString(n));
            assertEquals(onsite + vertical + horizontal, m.parameterCount());
        }
        assertEquals(234, MODEL.parameterCount());
        assertEquals(DIM, MODEL.dimension());
    }

    private static double[] randomParameters(long seed) {
        Random rnd = new Random(seed);
        double[] f = new double[MODEL.parameterCount()];
        for (int l = 0; l < f.length; l++) {
            f[l] = rnd.nextGaussian();
        }
        return f;
    }

    @Test
    void hermitianTimeReversalAndAllEightOperations() {
        double[] f = randomParameters(1);
        Random rnd = new Random(2);
        for (int trial = 0; trial < 3; trial++) {
            double[] k = {4 * rnd.nextDouble() - 2, 4 * rnd.nextDouble() - 2, 4 * rnd.nextDouble() - 2};
            double[] h = MODEL.hamiltonian(f, k);
            double scale = ComplexMatrices.maxAbs(h);
            assertEquals(0, ComplexMatrices.maxDifference(h, ComplexMatrices.adjoint(h, DIM)), 1e-12 * scale);
            // spinless time reversal on real orbitals: H(-k) = conj H(k)
            double[] hm = MODEL.hamiltonian(f, new double[] {-k[0], -k[1], -k[2]});
            for (int x = 0; x < h.length; x += 2) {
                assertEquals(h[x], hm[x], 1e-12 * scale);
                assertEquals(-h[x + 1], hm[x + 1], 1e-12 * scale);
            }
            for (SymOp g : SpaceGroup93.operations()) {
                double[] d = MODEL.representation(g, k);
                double[] rk = TightBindingSymmetry.multiply(MODEL.group().cartesianRotation(g.matrix()), k);
                double[] expected = ComplexMatrices.multiply(ComplexMatrices.multiply(d, h, DIM),
                        ComplexMatrices.adjoint(d, DIM), DIM);
                assertEquals(0, ComplexMatrices.maxDifference(MODEL.hamiltonian(f, rk), expected), 1e-11 * scale,
                        "H(Rk) = D H(k) D^† for " + g);
            }
        }
    }

    /** One irrep of a little group: name, characters of the generators, and the expected EBR content per type. */
    private record Irrep(String name, double[] generatorCharacters, int[] perType) {
    }

    /**
     * Γ, M (Table I) and Z, A (Table II): 1D irreps by their characters on {C4z|a3/2} and {C2y|0} (conventions.md:
     * A+ (..,1,1), A- (..,-1,-1), B1+ (..,-1,-1,1), B1- (..,-1,1,-1) and B2±, B3± alike at Z, A), expected multiplicity
     * per orbital type (one orbital of the type on both sublattices); the rest is the 2D irrep E.
     */
    private static final List<Irrep> GAMMA = List.of(
            new Irrep("A+", new double[] {1, 1}, new int[] {1, 0, 0, 0}),
            new Irrep("A-", new double[] {-1, 1}, new int[] {1, 0, 0, 0}),
            new Irrep("B1+", new double[] {1, -1}, new int[] {0, 1, 0, 0}),
            new Irrep("B1-", new double[] {-1, -1}, new int[] {0, 1, 0, 0}));
    private static final List<Irrep> ZETA = List.of(
            new Irrep("B2+", new double[] {1, 1}, new int[] {0, 0, 1, 0}),
            new Irrep("B2-", new double[] {-1, 1}, new int[] {0, 0, 1, 0}),
            new Irrep("B3+", new double[] {1, -1}, new int[] {0, 0, 0, 1}),
            new Irrep("B3-", new double[] {-1, -1}, new int[] {0, 0, 0, 1}));
    /** X (Table III), R (Table IV): D2 irreps by characters on C2z, C2y (C2x = product); per-type multiplicity. */
    private static final List<Irrep> X = List.of(
            new Irrep("A", new double[] {1, 1}, new int[] {2, 0, 0, 0}),
            new Irrep("B1", new double[] {1, -1}, new int[] {0, 2, 0, 0}),
            new Irrep("B2", new double[] {-1, 1}, new int[] {0, 0, 1, 1}),
            new Irrep("B3", new double[] {-1, -1}, new int[] {0, 0, 1, 1}));
    private static final List<Irrep> R = List.of(
            new Irrep("A", new double[] {1, 1}, new int[] {1, 1, 0, 0}),
            new Irrep("B1", new double[] {1, -1}, new int[] {1, 1, 0, 0}),
            new Irrep("B2", new double[] {-1, 1}, new int[] {0, 0, 2, 0}),
            new Irrep("B3", new double[] {-1, -1}, new int[] {0, 0, 0, 2}));

    private static double[] power(double[] d, int p) {
        double[] out = ComplexMatrices.identity(DIM);
        for (int i = 0; i < p; i++) {
            out = ComplexMatrices.multiply(d, out, DIM);
        }
        return out;
    }

    /** P = (1/|G|) Σ_w χ(w)* D(w) over the words w = g1^a g2^b (a < order1, b < 2) of the two generators. */
    private static double[] projector(double[] d1, int order1, double[] d2, double[] chi) {
        double[] p = new double[2 * DIM * DIM];
        int count = 0;
        for (int a = 0; a < order1; a++) {
            for (int b = 0; b < 2; b++) {
                double[] w = ComplexMatrices.multiply(power(d1, a), power(d2, b), DIM);
                double c = Math.pow(chi[0], a) * Math.pow(chi[1], b); // real characters
                for (int x = 0; x < p.length; x++) {
                    p[x] += c * w[x];
                }
                count++;
            }
        }
        for (int x = 0; x < p.length; x++) {
            p[x] /= count;
        }
        return p;
    }

    /** Orthonormal basis of the range of a Hermitian projector (eigenvectors with eigenvalue 1). */
    private static double[] range(double[] p, int[] rank) {
        double[] neg = p.clone();
        for (int x = 0; x < neg.length; x++) {
            neg[x] = -neg[x];
        }
        HermitianEigenpairs e = Lapack.lowestEigenpairsHermitian(neg, DIM, DIM, true);
        int r = 0;
        while (r < DIM && e.values()[r] < -0.5) {
            assertEquals(-1, e.values()[r], 1e-9, "projector eigenvalue");
            r++;
        }
        for (int n = r; n < DIM; n++) {
            assertEquals(0, e.values()[n], 1e-9, "projector eigenvalue");
        }
        rank[0] = r;
        return Arrays.copyOf(e.vectors(), 2 * DIM * r);
    }

    /** Trace of P over the orbitals of one type (both sublattices). */
    private static int traceOverType(double[] p, String type) {
        double s = 0;
        for (int i = 0; i < DIM; i++) {
            if (MODEL.orbitals().get(i).irrep().toString().equals(type)) {
                s += p[2 * (i * DIM + i)];
            }
        }
        assertEquals(Math.rint(s), s, 1e-9);
        return (int) Math.rint(s);
    }

    @Test
    void blockStructureAtTheSixMaximalPoints() {
        double[] f = randomParameters(3);
        int[] counts = P4222TightBindingModel.ORBITALS;
        for (SpaceGroup93.KPoint point : SpaceGroup93.maximalPoints()) {
            double[] k = SpaceGroup93.cartesian(point, 1.0);
            boolean fourfold = !point.name().equals("X") && !point.name().equals("R");
            List<Irrep> irreps = switch (point.name()) {
                case "G", "M" -> GAMMA;
                case "Z", "A" -> ZETA;
                case "X" -> X;
                default -> R;
            };
            double[] d1 = MODEL.representation(fourfold ? SpaceGroup93.SCREW : SpaceGroup93.C2Z, k);
            double[] d2 = MODEL.representation(SpaceGroup93.C2Y, k);
            double[] h = MODEL.hamiltonian(f, k);
            double scale = ComplexMatrices.maxAbs(h);
            List<double[]> projectors = new ArrayList<>();
            List<String> names = new ArrayList<>();
            double[] rest = ComplexMatrices.identity(DIM);
            for (Irrep irrep : irreps) {
                double[] p = projector(d1, fourfold ? 4 : 2, d2, irrep.generatorCharacters());
                for (int t = 0; t < 4; t++) {
                    assertEquals(irrep.perType()[t] * counts[t], traceOverType(p, TYPES[t]),
                            point.name() + " " + irrep.name() + " in the EBR of " + TYPES[t]);
                }
                projectors.add(p);
                names.add(irrep.name());
                for (int x = 0; x < rest.length; x++) {
                    rest[x] -= p[x];
                }
            }
            int pairsExpected = 0;
            if (fourfold) {
                // the 2D irrep E: B2 and B3 EBRs at Γ, M (Table I), A and B1 EBRs at Z, A (Table II)
                int[] e = point.name().equals("G") || point.name().equals("M") ? new int[] {0, 0, 2, 2}
                        : new int[] {2, 2, 0, 0};
                for (int t = 0; t < 4; t++) {
                    assertEquals(e[t] * counts[t], traceOverType(rest, TYPES[t]), point.name() + " E in " + TYPES[t]);
                }
                projectors.add(rest);
                names.add("E");
            } else {
                assertEquals(0, ComplexMatrices.maxAbs(rest), 1e-9, "the four D2 irreps exhaust " + point.name());
            }
            // H(k) is block diagonal: it commutes with every projector; the blocks' spectra make up H's spectrum
            List<Double> union = new ArrayList<>();
            for (int b = 0; b < projectors.size(); b++) {
                double[] p = projectors.get(b);
                double comm = ComplexMatrices.maxDifference(ComplexMatrices.multiply(p, h, DIM),
                        ComplexMatrices.multiply(h, p, DIM));
                assertEquals(0, comm, 1e-10 * scale, point.name() + " " + names.get(b));
                int[] rank = new int[1];
                double[] basis = range(p, rank);
                if (rank[0] == 0) {
                    continue;
                }
                double[] block = ComplexMatrices.project(h, basis, DIM, rank[0]);
                double[] e = Lapack.lowestEigenpairsHermitian(block, rank[0], rank[0], false).values();
                if (names.get(b).equals("E")) {
                    assertEquals(0, rank[0] % 2);
                    for (int n = 0; n < rank[0]; n += 2) {
                        assertEquals(e[n], e[n + 1], 1e-9 * scale, point.name() + ": E levels come in pairs");
                    }
                    pairsExpected = rank[0] / 2;
                }
                for (double v : e) {
                    union.add(v);
                }
            }
            double[] full = Lapack.lowestEigenpairsHermitian(h, DIM, DIM, false).values();
            union.sort(Double::compare);
            int degenerate = 0;
            for (int n = 0; n < DIM; n++) {
                assertEquals(full[n], union.get(n), 1e-9 * scale, point.name() + " level " + n);
                if (n > 0 && full[n] - full[n - 1] < 1e-9 * scale) {
                    degenerate++;
                }
            }
            // for random parameters the only degeneracies are the E pairs (none at X, R)
            assertEquals(pairsExpected, degenerate, point.name() + ": degenerate pairs");
            assertEquals(fourfold ? (point.name().equals("G") || point.name().equals("M") ? 7 : 9) : 0, pairsExpected);
        }
    }
}
