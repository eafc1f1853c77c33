package io.bandsmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.space3d.RandomVoxelPotentials;
import io.bandsmith.engine.space3d.VoxelFiles;
import io.bandsmith.engine.space3d.VoxelGrid;

class P4222CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String[] runCapturingErr(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = BandsmithCommand.run(args);
        } finally {
            System.setErr(old);
        }
        return new String[] {String.valueOf(status), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void generateThenSolveThePathWritesTheContractJsonWithAllSixMaximalPoints(@TempDir Path dir) throws Exception {
        Path npy = dir.resolve("r.npy");
        assertEquals(0, BandsmithCommand.run("generate", "random", "--case", "p4222-3d", "--count", "1", "--seed", "4",
                "--out", npy.toString()));
        List<VoxelGrid> grids = VoxelFiles.readSymmetric(npy, 200);
        assertEquals(RandomVoxelPotentials.step(1, 20, 4, 1, 200), grids.get(0));
        Path out = dir.resolve("s.json");
        assertEquals(0, BandsmithCommand.run("solve", "--case", "p4222-3d", "--potential", npy.toString(), "--path",
                "1", "--bands", "4", "--threads", "1", "--out", out.toString()));
        JsonNode doc = JSON.readTree(Files.readString(out));
        assertEquals("p4222-3d", doc.get("case").asText());
        assertEquals(200.0, doc.get("vmax").asDouble());
        assertEquals("E0", doc.get("units").get("energy").asText());
        assertEquals(8, doc.get("kpoints").size());
        assertEquals(3, doc.get("kpoints").get(0).size());
        JsonNode hsp = doc.get("samples").get(0).get("hsp");
        for (String p : List.of("G", "X", "M", "Z", "R", "A")) {
            assertEquals(4, hsp.get(p).get("labels").size(), p);
        }
        // the path's corners carry the same energies as the hsp levels
        JsonNode rows = doc.get("samples").get(0).get("energies");
        assertEquals(hsp.get("Z").get("energies").get(0).asDouble(), rows.get(4).get(0).asDouble(), 1e-12);
        for (String p : List.of("G", "X", "M", "Z", "R", "A")) {
            var names = io.bandsmith.engine.space3d.LittleGroupIrreps.point(p).irreps().keySet();
            hsp.get(p).get("labels").forEach(l -> assertTrue(names.contains(l.asText()), p + ": " + l));
        }
    }

    @Test
    void badInputIsOneLineNamingTheFileWithExitTwo(@TempDir Path dir) throws Exception {
        Path flat = dir.resolve("flat.npy");
        NpyFiles.writeMasks(flat, List.of(PotentialGrid.of(100, new double[100 * 100], 256)));
        String[] r = runCapturingErr("solve", "--case", "p4222-3d", "--potential", flat.toString(), "--path", "1");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("flat.npy") && r[1].contains("2D"), r[1]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);

        VoxelGrid g = RandomVoxelPotentials.step(1, 20, 9, 1, 200);
        double[] v = g.valuesE0();
        v[(2 * 20 + 3) * 20 + 4] = 200 - v[(2 * 20 + 3) * 20 + 4];
        Path broken = dir.resolve("broken.npy");
        VoxelFiles.write(broken, List.of(VoxelGrid.of(20, v, 200)));
        r = runCapturingErr("solve", "--case", "p4222-3d", "--potential", broken.toString(), "--path", "1");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("broken.npy") && r[1].contains("(-x,-y,z)"), r[1]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);

        Path small = dir.resolve("small.npy");
        VoxelFiles.write(small, List.of(VoxelGrid.of(16, new double[16 * 16 * 16], 200)));
        r = runCapturingErr("solve", "--case", "p4222-3d", "--potential", small.toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("small.npy") && r[1].contains("20 x 20 x 20"), r[1]);
        assertFalse(r[1].contains("Exception"), r[1]);
    }
}
