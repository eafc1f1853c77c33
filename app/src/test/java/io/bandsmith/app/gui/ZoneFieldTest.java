package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.bandsmith.app.gui.preview.PreviewKPoints;
import io.bandsmith.app.gui.preview.ZoneField;
import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;

class ZoneFieldTest {
    private final BandStructure wedge = new FakeBandSource().compute(
            PotentialGrid.of(3, new double[9], 256), PreviewKPoints.wedge(), 4);
    private final ZoneField zone = new ZoneField(wedge, PreviewKPoints.WEDGE_DIVISIONS);

    @Test
    void gridPointsAreReproducedAndEquivalentPointsAgree() {
        KPointSet k = wedge.kpoints();
        for (int i = 0; i < k.size(); i++) {
            KVector p = k.get(i);
            for (int band = 0; band < 4; band++) {
                assertEquals(wedge.energy(i, band), zone.energy(p.kx(), p.ky(), band), 1e-9, "point " + i);
                KVector rotated = p.rotated(Math.PI / 3 * 4);
                assertEquals(wedge.energy(i, band), zone.energy(rotated.kx(), rotated.ky(), band), 1e-6);
                KVector shifted = p.plus(HexagonalLattice.B1).minus(HexagonalLattice.B2);
                assertEquals(wedge.energy(i, band), zone.energy(shifted.kx(), shifted.ky(), band), 1e-6);
            }
        }
    }

    @Test
    void theZoneIsTheHexagonWithCornersAtK() {
        assertTrue(ZoneField.inFirstZone(0, 0));
        assertTrue(ZoneField.inFirstZone(HexagonalLattice.M.k().kx(), HexagonalLattice.M.k().ky()));
        assertFalse(ZoneField.inFirstZone(4.3, 0));
        double[] w = ZoneField.toWedge(HexagonalLattice.K_PRIME.kx(), HexagonalLattice.K_PRIME.ky());
        assertEquals(1, w[0] + w[1], 1e-9);
    }
}
