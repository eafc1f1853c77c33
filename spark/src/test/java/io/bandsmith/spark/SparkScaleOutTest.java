package io.bandsmith.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bandsmith.app.cli.BandsmithCommand;
import io.bandsmith.models.dataset.DatasetShard;

/**
 * {@code --spark} gives the local run's results: the same dataset shards, byte for byte as a rule (on local[2] and
 * on a real standalone master + worker on localhost, also when an executor is killed mid-job), and the same explore
 * counts and evaluate figures.
 * The datasets use the solver's preview settings (faster; the local reference uses them too).
 */
class SparkScaleOutTest {
    private static final int COUNT = 200;
    private static final int SHARD = 20;

    @TempDir
    static Path tmp;

    static Path reference;

    static String[] generate(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("dataset", "generate", "--count", Integer.toString(COUNT),
                "--shard-size", Integer.toString(SHARD), "--seed-start", "1000", "--solver-settings", "preview",
                "--out", out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void localRun() {
        reference = tmp.resolve("local");
        assertEquals(0, BandsmithCommand.run(generate(reference, "--threads", "2")));
        assertEquals(COUNT / SHARD, shards(reference).size());
    }

    static List<Path> shards(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("shard-\\d{5}\\.npz")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Same shard names and metadata as the local run, every seed exactly once, and the same shards: byte for byte as a
     * rule; where the bytes differ, the seeds, masks and labels must still be identical and every energy equal to
     * 1e-9 E0. (OpenBLAS does not promise bitwise-reproducible results: its kernels may sum in another order depending
     * on how the JVM's array copies are aligned. One shard in one run of this test differed in the last bits.)
     */
    static void assertSameAsLocal(Path dir) throws IOException {
        List<Path> expected = shards(reference);
        List<Path> actual = shards(dir);
        assertEquals(expected.stream().map(p -> p.getFileName().toString()).toList(),
                actual.stream().map(p -> p.getFileName().toString()).toList());
        int identical = 0;
        for (int i = 0; i < expected.size(); i++) {
            if (java.util.Arrays.equals(Files.readAllBytes(expected.get(i)), Files.readAllBytes(actual.get(i)))) {
                identical++;
                continue;
            }
            DatasetShard x = DatasetShard.read(expected.get(i), 100);
            DatasetShard y = DatasetShard.read(actual.get(i), 100);
            String name = actual.get(i).getFileName().toString();
            assertArrayEquals(x.seeds(), y.seeds(), name);
            for (int s = 0; s < x.size(); s++) {
                assertArrayEquals(x.masks()[s], y.masks()[s], name);
                for (int p = 0; p < 3; p++) {
                    assertArrayEquals(x.hspLabels()[s][p], y.hspLabels()[s][p], name);
                    assertArrayEquals(x.hspEnergies()[s][p], y.hspEnergies()[s][p], 1e-9, name);
                }
                for (int q = 0; q < x.energies()[s].length; q++) {
                    assertArrayEquals(x.energies()[s][q], y.energies()[s][q], 1e-9, name);
                }
            }
        }
        System.err.printf("%s: %d of %d shards byte-identical to the local run, the others equal to 1e-9 E0%n",
                dir.getFileName(), identical, expected.size());
        assertEquals(Files.readString(reference.resolve("metadata.json")), Files.readString(dir.resolve(
                "metadata.json")));
        List<Long> seeds = new ArrayList<>();
        for (Path p : actual) {
            for (long s : DatasetShard.read(p, 100).seeds()) {
                seeds.add(s);
            }
        }
        seeds.sort(null);
        assertEquals(java.util.stream.LongStream.range(1000, 1000 + COUNT).boxed().toList(), seeds);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporaries left");
        }
    }

    @Test
    void localTwoCoresWritesTheLocalShardsAndResumesLikeTheLocalRun() throws IOException {
        Path out = tmp.resolve("local2");
        Files.createDirectories(out);
        // a run interrupted after 4 shards: the rerun on Spark computes the other 6 and leaves these untouched
        Files.copy(reference.resolve("metadata.json"), out.resolve("metadata.json"));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        for (int s = 0; s < 4; s++) {
            Path shard = out.resolve(String.format("shard-%05d.npz", s));
            Files.copy(reference.resolve(shard.getFileName()), shard);
            Files.setLastModifiedTime(shard, old);
        }
        assertEquals(0, BandsmithCommand.run(generate(out, "--spark", "local[2]")));
        assertSameAsLocal(out);
        for (int s = 0; s < 4; s++) {
            assertEquals(old, Files.getLastModifiedTime(out.resolve(String.format("shard-%05d.npz", s))));
        }
    }

    @Test
    void standaloneClusterWritesTheLocalShards() throws Exception {
        try (StandaloneCluster cluster = new StandaloneCluster(Files.createDirectories(tmp.resolve("cluster1")), 2)) {
            Path out = tmp.resolve("standalone");
            assertEquals(0, BandsmithCommand.run(generate(out, "--spark", cluster.masterUrl())));
            assertSameAsLocal(out);
        }
    }

    @Test
    void killedExecutorLosesNoSeedAndDuplicatesNone() throws Exception {
        try (StandaloneCluster cluster = new StandaloneCluster(Files.createDirectories(tmp.resolve("cluster2")), 2)) {
            Path out = tmp.resolve("killed");
            AtomicBoolean killed = new AtomicBoolean();
            Thread killer = new Thread(() -> {
                // as soon as the first shard is written (more are running or waiting), kill the executor JVM
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        if (Files.isDirectory(out) && !shards(out).isEmpty() && shards(out).size() < COUNT / SHARD) {
                            List<ProcessHandle> executors = cluster.executors();
                            if (!executors.isEmpty()) {
                                executors.forEach(ProcessHandle::destroyForcibly);
                                killed.set(true);
                                return;
                            }
                        }
                        Thread.sleep(20);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.setDaemon(true);
            killer.start();
            assertEquals(0, BandsmithCommand.run(generate(out, "--spark", cluster.masterUrl())));
            killer.interrupt();
            assertTrue(killed.get(), "an executor was killed while shards were missing");
            assertSameAsLocal(out);
        }
    }

    @Test
    void evaluateOnSparkGivesTheLocalFigures() throws IOException {
        Path model = Path.of("..", "models", "bandsmith-p6.zip").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(model), "the shipped network " + model);
        Path local = tmp.resolve("evaluate-local.json");
        Path spark = tmp.resolve("evaluate-spark.json");
        String[] args = {"evaluate", "--model", model.toString(), "--data", reference.toString(), "--samples", "6",
            "--wedge", "79"};
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--out", local.toString()));
        assertEquals(0, BandsmithCommand.run(a.toArray(String[]::new)));
        List<String> b = new ArrayList<>(List.of(args));
        b.addAll(List.of("--out", spark.toString(), "--spark", "local[2]"));
        assertEquals(0, BandsmithCommand.run(b.toArray(String[]::new)));
        assertEquals(Files.readString(local), Files.readString(spark));
        assertTrue(Files.readString(local).contains("\"samples\" : 6"), Files.readString(local));
    }

    @Test
    void exploreOnSparkCountsAsTheLocalRun() throws IOException {
        exploreAgrees(200);
    }

    @Test
    @Tag("slow")
    void exploreOnSparkCountsAsTheLocalRunAt2000Samples() throws IOException {
        exploreAgrees(2000);
    }

    private static void exploreAgrees(int samples) throws IOException {
        Path local = tmp.resolve("explore-local-" + samples + ".json");
        Path spark = tmp.resolve("explore-spark-" + samples + ".json");
        String n = Integer.toString(samples);
        assertEquals(0, BandsmithCommand.run("explore", "--samples", n, "--seed", "7", "--out", local.toString()));
        assertEquals(0, BandsmithCommand.run("explore", "--samples", n, "--seed", "7", "--out", spark.toString(),
                "--spark", "local[2]"));
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(local.toFile());
        JsonNode b = json.readTree(spark.toFile());
        assertEquals(a.get("methods"), b.get("methods"));
        assertEquals(a.get("failures"), b.get("failures"));
        long total = 0;
        for (JsonNode c : a.get("methods").get("naive").get("set1")) {
            total += c.asLong();
        }
        assertEquals(samples, total, "every sample counted once");
        assertFalse(a.get("methods").isEmpty());
    }
}
