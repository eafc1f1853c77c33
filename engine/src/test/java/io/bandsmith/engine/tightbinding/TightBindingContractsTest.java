package io.bandsmith.engine.tightbinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;

/**
 * A tight-binding model checks its physics where it is made: Hermiticity, C_n covariance and (when imposed) time
 * reversal; each broken on purpose here must be refused, and the builder's bookkeeping errors must be reported.
 */
class TightBindingContractsTest {
    private static final SymmetrySetting P6_TR = new SymmetrySetting(HexagonalLattice.INSTANCE, 6, true);
    private static final SymmetrySetting P6 = new SymmetrySetting(HexagonalLattice.INSTANCE, 6, false);
    private static final List<OrbitalSpec> S = List.of(OrbitalSpec.atOrigin("s", "s", 0));

    private static TightBindingParameter param(HoppingTerm... terms) {
        return new TightBindingParameter("x", "hopping", List.of(terms));
    }

    /** The six nearest-neighbour translations of the triangular lattice (a C6 orbit). */
    private static final int[][] NN = {{1, 0}, {0, 1}, {-1, 1}, {-1, 0}, {0, -1}, {1, -1}};

    @Test
    void aSymmetricModelIsAcceptedAndItsBandIsTheClosedForm() {
        HoppingTerm[] terms = new HoppingTerm[6];
        for (int i = 0; i < 6; i++) {
            terms[i] = new HoppingTerm(0, 0, NN[i][0], NN[i][1], 1, 0);
        }
        TightBindingModel m = new TightBindingModel("tri", P6_TR, S, List.of(param(terms)));
        KVector k = new KVector(0.7, -1.1);
        double expected = 0;
        for (int[] t : NN) {
            expected += Math.cos(k.kx() * (t[0] + 0.5 * t[1]) + k.ky() * Math.sqrt(3) / 2 * t[1]);
        }
        double[] h = m.hamiltonian(new double[] {0.5}, k);
        assertEquals(0.5 * expected, h[0], 1e-12, "E(k) = t Σ cos(k·t)");
        assertEquals(0, h[1], 1e-12);
        assertTrue(m.symmetryViolation(new double[] {0.5}, k) < 1e-12);
        assertEquals(List.of("x"), m.parameterNames());
        assertEquals(1, m.parameterCount());
        assertEquals(0, m.timeReversalPartner(0));
        assertThrows(IllegalArgumentException.class, () -> m.hamiltonian(new double[] {1, 2}, k));
        assertThrows(IllegalArgumentException.class, () -> m.highSymmetryLevels(new double[] {1},
                HexagonalLattice.GAMMA, 2), "two levels of a one-orbital model");
    }

    @Test
    void brokenHermiticityRotationOrTimeReversalIsRefused() {
        // one hop without its Hermitian partner
        assertThrows(IllegalStateException.class, () -> new TightBindingModel("not Hermitian", P6_TR, S,
                List.of(param(new HoppingTerm(0, 0, 1, 0, 1, 0)))));
        // Hermitian, but only along ±a1: not C6-covariant
        assertThrows(IllegalStateException.class, () -> new TightBindingModel("not C6", P6_TR, S,
                List.of(param(new HoppingTerm(0, 0, 1, 0, 1, 0), new HoppingTerm(0, 0, -1, 0, 1, 0)))));
        // Hermitian and C6-covariant, but i t e^{ik·a} - i t e^{-ik·a}: odd in k, breaks time reversal
        HoppingTerm[] chiral = new HoppingTerm[6];
        for (int i = 0; i < 6; i++) {
            chiral[i] = new HoppingTerm(0, 0, NN[i][0], NN[i][1], 0, i % 2 == 0 ? 1 : -1);
        }
        assertThrows(IllegalStateException.class, () -> new TightBindingModel("not T", P6_TR, S,
                List.of(param(chiral))));
        // the last is a C6-breaking pattern too (alternating signs break C6 down to C3); without T and with C3 only
        // it is a legal model (Haldane-like)
        TightBindingModel c3 = new TightBindingModel("C3 no T", new SymmetrySetting(HexagonalLattice.INSTANCE, 3, false),
                S, List.of(param(chiral)));
        KVector k = new KVector(0.4, 0.9);
        double[] h = c3.hamiltonian(new double[] {1}, k);
        assertTrue(Math.abs(h[0]) > 0.1, "sin terms survive");
        assertThrows(IllegalArgumentException.class, () -> c3.highSymmetryLevels(new double[] {1},
                HexagonalLattice.M, 1), "M needs C2, a C3 model has none");
        assertThrows(UnsupportedOperationException.class, () -> c3.highSymmetryLevels(new double[] {1},
                HexagonalLattice.K, 1), "labels by |m| need time reversal");
        // without T, C6 holds for an even-in-space imaginary hop? i(e^{ik·t} - e^{-ik·t}) pattern with all + signs
        // is not Hermitian: refused even without T
        HoppingTerm[] same = new HoppingTerm[6];
        for (int i = 0; i < 6; i++) {
            same[i] = new HoppingTerm(0, 0, NN[i][0], NN[i][1], 0, 1);
        }
        assertThrows(IllegalStateException.class, () -> new TightBindingModel("anti-Hermitian", P6, S,
                List.of(param(same))));
    }

