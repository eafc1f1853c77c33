package io.bandsmith.app.gui.preview;

import java.time.Instant;
import java.util.List;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;

/**
 * One finished preview computation. Immutable, made on the preview thread and handed to the FX thread.
 *
 * @param generation the number of the request it answers (higher is newer)
 * @param grid the potential it was computed for
 * @param path bands along Γ-K-M-Γ with the labelled levels at Γ, K, M
 * @param zone bands over the whole zone (interpolated from the wedge grid)
 * @param sets isolated band sets with their fingerprints and classes, lowest first
 * @param seconds wall time of the computation
 * @param finishedAt when it finished
 * @param sourceName which band-structure source computed it
 */
public record PreviewResult(long generation, PotentialGrid grid, BandStructure path, ZoneField zone,
        List<ClassifiedBandSet> sets, double seconds, Instant finishedAt, String sourceName) {
    public PreviewResult {
        sets = List.copyOf(sets);
    }

    /** A band set with what the classifier said about it. */
    public record ClassifiedBandSet(BandSet set, Classification classification) {
    }

    /** The set that holds band {@code band} (0-based). */
    public ClassifiedBandSet setOf(int band) {
        for (ClassifiedBandSet s : sets) {
            if (band >= s.set().first() && band <= s.set().last()) {
                return s;
            }
        }
        throw new IllegalArgumentException("no band " + band);
    }
}
