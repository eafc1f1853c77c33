package io.bandsmith.app.gui.preview;

import java.time.Instant;
import java.util.List;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.topology.ConnectivityMethod;

/**
 * One finished preview computation. Immutable, made on the preview thread and handed to the FX thread.
 *
 * @param generation the number of the request it answers (higher is newer)
 * @param grid the potential it was computed for
 * @param path bands along Γ-K-M-Γ with the labelled levels at Γ, K, M
 * @param zone bands over the whole zone (interpolated from the wedge grid)
 * @param sets band sets by the engine's classifier, lowest first, covering every computed band
 * @param connectivity the connectivity rule the sets were found with
 * @param seconds wall time of the computation
 * @param finishedAt when it finished
 * @param sourceName which band-structure source computed it ("nn" or "exact")
 * @param uncertainty the ensemble's spread and the sets to check with the exact solver, or null (a single network or
 *     the exact solver)
 */
public record PreviewResult(long generation, PotentialGrid grid, BandStructure path, ZoneField zone,
        List<PreviewBandSet> sets, ConnectivityMethod connectivity, double seconds, Instant finishedAt,
        String sourceName, PreviewUncertainty uncertainty) {
    public PreviewResult {
        sets = List.copyOf(sets);
    }

    /** A result without uncertainty (exact solver, single network). */
    public PreviewResult(long generation, PotentialGrid grid, BandStructure path, ZoneField zone,
            List<PreviewBandSet> sets, ConnectivityMethod connectivity, double seconds, Instant finishedAt,
            String sourceName) {
        this(generation, grid, path, zone, sets, connectivity, seconds, finishedAt, sourceName, null);
    }

    /** The set that holds band {@code band} (0-based). */
    public PreviewBandSet setOf(int band) {
        for (PreviewBandSet s : sets) {
            if (band >= s.first() && band <= s.last()) {
                return s;
            }
        }
        throw new IllegalArgumentException("no band " + band);
    }
}
