package io.bandsmith.app.gui.preview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.KPointSet;

/**
 * The live preview: computes bands for the newest geometry off the FX thread. The latest request wins: requests
 * that arrive while a computation runs replace each other, and only the newest is computed next, so painting never
 * queues up work. The path and the zone grid go to the source in one call (the exact solver's cost is in preparing
 * a geometry; extra k points are cheap), on one background thread, so the other core stays free for the FX thread.
 *
 * <p>Threading (docs/gui-threading.md): {@link #request} may be called from any thread; results and failures are
 * handed to the listener through the {@code deliver} executor ({@code Platform::runLater} in the workbench, a
 * direct executor in tests), in order of generation.
 */
public final class PreviewService implements AutoCloseable {
    /** Receives results on the delivery executor. */
    public interface Listener {
        void completed(PreviewResult result);

        void failed(long generation, String message);
    }

    private record Request(long generation, PotentialGrid grid, int bandCount) {
    }

    private final BandStructureSource source;
    private final BandSetClassifier classifier;
    private final Executor deliver;
    private final Listener listener;
    private final LatestRequestWorker<Request> worker;
    private final AtomicLong generations = new AtomicLong();
    private final KPointSet path = PreviewKPoints.path();
    private final KPointSet wedge = PreviewKPoints.wedge();

    public PreviewService(BandStructureSource source, BandSetClassifier classifier, Executor deliver,
            Listener listener) {
        this.source = source;
        this.classifier = classifier;
        this.deliver = deliver;
        this.listener = listener;
        this.worker = new LatestRequestWorker<>("bandsmith-preview", this::handle);
    }

    public String sourceName() {
        return source.name();
    }

    public BandSetClassifier classifier() {
        return classifier;
    }

    /** Asks for the bands of {@code grid}; returns the generation number of this request. */
    public long request(PotentialGrid grid, int bandCount) {
        long generation = generations.incrementAndGet();
        worker.submit(new Request(generation, grid, bandCount));
        return generation;
    }

    /** The generation of the newest request so far. */
    public long latestGeneration() {
        return generations.get();
    }

    /** True while a computation runs or waits. */
    public boolean isBusy() {
        return worker.isBusy();
    }

    private void handle(Request r) {
        try {
            PreviewResult result = compute(r);
            deliver.execute(() -> listener.completed(result));
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            deliver.execute(() -> listener.failed(r.generation(), message));
        }
    }

    private PreviewResult compute(Request r) {
        long start = System.nanoTime();
        // one call for path and zone grid: the solver's cost is in preparing the geometry, k points are cheap
        BandStructure all = source.compute(r.grid(), PreviewKPoints.combined(path, wedge), r.bandCount());
        double[][] e = all.energies();
        BandStructure pathBands = new BandStructure(path, java.util.Arrays.copyOfRange(e, 0, path.size()),
                all.highSymmetry(), all.vmax(), all.source());
        BandStructure zoneBands = new BandStructure(wedge, java.util.Arrays.copyOfRange(e, path.size(), e.length),
                all.highSymmetry(), all.vmax(), all.source());
        ZoneField zone = new ZoneField(zoneBands, PreviewKPoints.WEDGE_DIVISIONS);
        List<BandSet> sets = BandSets.find(List.of(pathBands, zoneBands), pathBands);
        List<PreviewResult.ClassifiedBandSet> classified = new ArrayList<>();
        for (BandSet s : sets) {
            classified.add(new PreviewResult.ClassifiedBandSet(s, classifier.classify(s, pathBands)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new PreviewResult(r.generation(), r.grid(), pathBands, zone, classified, seconds, Instant.now(),
                source.name());
    }

    @Override
    public void close() {
        worker.close();
    }
}
