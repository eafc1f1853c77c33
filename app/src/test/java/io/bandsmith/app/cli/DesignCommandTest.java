package io.bandsmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bandsmith.app.gui.model.ProjectFiles;
import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.MaskOutline;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.io.OutlineFiles;
import io.bandsmith.models.network.StarFeatures;
import io.bandsmith.models.network.TightBindingNetwork;

/** The design command end to end with a small untrained network: exports, report, bad input. */
class DesignCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void smallNetwork() {
        StarFeatures f = new StarFeatures(8);
        SplittableRandom r = new SplittableRandom(2);
        double[][] samples = new double[12][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = f.of(RandomPotentialGenerator.withAlpha(1).stepPotential(100, r.nextLong(), 256));
        }
        model = dir.resolve("tiny.zip");
        TightBindingNetwork.create(f, samples, new int[] {16}, 1e-3, 1).save(model);
    }

    @Test
    void designWritesASymmetricMaskAndEveryExportOfIt() throws Exception {
        Path npy = dir.resolve("best.npy");
        Path prefix = dir.resolve("exports/design");
        Files.createDirectories(prefix.getParent());
        Path out = dir.resolve("report.json");
        int status = BandsmithCommand.run("design", "--target", "breathing-honeycomb", "--param", "omega0=0.6",
                "--param", "J=0.035", "--param", "J0=0.038", "--param", "L=-0.002", "--param", "L0=0.002",
                "--trials", "4", "--steps", "10", "--verify", "1", "--seed", "5", "--model", model.toString(),
                "--export-npy", npy.toString(), "--export", prefix.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, status);
        List<PotentialGrid> grids = NpyFiles.readPotentials(npy, 256);
        assertEquals(1, grids.size());
        PotentialGrid g = grids.get(0);
        assertEquals(100, g.size());
        assertTrue(g.isTwoValued());
        assertEquals(0, C6GridSymmetry.maxViolation(g), "exactly C6-symmetric");
        JsonNode doc = JSON.readTree(Files.readString(out));
        JsonNode best = doc.get("best");
        assertTrue(best.get("exact_rms_vmax").asDouble() > 0, "the best design was checked with the exact solver");
        assertEquals(Math.sqrt(best.get("exact_loss").asDouble()), best.get("exact_rms_vmax").asDouble(), 1e-12);
        assertEquals(Math.sqrt(best.get("network_loss").asDouble()), best.get("network_rms_vmax").asDouble(), 1e-12);
        // the report describes the exported mask: its fill fraction, and the exact levels and labels at Γ, K, M of
        // that mask solved here again
        double filled = 0;
        for (double x : g.fractions()) {
            filled += x;
        }
        assertEquals(filled / g.fractions().length, best.get("fill_fraction").asDouble(), 1e-12);
        var exact = io.bandsmith.engine.solver.PlaneWaveSolver.withDefaults().compute(g,
                io.bandsmith.engine.lattice.KPointSet.hexagonalWedge(1), 7);
        int compared = 0;
        for (String point : List.of("G", "K", "M")) {
            JsonNode reported = best.get("exact_labels").get(point);
            assertTrue(reported.get("labels").size() >= 6, reported.toString());
            for (int n = 0; n < reported.get("labels").size(); n++) {
                assertEquals(exact.highSymmetry(point).energy(n), reported.get("energies").get(n).asDouble(),
                        1e-6 * 256, point + " level " + n);
                assertEquals(exact.highSymmetry(point).label(n).symbol(), reported.get("labels").get(n).asText(),
                        point + " level " + n);
                compared++;
            }
        }
        assertTrue(compared >= 18);
        assertEquals(10, doc.get("best_loss_history").size());
        // all exports describe the same mask
        boolean[] mask = new boolean[100 * 100];
        for (int n = 0; n < mask.length; n++) {
            mask[n] = g.fractions()[n] > 0.5;
        }
        assertArrayEquals(g.valuesE0(), NpyFiles.readPotentials(Path.of(prefix + ".npy"), 256).get(0).valuesE0());
        assertArrayEquals(mask, MaskOutline.rasterize(OutlineFiles.readDxfPolylines(Path.of(prefix + ".dxf"),
                "REGIONS"), 100));
        assertTrue(Files.readString(Path.of(prefix + ".svg")).contains("id=\"regions\""));
        JsonNode fourier = JSON.readTree(Files.readString(Path.of(prefix + ".fourier.json")));
        assertEquals(21, fourier.get("stars").size(), "the 21 stars of the training distribution");
        assertArrayEquals(g.valuesE0(), ProjectFiles.read(Path.of(prefix + ProjectFiles.EXTENSION)).geometry()
                .grid().valuesE0(), "the project opens to the same geometry");
        assertTrue(Files.readString(Path.of(prefix + ".report.md")).contains("exact solver"));
        var picture = javax.imageio.ImageIO.read(Path.of(prefix + ".bands.png").toFile());
        assertTrue(picture.getWidth() > 600 && picture.getHeight() > 400, "bands picture");
    }

    @Test
    void badParametersFailWithOneLineAndWriteNothing() throws Exception {
        Path npy = dir.resolve("never.npy");
        assertEquals(2, BandsmithCommand.run("design", "--target", "breathing-honeycomb", "--param", "J=abc",
                "--model", model.toString(), "--export-npy", npy.toString()));
        assertEquals(2, BandsmithCommand.run("design", "--target", "kagome", "--model", model.toString(),
                "--export-npy", npy.toString()));
        assertEquals(2, BandsmithCommand.run("design", "--target", "breathing-honeycomb", "--param", "Q=1",
                "--model", model.toString(), "--export-npy", npy.toString()));
        assertEquals(2, BandsmithCommand.run("design", "--target", "gap", "--model",
                dir.resolve("missing.zip").toString(), "--export-npy", npy.toString()));
        assertTrue(!Files.exists(npy));
    }

    @Test
    void lossMapResumesWithoutRedoingPoints() throws Exception {
        Path out = dir.resolve("map.jsonl");
        String[] args = {"lossmap", "--model", model.toString(), "--omega0", "0.6", "--jbar", "0.03:0.04:2",
            "--delta-j", "0", "--trials", "2", "--steps", "3", "--out", out.toString(), "--png",
            dir.resolve("map.png").toString()};
        assertEquals(0, BandsmithCommand.run(args));
        List<String> first = Files.readAllLines(out);
        assertEquals(2, first.size());
        for (String line : first) {
            assertTrue(JSON.readTree(line).get("network_rms_vmax").asDouble() > 0);
        }
        long stamp = Files.getLastModifiedTime(out).toMillis();
        assertEquals(0, BandsmithCommand.run(args));
        assertEquals(first, Files.readAllLines(out), "a finished map is not recomputed");
        assertEquals(stamp, Files.getLastModifiedTime(out).toMillis());
        assertTrue(Files.size(dir.resolve("map.png")) > 0);
        Files.writeString(out, "not json\n");
        assertEquals(2, BandsmithCommand.run(args), "a damaged results file is reported, not overwritten");
        assertEquals("not json", Files.readAllLines(out).get(0));
    }

    @Test
    void aGapDesignReportsTheGapNotAnRms() throws Exception {
        Path out = dir.resolve("gap.json");
        assertEquals(0, BandsmithCommand.run("design", "--target", "gap", "--gap-above", "1", "--trials", "2",
                "--steps", "3", "--verify", "1", "--model", model.toString(), "--out", out.toString(), "--quiet"));
        JsonNode best = JSON.readTree(Files.readString(out)).get("best");
        assertEquals(-best.get("exact_loss").asDouble(), best.get("exact_gap_vmax").asDouble(), 0);
        assertTrue(best.get("exact_gap_vmax").asDouble() > 0, "band 1 of a p6 potential is separated from band 2");
        assertTrue(!best.has("exact_rms_vmax"));
    }
}
