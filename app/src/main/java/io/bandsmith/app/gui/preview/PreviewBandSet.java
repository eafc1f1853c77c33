package io.bandsmith.app.gui.preview;

import io.bandsmith.engine.topology.BandSet;
import io.bandsmith.engine.topology.BandSetClass;

/**
 * One band set of the preview: the engine's classification ({@link io.bandsmith.engine.topology.BandSetClassifier},
 * the same sets and classes as {@code ./bandsmith classify}) with what the preview's own k points add.
 *
 * @param set the engine's set (1-based bands, fingerprint, class, EBR decomposition)
 * @param top true when the set holds the highest computed band: nothing above it was computed, so it may continue
 * @param gapBelowE0 smallest gap to the band below over the preview's k points (path, zone grid, Γ, K, M), E0; NaN
 *        for the lowest set
 * @param gapAboveE0 smallest gap to the band above, E0; NaN for the top set
 */
public record PreviewBandSet(BandSet set, boolean top, double gapBelowE0, double gapAboveE0) {
    /** First band, 0-based. */
    public int first() {
        return set.firstBand() - 1;
    }

    /** Last band, 0-based. */
    public int last() {
        return set.lastBand() - 1;
    }

    public BandSetClass bandClass() {
        return set.classification();
    }

    /** "1", "2–3": band numbers as users count them. */
    public String bandsLabel() {
        return set.firstBand() == set.lastBand() ? Integer.toString(set.firstBand())
                : set.firstBand() + "–" + set.lastBand();
    }

    /** The class as the table shows it: "unassigned" reads "not isolated". */
    public String classLabel() {
        return ClassStyle.displayName(bandClass());
    }

    /** The EBR decomposition ("3c_A", "1a + 2b"), "none (fragile)" or a dash. */
    public String decomposition() {
        return switch (bandClass()) {
            case FRAGILE -> "none (fragile)";
            case UNASSIGNED -> "—";
            default -> String.join(" + ", set.ebrs());
        };
    }

    /** Why a set is what it is, where the class alone does not say. */
    public String note() {
        return switch (bandClass()) {
            case UNASSIGNED -> top ? "may continue above band " + set.lastBand() + " (the highest computed)"
                    : "not isolated: connected to the band above at Γ, K or M or by the connectivity rule";
            case FRAGILE -> "isolated, and no sum of EBRs gives this fingerprint";
            default -> "";
        };
    }
}
