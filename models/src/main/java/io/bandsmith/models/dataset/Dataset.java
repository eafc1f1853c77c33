package io.bandsmith.models.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.lattice.KPointSet;

/**
 * A dataset directory: {@code metadata.json} (format, conventions, generator, solver and its accuracy, label
 * symbols) and complete shards {@code shard-NNNNN.npz} (see {@link DatasetShard}). Generation is resumable: shards
 * are written atomically, so after an interruption the missing ones are computed and none is lost or duplicated;
 * sample i always uses seed seedStart + i.
 */
public final class Dataset {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String METADATA = "metadata.json";

    private final Path dir;
    private final DatasetSpec spec;

    private Dataset(Path dir, DatasetSpec spec) {
        this.dir = dir;
        this.spec = spec;
    }

    public DatasetSpec spec() {
        return spec;
    }

    public Path dir() {
        return dir;
    }

    /** Progress of generation, called after each completed potential. */
    @FunctionalInterface
    public interface Progress {
        void report(int done, int total, double potentialsPerSecond, double etaSeconds);
    }

    /** Opens an existing dataset. */
    public static Dataset open(Path dir) {
        Path meta = dir.resolve(METADATA);
        if (!Files.isRegularFile(meta)) {
            throw new InvalidInputException(dir, "not a dataset directory (no " + METADATA + ")");
        }
        try {
            return new Dataset(dir, specFrom(JSON.readTree(meta.toFile()), meta));
        } catch (IOException e) {
            throw new InvalidInputException(meta, "unreadable metadata: " + e.getMessage());
        }
    }

    /** Shards present and complete. */
    public List<Integer> completeShards() {
        List<Integer> done = new ArrayList<>();
        for (int s = 0; s < spec.shardCount(); s++) {
            if (Files.isRegularFile(dir.resolve(spec.shardName(s)))) {
                done.add(s);
            }
        }
        return done;
    }

    /**
     * Why the shard file {@code shard} cannot be used, or null when it is complete: readable, the right number of
     * samples with the right seeds, arrays of the dataset's shape, finite energies, and its first mask equal to the
     * potential regenerated from its seed.
     */
    public String shardProblem(int shard) {
        Path file = dir.resolve(spec.shardName(shard));
        if (!Files.isRegularFile(file)) {
            return "missing";
        }
        DatasetShard d;
        try {
            d = readShard(shard);
        } catch (InvalidInputException e) {
            return "unreadable or truncated";
        }
        int n = spec.shardLength(shard);
        if (d.size() != n) {
            return "holds " + d.size() + " samples instead of " + n;
        }
        for (int i = 0; i < n; i++) {
            long expected = spec.seedStart() + spec.shardStart(shard) + i;
            if (d.seeds()[i] != expected) {
                return "sample " + i + " has seed " + d.seeds()[i] + " instead of " + expected;
            }
            if (d.energies()[i].length != spec.kpoints() || d.energies()[i][0].length != spec.bands()
                    || d.masks()[i].length != spec.gridSize() * spec.gridSize()) {
                return "arrays of the wrong shape";
            }
            for (double[] row : d.energies()[i]) {
                for (double e : row) {
                    if (!Double.isFinite(e)) {
                        return "non-finite energies";
                    }
                }
            }
        }
        double[] v = potential(spec.shardStart(shard)).valuesE0();
        for (int i = 0; i < v.length; i++) {
            if (d.masks()[0][i] != (v[i] != 0)) {
                return "its first mask is not the potential of seed " + d.seeds()[0];
            }
        }
        return null;
    }

    /** Shards present and verified ({@link #shardProblem}). */
    public List<Integer> verifiedShards() {
        List<Integer> ok = new ArrayList<>();
        for (int s = 0; s < spec.shardCount(); s++) {
            if (shardProblem(s) == null) {
                ok.add(s);
            }
        }
        return ok;
    }

    public DatasetShard readShard(int shard) {
        return DatasetShard.read(dir.resolve(spec.shardName(shard)), spec.gridSize());
    }

    /** The potential of sample {@code index} regenerated from its seed. */
    public PotentialGrid potential(int index) {
        return potential(spec, index);
    }

    /** The potential of sample {@code index} of a dataset. */
    public static PotentialGrid potential(DatasetSpec spec, int index) {
        return RandomPotentialGenerator.withAlpha(spec.alpha()).stepPotential(spec.gridSize(), spec.seedStart() + index,
                spec.vmax());
    }

    /**
     * Creates (or resumes) the dataset in {@code dir}: writes the metadata if absent (refusing a directory that holds a
     * different dataset), then computes every missing shard.
     *
     * @return the number of samples computed in this call
     */
    public static int generate(Path dir, DatasetSpec spec, BandStructureSource solver, String solverAccuracy,
            int threads, Progress progress, BooleanSupplier cancelled) {
        return generate(dir, spec, solver, solverAccuracy, threads, progress, cancelled, notice -> { });
    }

