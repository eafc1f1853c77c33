package io.bandsmith.engine.symmetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.HighSymmetryPoint;

/**
 * The small symmetry objects against their definitions (conventions.md, appendix H): labels, characters, fingerprints
 * and the compatibility relations, and the EBR decompositions by exhaustive search.
 */
class SymmetryContractsTest {
    private static final HighSymmetryPoint G = HexagonalLattice.GAMMA;
    private static final HighSymmetryPoint K = HexagonalLattice.K;
    private static final HighSymmetryPoint M = HexagonalLattice.M;

    @Test
    void labelsAreNamedByAbsMAndHaveTheRightDimensionAndCharacters() {
        String[] names = {"s", "p", "d", "f"};
        for (int m = 0; m <= 3; m++) {
            IrrepLabel l = IrrepLabel.of(G, m);
            assertEquals(names[m], l.symbol());
            assertEquals(l, IrrepLabel.parse(G, names[m]));
            assertEquals(m == 1 || m == 2 ? 2 : 1, l.dimension());
            for (int power = 0; power < 6; power++) {
                // χ(C6^power) = Σ over ±m of e^{-2πi m power / 6}: 2cos for a pair, the eigenvalue for a singlet
                double c = Math.cos(2 * Math.PI * m * power / 6);
                assertEquals(l.dimension() * c, l.character(power), 1e-12, names[m] + " power " + power);
            }
        }
        assertEquals("0", IrrepLabel.of(K, 0).symbol());
        assertEquals("1", IrrepLabel.of(K, 1).symbol());
        assertEquals(2, IrrepLabel.of(K, 1).dimension());
        assertEquals(1, IrrepLabel.of(K, 0).dimension());
        assertEquals(-1.0, IrrepLabel.of(K, 1).character(1), 1e-12, "2 cos(2π/3)");
        assertEquals("+", IrrepLabel.of(M, 0).symbol());
        assertEquals("-", IrrepLabel.of(M, 1).symbol());
        assertEquals(1, IrrepLabel.of(M, 1).dimension(), "|m| = n/2 is a real singlet");
        assertEquals(-1.0, IrrepLabel.of(M, 1).character(1), 1e-12);
        assertEquals(IrrepLabel.of(M, 1), IrrepLabel.parse(M, "-"));
        assertEquals(IrrepLabel.of(K, 1), IrrepLabel.parse(K, "1"));
        assertEquals("f", IrrepLabel.of(G, 3).toString());
        assertThrows(IllegalArgumentException.class, () -> IrrepLabel.parse(G, "+"));
        assertThrows(IllegalArgumentException.class, () -> IrrepLabel.parse(M, "s"));
        assertThrows(IllegalArgumentException.class, () -> new IrrepLabel("G", 6, 4));
        assertThrows(IllegalArgumentException.class, () -> new IrrepLabel("M", 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new IrrepLabel("G", 6, -1));
        new IrrepLabel("K", 3, 1); // |m| = 1 <= 3/2
    }

    private static HighSymmetryLevels levels(HighSymmetryPoint p, String... symbols) {
        double[] e = new double[symbols.length];
        List<IrrepLabel> l = new java.util.ArrayList<>();
        for (int n = 0; n < symbols.length; n++) {
            e[n] = n;
            l.add(IrrepLabel.parse(p, symbols[n]));
        }
        return new HighSymmetryLevels(p, e, l);
    }

    @Test
    void fingerprintsCountLabelsAndFollowTheCompatibilityRelations() {
        // 3c_A by hand: s + d pair at Γ, one singlet and one pair at K, one even and two odd at M
        HighSymmetryLevels g = levels(G, "f", "s", "d", "d", "p", "p");
        HighSymmetryLevels k = levels(K, "0", "1", "1", "0", "1", "1");
        HighSymmetryLevels m = levels(M, "+", "+", "-", "-", "+", "-");
        SymmetryFingerprint f = SymmetryFingerprint.ofLevels(g, k, m, 1, 3);
        assertArrayEquals(new int[] {1, 0, 1, 0, 1, 1}, f.toArray());
        assertEquals(List.of(1, 0, 1, 0, 1, 1), f.toList());
        assertEquals(3, f.bandCount());
        assertEquals(2, f.nMinus());
        assertEquals(1, f.n1());
        assertTrue(f.satisfiesCompatibilityRelations());
        assertTrue(f.hasEvenC2Parity());
        assertEquals("(1,0,1,0,1,1)", f.toString());
        SymmetryFingerprint all = SymmetryFingerprint.ofLevels(g, k, m, 0, 5);
        assertArrayEquals(new int[] {1, 1, 1, 1, 2, 3}, all.toArray());
        assertEquals(SymmetryFingerprint.of(new int[] {2, 0, 2, 0, 2, 2}), f.times(2));
        assertEquals(SymmetryFingerprint.of(new int[] {2, 1, 2, 1, 3, 4}), f.plus(all));
        // a range cutting the d pair at Γ or a "1" pair at K is refused
        assertThrows(IllegalArgumentException.class, () -> SymmetryFingerprint.ofLevels(g, k, m, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> SymmetryFingerprint.ofLevels(g, k, m, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> SymmetryFingerprint.ofLevels(g, k, m, 0, 1),
                "a K pair cut (Γ holds f, s: no pair cut there)");
        assertThrows(IllegalArgumentException.class, () -> SymmetryFingerprint.ofLevels(g, k, m, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> SymmetryFingerprint.ofLevels(g, k, m, 0, 6));
        // violations: n1 half-integer, n- negative, odd parity
        SymmetryFingerprint halfN1 = SymmetryFingerprint.of(new int[] {1, 0, 0, 0, 0, 1});
        assertEquals(-1, halfN1.n1());
        assertFalse(halfN1.satisfiesCompatibilityRelations());
        SymmetryFingerprint negativeMinus = SymmetryFingerprint.of(new int[] {1, 0, 0, 0, 1, 2});
        assertEquals(-1, negativeMinus.nMinus());
        assertFalse(negativeMinus.satisfiesCompatibilityRelations());
        SymmetryFingerprint tooManyK = SymmetryFingerprint.of(new int[] {1, 0, 0, 0, 3, 1});
        assertEquals(-1, tooManyK.n1());
        assertFalse(SymmetryFingerprint.of(new int[] {0, 0, 0, 1, 1, 1}).hasEvenC2Parity(), "f with an even M");
        assertTrue(SymmetryFingerprint.of(new int[] {0, 0, 0, 1, 1, 0}).hasEvenC2Parity(), "1a_f");
        assertThrows(IllegalArgumentException.class, () -> SymmetryFingerprint.of(new int[] {1, 0, 0, 0, 1}));
        for (int i = 0; i < 6; i++) {
            int[] v = new int[6];
            v[i] = -1;
            assertThrows(IllegalArgumentException.class, () -> SymmetryFingerprint.of(v));
        }
    }

    @Test
    void everyDecompositionIsFoundOnceAndOrderedByTheNumberOfEbrs() {
        List<ElementaryBandRepresentation> ebrs = ElementaryBandRepresentation.P6_WITH_TIME_REVERSAL;
        SymmetryFingerprint target = ElementaryBandRepresentation.named("2b_A").fingerprint()
                .plus(ElementaryBandRepresentation.named("2b_E").fingerprint())
                .plus(ElementaryBandRepresentation.named("1a_s").fingerprint());
        List<int[]> all = EbrDecomposition.all(target);
        // brute force over all multiplicity vectors with at most 3 of each EBR
        int expected = 0;
        int[] mult = new int[8];
        for (int code = 0; code < 1 << 16; code++) {
            int[] sum = new int[6];
            int c = code;
            for (int e = 0; e < 8; e++) {
                mult[e] = c & 3;
                c >>= 2;
                for (int i = 0; i < 6; i++) {
                    sum[i] += mult[e] * ebrs.get(e).fingerprint().toArray()[i];
                }
            }
            if (java.util.Arrays.equals(sum, target.toArray())) {
                expected++;
                boolean found = false;
                for (int[] d : all) {
                    found |= java.util.Arrays.equals(d, mult);
                }
                assertTrue(found, "missing " + java.util.Arrays.toString(mult));
            }
        }
        assertEquals(expected, all.size());
        for (int i = 1; i < all.size(); i++) {
            int a = java.util.Arrays.stream(all.get(i - 1)).sum();
            int b = java.util.Arrays.stream(all.get(i)).sum();
            assertTrue(a <= b, "fewest EBRs first");
        }
        assertEquals(List.of("1a_s", "2b_A", "2b_E"), EbrDecomposition.preferred(target).stream().sorted().toList());
        assertEquals(List.of("1a_s", "1a_s"), EbrDecomposition.preferred(
                ElementaryBandRepresentation.named("1a_s").fingerprint().times(2)));
        assertTrue(EbrDecomposition.preferred(SymmetryFingerprint.of(new int[] {0, 0, 1, 0, 0, 0})).isEmpty());
        assertEquals(List.of(), EbrDecomposition.all(SymmetryFingerprint.of(new int[] {0, 0, 0, 0, 0, 1})));
        assertThrows(IllegalArgumentException.class, () -> ElementaryBandRepresentation.named("4d_A"));
        assertEquals("3c_B", ElementaryBandRepresentation.named("3c_B").name());
        assertEquals("3c", ElementaryBandRepresentation.named("3c_B").wyckoff());
        assertTrue(ElementaryBandRepresentation.named("1a_p").toString().startsWith("1a_p("));
    }
}
