package io.bandsmith.engine.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.ShapeRasterizer;
import io.bandsmith.engine.lattice.KPointSet;

/**
 * The paper's fig. 2: six holes of radius 0.12a at distance R. At Γ the lowest p and d pairs cross exactly where the
 * holes form a smaller lattice, R = a/3 (physics-notes.md: within 0.002a on the L = 100 grid).
 */
class SixHolesCrossingTest {
    private static final PlaneWaveSolver SOLVER = PlaneWaveSolver.withDefaults();

    /** E(first p pair) - E(first d pair) at Γ. */
    static double pMinusD(double r) {
        HighSymmetryLevels g = SOLVER.compute(ShapeRasterizer.sixHoles(100, r, 0.12, 256), KPointSet.hexagonalWedge(1),
                7).highSymmetry("G");
        double p = Double.NaN;
        double d = Double.NaN;
        for (int n = 0; n < g.count(); n++) {
            String s = g.label(n).symbol();
            if (s.equals("p") && Double.isNaN(p)) {
                p = g.energy(n);
            }
            if (s.equals("d") && Double.isNaN(d)) {
                d = g.energy(n);
            }
        }
        return p - d;
    }

    @Test
    void pAndDLevelsCrossAtAThird() {
        assertTrue(pMinusD(0.30) < -10, "p below d at R = 0.30a (before the inversion)");
        assertTrue(pMinusD(0.37) > 10, "p above d at R = 0.37a (after the inversion)");
        double lo = 0.32;
        double hi = 0.35;
        for (int it = 0; it < 14; it++) {
            double mid = 0.5 * (lo + hi);
            if (pMinusD(mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertEquals(1.0 / 3, 0.5 * (lo + hi), 0.002, "crossing point");
    }
}
