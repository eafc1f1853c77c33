package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.bandsmith.app.gui.preview.BerryFluxMap;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.tightbinding.P6TimeReversalModel;
import io.bandsmith.engine.topology.BerryFluxGrid;
import io.bandsmith.engine.topology.BlochHamiltonian;
import io.bandsmith.engine.topology.PlaquetteDefect;

/** The zone map's Berry-flux data: the plaquette geometry, time reversal, and Chern numbers of a textbook model. */
class BerryFluxMapTest {
    /**
     * Qi-Wu-Zhang written on the hexagonal lattice: H = sin(k·a1) σx + sin(k·a2) σy + (u + cos(k·a1) + cos(k·a2)) σz,
     * periodic under b1, b2. The lower band has Chern number ±1 for 0 < |u| < 2 (opposite signs for ±u), 0 for |u| > 2.
     */
    static BlochHamiltonian qwz(double u) {
        return k -> {
            double x = k.kx();
            double y = 0.5 * k.kx() + Math.sqrt(3) / 2 * k.ky();
            double dx = Math.sin(x);
            double dy = Math.sin(y);
            double dz = u + Math.cos(x) + Math.cos(y);
            // column-major, interleaved: H00, H10, H01, H11
            return new double[] {dz, 0, dx, dy, dx, -dy, -dz, 0};
        };
    }

    private static BerryFluxMap map(BlochHamiltonian h, int first, int last, int bands) {
        return BerryFluxMap.of(BerryFluxMap.grid(h, BerryFluxMap.GRID, bands), first, last, 1, 0);
    }

    @Test
    void aChernInsulatorSumsTo2PiTimesItsChernNumber() {
        BerryFluxMap plus = map(qwz(1), 0, 0, 2);
        BerryFluxMap minus = map(qwz(-1), 0, 0, 2);
        BerryFluxMap trivial = map(qwz(3), 0, 0, 2);
        assertEquals(1, Math.abs(plus.chernNumber()));
        assertEquals(-plus.chernNumber(), minus.chernNumber(), "the sign of u flips the Chern number");
        assertEquals(0, trivial.chernNumber());
        for (BerryFluxMap m : new BerryFluxMap[] {plus, minus, trivial}) {
            assertEquals(2 * Math.PI * m.chernNumber(), m.totalFlux(), 1e-9);
            assertTrue(m.piDefects().isEmpty(), "a gapped two-band model has no π defects");
        }
        assertEquals(BerryFluxMap.GRID * BerryFluxMap.GRID, plus.plaquetteCount());
        assertEquals(900, plus.plaquetteCount());
    }

    @Test
    void everyKPointLiesInThePlaquetteWhoseCentreIsNearestAndMinusKInItsInverse() {
        BerryFluxMap m = map(qwz(1), 0, 0, 2);
        int n = m.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                KVector c = m.plaquetteCentre(i, j);
                assertArrayEquals(new int[] {i, j}, m.plaquetteAt(c.kx(), c.ky()));
                assertArrayEquals(m.inversePlaquette(i, j), m.plaquetteAt(-c.kx(), -c.ky()));
                KVector shifted = c.plus(HexagonalLattice.B1).plus(HexagonalLattice.B2);
                assertArrayEquals(new int[] {i, j}, m.plaquetteAt(shifted.kx(), shifted.ky()),
                        "plaquettes are periodic under the reciprocal lattice");
            }
        }
        // K and K' are plaquette centres of the 30 x 30 grid
        KVector k = HexagonalLattice.K.k();
        int[] p = m.plaquetteAt(k.kx(), k.ky());
        KVector c = m.plaquetteCentre(p[0], p[1]);
        KVector d = new KVector(c.kx() - k.kx(), c.ky() - k.ky());
        double u = (d.kx() * HexagonalLattice.B2.ky() - d.ky() * HexagonalLattice.B2.kx())
                / (HexagonalLattice.B1.kx() * HexagonalLattice.B2.ky() - HexagonalLattice.B2.kx()
                        * HexagonalLattice.B1.ky());
        assertEquals(Math.rint(u), u, 1e-9, "K sits at a plaquette centre (up to a reciprocal vector)");
    }

    /**
     * The p6 model with time reversal (class AI): the flux is odd under k → -k plaquette by plaquette (modulo 2π,
     * which only matters for π defects), every group sums to 2π × integer, and isolated groups have Chern number 0.
     */
    @Test
    void timeReversalMakesTheFluxOddAndTheChernNumberZero() {
        BerryFluxGrid grid = BerryFluxMap.grid(BlochHamiltonian.of(P6TimeReversalModel.model(),
                TightBindingStandIn.parameters(11)), BerryFluxMap.GRID, 8);
        int isolated = 0;
        int withDefects = 0;
        for (int first = 0; first < 7; first++) {
            for (int last = first; last < 7; last++) {
                BerryFluxMap m = BerryFluxMap.of(grid, first, last, 1, 0);
                double total = m.totalFlux();
                assertEquals(2 * Math.PI * Math.rint(total / (2 * Math.PI)), total, 1e-9,
                        "bands " + (first + 1) + ".." + (last + 1) + ": the lattice flux sums to 2π × integer");
                double maxFlux = 0;
                for (int i = 0; i < m.size(); i++) {
                    for (int j = 0; j < m.size(); j++) {
                        int[] q = m.inversePlaquette(i, j);
                        double sum = m.flux(i, j) + m.flux(q[0], q[1]);
                        double wrapped = sum - 2 * Math.PI * Math.rint(sum / (2 * Math.PI));
                        assertEquals(0, wrapped, 1e-8, "Φ(-P) = -Φ(P) at plaquette " + i + "," + j + " of bands "
                                + (first + 1) + ".." + (last + 1));
                        maxFlux = Math.max(maxFlux, Math.abs(m.flux(i, j)));
                    }
                }
                if (m.piDefects().isEmpty()) {
                    isolated++;
                    assertEquals(0, m.chernNumber(), "an isolated group of a TR-symmetric model has C = 0");
                    assertEquals(0, total, 1e-9);
                    // C2T: the curvature of an isolated group vanishes, so does every plaquette's flux
                    assertEquals(0, maxFlux, 1e-8, "C2T makes the flux of an isolated group vanish");
                } else {
                    withDefects++;
                    for (PlaquetteDefect d : m.piDefects()) {
                        int[] q = m.inversePlaquette(d.i(), d.j());
                        assertTrue(Math.abs(m.flux(q[0], q[1])) > BerryFluxGrid.DEFECT_THRESHOLD,
                                "π defects come in pairs at ±k");
                        assertEquals(Math.PI, Math.abs(d.flux()), 1e-6, "with C2T a defect carries flux π");
                    }
                }
            }
        }
        assertTrue(isolated >= 3, "some groups of the stand-in are isolated (" + isolated + ")");
        assertTrue(withDefects >= 1, "some groups touch a neighbour: the defects were checked (" + withDefects + ")");
    }
}
