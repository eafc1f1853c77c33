package io.bandsmith.tests.cli;

import static io.bandsmith.tests.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.tests.cli.CliRun.Result;

/** {@code --case p4-dirac} on generate random, classify and solve, and its bad input (conventions.md). */
class P4DiracCommandTest {
    @TempDir
    Path dir;

    @Test
    void generateAndClassifyAPattern() throws Exception {
        Path npy = dir.resolve("d.npy");
        Result g = run("generate", "random", "--case", "p4-dirac", "--seed", "3", "--out", npy.toString());
        assertEquals(0, g.exit(), g.err());
        PotentialGrid grid = NpyFiles.readPotentials(npy, 1).get(0);
        assertEquals(70, grid.size());
        int ones = 0;
        for (int i = 0; i < 70; i++) {
            for (int j = 0; j < 70; j++) {
                assertEquals(grid.value(i, j), grid.value(Math.floorMod(-j, 70), i));
                ones += grid.value(i, j) > 0 ? 1 : 0;
            }
        }
        assertTrue(ones > 0 && ones < 4900, "both domains present: " + ones);
        Path out = dir.resolve("c.json");
        Result r = run("classify", "--case", "p4-dirac", "--potential", npy.toString(), "--path", "2", "--out",
                out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        assertEquals("p4-dirac", doc.get("case").asText());
        assertEquals("m", doc.at("/units/energy").asText());
        assertEquals(7, doc.get("kpoints").size());
        JsonNode s = doc.at("/samples/0");
        assertEquals(4, s.get("chern").size());
        for (String p : List.of("G", "X", "M")) {
            assertEquals(8, s.at("/hsp/" + p + "/labels").size(), p);
        }
        // particle-hole symmetry: the central window is symmetric about zero at every k (to the solver accuracy)
        for (JsonNode row : s.get("energies")) {
            for (int b = 0; b < 4; b++) {
                assertEquals(-row.get(b).asDouble(), row.get(7 - b).asDouble(), 2e-5);
            }
        }
        assertTrue(List.of("s", "p+", "d", "p-").contains(s.at("/hsp/G/labels/3").asText()));
        assertEquals(s.at("/hsp/X/energies/4").asDouble(), s.at("/energies/2/4").asDouble(), 1e-9);
    }

    @Test
    void badPatternsAreRejectedInOneLine() throws Exception {
        Path p6 = dir.resolve("p6.npy");
        NpyFiles.writePotentials(p6, List.of(RandomPotentialGenerator.withAlpha(1).stepPotential(100, 4, 256)));
        assertOneLine(run("solve", "--case", "p4-dirac", "--potential", p6.toString()), "p6.npy", "uint8/bool masks");
        Path d = dir.resolve("d.npy");
        assertEquals(0, run("generate", "random", "--case", "p4-dirac", "--seed", "1", "--out", d.toString()).exit());
        byte[] bytes = Files.readAllBytes(d);
        bytes[bytes.length - 4900 + 3 * 70 + 5] ^= 1; // flip mask[3, 5]
        Path asym = dir.resolve("asym.npy");
        Files.write(asym, bytes);
        assertOneLine(run("classify", "--case", "p4-dirac", "--potential", asym.toString()), "asym.npy",
                "not C4-symmetric: mask[3, 5]");
        Path small = dir.resolve("small.npy");
        assertEquals(0, run("generate", "random", "--case", "p4", "--size", "60", "--out", small.toString()).exit());
        assertOneLine(run("solve", "--case", "p4-dirac", "--potential", small.toString()), "small.npy",
                "70 x 70");
    }

    private static void assertOneLine(Result r, String file, String what) {
        assertEquals(2, r.exit(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].contains(file) && lines[0].contains(what), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
