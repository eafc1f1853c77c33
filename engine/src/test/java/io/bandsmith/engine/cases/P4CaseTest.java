package io.bandsmith.engine.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.group.GroupRandomPotentials;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.solver.CasePlaneWaveSolver;

/** The p4 case (conventions.md, "Case p4"): k sets, random potentials, the empty lattice, bad grids. */
class P4CaseTest {
    private static final CaseStudy P4 = CaseStudy.named("p4");
    private static final double PI2 = Math.PI * Math.PI;

    @Test
    void wedgeGridsAndPathFollowTheConventions() {
        KPointSet w = P4.wedge(91);
        assertEquals(91, w.size());
        assertEquals(0, w.get(0).kx(), 0);
        // i outer, j inner, 0 <= j <= i <= 12: the second point is (π/12, 0), the last is M
        assertEquals(Math.PI / 12, w.get(1).kx(), 1e-15);
        assertEquals(0, w.get(1).ky(), 0);
        assertEquals(Math.PI, w.get(90).kx(), 1e-15);
        assertEquals(Math.PI, w.get(90).ky(), 1e-15);
        assertEquals(861, P4.wedge(861).size());
        assertThrows(IllegalArgumentException.class, () -> P4.wedge(79));
        KPointSet path = P4.path(10);
        assertEquals(31, path.size());
        assertEquals(Math.PI, path.get(10).kx(), 1e-15); // X
        assertEquals(Math.PI, path.get(20).ky(), 1e-15); // M
        assertEquals(List.of("G", "X", "M"), P4.highSymmetryPoints().stream().map(p -> p.name()).toList());
    }

    @Test
    void randomPotentialsAreExactlyC4SymmetricOver42Stars() {
        GroupRandomPotentials gen = GroupRandomPotentials.of(P4.group(), 1);
        assertEquals(42, gen.stars().size());
        assertEquals(168, gen.stars().stream().mapToInt(s -> s.members().size()).sum());
        int mirrorSymmetric = 0;
        for (long seed = 0; seed < 6; seed++) {
            PotentialGrid g = P4.randomStep(seed % 2 == 0 ? 1 : 0.5, 100, seed, 256);
            int l = g.size();
            for (int i = 0; i < l; i++) {
                for (int j = 0; j < l; j++) {
                    assertEquals(g.value(i, j), g.value(Math.floorMod(-j, l), i), "C4 at " + i + "," + j);
                }
            }
            boolean mirror = true;
            for (int i = 0; i < l && mirror; i++) {
                for (int j = 0; j < l; j++) {
                    mirror &= g.value(i, j) == g.value(i, Math.floorMod(-j, l));
                }
            }
            mirrorSymmetric += mirror ? 1 : 0;
            assertTrue(g.isTwoValued());
        }
        assertEquals(0, mirrorSymmetric, "p4 has no mirrors: random samples are not mirror-symmetric");
    }

    @Test
    void emptyLatticeGivesFreeParticleLevelsAndLabels() {
        PotentialGrid empty = PotentialGrid.of(100, new double[100 * 100], 256);
        KPointSet ks = new KPointSet("test", List.of(new KVector(0, 0), new KVector(0.3, 0.1)), List.of());
        BandStructure b = CasePlaneWaveSolver.withDefaults(P4).compute(empty, ks, 9);
        // |k + G|² at k = (0.3, 0.1): the lowest is 0.1
        assertEquals(0.1, b.energy(1, 0), 1e-9);
        HighSymmetryLevels g = b.highSymmetry().get("G");
        assertEquals(0, g.energy(0), 1e-9);
        assertEquals("s", g.label(0).symbol());
        // (2π)², four waves G = (±1, 0), (0, ±1): C4 permutes them cyclically, the regular representation s + p + d
        assertLevel(g, 1, 4, 4 * PI2, List.of("d", "p", "p", "s"));
        // (2π)² · 2, four waves (±1, ±1): again s + p + d
        assertLevel(g, 5, 4, 8 * PI2, List.of("d", "p", "p", "s"));
        HighSymmetryLevels x = b.highSymmetry().get("X");
        // X = (π, 0): π² twice (G = 0, (−1, 0)), C2 swaps them: one even, one odd; then 5π² four times: +, +, −, −
        assertLevel(x, 0, 2, PI2, List.of("+", "-"));
        assertLevel(x, 2, 4, 5 * PI2, List.of("+", "+", "-", "-"));
        HighSymmetryLevels m = b.highSymmetry().get("M");
        // M = (π, π): 2π² four times (the corners), C4 cycles them: s, p, p, d
        assertLevel(m, 0, 4, 2 * PI2, List.of("d", "p", "p", "s"));
    }

    private static void assertLevel(HighSymmetryLevels levels, int first, int count, double energy,
            List<String> labels) {
        List<String> got = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            assertEquals(energy, levels.energy(n), 1e-9, levels.point().name() + " level " + n);
            got.add(levels.label(n).symbol());
        }
        got.sort(null);
        assertEquals(labels, got, levels.point().name() + " levels " + first + ".." + (first + count - 1));
    }

    @Test
    void gridsWithoutC4AreRejected() {
        PotentialGrid p6 = RandomPotentialGenerator.withAlpha(1).stepPotential(100, 3, 256);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> P4.requireSymmetric(p6, 1e-6));
        assertTrue(e.getMessage().contains("not p4-symmetric"), e.getMessage());
        PotentialGrid p4 = P4.randomStep(1, 100, 3, 256);
        assertThrows(IllegalArgumentException.class, () -> CaseStudy.p6().requireSymmetric(p4, 1e-6));
        assertFalse(CaseStudy.NAMES.contains("p5"));
        assertThrows(IllegalArgumentException.class, () -> CaseStudy.named("p5"));
    }

    @Test
    void hugeRangesAreRefusedInOneLineBeforeAnyWork() {
        // issue 18 for p4: the basis is sized from the potential's range; above 4096 E0 one line, no OOM or hang
        PotentialGrid p4 = P4.randomStep(1, 100, 3, 1e6);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CasePlaneWaveSolver.withDefaults(P4).compute(p4, P4.wedge(91), 7));
        assertTrue(e.getMessage().contains("4096") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aFloatPotentialAboveVmaxIsSolvedWithTheBasisOfItsRange() {
        // the same grid read as a float potential with --vmax 256 and as a mask of 1024 E0 must give the same levels
        PotentialGrid mask = P4.randomStep(1, 100, 3, 1024);
        PotentialGrid asFloat = PotentialGrid.of(100, mask.valuesE0(), 256);
        KPointSet ks = P4.wedge(91);
        KPointSet few = new KPointSet("few", List.of(ks.get(0), ks.get(45), ks.get(90)), List.of());
        BandStructure a = CasePlaneWaveSolver.withDefaults(P4).compute(asFloat, few, 5);
        BandStructure b = CasePlaneWaveSolver.withDefaults(P4).compute(mask, few, 5);
        for (int k = 0; k < few.size(); k++) {
            for (int n = 0; n < 5; n++) {
                assertEquals(b.energy(k, n), a.energy(k, n), 1e-9 * 1024);
                assertTrue(a.energy(k, n) >= 0, "a level below the potential's minimum");
            }
        }
    }
}
