package io.bandsmith.engine.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;

/** V = 0: the bands are free-particle parabolas |k + G|² folded into the zone (closed form). */
class EmptyLatticeTest {
    private static final int BANDS = 7;

    /** The lowest free-particle energies at k, by brute force over reciprocal vectors. */
    static double[] freeEnergies(KVector k, int count) {
        List<Double> e = new ArrayList<>();
        for (int n1 = -6; n1 <= 6; n1++) {
            for (int n2 = -6; n2 <= 6; n2++) {
                e.add(k.plus(HexagonalLattice.INSTANCE.reciprocalVector(n1, n2)).normSquared());
            }
        }
        return e.stream().sorted().limit(count).mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void bandsAreFoldedParabolasAtEveryWedgePointAndBeyond() {
        PotentialGrid empty = PotentialGrid.of(100, new double[100 * 100], 256);
        KPointSet ks = KPointSet.hexagonalWedgeWithCount(79);
        BandStructure b = PlaneWaveSolver.withDefaults().compute(empty, ks, BANDS);
        for (int q = 0; q < ks.size(); q++) {
            double[] expected = freeEnergies(ks.get(q), BANDS);
            for (int n = 0; n < BANDS; n++) {
                assertEquals(expected[n], b.energy(q, n), 1e-7, "band " + n + " at k point " + q);
            }
        }
        // points outside the wedge fold back correctly
        KPointSet outside = new KPointSet("outside", List.of(new KVector(-3.1, 0.7), new KVector(5.0, -9.0),
                new KVector(0.4, -2.2)), List.of());
        BandStructure o = PlaneWaveSolver.withDefaults().compute(empty, outside, BANDS);
        for (int q = 0; q < outside.size(); q++) {
            double[] expected = freeEnergies(outside.get(q), BANDS);
            for (int n = 0; n < BANDS; n++) {
                assertEquals(expected[n], o.energy(q, n), 1e-7);
            }
        }
    }

    @Test
    void degenerateFreeLevelsSplitIntoTheRightIrreps() {
        PotentialGrid empty = PotentialGrid.of(100, new double[100 * 100], 256);
        BandStructure b = PlaneWaveSolver.withDefaults().compute(empty, KPointSet.hexagonalWedge(1), BANDS);
        // Γ: E = 0 (s), then the six waves G = C6^k b1 at |b1|² carry m = 0, ±1, ±2, 3: s + p + d + f
        HighSymmetryLevels g = b.highSymmetry("G");
        assertEquals(0, g.energy(0), 1e-9);
        assertEquals("s", g.label(0).symbol());
        double b2 = HexagonalLattice.B1.normSquared();
        for (int n = 1; n < 7; n++) {
            assertEquals(b2, g.energy(n), 1e-7);
        }
        assertEquals(Map.of("s", 1, "p", 2, "d", 2, "f", 1), count(g, 1, 7));
        // K: the three waves K, C3 K, C3² K (equivalent) at |K|² carry m = 0, ±1: "0" + "1" pair
        HighSymmetryLevels k = b.highSymmetry("K");
        double k2 = HexagonalLattice.K.k().normSquared();
        for (int n = 0; n < 3; n++) {
            assertEquals(k2, k.energy(n), 1e-7);
        }
        assertEquals(Map.of("0", 1, "1", 2), count(k, 0, 3));
        // M: M and M - b1 - b2 at |M|² form an even and an odd combination
        HighSymmetryLevels m = b.highSymmetry("M");
        double m2 = HexagonalLattice.M.k().normSquared();
        assertEquals(m2, m.energy(0), 1e-7);
        assertEquals(m2, m.energy(1), 1e-7);
        assertEquals(Map.of("+", 1, "-", 1), count(m, 0, 2));
    }

    private static Map<String, Integer> count(HighSymmetryLevels levels, int from, int to) {
        Map<String, Integer> c = new HashMap<>();
        for (int n = from; n < to; n++) {
            c.merge(levels.label(n).symbol(), 1, Integer::sum);
        }
        return c;
    }
}
