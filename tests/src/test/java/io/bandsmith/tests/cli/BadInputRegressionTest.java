package io.bandsmith.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bandsmith.app.cli.BandsmithCommand;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.geometry.ShapeRasterizer;
import io.bandsmith.engine.io.NpyFiles;
import picocli.CommandLine;

/** Issue 18 (defects 1-4, 10) and issue 11 item 9, through the command line as a user types them. */
class BadInputRegressionTest {
    static final Path MODEL = Path.of("..", "models", "bandsmith-p6.zip");

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    Result run(String... args) {
        CommandLine cl = BandsmithCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> cl.execute(args));
        return new Result(exit, out.toString(), err.toString());
    }

    private static void assertOneLine(Result r, String... words) {
        assertEquals(2, r.exit(), r.err());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line: " + line);
        assertFalse(line.contains("Exception") || line.contains("Error"), "no Java names: " + line);
        for (String w : words) {
            assertTrue(line.contains(w), "'" + w + "' in: " + line);
        }
    }

    @Test
    void largeStepHeightsAreRefusedNotCrashed() {
        Path holes = dir.resolve("h.npy");
        NpyFiles.writeMasks(holes, List.of(ShapeRasterizer.sixHoles(100, 0.30, 0.12, 256)));
        for (String vmax : new String[] {"1e5", "1e6", "1e12"}) {
            assertOneLine(run("solve", "--potential", holes.toString(), "--vmax", vmax), holes.toString(), "4096");
        }
        assertOneLine(run("classify", "--potential", holes.toString(), "--vmax", "1e12"), "4096");
        // a float potential far above --vmax (the h * 3e4) is refused, not given levels below its minimum
        double[] v = ShapeRasterizer.sixHoles(100, 0.30, 0.12, 256).valuesE0();
        for (int i = 0; i < v.length; i++) {
            v[i] *= 3e4 / 256;
        }
        Path deep = dir.resolve("f.npy");
        NpyFiles.writePotentials(deep, List.of(PotentialGrid.of(100, v, 256)));
        Path out = dir.resolve("f.json");
        assertOneLine(run("solve", "--potential", deep.toString(), "--out", out.toString()), "range");
        assertFalse(Files.exists(out));
    }

    @Test
    void predictWarnsOutsideItsDomainAndWritesAsManyLevelsAsBands() throws Exception {
        PotentialGrid mask = RandomPotentialGenerator.withAlpha(1).stepPotential(100, 7, 256);
        double[] v = mask.valuesE0();
        for (int i = 0; i < v.length; i++) {
            v[i] = -v[i];
        }
        Path neg = dir.resolve("neg.npy");
        NpyFiles.writePotentials(neg, List.of(PotentialGrid.of(100, v, 256)));
        Path out = dir.resolve("p.json");
        Result r = run("predict", "--potential", neg.toString(), "--model", MODEL.toString(), "--bands", "7",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        assertTrue(doc.get("warnings").size() >= 1, doc.get("warnings").toString());
        assertTrue(doc.at("/samples/0/warnings").size() >= 1);
        for (String p : List.of("G", "K", "M")) {
            assertEquals(7, doc.at("/samples/0/hsp/" + p + "/energies").size(), p);
            assertEquals(7, doc.at("/samples/0/hsp/" + p + "/labels").size(), p);
        }
        // inside the domain: no warning
        Path in = dir.resolve("in.npy");
        NpyFiles.writeMasks(in, List.of(mask));
        Path out2 = dir.resolve("q.json");
        assertEquals(0, run("predict", "--potential", in.toString(), "--model", MODEL.toString(), "--out",
                out2.toString()).exit());
        assertEquals(0, new ObjectMapper().readTree(out2.toFile()).get("warnings").size());
    }

    @Test
    void messagesOfTheCommandLine() {
        Path holes = dir.resolve("h.npy");
        NpyFiles.writeMasks(holes, List.of(ShapeRasterizer.sixHoles(100, 0.30, 0.12, 256)));
        assertOneLine(run("solve", "--potental", holes.toString()), "Unknown option: '--potental'",
                "did you mean --potential?");
        assertOneLine(run("classify", "--potential", holes.toString(), "--connectivity", "berry"), "--solver nn");
        assertOneLine(run("solve", "--potential", holes.toString(), "--out", ""), "empty");
        assertOneLine(run("solve", "--potential", holes.toString(), "--out", holes.resolve("x.json").toString()),
                "is a file, not a folder");
        assertOneLine(run("solve", "--potential", dir.toString()), "is a directory");
        assertOneLine(run("predict", "--potential", holes.toString(), "--model", dir.toString()), "is a directory");
        for (String command : List.of("solve", "predict")) {
            String help = run(command, "--help").out();
            for (String option : List.of("--kpoints=", "--wedge=", "--path=")) {
                long listed = help.lines().filter(l -> l.startsWith("      " + option)).count();
                assertEquals(1, listed, command + ": " + option + " listed " + listed + " times");
            }
        }
        for (String command : List.of("predict", "phasemap", "lossmap")) {
            String help = run(command, "--help").out();
            String[] lines = help.split("\n");
            for (int i = 0; i < lines.length; i++) {
                // an option line without a description ends after its label, and no indented text follows it
                boolean bare = lines[i].matches("( {2}-\\w, | {6})--[\\w-]+(=\\S+)?\\s*");
                boolean continued = i + 1 < lines.length && lines[i + 1].startsWith("          ");
                assertFalse(bare && !continued, command + ": no description: " + lines[i]);
            }
        }
        assertFalse(run("phasemap", "--help").out().contains("]..."), "phasemap suggests repeating --corners");
    }
}
