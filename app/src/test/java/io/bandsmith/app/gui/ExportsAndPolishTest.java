package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.app.gui.export.GeometryPicture;
import io.bandsmith.app.gui.export.Hdf5Export;
import io.bandsmith.app.gui.model.GeometryBase;
import io.bandsmith.app.gui.model.GeometryDocument;
import io.bandsmith.app.gui.preview.PreviewKPoints;
import io.bandsmith.app.gui.preview.ZoneRaster;
import io.bandsmith.app.gui.viewmodel.Numbers;
import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.KPointSet;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

/**
 * Issue 11, item 8 and the exports: noise printed as 0, colour tables equal to their stops, the geometry picture in
 * the editor's orientation (x along a1, y up, sheared cell), and the HDF5 file read back with jhdf's reader.
 */
class ExportsAndPolishTest {
    @TempDir
    Path dir;

    @Test
    void floatingPointNoiseIsPrintedAsZeroAndRealValuesWithThreeDigits() {
        assertEquals("0", Numbers.significant(5.68e-14, 256), "a gap of 5.68e-14 E0 at Vmax = 256 is noise");
        assertEquals("0", Numbers.significant(1.93e-28, 2 * Math.PI), "a total flux of 1.93e-28 is noise");
        assertEquals("5.32", Numbers.significant(5.3217, 256));
        assertEquals("-0.0125", Numbers.significant(-0.012501, 256));
        assertEquals(0.0, Numbers.clean(-3e-12, 256));
        assertEquals(1e-3, Numbers.clean(1e-3, 256));
    }

    @Test
    void colourTablesRunThroughTheirStopsExactly() {
        int[] stops = ZoneRaster.GAP_STOPS;
        int[] table = ZoneRaster.GAP_TABLE;
        assertEquals(0xff000000 | stops[0], table[0]);
        assertEquals(0xff000000 | stops[stops.length - 1], table[table.length - 1]);
        // a stop in the middle: 1023 * 2/5 is not an entry; the nearest entries bracket it channel by channel
        int[] two = ZoneRaster.table(new int[] {0x000000, 0xff8040}, 3);
        assertEquals(0xff804020, two[1], "halfway between black and (255, 128, 64), rounded");
        assertEquals(ZoneRaster.lookup(table, 0), table[0]);
        assertEquals(ZoneRaster.lookup(table, 2), table[table.length - 1], "clamped");
    }

    @Test
    void theGapRasterSpansItsColourScaleFromTheSmallestToTheLargestGap() {
        GeometryDocument doc = GeometryDocument.of(48, 256, new GeometryBase.SixHoles(1.0 / 3, 0.12), List.of());
        KPointSet wedge = PreviewKPoints.wedge();
        BandStructure b = io.bandsmith.engine.solver.PlaneWaveSolver.withDefaults().compute(doc.grid(), wedge, 3);
        io.bandsmith.app.gui.preview.ZoneField zone = new io.bandsmith.app.gui.preview.ZoneField(b,
                PreviewKPoints.WEDGE_DIVISIONS);
        double[] range = ZoneRaster.gapRange(zone, 0, 1);
        assertTrue(range[1] > range[0] + 1, "the gap between bands 1 and 2 varies over the zone: " + range[0] + " .. "
                + range[1]);
        int px = 200;
        double scale = px / (2 * 4 * Math.PI / 3);
        int py = (int) Math.ceil(px * Math.sqrt(3) / 2 + 2);
        ZoneRaster r = ZoneRaster.gap(zone, 0, 1, px, py, scale, range[0], range[1], 1e-6);
        boolean darkest = false;
        boolean brightest = false;
        int outside = 0;
        for (int c : r.argb()) {
            darkest |= c == ZoneRaster.GAP_TABLE[0];
            brightest |= c == ZoneRaster.GAP_TABLE[ZoneRaster.GAP_TABLE.length - 1];
            outside += c == 0 ? 1 : 0;
        }
        assertTrue(darkest && brightest, "the scale starts at the smallest gap, not at 0, and ends at the largest");
        assertTrue(outside > 0, "pixels outside the hexagon are transparent");
    }

