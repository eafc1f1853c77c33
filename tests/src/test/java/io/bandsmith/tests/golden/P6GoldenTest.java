package io.bandsmith.tests.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.app.cli.BandsmithCommand;
import io.bandsmith.app.gui.model.ProjectFiles;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.symmetry.ElementaryBandRepresentation;
import io.bandsmith.engine.tightbinding.P6TimeReversalModel;
import io.bandsmith.engine.tightbinding.TightBindingModel;
import picocli.CommandLine;

/**
 * Golden tests of the p6 pipeline, taken before the group layer (issue 12) moves p6 onto it: p6 must not move. The
 * expected files in {@code src/test/resources/golden/p6} were written by this class from the code as it was before
 * the refactor ({@code -Dbandsmith.golden.write=true} rewrites them; do that only for an intended change of the p6
 * physics, and say so in the commit). Tolerances are what the code reproduces: 1e-9 relative for the deterministic
 * solver and model algebra, exact for labels, EBR tables and counts, 1e-5 relative for the float32 network.
 */
class P6GoldenTest {
    private static final boolean WRITE = Boolean.getBoolean("bandsmith.golden.write");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/p6");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double DETERMINISTIC = 1e-9;
    private static final double FLOAT32_NETWORK = 1e-5;

    @TempDir
    Path dir;

    @Test
    void solveOfTheExampleProjects() throws Exception {
        List<PotentialGrid> grids = new ArrayList<>();
        try (Stream<Path> files = Files.list(repository().resolve("assets/examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                grids.add(ProjectFiles.read(f).geometry().grid());
            }
        }
        assertEquals(5, grids.size());
        Path npy = dir.resolve("examples.npy");
        NpyFiles.writePotentials(npy, grids);
        Path out = dir.resolve("solve.json");
        cli("solve", "--potential", npy.toString(), "--wedge", "79", "--bands", "7", "--out", out.toString());
        compare("solve-examples.json", JSON.readTree(out.toFile()), DETERMINISTIC);
    }

    @Test
    void hamiltonianOfThe245ParameterModelAtRandomParameters() throws Exception {
        TightBindingModel model = P6TimeReversalModel.model();
        assertEquals(245, model.parameterCount());
        Random r = new Random(12);
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode rows = doc.putArray("hamiltonians");
        for (int sample = 0; sample < 2; sample++) {
            double[] params = new double[245];
            for (int i = 0; i < params.length; i++) {
                params[i] = r.nextGaussian();
            }
            for (KVector k : List.of(HexagonalLattice.GAMMA.k(), HexagonalLattice.K.k(), HexagonalLattice.M.k(),
                    new KVector(0.37, 1.21))) {
                ObjectNode row = rows.addObject();
                row.put("sample", sample);
                row.putArray("k").add(k.kx()).add(k.ky());
                ArrayNode h = row.putArray("h");
                for (double v : model.hamiltonian(params, k)) {
                    h.add(v);
                }
            }
        }
        compare("hamiltonian-245.json", doc, DETERMINISTIC);
    }

    @Test
    void ebrTable() throws Exception {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode rows = doc.putArray("ebrs");
        for (ElementaryBandRepresentation e : ElementaryBandRepresentation.P6_WITH_TIME_REVERSAL) {
            ObjectNode row = rows.addObject();
            row.put("name", e.name());
            ArrayNode f = row.putArray("fingerprint");
            e.fingerprint().toList().forEach(f::add);
        }
        compare("ebr-table.json", doc, 0);
    }

    @Test
    void exploreCounts() throws Exception {
        Path out = dir.resolve("explore.json");
        cli("explore", "--samples", "200", "--seed", "0", "--out", out.toString());
        JsonNode doc = JSON.readTree(out.toFile());
        ObjectNode counts = JSON.createObjectNode();
        counts.set("methods", doc.get("methods"));
        counts.set("failures", doc.get("failures"));
        compare("explore-200-seed0.json", counts, 0);
    }

    @Test
    void predictionsOfTheShippedModel() throws Exception {
        Path model = repository().resolve("models/bandsmith-p6.zip");
        assertTrue(Files.isRegularFile(model), "the shipped model " + model);
        RandomPotentialGenerator gen = RandomPotentialGenerator.withAlpha(1);
        List<PotentialGrid> grids = List.of(gen.stepPotential(100, 3, 256), gen.stepPotential(100, 41, 256),
                RandomPotentialGenerator.withAlpha(0.5).stepPotential(100, 87, 256));
        Path npy = dir.resolve("three.npy");
        NpyFiles.writeMasks(npy, grids);
        Path out = dir.resolve("predict.json");
        cli("predict", "--potential", npy.toString(), "--model", model.toString(), "--wedge", "79", "--bands", "7",
                "--out", out.toString());
        compare("predict-shipped-model.json", JSON.readTree(out.toFile()), FLOAT32_NETWORK);
    }

    // --- helpers

    private static void cli(String... args) {
        CommandLine cl = BandsmithCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        assertEquals(0, exit, String.join(" ", args) + ": " + err);
    }

    private static Path repository() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("assets/examples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run from inside the repository");
        }
        return p;
    }

    /** Compares with the golden file (or writes it): numbers to {@code relative} (of max(|expected|, 1)), the rest exactly. */
    private static void compare(String name, JsonNode actual, double relative) throws IOException {
        if (WRITE) {
            Files.createDirectories(GOLDEN);
            JSON.writerWithDefaultPrettyPrinter().writeValue(GOLDEN.resolve(name).toFile(), actual);
            return;
        }
        JsonNode expected;
        try (InputStream in = P6GoldenTest.class.getResourceAsStream("/golden/p6/" + name)) {
            assertTrue(in != null, "golden file " + name);
            expected = JSON.readTree(in);
        }
        compare(name, expected, actual, relative);
    }

    private static void compare(String where, JsonNode expected, JsonNode actual, double relative) {
        if (expected.isNumber()) {
            assertTrue(actual.isNumber(), where + ": expected a number, got " + actual);
            double e = expected.asDouble();
            double a = actual.asDouble();
            assertEquals(e, a, relative * Math.max(Math.abs(e), 1), where);
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), where + ": length");
            for (int i = 0; i < expected.size(); i++) {
                compare(where + "[" + i + "]", expected.get(i), actual.get(i), relative);
            }
        } else if (expected.isObject()) {
            for (Iterator<String> it = expected.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (f.equals("seconds") || f.equals("version")) {
                    continue;
                }
                assertTrue(actual.has(f), where + ": missing " + f);
                compare(where + "." + f, expected.get(f), actual.get(f), relative);
            }
        } else {
            assertEquals(expected, actual, where);
        }
    }
}
