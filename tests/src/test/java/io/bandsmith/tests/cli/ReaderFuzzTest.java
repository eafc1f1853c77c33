package io.bandsmith.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.app.cli.BandsmithCommand;
import io.bandsmith.app.gui.model.ProjectFiles;
import io.bandsmith.app.gui.model.ProjectFormatException;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.models.dataset.Dataset;
import io.bandsmith.models.dataset.DatasetShard;
import io.bandsmith.models.dataset.DatasetSpec;
import io.bandsmith.models.network.TightBindingNetwork;
import io.bandsmith.models.xas.io.XasFileReader;
import picocli.CommandLine;

/**
 * Issue 18: every reader, fed seeded mutations of a good file (truncated at random offsets, flipped bytes, wrong
 * headers, inserted garbage), either reads it or refuses it with the one-line {@link InvalidInputException}
 * (projects: {@link ProjectFormatException}) — never another exception, a stack trace, a hang (each read has a time
 * limit) or, through the command line, a partial output. Seeds are fixed, so a failure reproduces.
 */
class ReaderFuzzTest {
    static final Path ROOT = Path.of("..");

    @TempDir
    Path dir;

    @FunctionalInterface
    interface Reader {
        void read(Path file) throws Exception;
    }

    /** Mutation {@code i} of {@code good}: the kind cycles through truncation, flipped bytes, header, insertion. */
    static byte[] mutate(byte[] good, Random r, int i) {
        byte[] b = good.clone();
        switch (i % 4) {
            case 0 -> {
                return Arrays.copyOf(b, r.nextInt(Math.max(1, b.length)));
            }
            case 1 -> {
                int flips = 1 + r.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    int at = r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 2 -> {
                // a wrong header: the first bytes overwritten with noise or with digits and brackets
                int n = Math.min(b.length, 1 + r.nextInt(24));
                byte[] alphabet = "0123456789({[,:\"-e.}])\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
                for (int k = 0; k < n; k++) {
                    int at = Math.min(b.length - 1, r.nextInt(Math.min(b.length, 128)));
                    b[at] = r.nextBoolean() ? (byte) r.nextInt(256) : alphabet[r.nextInt(alphabet.length)];
                }
                return b;
            }
            default -> {
                int at = r.nextInt(b.length);
                byte[] junk = new byte[1 + r.nextInt(64)];
                r.nextBytes(junk);
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                return out;
            }
        }
    }

    /** Feeds {@code count} mutations of {@code good} to {@code reader}; returns how many were refused. */
    int fuzz(Path good, int count, long seed, Reader reader, Class<? extends Exception> refusal) throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Random r = new Random(seed);
        String name = good.getFileName().toString();
        int refused = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path p = dir.resolve(i + "-" + name);
            Files.write(p, mutate(bytes, r, i));
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    reader.read(p);
                    return null;
                }, "mutation " + i + " of " + name + " hangs");
            } catch (Exception e) {
                if (!refusal.isInstance(e)) {
                    problems.add("mutation " + i + " of " + name + ": " + e);
                } else {
                    String m = e.getMessage();
                    if (m == null || m.isBlank() || m.contains("\n") || m.contains("Exception")) {
                        problems.add("mutation " + i + " of " + name + ": not one clear line: " + m);
                    }
                    refused++;
                }
            } catch (Error e) {
                problems.add("mutation " + i + " of " + name + ": " + e);
            } finally {
                Files.deleteIfExists(p);
            }
        }
        assertEquals(List.of(), problems);
        return refused;
    }

    @Test
    void npyFiles() throws Exception {
        Path mask = dir.resolve("mask.npy");
        NpyFiles.writeMasks(mask, List.of(RandomPotentialGenerator.withAlpha(1).stepPotential(24, 3, 256)));
        Path floats = dir.resolve("float.npy");
        NpyFiles.writePotentials(floats, List.of(RandomPotentialGenerator.withAlpha(1).stepPotential(24, 4, 256)));
        int refused = fuzz(mask, 80, 1, f -> NpyFiles.readPotentials(f, 256), InvalidInputException.class)
                + fuzz(floats, 80, 2, f -> NpyFiles.readPotentials(f, 256), InvalidInputException.class);
        assertTrue(refused > 80, "most mutations are refused: " + refused);
    }

    @Test
    void npyFilesThroughTheCommandLineLeaveNoPartialOutput() throws Exception {
        Path mask = dir.resolve("m.npy");
        NpyFiles.writeMasks(mask, List.of(RandomPotentialGenerator.withAlpha(1).stepPotential(24, 3, 256)));
        byte[] good = Files.readAllBytes(mask);
        Random r = new Random(3);
        for (int i = 0; i < 12; i++) {
            Path p = dir.resolve("cli-" + i + ".npy");
            Files.write(p, mutate(good, r, i));
            Path out = dir.resolve("cli-" + i + ".json");
            CommandLine cl = BandsmithCommand.commandLine();
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err));
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cl.execute("solve", "--potential",
                    p.toString(), "--bands", "4", "--wedge", "79", "--out", out.toString()));
            if (exit != 0) {
                assertEquals(2, exit, err.toString());
                assertFalse(err.toString().strip().contains("\n"), err.toString());
                assertFalse(Files.exists(out), "a partial output after a refusal");
            }
        }
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "a temporary stayed");
        }
    }

    @Test
    void projectFiles() throws Exception {
        Path examples = ROOT.resolve("assets").resolve("examples");
        fuzz(examples.resolve("01-six-holes-R0.30.json"), 60, 4, ProjectFiles::read, ProjectFormatException.class);
        fuzz(examples.resolve("04-random-alpha1-seed7.json"), 60, 5, ProjectFiles::read,
                ProjectFormatException.class);
        // a 2 x 2 imported grid is refused, as on the command line (L >= 3)
        String twoByTwo = Files.readString(examples.resolve("01-six-holes-R0.30.json"))
                .replaceFirst("\"gridSize\"\\s*:\\s*\\d+", "\"gridSize\": 2");
        Path small = dir.resolve("small.json");
        Files.writeString(small, twoByTwo);
        try {
            ProjectFiles.read(small);
            fail("a 2 x 2 grid was accepted");
        } catch (ProjectFormatException e) {
            assertTrue(e.getMessage().contains("3..400"), e.getMessage());
        }
    }

    @Test
    void modelFiles() throws Exception {
        fuzz(ROOT.resolve("models").resolve("bandsmith-p6.zip"), 10, 6, TightBindingNetwork::load,
                InvalidInputException.class);
    }

    @Test
    void xasFiles() throws Exception {
        Path xas = ROOT.resolve("models/src/test/resources/xas");
        long seed = 7;
        for (String f : List.of("pymatgen_LiCoO2_k_xanes.json", "pymatgen_ZnO_l3_xanes.json",
                "pymatgen_site1_k_xanes.json", "pymatgen_feff_xmu.dat", "emmet_xasdoc_mp-626735_EXAFS_H_K.json.gz")) {
            fuzz(xas.resolve(f), 40, seed++, XasFileReader::read, InvalidInputException.class);
        }
    }

    @Test
    void kpointFiles() throws Exception {
        Path csv = dir.resolve("k.csv");
        Files.writeString(csv, "0,0\n4.18879,0\n3.14159,1.81380\n1.5,0.5\n");
        fuzz(csv, 80, 12, KPointSet::readCsv, InvalidInputException.class);
    }

    @Test
    void datasetShards() throws Exception {
        Path data = dir.resolve("data");
        DatasetSpec spec = new DatasetSpec(2, 1.0, 40, 2, 100, 256.0, 7, 79);
        Dataset.generate(data, spec, PlaneWaveSolver.withDefaults(), "test", 2, (d, t, r, e) -> { }, () -> false);
        fuzz(data.resolve(spec.shardName(0)), 40, 13, f -> DatasetShard.read(f, 100), InvalidInputException.class);
    }
}
