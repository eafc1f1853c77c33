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

/** {@code --case p4} on solve and generate random, and its bad input (conventions.md, case p4). */
class P4SolveCommandTest {
    @TempDir
    Path dir;

    @Test
    void generateAndSolveAP4Potential() throws Exception {
        Path npy = dir.resolve("p4.npy");
        Result g = run("generate", "random", "--case", "p4", "--seed", "2", "--out", npy.toString());
        assertEquals(0, g.exit(), g.err());
        PotentialGrid grid = NpyFiles.readPotentials(npy, 256).get(0);
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 100; j++) {
                assertEquals(grid.value(i, j), grid.value(Math.floorMod(-j, 100), i));
            }
        }
        Path out = dir.resolve("bands.json");
        Result r = run("solve", "--case", "p4", "--potential", npy.toString(), "--path", "2", "--bands", "8", "--out",
                out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        assertEquals("p4", doc.get("case").asText());
        assertEquals(7, doc.get("kpoints").size());
        assertEquals(Math.PI, doc.at("/kpoints/2/0").asDouble(), 1e-12); // X after 2 points on Γ-X
        JsonNode s = doc.at("/samples/0");
        for (String p : List.of("G", "X", "M")) {
            assertEquals(8, s.at("/hsp/" + p + "/labels").size(), p);
        }
        assertFalse(s.at("/hsp").has("K"));
        assertTrue(List.of("s", "p", "d").contains(s.at("/hsp/G/labels/0").asText()));
        assertTrue(List.of("+", "-").contains(s.at("/hsp/X/labels/0").asText()));
        // Γ and X are k points 0 and 2 of the path: their energies agree with the labelled levels
        assertEquals(s.at("/hsp/G/energies/0").asDouble(), s.at("/energies/0/0").asDouble(), 1e-9);
        assertEquals(s.at("/hsp/X/energies/3").asDouble(), s.at("/energies/2/3").asDouble(), 1e-9);
    }

    @Test
    void aP6GridGivenAsP4AndTheReverseAreRejectedInOneLine() {
        Path p6 = dir.resolve("p6.npy");
        NpyFiles.writeMasks(p6, List.of(RandomPotentialGenerator.withAlpha(1).stepPotential(100, 4, 256)));
        Result r = run("solve", "--case", "p4", "--potential", p6.toString());
        assertEquals(2, r.exit());
        assertOneLine(r.err(), "p6.npy", "not p4-symmetric");
        Path p4 = dir.resolve("p4.npy");
        assertEquals(0, run("generate", "random", "--case", "p4", "--seed", "1", "--out", p4.toString()).exit());
        Result back = run("solve", "--potential", p4.toString());
        assertEquals(2, back.exit());
        assertOneLine(back.err(), "p4.npy", "C6");
    }

    @Test
    void aGridBreakingC4AndAnUnknownCaseAreRejected() throws Exception {
        double[] v = new double[100 * 100];
        v[3 * 100 + 7] = 256; // one pixel: no C4 partner
        Path odd = dir.resolve("odd.npy");
        NpyFiles.writePotentials(odd, List.of(PotentialGrid.of(100, v, 256)));
        Result r = run("solve", "--case", "p4", "--potential", odd.toString());
        assertEquals(2, r.exit());
        assertOneLine(r.err(), "odd.npy", "not p4-symmetric");
        Result unknown = run("solve", "--case", "p5", "--potential", odd.toString());
        assertEquals(2, unknown.exit());
        assertOneLine(unknown.err(), "p5", "unknown case");
        Result gen = run("generate", "random", "--case", "p5", "--out", dir.resolve("x.npy").toString());
        assertEquals(2, gen.exit());
        assertOneLine(gen.err(), "p5", "unknown case");
        assertFalse(Files.exists(dir.resolve("x.npy")));
    }

    private static void assertOneLine(String err, String... parts) {
        String trimmed = err.strip();
        assertFalse(trimmed.contains("\n"), "one line: " + err);
        assertFalse(trimmed.contains("Exception"), "no stack trace: " + err);
        for (String p : parts) {
            assertTrue(trimmed.contains(p), "'" + p + "' in: " + err);
        }
    }
}