    /**
     * As above; {@code notices} hears of every existing shard found damaged (truncated, wrong seeds, ...), which is
     * computed again, and of stale temporary files of an interrupted run, which are removed. One generation per
     * directory at a time (a lock file); a second is refused.
     */
    public static int generate(Path dir, DatasetSpec spec, BandStructureSource solver, String solverAccuracy,
            int threads, Progress progress, BooleanSupplier cancelled, java.util.function.Consumer<String> notices) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidInputException(dir, "is a file, not a dataset directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException(dir, "cannot create directory: " + e.getMessage());
        }
        try (java.nio.channels.FileChannel lockFile = java.nio.channels.FileChannel.open(dir.resolve(".lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock;
            try {
                lock = lockFile.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new InvalidInputException(dir, "another dataset generation is writing this directory");
            }
            int removed = AtomicFiles.removeStaleTemporaries(dir);
            if (removed > 0) {
                notices.accept(dir + ": removed " + removed + " temporary file(s) left by an interrupted run");
            }
            return generateLocked(dir, spec, solver, solverAccuracy, threads, progress, cancelled, notices);
        } catch (IOException e) {
            throw new InvalidInputException(dir, "cannot lock the directory: " + e.getMessage());
        }
    }

    private static int generateLocked(Path dir, DatasetSpec spec, BandStructureSource solver, String solverAccuracy,
            int threads, Progress progress, BooleanSupplier cancelled, java.util.function.Consumer<String> notices) {
        DatasetStore store = DatasetStore.local(dir);
        List<Integer> missing = prepare(store, spec, solver.name(), solverAccuracy, notices);
        int remaining = 0;
        for (int s : missing) {
            remaining += spec.shardLength(s);
        }
        long start = System.nanoTime();
        int computed = 0;
        for (int s : missing) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            final int before = computed;
            final int total = remaining;
            DatasetShard shard = computeShard(spec, s, solver, threads, (d, t) -> {
                double elapsed = (System.nanoTime() - start) / 1e9;
                int all = before + d;
                double rate = all / Math.max(elapsed, 1e-9);
                progress.report(all, total, rate, (total - all) / rate);
            });
            writeShard(store, spec, s, shard);
            computed += shard.size();
        }
        return computed;
    }

    /**
     * The first step of every generation run, local or on a cluster: writes the metadata if absent (refusing a store
     * that holds a different dataset) and lists the shards still to compute. A rerun therefore skips the finished
     * shards whoever wrote them.
     *
     * @return the indices of the missing shards, ascending
     */
    public static List<Integer> prepare(DatasetStore store, DatasetSpec spec, String solverName,
            String solverAccuracy) {
        return prepare(store, spec, solverName, solverAccuracy, notice -> { });
    }

