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
import org.openlca.npy.Npy;
import org.openlca.npy.NpyDoubleArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.tests.cli.CliRun.Result;

/** The command-line contract of conventions.md, end to end through picocli. */
class SolveCommandTest {
    @TempDir
    Path dir;

    @Test
    void batchOfMasksGivesTheContractJson() throws Exception {
        var gen = RandomPotentialGenerator.withAlpha(1);
        List<PotentialGrid> grids = List.of(gen.stepPotential(100, 5, 256), gen.stepPotential(100, 6, 256));
        Path in = dir.resolve("two.npy");
        NpyFiles.writeMasks(in, grids);
        Path out = dir.resolve("bands.json");
        Result r = run("solve", "--potential", in.toString(), "--wedge", "79", "--bands", "7", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        assertEquals("E0", doc.at("/units/energy").asText());
        assertEquals("1/a", doc.at("/units/k").asText());
        assertEquals(256.0, doc.get("vmax").asDouble());
        assertEquals(79, doc.get("kpoints").size());
        assertEquals(HexagonalLattice.M.k().kx(), doc.at("/kpoints/78/0").asDouble(), 1e-12);
        assertEquals(2, doc.get("samples").size());
        for (JsonNode s : doc.get("samples")) {
            assertEquals(79, s.get("energies").size());
            for (JsonNode row : s.get("energies")) {
                assertEquals(7, row.size());
                for (int n = 1; n < 7; n++) {
                    assertTrue(row.get(n).asDouble() >= row.get(n - 1).asDouble(), "ascending");
                }
            }
            for (String p : List.of("G", "K", "M")) {
                assertEquals(7, s.at("/hsp/" + p + "/energies").size());
                assertEquals(7, s.at("/hsp/" + p + "/labels").size());
            }
            // Γ is k point 0: its band energies agree with the labelled levels
            assertEquals(s.at("/hsp/G/energies/0").asDouble(), s.at("/energies/0/0").asDouble(), 1e-4 * 256);
            assertTrue(List.of("s", "p", "d", "f").contains(s.at("/hsp/G/labels/0").asText()));
            assertTrue(List.of("0", "1").contains(s.at("/hsp/K/labels/0").asText()));
            assertTrue(List.of("+", "-").contains(s.at("/hsp/M/labels/0").asText()));
        }
        assertFalse(doc.at("/samples/0/energies/5/0").asDouble() == doc.at("/samples/1/energies/5/0").asDouble());
    }

    @Test
    void pathAndCsvKPointsAndFloatPotentials() throws Exception {
        Path in = dir.resolve("one.npy");
        NpyFiles.writePotentials(in, List.of(RandomPotentialGenerator.withAlpha(0.5).sigmoidPotential(100, 1, 4, 256)));
        Path out = dir.resolve("path.json");
        assertEquals(0, run("solve", "--potential", in.toString(), "--path", "5", "--bands", "4", "--out",
                out.toString()).exit());
        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        assertEquals(16, doc.get("kpoints").size());
        assertEquals(4, doc.at("/samples/0/energies/0").size());
        Path csv = dir.resolve("k.csv");
        Files.writeString(csv, "0,0\n4.18879020478639,0\n-1.5,2.5\n");
        Path out2 = dir.resolve("csv.json");
        assertEquals(0, run("solve", "--potential", in.toString(), "--kpoints", csv.toString(), "--bands", "4", "--out",
                out2.toString()).exit());
        JsonNode d2 = new ObjectMapper().readTree(out2.toFile());
        assertEquals(3, d2.get("kpoints").size());
        // K from the CSV equals K of the path (index 5 of the path is K)
        assertEquals(doc.at("/samples/0/energies/5/0").asDouble(), d2.at("/samples/0/energies/1/0").asDouble(), 1e-6 * 256);
    }

    @Test
    void badInputGivesOneClearLineAndExitTwo() throws Exception {
        Path fortran = dir.resolve("fortran.npy");
        Npy.write(fortran.toFile(), new NpyDoubleArray(new int[] {10, 10}, new double[100], true));
        assertBadInput(run("solve", "--potential", fortran.toString()), fortran, "Fortran");

        Path shape = dir.resolve("shape.npy");
        Npy.write(shape.toFile(), new NpyDoubleArray(new int[] {10, 12}, new double[120], false));
        assertBadInput(run("solve", "--potential", shape.toString()), shape, "shape");

        Path nan = dir.resolve("nan.npy");
        double[] v = new double[100];
        v[3] = Double.NaN;
        Npy.write(nan.toFile(), new NpyDoubleArray(new int[] {10, 10}, v, false));
        assertBadInput(run("solve", "--potential", nan.toString()), nan, "NaN");

        Path asym = dir.resolve("asym.npy");
        double[] w = new double[100 * 100];
        w[100 * 10 + 3] = 256;
        Npy.write(asym.toFile(), new NpyDoubleArray(new int[] {100, 100}, w, false));
        assertBadInput(run("solve", "--potential", asym.toString()), asym, "symmetric");

        assertBadInput(run("solve", "--potential", dir.resolve("missing.npy").toString()), dir.resolve("missing.npy"),
                "no such file");
        Result wedge = run("solve", "--potential", asym.toString(), "--wedge", "80");
        assertEquals(2, wedge.exit());
        assertTrue(wedge.err().contains("79 or 821"), wedge.err());
    }

    private static void assertBadInput(Result r, Path file, String what) {
        assertEquals(2, r.exit(), r.err());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line: " + line);
        assertTrue(line.contains(file.toString()), "names the file: " + line);
        assertTrue(line.toLowerCase().contains(what.toLowerCase()), "says what is wrong (" + what + "): " + line);
        assertFalse(line.contains("Exception"), "no stack trace: " + line);
    }
}
