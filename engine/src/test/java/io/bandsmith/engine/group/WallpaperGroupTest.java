package io.bandsmith.engine.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.ejml.data.Complex_F64;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class WallpaperGroupTest {
    @Test
    void everyDataEntryLoadsWithOrthonormalCompleteCharacterTables() {
        Map<String, Integer> orders = Map.of("p2", 2, "p3", 3, "p4", 4, "p6", 6, "p4mm", 8, "p6mm", 12);
        for (String name : WallpaperGroup.NAMES) {
            WallpaperGroup g = WallpaperGroup.named(name);
            assertEquals(orders.get(name), g.pointGroupOrder(), name);
            assertTrue(g.isSymmorphic(), name);
            for (MaximalKPoint p : g.maximalPoints()) {
                assertOrthonormal(p.table());
                // the little co-group leaves k invariant modulo the reciprocal lattice (checked independently here)
                for (SymOp h : p.littleGroup()) {
                    assertTrue(SymOp.sameModLattice(h.applyToReciprocal(p.kappa()), p.kappa()), name + " " + p.name());
                }
            }
            for (WyckoffPosition w : g.wyckoffPositions()) {
                assertOrthonormal(w.siteTable());
                // orbit size × site-group order = group order (orbit-stabilizer)
                assertEquals(g.pointGroupOrder(), w.multiplicity() * w.siteGroup().size(), name + " " + w.label());
                for (SymOp s : w.siteGroup()) {
                    double[] q = s.apply(w.position());
                    assertEquals(w.position()[0], q[0], 1e-12);
                    assertEquals(w.position()[1], q[1], 1e-12);
                }
            }
        }
    }

    /** Σ_g χ_i(g)* χ_j(g) = |G| δ_ij, and Σ dim² = |G|, recomputed here without the table's own check. */
    private static void assertOrthonormal(CharacterTable t) {
        int n = t.order();
        int sum = 0;
        for (CharacterTable.Irrep a : t.irreps()) {
            sum += a.dimension() * a.dimension();
            for (CharacterTable.Irrep b : t.irreps()) {
                double re = 0;
                double im = 0;
                for (int g = 0; g < n; g++) {
                    Complex_F64 x = a.characters().get(g);
                    Complex_F64 y = b.characters().get(g);
                    re += x.real * y.real + x.imaginary * y.imaginary;
                    im += x.real * y.imaginary - x.imaginary * y.real;
                }
                assertEquals(a == b ? n : 0, re, 1e-12, t.name() + " " + a.name() + "," + b.name());
                assertEquals(0, im, 1e-12);
            }
        }
        assertEquals(n, sum, t.name());
    }

    @Test
    void theGroupIsClosedFromItsGeneratorsAndEveryProductStaysInIt() {
        for (String name : WallpaperGroup.NAMES) {
            List<SymOp> ops = WallpaperGroup.named(name).operations();
            for (SymOp a : ops) {
                for (SymOp b : ops) {
                    SymOp ab = a.compose(b).reduced();
                    assertEquals(1, ops.stream().filter(o -> o.equalsModLattice(ab)).count(), name);
                }
                assertTrue(a.compose(a.inverse()).equalsModLattice(SymOp.identity(2)));
            }
        }
    }

    @Test
    void timeReversalPairsComplexIrrepsOnlyWhereAnAntiunitaryElementFixesK() {
        // p4: C4 eigenvalues ±i at Γ and M pair into p; conventions.md labels s, p, d and +, - at X
        WallpaperGroup p4 = WallpaperGroup.named("p4");
        assertEquals(List.of("s", "p", "d"), p4.maximalPoint("G").labels());
        assertEquals(List.of("+", "-"), p4.maximalPoint("X").labels());
        assertEquals(2, p4.maximalPoint("M").corep("p").dimension());
        // p6: K is mapped to −K by C2, so C2·T pairs the C3 eigenvalues ω and ω* ("1" is two-dimensional)
        assertEquals(List.of("0", "1"), WallpaperGroup.named("p6").maximalPoint("K").labels());
        assertEquals(List.of("s", "p", "d", "f"), WallpaperGroup.named("p6").maximalPoint("G").labels());
        // p3 has no C2: nothing maps K to −K ≡ K', the three C3 irreps at K stay one-dimensional
        assertEquals(List.of("0", "1", "2"), WallpaperGroup.named("p3").maximalPoint("K").labels());
        assertEquals(List.of("A", "E"), WallpaperGroup.named("p3").maximalPoint("G").labels());
    }

    @Test
    void operationNamesFollowTheRotationSenseAndTheMirrorLine() {
        assertEquals("4+", new SymOp(new int[][] {{0, -1}, {1, 0}}, new double[2], false).pointName());
        assertEquals("6+", new SymOp(new int[][] {{0, -1}, {1, 1}}, new double[2], false).pointName());
        assertEquals("3-", new SymOp(new int[][] {{0, 1}, {-1, -1}}, new double[2], false).pointName());
        assertEquals("m[1,1]", new SymOp(new int[][] {{0, 1}, {1, 0}}, new double[2], false).pointName());
        // the hexagonal mirror y -> -y fixes a1 and sends a2 to a1 - a2
        assertEquals("m[1,0]", new SymOp(new int[][] {{1, 1}, {0, -1}}, new double[2], false).pointName());
    }

    @Test
    void aBrokenTableIsRejectedWhenLoaded() throws Exception {
        JsonNode doc;
        try (InputStream in = WallpaperGroup.class.getResourceAsStream("p4.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        // d with χ(C4) = +1 instead of −1: no longer orthogonal to s
        ObjectNode broken = doc.deepCopy();
        ((ArrayNode) broken.at("/tables/C4/irreps/3/chi")).set(1, "1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WallpaperGroup.fromJson(broken));
        assertTrue(e.getMessage().contains("class function") || e.getMessage().contains("orthonormal"),
                e.getMessage());
        // a missing irrep: the table is incomplete
        ObjectNode incomplete = doc.deepCopy();
        ((ArrayNode) incomplete.at("/tables/C4/irreps")).remove(3);
        e = assertThrows(IllegalArgumentException.class, () -> WallpaperGroup.fromJson(incomplete));
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
        // a table whose elements are not the little co-group of its point (C4 at X)
        ObjectNode wrongGroup = doc.deepCopy();
        ((ObjectNode) wrongGroup.at("/kpoints/1")).put("table", "C4");
        e = assertThrows(IllegalArgumentException.class, () -> WallpaperGroup.fromJson(wrongGroup));
        assertTrue(e.getMessage().contains("not the group"), e.getMessage());
        // time-reversal partners must share a label
        ObjectNode badLabel = doc.deepCopy();
        ((ObjectNode) badLabel.at("/tables/C4/irreps/2")).put("label", "q");
        e = assertThrows(IllegalArgumentException.class, () -> WallpaperGroup.fromJson(badLabel));
        assertTrue(e.getMessage().contains("time-reversal partners"), e.getMessage());
    }

    @Test
    void unknownGroupIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WallpaperGroup.named("p5"));
        assertTrue(e.getMessage().contains("p5"));
    }
}
