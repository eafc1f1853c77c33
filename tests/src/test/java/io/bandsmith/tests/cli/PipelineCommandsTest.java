package io.bandsmith.tests.cli;

import static io.bandsmith.tests.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
import io.bandsmith.models.dataset.Dataset;
import io.bandsmith.models.dataset.DatasetShard;
import io.bandsmith.tests.cli.CliRun.Result;

/**
 * The data pipeline through the command line at small sizes: generate -> dataset -> train -> evaluate, predict and
 * phasemap; each output checked against an independent source (the numpy fixtures, the numpy file format, the exact
 * solver, the model card).
 */
class PipelineCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("..", "engine", "src", "test", "resources", "fixtures");
    private static final Path SHIPPED = Path.of("..", "models", "bandsmith-p6.zip");

    @TempDir
    Path dir;

    static void ok(String... args) {
        Result r = run(args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
    }

    @Test
    void generateWritesNumpyFilesAndItsSixHolesAreNumpysSixHoles() throws Exception {
        Path p = dir.resolve("r.npy");
        ok("generate", "random", "--count", "2", "--alpha", "0.5", "--seed", "5", "--out", p.toString());
        // the .npy format (numpy's format.rst): magic, version 1.0, little-endian header length, a Python dict
        // literal, header padded with spaces and ending in \n so that the data start at a multiple of 64
        byte[] bytes = Files.readAllBytes(p);
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[6]);
        assertEquals(0, bytes[7]);
        int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertEquals(0, (10 + headerLength) % 64, "data aligned to 64 bytes");
        assertTrue(header.endsWith("\n"), header);
        String dict = header.replace(" ", "");
        // numpy.dtype accepts each of these spellings of uint8 ('B' is its type character)
        assertTrue(List.of("'descr':'|u1'", "'descr':'u1'", "'descr':'B'", "'descr':'|B'").stream()
                .anyMatch(dict::contains), header);
        assertTrue(dict.contains("'fortran_order':False"), header);
        assertTrue(dict.contains("'shape':(2,100,100)") || dict.contains("'shape':(2,100,100,)"), header);
        assertEquals(10 + headerLength + 2 * 100 * 100, bytes.length);
        RandomPotentialGenerator gen = RandomPotentialGenerator.withAlpha(0.5);
        for (int s = 0; s < 2; s++) {
            double[] v = gen.stepPotential(100, 5 + s, 256).valuesE0();
            for (int i = 0; i < v.length; i++) {
                assertEquals(v[i] > 0 ? 1 : 0, bytes[10 + headerLength + s * 10000 + i], "potential " + s + " at " + i);
            }
        }
        // six holes at R = 0.30: the same pixels as numpy's rasterization (benchmarks/make_fixtures.py)
        Path h = dir.resolve("h.npy");
        ok("generate", "six-holes", "--distance", "0.30", "--out", h.toString());
        assertArrayEquals(NpyFiles.readPotentials(FIXTURES.resolve("six-holes-R0.30.npy"), 256).get(0).valuesE0(),
                NpyFiles.readPotentials(h, 256).get(0).valuesE0());
    }

    @Test
    void datasetTrainEvaluateAndPredictRunEndToEnd() throws Exception {
        Path data = dir.resolve("data");
        ok("dataset", "generate", "--count", "6", "--alpha", "1", "--seed-start", "40", "--shard-size", "4", "--out",
                data.toString());
        Dataset d = Dataset.open(data);
        assertEquals(6, d.spec().count());
        assertEquals(List.of(0, 1), d.completeShards());
        DatasetShard second = d.readShard(1);
        assertArrayEquals(new long[] {44, 45}, second.seeds());
        // the stored potential is generator seed 44 and its stored bands are what `solve` gives for it
        PotentialGrid g44 = RandomPotentialGenerator.withAlpha(1).stepPotential(100, 44, 256);
        assertArrayEquals(g44.valuesE0(), d.potential(4).valuesE0());
        Path p44 = dir.resolve("p44.npy");
        ok("generate", "random", "--seed", "44", "--out", p44.toString());
        Path solved = dir.resolve("solved.json");
        ok("solve", "--potential", p44.toString(), "--wedge", "79", "--out", solved.toString());
        JsonNode s = JSON.readTree(solved.toFile()).at("/samples/0/energies");
        for (int q = 0; q < 79; q += 13) {
            for (int n = 0; n < 7; n++) {
                assertEquals(s.get(q).get(n).asDouble(), second.energies()[0][q][n], 1e-9, "k " + q + " band " + n);
            }
        }

        Path model = dir.resolve("m.zip");
        ok("train", "--data", data.toString(), "--out", model.toString(), "--epochs", "2", "--hidden", "16",
                "--batch", "2", "--validation", "2", "--k-subsample", "4");
        assertTrue(Files.isRegularFile(model));
        List<String> log = Files.readAllLines(Path.of(model + ".csv"));
        assertEquals(3, log.size(), "a header and one line per epoch: " + log);

        Path eval = dir.resolve("e.json");
        ok("evaluate", "--model", model.toString(), "--data", data.toString(), "--samples", "2", "--wedge", "79",
                "--out", eval.toString());
        double tiny = JSON.readTree(eval.toFile()).get("rmsVmax").asDouble();
        Path evalShipped = dir.resolve("e-shipped.json");
        ok("evaluate", "--model", SHIPPED.toString(), "--data", data.toString(), "--samples", "2", "--wedge", "79",
                "--out", evalShipped.toString());
        double shipped = JSON.readTree(evalShipped.toFile()).get("rmsVmax").asDouble();
        // the card says 3.2e-3 Vmax; two potentials scatter, but a network trained for two epochs on four cannot
        // come near it
        assertTrue(shipped < 2 * 3.16e-3, "shipped model rms " + shipped);
        assertTrue(tiny > 3 * shipped, "two-epoch model " + tiny + " vs shipped " + shipped);

        Path predicted = dir.resolve("pred.json");
        ok("predict", "--potential", p44.toString(), "--model", SHIPPED.toString(), "--wedge", "79", "--out",
                predicted.toString());
        JsonNode pr = JSON.readTree(predicted.toFile());
        assertEquals(79, pr.get("kpoints").size());
        double se = 0;
        for (int q = 0; q < 79; q++) {
            for (int n = 0; n < 6; n++) {
                double diff = (pr.at("/samples/0/energies").get(q).get(n).asDouble() - s.get(q).get(n).asDouble()) / 256;
                se += diff * diff;
            }
        }
        assertTrue(Math.sqrt(se / (79 * 6)) < 3 * 3.16e-3, "predict vs solve rms " + Math.sqrt(se / (79 * 6)));
    }

    @Test
    void anEnsembleTrainsPredictsWithItsSpreadAndEvaluates() throws Exception {
        Path data = dir.resolve("edata");
        ok("dataset", "generate", "--count", "8", "--alpha", "1", "--seed-start", "60", "--shard-size", "4", "--out",
                data.toString());
        Path model = dir.resolve("e.zip");
        ok("train", "--data", data.toString(), "--out", model.toString(), "--epochs", "2", "--hidden", "16",
                "--batch", "2", "--validation", "2", "--k-subsample", "4", "--seeds", "2", "--mirror",
                "--average-last", "1", "--train-monitor", "3");
        Path ensemble = dir.resolve("e-ensemble.zip");
        assertTrue(Files.isRegularFile(dir.resolve("e-seed1.zip")) && Files.isRegularFile(dir.resolve("e-seed2.zip")),
                "every member is kept");
        assertTrue(Files.isRegularFile(ensemble));
        List<String> log = Files.readAllLines(Path.of(dir.resolve("e-seed1.zip") + ".csv"));
        assertTrue(log.get(0).contains("train_band_rms_vmax"), log.get(0));

        Path p = dir.resolve("p.npy");
        ok("generate", "random", "--seed", "7", "--out", p.toString());
        Path predicted = dir.resolve("ens.json");
        ok("predict", "--potential", p.toString(), "--model", ensemble.toString(), "--wedge", "79", "--out",
                predicted.toString());
        JsonNode sample = JSON.readTree(predicted.toFile()).at("/samples/0");
        assertEquals(79, sample.get("energies").size(), "the contract fields stay");
        assertTrue(sample.at("/hsp/G/labels").size() >= 6);
        assertEquals(79, sample.get("spread").size(), "the spread per k point");
        assertEquals(sample.get("energies").get(0).size(), sample.get("spread").get(0).size(), "and band");
        for (JsonNode row : sample.get("spread")) {
            for (JsonNode v : row) {
                assertTrue(v.asDouble() >= 0);
            }
        }

        Path eval = dir.resolve("ens-eval.json");
        ok("evaluate", "--model", ensemble.toString(), "--data", data.toString(), "--samples", "2", "--wedge", "79",
                "--out", eval.toString());
        JsonNode e = JSON.readTree(eval.toFile());
        double mean = e.get("meanRmsVmax").asDouble();
        double average = 0;
        for (JsonNode m : e.get("memberRmsVmax")) {
            average += m.asDouble() / e.get("memberRmsVmax").size();
        }
        // the triangle inequality: the error of the mean is at most the mean of the members' errors
        assertTrue(mean <= average * (1 + 1e-9), "mean " + mean + " vs members " + average);
        double coverage = e.get("coverage2x").asDouble();
        assertTrue(coverage >= 0 && coverage <= 1, "coverage " + coverage);
        assertTrue(e.at("/prediction/rmsVmax").asDouble() > 0);

        Path png = dir.resolve("curves.png");
        Path csv = dir.resolve("curves.csv");
        ok("curves", "--log", "one=" + dir.resolve("e-seed1.zip") + ".csv", "--log", "two=" + dir.resolve("e-seed2.zip")
                + ".csv", "--out", png.toString(), "--csv", csv.toString());
        assertEquals(1 + 2 * 2, Files.readAllLines(csv).size(), "a header and two epochs per run");
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() > 0);
    }

    @Test
    void phasemapClassifiesEveryBlendAndKeepsItsCorners() throws Exception {
        String[] corners = new String[3];
        for (int c = 0; c < 3; c++) {
            Path p = dir.resolve("c" + c + ".npy");
            ok("generate", "random", "--alpha", "0.5", "--seed", String.valueOf(new int[] {87, 0, 48}[c]), "--out",
                    p.toString());
            corners[c] = p.toString();
        }
        Path out = dir.resolve("pm.json");
        Path png = dir.resolve("pm.png");
        ok("phasemap", "--corners", corners[0], corners[1], corners[2], "--resolution", "2", "--out", out.toString(),
                "--png", png.toString());
        JsonNode doc = JSON.readTree(out.toFile());
        assertEquals(6, doc.get("points").size(), "(n + 1)(n + 2)/2 points for resolution n = 2");
        for (JsonNode f : doc.get("corner_fidelity")) {
            assertTrue(f.asDouble() > 0.98, "corner fidelity " + f);
        }
        for (JsonNode p : doc.get("points")) {
            double sum = 0;
            for (JsonNode w : p.get("weights")) {
                sum += w.asDouble();
                assertTrue(w.asDouble() >= 0);
            }
            assertEquals(1, sum, 1e-12);
            int next = 1;
            for (JsonNode set : p.get("sets")) {
                assertEquals(next, set.get("bands").get(0).asInt(), "consecutive sets from the bottom");
                next = set.get("bands").get(1).asInt() + 1;
            }
            assertTrue(next > 1);
        }
        var img = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 0 && img.getHeight() > 0);
    }
}
