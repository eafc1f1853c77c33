package io.bandsmith.engine.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.lattice.KPointSet;

/**
 * Symmetry-forced degeneracies and the C2-parity rule on random potentials of both distributions: at Γ every p and
 * d level comes as an exactly degenerate pair (m = ±1, ±2 are related by time reversal), s and f are singlets; at K
 * every "1" is a pair; and a band set isolated from the rest everywhere in the zone has nf + n- even (the product of
 * C2 eigenvalues over Γ and the three M points of a Chern-zero set is +1).
 */
class SymmetryLabelTest {
    private static final PlaneWaveSolver SOLVER = PlaneWaveSolver.withDefaults();

    @ParameterizedTest
    @CsvSource({"1.0, 11", "1.0, 12", "1.0, 13", "0.5, 21", "0.5, 22", "0.5, 23"})
    void pairsAreDegenerateAndSingletsAreNot(double alpha, long seed) {
        PotentialGrid v = RandomPotentialGenerator.withAlpha(alpha).stepPotential(100, seed, 256);
        BandStructure b = SOLVER.compute(v, KPointSet.hexagonalWedge(1), 7);
        for (HighSymmetryLevels levels : b.highSymmetry().values()) {
            int n = 0;
            while (n < levels.count()) {
                int dim = levels.label(n).dimension();
                if (dim == 2 && n + 1 < levels.count()) {
                    assertEquals(levels.label(n), levels.label(n + 1), "pair partners carry the same label");
                    assertEquals(levels.energy(n), levels.energy(n + 1), 1e-8 * 256, "pair is degenerate");
                    n += 2;
                } else if (dim == 2) {
                    n++; // partner beyond the reported levels
                } else {
                    if (n + 1 < levels.count()) {
                        assertTrue(levels.energy(n + 1) - levels.energy(n) > 1e-10,
                                "a singlet is not degenerate with the next level, at " + levels.point().name());
                    }
                    n++;
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1.0, 1", "1.0, 2", "1.0, 3", "1.0, 4", "0.5, 5", "0.5, 6", "0.5, 7", "0.5, 8"})
    void compatibilityAndParityHoldForEveryIsolatedSetOfTheLowestSix(double alpha, long seed) {
        PotentialGrid v = RandomPotentialGenerator.withAlpha(alpha).stepPotential(100, seed, 256);
        KPointSet fine = KPointSet.hexagonalWedgeWithCount(821);
        BandStructure b = SOLVER.compute(v, fine, 7);
        // every set of bands 1..n separated from band n + 1 everywhere on the fine grid (a gap of more than 0.5 E0,
        // far above the solver's error) is an isolated set; every random potential has one within the lowest six
        int isolated = 0;
        for (int n = 1; n <= 6; n++) {
            double minGap = Double.MAX_VALUE;
            for (int q = 0; q < fine.size(); q++) {
                minGap = Math.min(minGap, b.energy(q, n) - b.energy(q, n - 1));
            }
            if (minGap > 0.5) {
                checkIsolatedSet(b, n);
                isolated++;
            }
        }
        assertTrue(isolated > 0, "no isolated set within the lowest six bands");
    }

    private static void checkIsolatedSet(BandStructure b, int n) {
        Map<String, Integer> g = counts(b.highSymmetry("G"), n);
        Map<String, Integer> k = counts(b.highSymmetry("K"), n);
        Map<String, Integer> m = counts(b.highSymmetry("M"), n);
        int ns = g.getOrDefault("s", 0);
        int nf = g.getOrDefault("f", 0);
        assertEquals(0, g.getOrDefault("p", 0) % 2, "an isolated set holds whole p pairs");
        assertEquals(0, g.getOrDefault("d", 0) % 2, "an isolated set holds whole d pairs");
        assertEquals(0, k.getOrDefault("1", 0) % 2, "an isolated set holds whole K pairs");
        int np = g.getOrDefault("p", 0) / 2;
        int nd = g.getOrDefault("d", 0) / 2;
        int n0 = k.getOrDefault("0", 0);
        int nPlus = m.getOrDefault("+", 0);
        assertEquals(n, ns + 2 * (np + nd) + nf);
        assertEquals(m.getOrDefault("-", 0), n - nPlus, "n- from the compatibility relation");
        assertEquals(k.getOrDefault("1", 0) / 2, (n - n0) / 2, "n1 from the compatibility relation");
        // C2 = C6³: eigenvalue -1 on p and f at Γ and on '-' at M; a Chern-zero set (time reversal) has
        // (-1)^(2np + nf) (-1)^(3 n-) = +1
        assertEquals(0, (nf + m.getOrDefault("-", 0)) % 2, "C2 parity rule: nf + n- even for bands 1.." + n);
    }

    private static Map<String, Integer> counts(HighSymmetryLevels levels, int count) {
        Map<String, Integer> c = new java.util.HashMap<>();
        for (int n = 0; n < count; n++) {
            c.merge(levels.label(n).symbol(), 1, Integer::sum);
        }
        return c;
    }
}
