package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.topology.BandSet;
import io.bandsmith.engine.topology.BandSetClass;
import io.bandsmith.engine.topology.ConnectivityMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./bandsmith explore}: statistics of the first two band sets over random potentials of the paper's
 * distribution (appendix I), for each connectivity method the source supports. Potential i uses the seed S + i,
 * the same potential as {@code generate random --seed S} (the generator mixes its seeds). Progress on stderr; all
 * cores.
 */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Classify the first two band sets of N random potentials (variance C/|G|^alpha, step at Vmax) "
                + "with naive and parity-rule connectivity (and Berry with --connectivity ...,berry --solver nn), and "
                + "count EBR / composite / fragile / unassigned.")
public final class ExploreCommand implements Callable<Integer> {
    @Option(names = "--samples", required = true, description = "Number of random potentials N.")
    int samples;

    @Option(names = "--alpha", defaultValue = "0.5", description = "Spectral exponent alpha (default "
            + "${DEFAULT-VALUE}, the paper's exploration distribution).")
    double alpha;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of potential 0; potential i uses seed + i, as "
            + "'generate random' (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--solver", defaultValue = "exact", description = "exact or nn (default ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--model", description = "Network model file for --solver nn (default: the shipped model).")
    java.nio.file.Path model;

    @Option(names = "--connectivity", defaultValue = "naive,compat", split = ",", paramLabel = "RULE[,RULE...]",
            description = "Connectivity rules to count, comma-separated: naive, compat, berry (π defects on a "
                    + "100x100 grid; needs --solver nn and costs most of the time). Default ${DEFAULT-VALUE}.")
    List<String> connectivity;

    @Option(names = "--bands", defaultValue = "6", description = "Bands used for the classification (default "
            + "${DEFAULT-VALUE}).")
    int bands;

    @Option(names = "--size", defaultValue = "100", description = "Grid size L (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--vmax", defaultValue = "256", description = "Step height Vmax in E0 (default ${DEFAULT-VALUE}).")
    double vmax;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Output file (default: stdout).")
    Path out;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--details", description = "Also list the sets of every sample (default: counts only).")
    boolean details;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Run on Apache Spark: local[N], spark://host:7077 "
            + "or yarn (docs/scale-out.md); the same counts as the local run.")
    String spark;

    /**
     * The same classification on a Spark cluster: the samples are split into tasks, each classifies its potentials
     * with the code of the local run, and the results come back in sample order (no shuffle).
     */
    private List<Map<ConnectivityMethod, List<BandSet>>> onSpark(List<ConnectivityMethod> methods) {
        String solverName = solver;
        String modelFile = model == null ? null : model.toAbsolutePath().toString();
        double a = alpha;
        long s0 = seed;
        int l = size;
        double v = vmax;
        int b = bands;
        List<ConnectivityMethod> ms = new ArrayList<>(methods);
        boolean all = details;
        try (ScaleOut cluster = ScaleOut.connect(spark, "bandsmith explore")) {
            return cluster.map(ScaleOut.range(0, samples), 0, i -> {
                BandStructureSource src = TopologySources.cachedSource(solverName, modelFile);
                try {
                    Map<ConnectivityMethod, List<BandSet>> r = TopologySources.classify(src,
                            RandomPotentialGenerator.withAlpha(a).stepPotential(l, s0 + i, v), b, ms);
                    if (!all) { // only the first two sets are counted: ship no more to the driver
                        Map<ConnectivityMethod, List<BandSet>> firstTwo = new EnumMap<>(ConnectivityMethod.class);
                        r.forEach((m, sets) -> firstTwo.put(m, new ArrayList<>(sets.subList(0, Math.min(2,
                                sets.size())))));
                        r = firstTwo;
                    }
                    return r;
                } catch (RuntimeException e) {
                    System.err.println("explore: potential " + i + " skipped: " + e.getMessage());
                    return null;
                }
            });
        }
    }

    /** The generator seed of potential i. */
    long sampleSeed(int i) {
        return seed + i;
    }

    @Override
    public Integer call() {
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
        }
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("--alpha must be a finite number");
        }
        if (size < 12 || size > 1000) {
            throw new IllegalArgumentException("--size must be between 12 and 1000, got " + size);
        }
        if (!(vmax > 0) || !Double.isFinite(vmax)) {
            throw new IllegalArgumentException("--vmax must be a positive number of E0, got " + vmax);
        }
        TopologySources.checkBands(bands);
        BandStructureSource source = TopologySources.source(solver, model);
        List<ConnectivityMethod> methods = new ArrayList<>();
        for (String c : connectivity) {
            ConnectivityMethod m = ConnectivityMethod.parse(c.trim());
            if (!methods.contains(m)) {
                methods.add(m);
            }
        }
        methods.sort(null);
        for (ConnectivityMethod m : methods) {
            TopologySources.checkConnectivity(source, m);
        }
        RandomPotentialGenerator generator = RandomPotentialGenerator.withAlpha(alpha);
        if (source instanceof io.bandsmith.engine.solver.PlaneWaveSolver exact) {
            try {
                exact.requireResolvable(generator.stepPotential(size, sampleSeed(0), vmax));
            } catch (io.bandsmith.engine.io.InvalidInputException e) {
                throw new IllegalArgumentException("--vmax " + vmax + ": " + e.getMessage());
            }
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
        long start = System.nanoTime();
        List<Map<ConnectivityMethod, List<BandSet>>> results = spark != null ? onSpark(methods)
                : TopologySources.classifyAll(source, i -> generator.stepPotential(size, sampleSeed(i), vmax), samples,
                        bands, methods, nThreads, "explore", true, true);
        int failures = 0;
        Map<ConnectivityMethod, long[][]> counts = new EnumMap<>(ConnectivityMethod.class);
        for (ConnectivityMethod m : methods) {
            counts.put(m, new long[2][BandSetClass.values().length]);
        }
        List<Object> perSample = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Map<ConnectivityMethod, List<BandSet>> r = results.get(i);
            if (r == null) {
                failures++;
                for (ConnectivityMethod m : methods) {
                    counts.get(m)[0][BandSetClass.UNASSIGNED.ordinal()]++;
                    counts.get(m)[1][BandSetClass.UNASSIGNED.ordinal()]++;
                }
                continue;
            }
            Map<String, Object> sampleJson = new LinkedHashMap<>();
            sampleJson.put("seed", sampleSeed(i));
            for (ConnectivityMethod m : methods) {
                List<BandSet> sets = r.get(m);
                for (int set = 0; set < 2; set++) {
                    BandSetClass c = set < sets.size() ? sets.get(set).classification() : BandSetClass.UNASSIGNED;
                    counts.get(m)[set][c.ordinal()]++;
                }
                sampleJson.put(m.cliName(), ClassifyCommand.setsJson(sets));
            }
            if (details) {
                perSample.add(sampleJson);
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("samples", samples);
        doc.put("alpha", alpha);
        doc.put("seed", seed);
        doc.put("solver", source.name());
        doc.put("bands", bands);
        Map<String, Object> methodsJson = new LinkedHashMap<>();
        for (ConnectivityMethod m : methods) {
            Map<String, Object> sets = new LinkedHashMap<>();
            for (int set = 0; set < 2; set++) {
                Map<String, Object> c = new LinkedHashMap<>();
                for (BandSetClass k : BandSetClass.values()) {
                    c.put(k.label(), counts.get(m)[set][k.ordinal()]);
                }
                sets.put("set" + (set + 1), c);
            }
            methodsJson.put(m.cliName(), sets);
        }
        doc.put("methods", methodsJson);
        doc.put("failures", failures);
        doc.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        if (details) {
            doc.put("details", perSample);
        }
        Json.write(doc, out);
        return 0;
    }
}