    /**
     * As above; in a local (or mounted) directory stale temporaries of an interrupted run are removed and every
     * existing shard is verified ({@link #shardProblem}): a damaged one is reported to {@code notices} and listed as
     * missing, as the local resume does. In a Hadoop store a shard counts when its file exists (it was committed by
     * one rename).
     */
    public static List<Integer> prepare(DatasetStore store, DatasetSpec spec, String solverName,
            String solverAccuracy, java.util.function.Consumer<String> notices) {
        if (store.isFile(METADATA)) {
            DatasetSpec existing = specOf(store);
            if (!existing.equals(spec)) {
                throw new InvalidInputException(store.location() + ": holds a different dataset (" + existing
                        + "); use another --out or the same parameters to resume");
            }
            String accuracy = solverAccuracyOf(store);
            if (!accuracy.isEmpty() && !accuracy.equals(solverAccuracy)) {
                throw new InvalidInputException(store.location() + ": was computed with other solver settings ("
                        + accuracy + "); use another --out or the same settings to resume");
            }
        } else {
            store.write(METADATA, metadata(spec, solverName, solverAccuracy).toPrettyString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Dataset local = store instanceof DatasetStore.Local l ? new Dataset(l.dir(), spec) : null;
        if (local != null) {
            int removed = AtomicFiles.removeStaleTemporaries(local.dir());
            if (removed > 0) {
                notices.accept(local.dir() + ": removed " + removed + " temporary file(s) left by an interrupted run");
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int s = 0; s < spec.shardCount(); s++) {
            if (local == null) {
                if (!store.isFile(spec.shardName(s))) {
                    missing.add(s);
                }
                continue;
            }
            String problem = local.shardProblem(s);
            if (problem != null) {
                missing.add(s);
                if (!"missing".equals(problem)) {
                    notices.accept(local.dir().resolve(spec.shardName(s)) + ": " + problem + "; computing it again");
                }
            }
        }
        return missing;
    }

    /** The spec in a store's metadata. */
    public static DatasetSpec specOf(DatasetStore store) {
        try {
            return specFrom(JSON.readTree(store.readString(METADATA)), Path.of(store.location(), METADATA));
        } catch (IOException e) {
            throw new InvalidInputException(store.location() + "/" + METADATA + ": unreadable metadata: "
                    + e.getMessage());
        }
    }

    private static String solverAccuracyOf(DatasetStore store) {
        try {
            return JSON.readTree(store.readString(METADATA)).path("solver").path("accuracy").asText("");
        } catch (IOException e) {
            throw new InvalidInputException(store.location() + "/" + METADATA + ": unreadable metadata: "
                    + e.getMessage());
        }
    }

    /**
     * Shard {@code shard} of a dataset: the potentials of its seeds and their bands — the unit of work of both the
     * local run and a cluster task, so that both give the same shard.
     */
    public static DatasetShard computeShard(DatasetSpec spec, int shard, BandStructureSource solver, int threads,
            BandStructureSource.ProgressListener progress) {
        KPointSet ks = KPointSet.hexagonalWedgeWithCount(spec.kpoints());
        RandomPotentialGenerator gen = RandomPotentialGenerator.withAlpha(spec.alpha());
        int n = spec.shardLength(shard);
        long[] seeds = new long[n];
        List<PotentialGrid> grids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            seeds[i] = spec.seedStart() + spec.shardStart(shard) + i;
            grids.add(gen.stepPotential(spec.gridSize(), seeds[i], spec.vmax()));
        }
        List<BandStructure> bands = solver.computeAll(grids, ks, spec.bands(), threads, progress);
        return DatasetShard.of(seeds, grids, bands, spec.bands());
    }

    /** Writes a computed shard atomically under its name. */
    public static void writeShard(DatasetStore store, DatasetSpec spec, int shard, DatasetShard content) {
        store.write(spec.shardName(shard), content.toNpz());
    }

    private static ObjectNode metadata(DatasetSpec spec, String solverName, String accuracy) {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", DatasetSpec.FORMAT);
        m.put("format_version", DatasetSpec.FORMAT_VERSION);
        m.put("conventions", DatasetSpec.CONVENTIONS);
        ObjectNode g = m.putObject("generator");
        g.put("kind", "appendix D Gaussian field, sharp step");
        g.put("alpha", spec.alpha());
        g.put("C", RandomPotentialGenerator.DEFAULT_AMPLITUDE);
        g.put("star_cutoff", RandomPotentialGenerator.DEFAULT_CUTOFF);
        g.put("seed_start", spec.seedStart());
        g.put("count", spec.count());
        g.put("grid_size", spec.gridSize());
        g.put("vmax", spec.vmax());
        ObjectNode sv = m.putObject("solver");
        sv.put("name", solverName);
        sv.put("accuracy", accuracy);
        m.put("bands", spec.bands());
        m.put("kpoints", spec.kpoints());
        m.put("kpoint_set", KPointSet.hexagonalWedgeWithCount(spec.kpoints()).description());
        m.put("shard_size", spec.shardSize());
        m.put("units", "energies in E0 = hbar^2/(2 m a^2); divide by vmax for units of Vmax");
        Map<String, List<String>> symbols = new LinkedHashMap<>();
        symbols.put("G", List.of("s", "p", "d", "f"));
        symbols.put("K", List.of("0", "1"));
        symbols.put("M", List.of("+", "-"));
        m.set("label_symbols_by_abs_m", JSON.valueToTree(symbols));
        m.put("arrays", "seeds int64[n]; masks uint8[n, ceil(L*L/8)] (numpy.packbits of V[i,j] > 0, row-major); "
                + "energies float64[n, kpoints, bands]; hsp_energies float64[n, 3, bands] (G, K, M); "
                + "hsp_labels int8[n, 3, bands] (|m|)");
        return m;
    }

    private static DatasetSpec specFrom(JsonNode m, Path file) {
        if (!DatasetSpec.FORMAT.equals(m.path("format").asText())) {
            throw new InvalidInputException(file, "not a Bandsmith dataset (format '" + m.path("format").asText() + "')");
        }
        if (m.path("format_version").asInt() > DatasetSpec.FORMAT_VERSION) {
            throw new InvalidInputException(file, "dataset format version " + m.path("format_version").asInt()
                    + " is newer than this Bandsmith understands (" + DatasetSpec.FORMAT_VERSION + ")");
        }
        JsonNode g = m.path("generator");
        return new DatasetSpec(g.path("count").asInt(), g.path("alpha").asDouble(), g.path("seed_start").asLong(),
                m.path("shard_size").asInt(), g.path("grid_size").asInt(), g.path("vmax").asDouble(),
                m.path("bands").asInt(), m.path("kpoints").asInt());
    }
}
