package io.bandsmith.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyDoubleArray;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.geometry.ShapeRasterizer;

class NpyFilesTest {
    @TempDir
    Path dir;

    @Test
    void masksAndFloatPotentialsRoundTrip() {
        var gen = RandomPotentialGenerator.withAlpha(1);
        List<PotentialGrid> masks = List.of(gen.stepPotential(100, 1, 256), gen.stepPotential(100, 2, 256));
        Path m = dir.resolve("masks.npy");
        NpyFiles.writeMasks(m, masks);
        assertEquals(masks, NpyFiles.readPotentials(m, 256));
        PotentialGrid smooth = gen.sigmoidPotential(48, 3, 2.0, 256);
        Path f = dir.resolve("smooth.npy");
        NpyFiles.writePotentials(f, List.of(smooth));
        List<PotentialGrid> back = NpyFiles.readPotentials(f, 256);
        assertEquals(1, back.size());
        assertEquals(smooth, back.get(0));
    }

    @Test
    void masksScaleWithVmax() {
        Path m = dir.resolve("holes.npy");
        NpyFiles.writeMasks(m, List.of(ShapeRasterizer.sixHoles(100, 0.3, 0.12, 256)));
        PotentialGrid g = NpyFiles.readPotentials(m, 100).get(0);
        assertEquals(100, g.vmax());
        assertTrue(g.isTwoValued());
    }

    @Test
    void fortranOrderIsRefused() {
        Path f = dir.resolve("fortran.npy");
        Npy.write(f.toFile(), new NpyDoubleArray(new int[] {4, 4}, new double[16], true));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NpyFiles.readPotentials(f, 256));
        assertTrue(e.getMessage().contains("Fortran"), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), "names the file: " + e.getMessage());
    }

    @Test
    void badShapesValuesAndFilesAreReportedWithTheFileName() throws Exception {
        Path wrongShape = dir.resolve("shape.npy");
        Npy.write(wrongShape.toFile(), new NpyDoubleArray(new int[] {4, 5}, new double[20], false));
        assertTrue(assertThrows(InvalidInputException.class, () -> NpyFiles.readPotentials(wrongShape, 256))
                .getMessage().contains("(4, 5)"));
        Path oneD = dir.resolve("vector.npy");
        Npy.write(oneD.toFile(), NpyDoubleArray.vectorOf(new double[9]));
        assertThrows(InvalidInputException.class, () -> NpyFiles.readPotentials(oneD, 256));
        Path nan = dir.resolve("nan.npy");
        double[] v = new double[16];
        v[5] = Double.NaN;
        Npy.write(nan.toFile(), new NpyDoubleArray(new int[] {4, 4}, v, false));
        assertTrue(assertThrows(InvalidInputException.class, () -> NpyFiles.readPotentials(nan, 256))
                .getMessage().contains("NaN"));
        Path truncated = dir.resolve("truncated.npy");
        NpyFiles.writeMasks(truncated, List.of(ShapeRasterizer.sixHoles(100, 0.3, 0.12, 256)));
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(InvalidInputException.class, () -> NpyFiles.readPotentials(truncated, 256));
        Path text = dir.resolve("text.npy");
        Files.writeString(text, "not numpy");
        assertThrows(InvalidInputException.class, () -> NpyFiles.readPotentials(text, 256));
        assertThrows(InvalidInputException.class, () -> NpyFiles.readPotentials(dir.resolve("missing.npy"), 256));
    }

    @Test
    void failedWriteLeavesTheOldFile() throws Exception {
        Path target = dir.resolve("keep.npy");
        Files.writeString(target, "old content");
        assertThrows(RuntimeException.class, () -> AtomicFiles.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new java.io.IOException("disk full");
        }));
        assertEquals("old content", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void atomicallyWrittenFilesAreReadableLikeOrdinaryOnes() throws Exception {
        Path target = dir.resolve("new.json");
        AtomicFiles.writeString(target, "{}");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(target)));
    }

    @Test
    void pngRoundTripKeepsMasks() {
        PotentialGrid g = ShapeRasterizer.sixHoles(60, 0.3, 0.12, 256);
        Path png = dir.resolve("holes.png");
        PngFiles.writeGrayscale(png, g);
        assertEquals(g, PngFiles.readGrayscale(png, 256));
    }
}
