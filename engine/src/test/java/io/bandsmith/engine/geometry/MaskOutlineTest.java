package io.bandsmith.engine.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.engine.io.OutlineFiles;

/** Outlines of hexagonal-pixel masks: exact areas, and SVG/DXF files that re-rasterize to the mask. */
class MaskOutlineTest {
    @TempDir
    Path dir;

    static final double PIXEL_AREA = Math.sqrt(3) / 2 / (100.0 * 100.0);

    static List<boolean[]> masks() {
        List<boolean[]> out = new ArrayList<>();
        for (long seed : new long[] {1, 2, 3}) {
            out.add(maskOf(RandomPotentialGenerator.withAlpha(1).stepPotential(100, seed, 256)));
            out.add(maskOf(RandomPotentialGenerator.withAlpha(0.5).stepPotential(100, seed, 256)));
        }
        out.add(maskOf(ShapeRasterizer.sixHoles(100, 0.3, 0.12, 256)));
        boolean[] full = new boolean[100 * 100];
        java.util.Arrays.fill(full, true);
        out.add(full);
        boolean[] single = new boolean[100 * 100];
        single[0] = true;
        single[99 * 100 + 99] = true;
        out.add(single);
        return out;
    }

    static boolean[] maskOf(PotentialGrid g) {
        double[] f = g.fractions();
        boolean[] m = new boolean[f.length];
        for (int i = 0; i < f.length; i++) {
            m[i] = f[i] > 0.5;
        }
        return m;
    }

    @Test
    void outlineEnclosesExactlyTheSetPixels() {
        for (boolean[] mask : masks()) {
            MaskOutline o = MaskOutline.of(mask, 100);
            assertArrayEquals(mask, MaskOutline.rasterize(o.loops(), 100));
            double area = 0;
            for (double[][] loop : o.loops()) {
                for (int a = 0, b = loop.length - 1; a < loop.length; b = a++) {
                    area += (loop[b][0] * loop[a][1] - loop[a][0] * loop[b][1]) / 2;
                }
            }
            int set = 0;
            for (boolean b : mask) {
                set += b ? 1 : 0;
            }
            // regions counter-clockwise, holes clockwise: the signed area is the area of the set pixels
            assertEquals(set * PIXEL_AREA, area, 1e-9);
        }
    }

    @Test
    void svgAndDxfFilesRasterizeBackToTheMask() throws Exception {
        int n = 0;
        for (boolean[] mask : masks()) {
            MaskOutline o = MaskOutline.of(mask, 100);
            Path svg = dir.resolve("d" + n + ".svg");
            Path dxf = dir.resolve("d" + n + ".dxf");
            n++;
            OutlineFiles.writeSvg(svg, o, "test");
            OutlineFiles.writeDxf(dxf, o);
            assertArrayEquals(mask, MaskOutline.rasterize(readSvgRegions(svg), 100), "SVG " + svg);
            List<double[][]> fromDxf = OutlineFiles.readDxfPolylines(dxf, "REGIONS");
            assertEquals(o.loops().size(), fromDxf.size());
            assertArrayEquals(mask, MaskOutline.rasterize(fromDxf, 100), "DXF " + dxf);
            assertEquals(1, OutlineFiles.readDxfPolylines(dxf, "CELL").size(), "the unit cell is on its own layer");
        }
    }

    /** The regions path of an SVG written by OutlineFiles, y flipped back (SVG y runs down). */
    static List<double[][]> readSvgRegions(Path svg) throws Exception {
        String text = Files.readString(svg);
        Matcher path = Pattern.compile("id=\"regions\"[^>]* d=\"([^\"]*)\"").matcher(text);
        assertTrue(path.find(), "regions path");
        List<double[][]> loops = new ArrayList<>();
        for (String sub : path.group(1).split("Z")) {
            if (sub.isBlank()) {
                continue;
            }
            List<double[]> pts = new ArrayList<>();
            Matcher num = Pattern.compile("(-?[0-9.]+) (-?[0-9.]+)").matcher(sub);
            while (num.find()) {
                pts.add(new double[] {Double.parseDouble(num.group(1)), -Double.parseDouble(num.group(2))});
            }
            loops.add(pts.toArray(new double[0][]));
        }
        return loops;
    }
}