    @Test
    void theGeometryPictureIsOrientedLikeTheEditorWithYUpAndTheCellSheared() {
        int n = 24;
        double[] v = new double[n * n];
        // one full grid point, far from the C6 centre: (i, j) = (18, 3) sits at x = 18/24 a1 + 3/24 a2
        int i = 18;
        int j = 3;
        v[i * n + j] = 256;
        PotentialGrid g = PotentialGrid.of(n, v, 256);
        assertEquals(256, g.value(i, j), 0, "index convention of PotentialGrid.of (i along a1)");
        int width = 600;
        BufferedImage img = GeometryPicture.render(g, width);
        assertEquals((int) Math.round(width * Math.sqrt(3) / 2 / 1.5), img.getHeight());
        double perA = width / 1.5;
        double x = (double) i / n + 0.5 * j / n;
        double y = Math.sqrt(3) / 2 * j / n;
        int px = (int) (x * perA);
        int py = img.getHeight() - 1 - (int) (y * perA);
        assertTrue(dark(img.getRGB(px, py)), "the full point is dark where x, y (y up) puts it");
        // its mirror images (y down, or no shear) are light
        assertFalse(dark(img.getRGB(px, (int) (y * perA))), "not flipped");
        assertFalse(dark(img.getRGB((int) ((double) i / n * perA), py)), "sheared like the cell");
        // outside the rhombus: white
        assertEquals(0xffffffff, img.getRGB(width - 2, img.getHeight() - 2));
    }

    private static boolean dark(int argb) {
        return ((argb >> 16) & 255) < 100;
    }

    @Test
    void theHdf5FileCarriesGeometryBandsUnitsAndTheCase() throws Exception {
        GeometryDocument doc = GeometryDocument.of(24, 256, new GeometryBase.SixHoles(1.0 / 3, 0.12), List.of());
        PotentialGrid grid = doc.grid();
        KPointSet path = PreviewKPoints.path();
        BandStructure bands = io.bandsmith.engine.solver.PlaneWaveSolver.withDefaults().compute(grid, path, 4);
        Path file = dir.resolve("cell.h5");
        Hdf5Export.write(file, grid, bands, null, "exact solver");
        try (HdfFile h = new HdfFile(file)) {
            assertEquals(Hdf5Export.FORMAT, h.getAttribute("format").getData());
            assertTrue(((String) h.getAttribute("case").getData()).contains("p6"));
            assertEquals("E0 = hbar^2 / (2 m a^2)", h.getAttribute("units_energy").getData());
            assertEquals(256.0, ((Number) h.getAttribute("vmax_E0").getData()).doubleValue());
            Dataset potential = h.getDatasetByPath("/geometry/potential");
            assertArrayEquals(new int[] {24, 24}, potential.getDimensions());
            assertEquals("E0", potential.getAttribute("units").getData());
            double[][] v = (double[][]) potential.getData();
            int[][] mask = (int[][]) h.getDatasetByPath("/geometry/mask").getData();
            double[][] eps = (double[][]) h.getDatasetByPath("/geometry/epsilon").getData();
            for (int i = 0; i < 24; i++) {
                for (int j = 0; j < 24; j++) {
                    assertEquals(grid.value(i, j), v[i][j], 0.0);
                    assertEquals(grid.value(i, j) >= 128 ? 1 : 0, mask[i][j]);
                    assertEquals(mask[i][j] == 1 ? Hdf5Export.EPSILON_LOW : Hdf5Export.EPSILON_HIGH, eps[i][j]);
                }
            }
            double[][] rect = (double[][]) h.getDatasetByPath("/geometry/epsilon_rectangular").getData();
            assertEquals(24, rect.length);
            assertEquals(Math.round(Math.sqrt(3) * 24), rect[0].length);
            double[][] e = (double[][]) h.getDatasetByPath("/bands/path/energies").getData();
            assertEquals(path.size(), e.length);
            for (int k = 0; k < path.size(); k++) {
                for (int b = 0; b < 4; b++) {
                    assertEquals(bands.energy(k, b), e[k][b], 0.0);
                }
            }
            assertNotNull(h.getByPath("/bands/path").getAttribute("ticks"));
            assertNull(h.getChild("wedge"));
        }
    }
}
