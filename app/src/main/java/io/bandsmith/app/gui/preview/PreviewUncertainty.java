package io.bandsmith.app.gui.preview;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.bandsmith.engine.bands.BandStructure;

/**
 * What an ensemble of networks says about its own preview (docs/decisions/0015): the spread over members along the
 * path (drawn as a band of ±2x the spread around each predicted band, the interval that holds at least 90 % of the
 * errors on test data when the spread is calibrated) and the band sets to check with the exact solver — those that
 * members classify differently, and those whose gap to a neighbouring set is below 3x the spread at that gap.
 *
 * @param pathSpread calibrated spread [k][band] on the path, E0
 * @param members number of members
 * @param flags why a set should be checked, by its first band (0-based); sets without a reason are absent
 */
public record PreviewUncertainty(double[][] pathSpread, int members, Map<Integer, String> flags) {
    /** Gaps smaller than this multiple of the spread are flagged. */
    public static final double GAP_SPREADS = 3.0;
    /** The drawn band: ±this multiple of the spread. */
    public static final double BAND_SPREADS = 2.0;

    public PreviewUncertainty {
        flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
    }

    /** The reason to check set {@code s} with the exact solver, or null. */
    public String flagOf(PreviewBandSet s) {
        return flags.get(s.first());
    }

    /**
     * Flags the sets of the prediction: classification differs between members (each member's sets, classified with
     * the same rule, compared by band range and class with the prediction's), or a gap to the neighbouring set below
     * {@link #GAP_SPREADS} times the spread there (the largest spread of the two bands bounding the gap, over all
     * computed k points).
     *
     * @param sets the prediction's sets
     * @param memberSets each member's sets
     * @param spread calibrated spread [k][band] over every computed k point (path and zone), E0
     */
    public static Map<Integer, String> flags(List<PreviewBandSet> sets, List<List<PreviewBandSet>> memberSets,
            double[][] spread) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (PreviewBandSet s : sets) {
            List<String> reasons = new ArrayList<>();
            int differing = 0;
            for (List<PreviewBandSet> m : memberSets) {
                boolean same = false;
                for (PreviewBandSet t : m) {
                    same |= t.first() == s.first() && t.last() == s.last() && t.bandClass() == s.bandClass();
                }
                differing += same ? 0 : 1;
            }
            if (differing > 0) {
                reasons.add(differing + " of " + memberSets.size() + " members classify these bands differently");
            }
            if (!s.top() && Double.isFinite(s.gapAboveE0())) {
                double sp = largest(spread, s.last(), s.last() + 1);
                if (s.gapAboveE0() < GAP_SPREADS * sp) {
                    reasons.add(String.format(Locale.ROOT, "gap above %.3g E0 < %.0fx spread %.3g E0", s.gapAboveE0(),
                            GAP_SPREADS, sp));
                }
            }
            if (s.first() > 0 && Double.isFinite(s.gapBelowE0())) {
                double sp = largest(spread, s.first() - 1, s.first());
                if (s.gapBelowE0() < GAP_SPREADS * sp) {
                    reasons.add(String.format(Locale.ROOT, "gap below %.3g E0 < %.0fx spread %.3g E0", s.gapBelowE0(),
                            GAP_SPREADS, sp));
                }
            }
            if (!reasons.isEmpty()) {
                out.put(s.first(), "check with exact: " + String.join("; ", reasons));
            }
        }
        return out;
    }

    private static double largest(double[][] spread, int a, int b) {
        double m = 0;
        for (double[] row : spread) {
            if (b < row.length) {
                m = Math.max(m, Math.max(row[a], row[b]));
            }
        }
        return m;
    }

    /** The spread rows of the first {@code count} k points of a combined computation. */
    static double[][] head(double[][] spread, int count) {
        return java.util.Arrays.copyOfRange(spread, 0, count);
    }

    /** Splits a combined (path + zone) band structure like the preview does. */
    static BandStructure part(BandStructure all, io.bandsmith.engine.lattice.KPointSet k, int from) {
        double[][] e = all.energies();
        return new BandStructure(k, java.util.Arrays.copyOfRange(e, from, from + k.size()), all.highSymmetry(),
                all.vmax(), all.source());
    }
}
