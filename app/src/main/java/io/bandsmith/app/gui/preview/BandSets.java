package io.bandsmith.app.gui.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.symmetry.SymmetryFingerprint;

/**
 * Splits bands into isolated sets: bands n and n+1 belong to different sets when they are apart by more than
 * {@link #TOUCH_TOLERANCE_VMAX} · Vmax at every computed k point (path, zone grid, Γ, K, M). A touching between grid
 * points can be missed; the zone grid of the preview is coarse, so this is a preview, not a proof.
 */
public final class BandSets {
    /** Two bands closer than this (in units of Vmax) somewhere are taken as touching. */
    public static final double TOUCH_TOLERANCE_VMAX = 1e-3;

    private BandSets() {
    }

    /** The smallest gap E_{n+1} - E_n over all given band structures, for n = 0 .. bandCount-2, E0. */
    public static double[] minimumGaps(List<BandStructure> structures) {
        int bands = structures.get(0).bandCount();
        double[] min = new double[Math.max(0, bands - 1)];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        for (BandStructure b : structures) {
            for (int k = 0; k < b.kpoints().size(); k++) {
                for (int n = 0; n + 1 < bands; n++) {
                    min[n] = Math.min(min[n], b.energy(k, n + 1) - b.energy(k, n));
                }
            }
            for (HighSymmetryLevels l : b.highSymmetry().values()) {
                for (int n = 0; n + 1 < Math.min(bands, l.count()); n++) {
                    min[n] = Math.min(min[n], l.energy(n + 1) - l.energy(n));
                }
            }
        }
        return min;
    }

    public static List<BandSet> find(List<BandStructure> structures, BandStructure labelled) {
        int bands = labelled.bandCount();
        double[] gaps = minimumGaps(structures);
        double tol = TOUCH_TOLERANCE_VMAX * labelled.vmax();
        List<BandSet> sets = new ArrayList<>();
        int first = 0;
        for (int n = 0; n < bands; n++) {
            boolean endsHere = n == bands - 1 || gaps[n] > tol;
            if (endsHere) {
                double below = first == 0 ? Double.NaN : gaps[first - 1];
                double above = n == bands - 1 ? Double.NaN : gaps[n];
                sets.add(new BandSet(first, n, fingerprint(labelled, first, n), n < bands - 1, below, above));
                first = n + 1;
            }
        }
        return sets;
    }

    /** The fingerprint of bands first..last (0-based), or empty when they split a degenerate pair. */
    public static Optional<SymmetryFingerprint> fingerprint(BandStructure b, int first, int last) {
        for (String point : List.of("G", "K", "M")) {
            if (!b.highSymmetry().containsKey(point) || b.highSymmetry(point).count() <= last) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(SymmetryFingerprint.ofLevels(b.highSymmetry("G"), b.highSymmetry("K"),
                    b.highSymmetry("M"), first, last));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
