package io.bandsmith.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.tightbinding.TightBindingSource;
import io.bandsmith.engine.topology.BandSet;

import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.engine.topology.SourceClassifier;

/** What classify and explore share: the choice of band-structure source and the k points they need. */
final class TopologySources {
    private TopologySources() {
    }

    /** Classification needs the levels at Γ, K, M only. */
    static final KPointSet MAXIMAL_POINTS = SourceClassifier.MAXIMAL_POINTS;

    /**
     * @param model for nn: a model file, or null for the shipped model (a clear error when none is installed)
     */
    static BandStructureSource source(String name, java.nio.file.Path model) {
        return switch (name) {
            case "exact" -> PlaneWaveSolver.withDefaults();
            case "nn" -> model == null ? io.bandsmith.models.inference.NetworkPredictor.shipped()
                    : new io.bandsmith.models.inference.NetworkPredictor(
                            io.bandsmith.models.network.TightBindingNetwork.load(model));
            default -> throw new IllegalArgumentException("--solver must be exact or nn, got '" + name + "'");
        };
    }

    private static final Map<String, BandStructureSource> CACHED = new java.util.concurrent.ConcurrentHashMap<>();

    /** As {@link #source}, one instance per JVM (cluster executors run many tasks with the same source). */
    static BandStructureSource cachedSource(String name, String model) {
        return CACHED.computeIfAbsent(name + "\u0000" + model, k -> source(name,
                model == null ? null : java.nio.file.Path.of(model)));
    }

    /**
     * Whether a source gives eigenvectors across the zone (needed by berry connectivity): tight-binding sources do,
     * the exact solver returns energies and labels only.
     */
    static boolean givesEigenvectors(BandStructureSource source) {
        return source instanceof TightBindingSource;
    }

    static void checkConnectivity(BandStructureSource source, ConnectivityMethod method) {
        if (method == ConnectivityMethod.BERRY && !givesEigenvectors(source)) {
            throw new IllegalArgumentException("--connectivity berry needs Bloch eigenvectors on a fine k grid, which "
                    + "--solver " + source.name() + " does not provide; add --solver nn (the network's tight-binding "
                    + "model gives them) or use --connectivity naive or compat");
        }
    }

    /**
     * Band sets of {@code count} potentials (made on demand by {@code potentials}, so that large explorations do not
     * hold all grids), in parallel on {@code threads} threads, with progress lines on stderr.
     */
    static List<Map<ConnectivityMethod, List<BandSet>>> classifyAll(BandStructureSource source,
            IntFunction<PotentialGrid> potentials, int count, int bands,
            List<ConnectivityMethod> methods, int threads, String command, boolean progress) {
        return classifyAll(source, potentials, count, bands, methods, threads, command, progress, false);
    }

    /**
     * As above; with {@code skipFailures}, a potential whose bands cannot be computed is reported on stderr and
     * returned as null instead of ending the whole run.
     */
    static List<Map<ConnectivityMethod, List<BandSet>>> classifyAll(BandStructureSource source,
            IntFunction<PotentialGrid> potentials, int count, int bands,
            List<ConnectivityMethod> methods, int threads, String command, boolean progress, boolean skipFailures) {
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, threads), r -> {
                    Thread t = new Thread(r, command + "-worker");
                    t.setDaemon(true);
                    return t;
                });
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        int every = Math.max(1, count / 50);
        List<Future<Map<ConnectivityMethod, List<BandSet>>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    Map<ConnectivityMethod, List<BandSet>> r;
                    try {
                        r = classify(source, potentials.apply(index), bands, methods);
                    } catch (RuntimeException e) {
                        if (!skipFailures) {
                            throw e;
                        }
                        System.err.println(command + ": potential " + index + " skipped: " + e.getMessage());
                        r = null;
                    }
                    int d = done.incrementAndGet();
                    if (progress && (d % every == 0 || d == count)) {
                        double sec = (System.nanoTime() - start) / 1e9;
                        System.err.printf("%s: %d/%d potentials, %.2f s per potential (%d threads), ETA %.0f s%n",
                                command, d, count, sec / d, threads, sec / d * (count - d));
                    }
                    return r;
                }));
            }
            List<Map<ConnectivityMethod, List<BandSet>>> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    String msg = "potential " + i + ": " + cause.getMessage();
                    if (cause instanceof IllegalArgumentException) {
                        throw new IllegalArgumentException(msg, cause);
                    }
                    throw new IllegalStateException(msg, cause);
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The band sets of one potential with any connectivity method. */
    static Map<ConnectivityMethod, List<BandSet>> classify(BandStructureSource source, PotentialGrid grid, int bands,
            List<ConnectivityMethod> methods) {
        return SourceClassifier.classify(source, grid, bands, methods);
    }

    static void checkBands(int bands) {
        if (bands < 1 || bands > 20) {
            throw new IllegalArgumentException("--bands must be between 1 and 20, got " + bands);
        }
    }
}
