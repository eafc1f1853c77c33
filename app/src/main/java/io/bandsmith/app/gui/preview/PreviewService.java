package io.bandsmith.app.gui.preview;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.models.inference.EnsemblePredictor;

/**
 * The live preview: computes and classifies bands for the newest geometry off the FX thread (source and
 * connectivity travel with each request: the workbench switches between the network and the exact solver). The latest request wins: requests
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

    private record Request(long generation, PotentialGrid grid, int bandCount, BandStructureSource source,
            ConnectivityMethod connectivity) {
    }

    private final Executor deliver;
    private final Listener listener;
    private final LatestRequestWorker<Request> worker;
    private final AtomicLong generations = new AtomicLong();
    private final KPointSet path = PreviewKPoints.path();
    private final KPointSet wedge = PreviewKPoints.wedge();

    public PreviewService(Executor deliver, Listener listener) {
        this.deliver = deliver;
        this.listener = listener;
        this.worker = new LatestRequestWorker<>("bandsmith-preview", this::handle);
    }

    /**
     * Asks for the bands of {@code grid} by {@code source}, classified with {@code connectivity}; returns the
     * generation number of this request.
     */
    public long request(PotentialGrid grid, int bandCount, BandStructureSource source,
            ConnectivityMethod connectivity) {
        long generation = generations.incrementAndGet();
        worker.submit(new Request(generation, grid, bandCount, source, connectivity));
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
        BandStructureSource source = r.source();
        if (source instanceof EnsemblePredictor ensemble) {
            return computeEnsemble(r, ensemble, start);
        }
        BandStructure all = source.compute(r.grid(), PreviewKPoints.combined(path, wedge), r.bandCount());
        double[][] e = all.energies();
        BandStructure pathBands = new BandStructure(path, java.util.Arrays.copyOfRange(e, 0, path.size()),
                all.highSymmetry(), all.vmax(), all.source());
        BandStructure zoneBands = new BandStructure(wedge, java.util.Arrays.copyOfRange(e, path.size(), e.length),
                all.highSymmetry(), all.vmax(), all.source());
        ZoneField zone = new ZoneField(zoneBands, PreviewKPoints.WEDGE_DIVISIONS);
        List<PreviewBandSet> sets = PreviewClassifier.classify(source, r.grid(), pathBands, List.of(zoneBands),
                r.connectivity());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new PreviewResult(r.generation(), r.grid(), pathBands, zone, sets, r.connectivity(), seconds,
                Instant.now(), source.name());
    }

    /**
     * An ensemble: the prediction classified as usual, each member classified with the same rule, and the spread
     * along the path and the sets to check with the exact solver ({@link PreviewUncertainty}).
     */
    private PreviewResult computeEnsemble(Request r, EnsemblePredictor ensemble, long start) {
        EnsemblePredictor.EnsembleBands eb = ensemble.computeEnsemble(r.grid(), PreviewKPoints.combined(path, wedge),
                r.bandCount());
        BandStructure pathBands = PreviewUncertainty.part(eb.bands(), path, 0);
        BandStructure zoneBands = PreviewUncertainty.part(eb.bands(), wedge, path.size());
        ZoneField zone = new ZoneField(zoneBands, PreviewKPoints.WEDGE_DIVISIONS);
        List<PreviewBandSet> sets = PreviewClassifier.classify(ensemble, r.grid(), pathBands, List.of(zoneBands),
                r.connectivity());
        List<List<PreviewBandSet>> memberSets = new java.util.ArrayList<>();
        for (int m = 0; m < eb.members().size(); m++) {
            BandStructure mb = eb.members().get(m);
            memberSets.add(PreviewClassifier.classify(ensemble.members().get(m), r.grid(),
                    PreviewUncertainty.part(mb, path, 0), List.of(PreviewUncertainty.part(mb, wedge, path.size())),
                    r.connectivity()));
        }
        PreviewUncertainty u = new PreviewUncertainty(PreviewUncertainty.head(eb.spread(), path.size()),
                eb.members().size(), PreviewUncertainty.flags(sets, memberSets, eb.spread()));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new PreviewResult(r.generation(), r.grid(), pathBands, zone, sets, r.connectivity(), seconds,
                Instant.now(), ensemble.name(), u);
    }

    @Override
    public void close() {
        worker.close();
    }
}
