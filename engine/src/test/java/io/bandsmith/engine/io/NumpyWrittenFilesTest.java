package io.bandsmith.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.geometry.PotentialGrid;

/**
 * Files written by numpy itself (np.save, numpy 2.4; benchmarks/make_fixtures.py --only-npy writes them into
 * src/test/resources/fixtures/npy), read by the engine: axis 0 is i (along a1), C order, masks scaled by Vmax, floats
 * in E0, and the files numpy writes that the conventions do not allow are refused naming the file and the problem.
 */
class NumpyWrittenFilesTest {
    private static final Path DIR = Path.of("src", "test", "resources", "fixtures", "npy");

    @Test
    void float64GridIsReadRowMajorInE0() {
        PotentialGrid g = NpyFiles.readPotentials(DIR.resolve("f8-4x4.npy"), 256).get(0);
        assertEquals(4, g.size());
        double[] v = g.valuesE0();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(0.5 * (4 * i + j), v[i * 4 + j], 0.0, "V[" + i + ", " + j + "]");
            }
        }
    }

    @Test
    void float32BatchGivesOneGridPerLeadingIndex() {
        List<PotentialGrid> b = NpyFiles.readPotentials(DIR.resolve("f4-batch-2x3x3.npy"), 256);
        assertEquals(2, b.size());
        for (int s = 0; s < 2; s++) {
            double[] v = b.get(s).valuesE0();
            for (int n = 0; n < 9; n++) {
                assertEquals((9 * s + n) / 4.0, v[n], 0.0);
            }
        }
    }

    @Test
    void uint8AndBoolMasksAreScaledByVmax() {
        List<PotentialGrid> b = NpyFiles.readPotentials(DIR.resolve("u1-batch-3x4x4.npy"), 100);
        assertEquals(3, b.size());
        for (int s = 0; s < 3; s++) {
            double[] v = b.get(s).valuesE0();
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals((i + 2 * j + s) % 2 * 100.0, v[i * 4 + j], 0.0);
                }
            }
        }
        double[] m = NpyFiles.readPotentials(DIR.resolve("bool-4x4.npy"), 256).get(0).valuesE0();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(i < j ? 256.0 : 0.0, m[i * 4 + j], 0.0);
            }
        }
    }

    @Test
    void filesTheConventionsDoNotAllowAreRefusedClearly() {
        refused("f8-fortran-4x4.npy", "fortran");
        refused("i8-4x4.npy", "dtype");
        refused("u1-mask-value-2.npy", "0 or 1");
        refused("f8-nan.npy", "nan");
    }

    private static void refused(String name, String what) {
        Path file = DIR.resolve(name);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NpyFiles.readPotentials(file, 256));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains(what), e.getMessage());
    }
}
