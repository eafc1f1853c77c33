package io.bandsmith.engine.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ElementaryBandRepresentationTest {
    /**
     * The p6 + TR EBR table as derived by hand (docs/topology.md): e.g. 3c_A (s orbitals on the kagome sites): at Γ
     * C6 and C3 permute the three sites, C2 fixes each, so χ = (3, 0, 0, 3, 0, 0) -> s + d; at M, C2 gives the
     * phases e^{iG·q} = (-1, -1, +1) -> one even, two odd; at K, C3 permutes the sites -> one of each m.
     */
    private static final Map<String, int[]> BY_HAND = Map.of(
            "1a_s", new int[] {1, 0, 0, 0, 1, 1},
            "1a_p", new int[] {0, 1, 0, 0, 0, 0},
            "1a_d", new int[] {0, 0, 1, 0, 0, 2},
            "1a_f", new int[] {0, 0, 0, 1, 1, 0},
            "2b_A", new int[] {1, 0, 0, 1, 0, 1},
            "2b_E", new int[] {0, 1, 1, 0, 2, 2},
            "3c_A", new int[] {1, 0, 1, 0, 1, 1},
            "3c_B", new int[] {0, 1, 0, 1, 1, 2});

    @Test
    void inductionReproducesTheTableDerivedByHand() {
        assertEquals(8, ElementaryBandRepresentation.P6_WITH_TIME_REVERSAL.size());
        for (ElementaryBandRepresentation e : ElementaryBandRepresentation.P6_WITH_TIME_REVERSAL) {
            assertEquals(SymmetryFingerprint.of(BY_HAND.get(e.name())), e.fingerprint(), e.name());
            assertTrue(e.fingerprint().satisfiesCompatibilityRelations(), e.name());
            assertTrue(e.fingerprint().hasEvenC2Parity(), "an EBR is a connected set: " + e.name());
        }
        assertEquals(1, ElementaryBandRepresentation.named("1a_s").bandCount());
        assertEquals(4, ElementaryBandRepresentation.named("2b_E").bandCount());
        assertEquals(3, ElementaryBandRepresentation.named("3c_B").bandCount());
    }

    @Test
    void decompositionsAreNotUniqueButFindTheSmallest() {
        SymmetryFingerprint sum = ElementaryBandRepresentation.named("3c_A").fingerprint()
                .plus(ElementaryBandRepresentation.named("3c_B").fingerprint());
        List<int[]> all = EbrDecomposition.all(sum);
        assertEquals(3, all.size(), "3c_A+3c_B = 2b_A+2b_E = 1a_s+1a_p+1a_d+1a_f");
        assertEquals(2, EbrDecomposition.preferred(sum).size());
        assertEquals(List.of("3c_A"), EbrDecomposition.preferred(SymmetryFingerprint.of(new int[] {1, 0, 1, 0, 1, 1})));
    }

    @Test
    void theTwoFragileFingerprintsHaveNoNonNegativeDecomposition() {
        // 3c_A - 1a_s (the lower kagome triple minus an s band) and 3c_B - 1a_f (the upper one minus an f band)
        SymmetryFingerprint lower = SymmetryFingerprint.of(new int[] {0, 0, 1, 0, 0, 0});
        SymmetryFingerprint upper = SymmetryFingerprint.of(new int[] {0, 1, 0, 0, 0, 2});
        assertTrue(EbrDecomposition.all(lower).isEmpty());
        assertTrue(EbrDecomposition.all(upper).isEmpty());
        assertTrue(lower.hasEvenC2Parity() && upper.hasEvenC2Parity(), "both can be isolated sets");
        assertEquals(2, lower.nMinus());
        assertEquals(1, lower.n1());
    }
}
