package io.bandsmith.app.gui.preview;

import java.util.Optional;

import io.bandsmith.engine.symmetry.SymmetryFingerprint;

/**
 * An isolated set of bands: consecutive bands {@code first..last} (0-based) separated from the bands below and above
 * by a gap at every computed k point.
 *
 * @param fingerprint empty when the set splits a degenerate pair at Γ, K or M (then it is not a valid set)
 * @param complete false for the top set, which may continue into bands that were not computed
 * @param gapBelowE0 smallest gap to the band below (E0), NaN for the lowest set
 * @param gapAboveE0 smallest gap to the band above (E0), NaN for the top set
 */
public record BandSet(int first, int last, Optional<SymmetryFingerprint> fingerprint, boolean complete,
        double gapBelowE0, double gapAboveE0) {
    public int size() {
        return last - first + 1;
    }

    /** "1", "2–3": band numbers as users count them. */
    public String bandsLabel() {
        return first == last ? Integer.toString(first + 1) : (first + 1) + "–" + (last + 1);
    }
}
