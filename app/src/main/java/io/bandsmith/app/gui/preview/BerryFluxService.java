package io.bandsmith.app.gui.preview;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.tightbinding.TightBindingModel;
import io.bandsmith.engine.tightbinding.TightBindingSource;
import io.bandsmith.engine.topology.BerryFluxGrid;
import io.bandsmith.engine.topology.BlochHamiltonian;

/**
 * The zone map's second stage: the Berry flux per plaquette of a band group, from the eigenvectors of a
 * tight-binding source's model at the parameters it predicts for the geometry ({@link BerryFluxMap}). Runs on its
 * own daemon thread ({@code bandsmith-berry}; the diagonalizations of the grid use the common fork-join pool).
 *
 * <p>Threading (docs/gui-threading.md): {@link #request} and {@link #cancel} may be called from any thread. The
 * latest request wins, and unlike the band preview a running computation is interrupted: every request and every
 * {@link #cancel} make the running one throw at its next k point (its H(k) checks the request id), so that painting
 * never waits behind a Berry-flux grid. Results go to the listener through the {@code deliver} executor, tagged
 * with their request id. The eigenvectors of the last geometry are kept (on the worker thread only), so that
 * choosing another band group of the same geometry costs the fluxes only.
 */
public final class BerryFluxService implements AutoCloseable {
    /** Receives results on the delivery executor. */
    public interface Listener {
        void completed(long requestId, BerryFluxMap map);

        void failed(long requestId, String message);
    }

    private record Request(long id, long generation, PotentialGrid grid, int first, int last, int bands) {
    }

    /** Eigenvectors of one geometry (touched by the worker thread only). */
    private record Cached(PotentialGrid grid, BerryFluxGrid eigenvectors) {
    }

    private final TightBindingSource source;
    private final int gridSize;
    private final Executor deliver;
    private final Listener listener;
    private final LatestRequestWorker<Request> worker;
    private final AtomicLong latest = new AtomicLong();
    private Cached cached;

    public BerryFluxService(TightBindingSource source, int gridSize, Executor deliver, Listener listener) {
        this.source = source;
        this.gridSize = gridSize;
        this.deliver = deliver;
        this.listener = listener;
        this.worker = new LatestRequestWorker<>("bandsmith-berry", this::handle);
    }

    /**
     * Asks for the flux of bands first..last (0-based) of {@code grid}; eigenvectors are computed for the lowest
     * {@code bands} bands (at least last + 1, at most the model's size) so that other groups reuse them.
     *
     * @param generation the preview generation the map belongs to
     * @return the request id (the listener gets it back)
     */
    public long request(long generation, PotentialGrid grid, int first, int last, int bands) {
        int dim = source.model().dimension();
        if (first < 0 || last < first || last >= dim) {
            throw new IllegalArgumentException("band group " + (first + 1) + ".." + (last + 1) + " outside the "
                    + dim + " bands of the model");
        }
        long id = latest.incrementAndGet();
        worker.submit(new Request(id, generation, grid, first, last, Math.min(dim, Math.max(bands, last + 1))));
        return id;
    }

    /** Drops a waiting request and stops the running one at its next k point; nothing is delivered for them. */
    public void cancel() {
        latest.incrementAndGet();
        worker.clearPending();
    }

    /** The id of the newest request (or cancel) so far. */
    public long latestRequest() {
        return latest.get();
    }

    public int gridSize() {
        return gridSize;
    }

    private void handle(Request r) {
        try {
            BerryFluxMap map = compute(r);
            deliver.execute(() -> listener.completed(r.id(), map));
        } catch (RuntimeException e) {
            if (isCancelled(r.id())) {
                return; // superseded or cancelled: nobody waits for it
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            deliver.execute(() -> listener.failed(r.id(), message));
        }
    }

    private boolean isCancelled(long id) {
        return worker.isClosed() || latest.get() != id;
    }

    private BerryFluxMap compute(Request r) {
        long start = System.nanoTime();
        Cached c = cached;
        if (c == null || !c.grid().equals(r.grid()) || c.eigenvectors().bandCount() < r.last() + 1) {
            cached = null;
            TightBindingModel model = source.model();
            double[] params = source.parameters(r.grid());
            BlochHamiltonian h = cancellable(BlochHamiltonian.of(model, params), r.id());
            c = new Cached(r.grid(), BerryFluxMap.grid(h, gridSize, r.bands()));
            cached = c;
        }
        if (isCancelled(r.id())) {
            throw new CancellationException();
        }
        return BerryFluxMap.of(c.eigenvectors(), r.first(), r.last(), r.generation(),
                (System.nanoTime() - start) / 1e9);
    }

    /** H(k) that throws once request {@code id} is no longer the newest: stops the grid at its next k point. */
    private BlochHamiltonian cancellable(BlochHamiltonian h, long id) {
        return new BlochHamiltonian() {
            @Override
            public double[] matrix(KVector k) {
                if (isCancelled(id)) {
                    throw new CancellationException("Berry-flux request " + id + " superseded");
                }
                return h.matrix(k);
            }

            @Override
            public int dimension() {
                return h.dimension();
            }
        };
    }

    @Override
    public void close() {
        latest.incrementAndGet();
        worker.close();
    }
}
