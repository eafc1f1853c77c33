package io.bandsmith.engine.topology;

import java.util.List;

import io.bandsmith.engine.symmetry.SymmetryFingerprint;

/**
 * A set of connected bands, separated from the bands below and above (or, when unassigned, reaching beyond the
 * computed bands), with its fingerprint and classification.
 *
 * @param firstBand 1-based index of the lowest band
 * @param lastBand 1-based index of the highest band (inclusive)
 * @param fingerprint (ns, np, nd, nf, n0, n+); for an unassigned set, the occupations of its levels within the computed
 *        bands, a pair cut by the last computed band counting as one
 * @param classification EBR, composite, fragile or unassigned
 * @param ebrs the preferred decomposition into EBRs (names with repeats), empty for fragile and unassigned sets
 */
public record BandSet(int firstBand, int lastBand, SymmetryFingerprint fingerprint, BandSetClass classification,
        List<String> ebrs) implements java.io.Serializable {
    public BandSet {
        ebrs = List.copyOf(ebrs);
        if (firstBand < 1 || lastBand < firstBand) {
            throw new IllegalArgumentException("bad band range " + firstBand + ".." + lastBand);
        }
    }

    public int bandCount() {
        return lastBand - firstBand + 1;
    }
}
