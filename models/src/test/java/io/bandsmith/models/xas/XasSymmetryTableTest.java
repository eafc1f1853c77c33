package io.bandsmith.models.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The 230 -> point group -> crystal system table against facts from the International Tables. */
class XasSymmetryTableTest {
    @Test
    void knownSpaceGroups() {
        check(1, "1", CrystalSystem.TRICLINIC);       // P1
        check(2, "-1", CrystalSystem.TRICLINIC);      // P-1
        check(14, "2/m", CrystalSystem.MONOCLINIC);   // P2_1/c
        check(62, "mmm", CrystalSystem.ORTHORHOMBIC); // Pnma
        check(109, "4mm", CrystalSystem.TETRAGONAL);  // I4_1md (TaAs)
        check(139, "4/mmm", CrystalSystem.TETRAGONAL); // I4/mmm
        check(166, "-3m", CrystalSystem.TRIGONAL);    // R-3m (Bi2Se3)
        check(160, "3m", CrystalSystem.TRIGONAL);     // R3m
        check(174, "-6", CrystalSystem.HEXAGONAL);    // P-6
        check(186, "6mm", CrystalSystem.HEXAGONAL);   // P6_3mc (wurtzite ZnO)
        check(187, "-6m2", CrystalSystem.HEXAGONAL);  // P-6m2
        check(194, "6/mmm", CrystalSystem.HEXAGONAL); // P6_3/mmc
        check(216, "-43m", CrystalSystem.CUBIC);      // F-43m (zinc blende)
        check(225, "m-3m", CrystalSystem.CUBIC);      // Fm-3m (rock salt)
        check(227, "m-3m", CrystalSystem.CUBIC);      // Fd-3m (diamond)
        check(230, "m-3m", CrystalSystem.CUBIC);      // Ia-3d
        check(205, "m-3", CrystalSystem.CUBIC);       // Pa-3 (pyrite)
        check(198, "23", CrystalSystem.CUBIC);        // P2_13
    }

    private static void check(int sg, String pointGroup, CrystalSystem system) {
        SpaceGroupSymmetry s = SpaceGroupSymmetry.of(sg);
        assertEquals(pointGroup, s.pointGroup().symbol(), "point group of " + sg);
        assertEquals(system, s.crystalSystem(), "crystal system of " + sg);
    }

    @Test
    void crystalSystemSizesMatchTheInternationalTables() {
        Map<CrystalSystem, Integer> count = new EnumMap<>(CrystalSystem.class);
        Map<CrystalSystem, Integer> pointGroups = new EnumMap<>(CrystalSystem.class);
        for (int n = 1; n <= 230; n++) {
            count.merge(SpaceGroupSymmetry.of(n).crystalSystem(), 1, Integer::sum);
        }
        for (CrystalPointGroup g : CrystalPointGroup.values()) {
            pointGroups.merge(g.crystalSystem(), 1, Integer::sum);
        }
        assertEquals(Map.of(CrystalSystem.TRICLINIC, 2, CrystalSystem.MONOCLINIC, 13, CrystalSystem.ORTHORHOMBIC, 59,
                CrystalSystem.TETRAGONAL, 68, CrystalSystem.TRIGONAL, 25, CrystalSystem.HEXAGONAL, 27,
                CrystalSystem.CUBIC, 36), count);
        assertEquals(Map.of(CrystalSystem.TRICLINIC, 2, CrystalSystem.MONOCLINIC, 3, CrystalSystem.ORTHORHOMBIC, 3,
                CrystalSystem.TETRAGONAL, 7, CrystalSystem.TRIGONAL, 5, CrystalSystem.HEXAGONAL, 7,
                CrystalSystem.CUBIC, 5), pointGroups);
        assertEquals(32, CrystalPointGroup.values().length);
        // the blocks tile 1..230 without gaps
        int next = 1;
        for (CrystalPointGroup g : CrystalPointGroup.values()) {
            assertEquals(next, g.firstSpaceGroup(), g.symbol());
            next = g.lastSpaceGroup() + 1;
        }
        assertEquals(231, next);
        // geometric classes with many space groups: mmm 28, mm2 22, 4/mmm 20, m-3m 10
        assertEquals(28, size(CrystalPointGroup.D2H));
        assertEquals(22, size(CrystalPointGroup.C2V));
        assertEquals(20, size(CrystalPointGroup.D4H));
        assertEquals(10, size(CrystalPointGroup.OH));
    }

    private static int size(CrystalPointGroup g) {
        return g.lastSpaceGroup() - g.firstSpaceGroup() + 1;
    }

    @Test
    void oneHotHasThreeOnesAtTheRightPlaces() {
        float[] v = SpaceGroupSymmetry.of(166).oneHot();
        assertEquals(269, v.length);
        float sum = 0;
        for (float f : v) {
            sum += f;
        }
        assertEquals(3, sum, 0);
        assertEquals(1, v[CrystalSystem.TRIGONAL.ordinal()], 0);
        assertEquals(1, v[7 + CrystalPointGroup.D3D.ordinal()], 0);
        assertEquals(1, v[7 + 32 + 165], 0);
    }

    @Test
    void inconsistentSymmetryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SpaceGroupSymmetry.of(0));
        assertThrows(IllegalArgumentException.class, () -> SpaceGroupSymmetry.of(231));
        assertThrows(IllegalArgumentException.class, () -> new SpaceGroupSymmetry(166, CrystalPointGroup.D6H,
                CrystalSystem.HEXAGONAL, java.util.Optional.empty()));
    }

    @Test
    void periodicTablePositions() {
        assertEquals(1, ChemicalElement.ofSymbol("H").group());
        assertEquals(18, ChemicalElement.ofSymbol("He").group());
        assertEquals(13, ChemicalElement.ofSymbol("B").group());
        assertEquals(15, ChemicalElement.ofSymbol("Bi").group());
        assertEquals(6, ChemicalElement.ofSymbol("Bi").period());
        assertEquals(4, ChemicalElement.ofSymbol("Hf").group());
        assertEquals(12, ChemicalElement.ofSymbol("Zn").group());
        assertEquals(0, ChemicalElement.ofSymbol("Ce").group());
        assertEquals(1, ChemicalElement.ofSymbol("Ce").fBlockColumn());
        assertEquals(3, ChemicalElement.ofSymbol("Y").group());
        assertEquals(27, ChemicalElement.ofSymbol("co").atomicNumber());
        assertThrows(IllegalArgumentException.class, () -> ChemicalElement.ofSymbol("Xx"));
    }

    @Test
    void reducedFormulaMatchesTheCatalogueKeys() {
        assertEquals("Bi2Se3", ReducedFormula.parse("Se6Bi4").text());
        assertEquals("Bi1Na3", ReducedFormula.parse("Na3Bi").text());
        assertEquals("Sn1", ReducedFormula.parse("Sn8").text());
        assertEquals("Co1Li1O2", ReducedFormula.parse("LiCoO2").text());
        assertThrows(IllegalArgumentException.class, () -> ReducedFormula.ofAmounts(Map.of("Fe", 0.5, "O", 1.0)));
    }
}
