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
        DatasetStore store = DatasetStore.local(dir);
        List<Integer> missing = prepare(store, spec, solver.name(), solverAccuracy);
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
        List<Integer> missing = new ArrayList<>();
        for (int s = 0; s < spec.shardCount(); s++) {
            if (!store.isFile(spec.shardName(s))) {
                missing.add(s);
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
