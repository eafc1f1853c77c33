package io.bandsmith.engine.bands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.KPointSet;

/**
 * Anything that turns a geometry into bands: the exact plane-wave solver, the network predictor. Implementations are
 * thread-safe; {@link #computeAll} uses all cores by default.
 */
public interface BandStructureSource {
    /** A short name shown to users ("exact", "nn"). */
    String name();

    /**
     * Bands of one geometry: the lowest {@code bandCount} bands at every point of {@code kpoints} and the labelled
     * levels at the maximal k points (at least {@code bandCount} levels each).
     *
     * @throws IllegalArgumentException when the geometry is not acceptable (for example not C6-symmetric)
     */
    BandStructure compute(PotentialGrid potential, KPointSet kpoints, int bandCount);

    /** Bands of many geometries, in order, in parallel over {@code threads} threads. */
    default List<BandStructure> computeAll(List<PotentialGrid> potentials, KPointSet kpoints, int bandCount,
            int threads, ProgressListener progress) {
        int n = Math.max(1, Math.min(threads, potentials.size()));
        if (n == 1) {
            List<BandStructure> out = new ArrayList<>();
            for (int i = 0; i < potentials.size(); i++) {
                out.add(compute(potentials.get(i), kpoints, bandCount));
                progress.done(i + 1, potentials.size());
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, name() + "-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BandStructure>> futures = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            for (PotentialGrid p : potentials) {
                futures.add(pool.submit(() -> {
                    BandStructure b = compute(p, kpoints, bandCount);
                    progress.done(done.incrementAndGet(), potentials.size());
                    return b;
                }));
            }
            List<BandStructure> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw new IllegalArgumentException("potential " + i + ": " + re.getMessage(), re);
                    }
                    throw new IllegalStateException("potential " + i + ": " + cause, cause);
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

    /** Progress of a batch: {@code done} of {@code total} items finished. Called from worker threads. */
    @FunctionalInterface
    interface ProgressListener {
        ProgressListener NONE = (done, total) -> { };

        void done(int done, int total);
    }
}