    @Test
    void builderBookkeepingErrorsAreReported() {
        TightBindingModelBuilder b = new TightBindingModelBuilder("t", P6_TR);
        b.addOrbital(OrbitalSpec.atOrigin("s", "s", 0));
        assertThrows(IllegalArgumentException.class, () -> b.addOrbital(OrbitalSpec.atOrigin("s", "s2", 0)));
        assertEquals(0, b.orbitalIndex("s"));
        assertThrows(IllegalArgumentException.class, () -> b.orbitalIndex("p"));
        assertThrows(IllegalArgumentException.class, () -> b.addParameter("bad", "hopping",
                List.of(new HoppingTerm(0, 1, 1, 0, 1, 0)), 1));
        assertThrows(IllegalArgumentException.class, () -> b.addParameter("bad", "hopping",
                List.of(new HoppingTerm(-1, 0, 1, 0, 1, 0)), 1));
        b.addParameter("t", "hopping", List.of(new HoppingTerm(0, 0, 1, 0, 1, 0)), 2);
        assertThrows(IllegalStateException.class, () -> b.addOrbital(OrbitalSpec.atOrigin("p", "p", 1)),
                "orbitals after parameters");
        assertEquals(1.0, b.distance(0, 0, 1, 0), 1e-12);
        assertEquals(Math.sqrt(3), b.distance(0, 0, 1, 1), 1e-12);
        TightBindingModel m = b.build();
        // scale 2: the seeded matrix element is 2 x its seed value, and the C6 images carry the same value
        double[] h = m.hamiltonian(new double[] {1}, KVector.ZERO);
        assertEquals(12, h[0], 1e-12, "six bonds of 2 at Γ");
        assertThrows(IllegalArgumentException.class, () -> new OrbitalSpec(" ", "s", 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OrbitalSpec("s", "", 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OrbitalSpec("s", "s", Double.NaN, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OrbitalSpec("s", "s", 0, Double.POSITIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> new SymmetrySetting(HexagonalLattice.INSTANCE, 5, true));
        for (int order : new int[] {1, 2, 3, 4, 6}) {
            assertEquals(order, new SymmetrySetting(HexagonalLattice.INSTANCE, order, true).rotationOrder());
        }
    }

    @Test
    void symmetrySettingMapsPositionsAndWaveVectors() {
        double[] c = P6_TR.cartesian(1.0 / 3, 1.0 / 3);
        assertEquals(0.5, c[0], 1e-12);
        assertEquals(Math.sqrt(3) / 6, c[1], 1e-12);
        double[] back = P6_TR.fractional(c[0], c[1]);
        assertEquals(1.0 / 3, back[0], 1e-12);
        assertEquals(1.0 / 3, back[1], 1e-12);
        // conventions.md: C6 maps (u, v) -> (-v, u + v)
        double[] r = P6_TR.rotateFractional(0.2, 0.7, 1);
        assertEquals(-0.7, r[0], 1e-12);
        assertEquals(0.9, r[1], 1e-12);
        double[] r2 = P6_TR.rotateFractional(0.2, 0.7, 2);
        assertEquals(-0.9, r2[0], 1e-12);
        assertEquals(0.2, r2[1], 1e-12);
        assertEquals(Math.PI / 3, P6_TR.angle(1), 1e-15);
        KVector k = P6_TR.rotateK(new KVector(1, 0), 1);
        assertEquals(0.5, k.kx(), 1e-12);
        assertEquals(Math.sqrt(3) / 2, k.ky(), 1e-12);
        assertEquals(0.3 * (1 + 0.5 * 2) + 0.4 * Math.sqrt(3) / 2 * 2, P6_TR.phase(new KVector(0.3, 0.4), 1, 2), 1e-12);
    }
}
