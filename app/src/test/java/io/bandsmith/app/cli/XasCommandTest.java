package io.bandsmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code bandsmith xas ...} end to end, on the real spectrum fixtures kept in the models module. */
class XasCommandTest {
    static final Path FIXTURES = Path.of("..", "models", "src", "test", "resources", "xas");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = BandsmithCommand.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(oldOut);
        }
    }

    private static JsonNode inspect(String file) throws Exception {
        Run r = run("xas", "inspect", "--json", FIXTURES.resolve(file).toString());
        assertEquals(0, r.exit(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void inspectCobaltKEdgeXanes() throws Exception {
        JsonNode j = inspect("pymatgen_LiCoO2_k_xanes.json");
        assertEquals("Co", j.get("absorbing_element").asText());
        assertEquals("K", j.get("edge").asText());
        assertEquals("XANES", j.get("spectrum_type").asText());
        assertEquals(200, j.get("points").asInt());
        assertEquals(7713.228, j.get("energy_range").get(0).asDouble(), 1e-6);
        assertEquals(7768.39, j.get("energy_range").get(1).asDouble(), 1e-6);
        assertTrue(j.get("space_group").isNull());
        assertTrue(j.get("warnings").isArray());
    }

    @Test
    void inspectZincL3Xanes() throws Exception {
        JsonNode j = inspect("pymatgen_ZnO_l3_xanes.json");
        assertEquals("Zn", j.get("absorbing_element").asText());
        assertEquals("L3", j.get("edge").asText());
        assertEquals("XANES", j.get("spectrum_type").asText());
        assertEquals(200, j.get("points").asInt());
        assertEquals(1018.238, j.get("energy_range").get(0).asDouble(), 1e-6);
        assertEquals(1073.401, j.get("energy_range").get(1).asDouble(), 1e-6);
        assertTrue(j.get("warnings").toString().contains("L3 edge"));
    }

    @Test
    void inspectGzippedMaterialsProjectDocument() throws Exception {
        JsonNode j = inspect("emmet_xasdoc_mp-626735_EXAFS_H_K.json.gz");
        assertEquals("H", j.get("absorbing_element").asText());
        assertEquals("K", j.get("edge").asText());
        assertEquals("EXAFS", j.get("spectrum_type").asText());
        assertEquals(200, j.get("points").asInt());
        assertEquals(15.811, j.get("energy_range").get(0).asDouble(), 1e-6);
        assertEquals(1539.795, j.get("energy_range").get(1).asDouble(), 1e-6);
        assertEquals(2, j.get("space_group").get("number").asInt());
        assertEquals("P-1", j.get("space_group").get("symbol").asText());
        assertEquals("-1", j.get("space_group").get("point_group").asText());
        assertEquals("Triclinic", j.get("space_group").get("crystal_system").asText());
        assertTrue(j.get("warnings").toString().contains("non-positive"));
    }

    @Test
    void truncatedFilesAreRefusedWithOneClearLine() throws Exception {
        byte[] full = Files.readAllBytes(FIXTURES.resolve("pymatgen_LiCoO2_k_xanes.json"));
        Path cut = tmp.resolve("cut.json");
        Files.write(cut, Arrays.copyOf(full, 1000));
        Run r = run("xas", "inspect", "--json", cut.toString());
        assertEquals(BandsmithCommand.EXIT_BAD_INPUT, r.exit());
        assertTrue(r.out().isBlank(), r.out());
        String line = r.err().trim();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains(cut.toString()) && line.contains("truncated JSON"), line);

        byte[] gz = Files.readAllBytes(FIXTURES.resolve("emmet_xasdoc_mp-626735_EXAFS_H_K.json.gz"));
        Path cutGz = tmp.resolve("cut.json.gz");
        Files.write(cutGz, Arrays.copyOf(gz, gz.length / 2));
        Run g = run("xas", "inspect", "--json", cutGz.toString());
        assertEquals(BandsmithCommand.EXIT_BAD_INPUT, g.exit());
        assertTrue(g.err().contains("truncated gzip"), g.err());
    }

    @Test
    void buildTrainEvaluatePredictOnThePlantedSignal() throws Exception {
        Path spectra = tmp.resolve("planted");
        assertEquals(0, run("xas", "synthetic", "--out", spectra.toString(), "--materials", "200").exit());
        Files.copy(FIXTURES.resolve("pymatgen_ZnO_l3_xanes.json"), spectra.resolve("zno_l3.json"));
        Path data = tmp.resolve("planted.json.gz");
        Run b = run("xas", "build", "--spectra", spectra.toString(), "--out", data.toString());
        assertEquals(0, b.exit(), b.err());
        JsonNode built = JSON.readTree(b.out());
        assertEquals(200, built.get("materials").asInt());
        assertEquals("zno_l3.json", built.get("skipped").get(0).get("file").asText());
        assertTrue(b.err().contains("skipped zno_l3.json: L3 edge where a K edge is required"), b.err());

        Path model = tmp.resolve("svm.zip");
        Run t = run("xas", "train", "--data", data.toString(), "--model", "svm", "--out", model.toString());
        assertEquals(0, t.exit(), t.err());
        Path png = tmp.resolve("recall.png");
        Run e = run("xas", "evaluate", "--model", model.toString(), "--data", data.toString(), "--per-element",
                "--png", png.toString());
        assertEquals(0, e.exit(), e.err());
        JsonNode ev = JSON.readTree(e.out());
        assertEquals("test", ev.get("subset").asText());
        assertTrue(ev.get("overall").get("topological").get("recall").asDouble() > 0.8, ev.toString());
        assertTrue(ev.get("per_element").has("Bi"));
        assertTrue(Files.size(png) > 1000);

        Path one = spectra.resolve("synthetic-0000_" + firstElement(spectra) + "_K_XANES.json");
        Run p = run("xas", "predict", "--model", model.toString(), "--space-group", "166", one.toString());
        assertEquals(0, p.exit(), p.err());
        JsonNode pr = JSON.readTree(p.out());
        double prob = pr.get("materials").get(0).get("probability_topological").asDouble();
        assertTrue(prob >= 0 && prob <= 1);
        // the planted signal separates the classes through predict too: all spectra of 8 materials of each label
        // (labels from the synthetic manifest) in one call; spectra without a material id are one material each
        java.util.Map<String, Integer> labelOfFile = new java.util.HashMap<>();
        java.util.Map<String, java.util.List<String>> filesOf = new java.util.LinkedHashMap<>();
        java.util.List<String> manifest = Files.readAllLines(spectra.resolve("manifest.csv"));
        for (String line : manifest.subList(1, manifest.size())) {
            String[] f = line.split(",");
            labelOfFile.put(f[0], Integer.parseInt(f[4]));
            filesOf.computeIfAbsent(f[1], k -> new java.util.ArrayList<>()).add(f[0]);
        }
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("xas", "predict", "--model",
                model.toString(), "--space-group", "166"));
        int[] picked = new int[2];
        for (var entry : filesOf.entrySet()) {
            int label = labelOfFile.get(entry.getValue().get(0));
            if (picked[label] < 8) {
                picked[label]++;
                entry.getValue().forEach(f -> args.add(spectra.resolve(f).toString()));
            }
        }
        Run many = run(args.toArray(String[]::new));
        assertEquals(0, many.exit(), many.err());
        JsonNode rows = JSON.readTree(many.out()).get("materials");
        assertTrue(rows.size() >= 16, rows.size() + " predictions");
        double[] sum = new double[2];
        int[] count = new int[2];
        int right = 0;
        for (JsonNode row : rows) {
            String file = Path.of(row.get("files").get(0).asText()).getFileName().toString();
            int label = labelOfFile.get(file);
            sum[label] += row.get("probability_topological").asDouble();
            count[label]++;
            right += row.get("predicted_class").asText().equals(label == 1 ? "topological" : "trivial") ? 1 : 0;
        }
        assertTrue(count[0] > 0 && count[1] > 0);
        assertTrue(sum[1] / count[1] > sum[0] / count[0] + 0.3, "mean probability topological "
                + sum[1] / count[1] + " vs trivial " + sum[0] / count[0]);
        // one spectrum per prediction carries less than a material's full set (25 of 38 seen): better than chance
        assertTrue(right > 0.5 * rows.size(), right + " of " + rows.size() + " predictions right");

        Run noSg = run("xas", "predict", "--model", model.toString(), one.toString());
        assertEquals(BandsmithCommand.EXIT_BAD_INPUT, noSg.exit());
        assertTrue(noSg.err().contains("--space-group"), noSg.err());

        Run l3 = run("xas", "predict", "--model", model.toString(), "--space-group", "186",
                FIXTURES.resolve("pymatgen_ZnO_l3_xanes.json").toString());
        assertEquals(BandsmithCommand.EXIT_BAD_INPUT, l3.exit());
        assertTrue(l3.err().contains("L3 edge where a K edge is required"), l3.err());
    }

    private static String firstElement(Path spectra) throws Exception {
        try (var s = Files.list(spectra)) {
            String name = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("synthetic-0000_"))
                    .sorted().findFirst().orElseThrow();
            return name.split("_")[1];
        }
    }
}
