package io.bandsmith.app.gui.model;

import java.util.List;

/**
 * What the live preview shows: how many bands, the two bands whose gap the zone map shows, and the bands drawn as
 * 3D surfaces. Band numbers are 1-based, as users count them. Immutable.
 */
public record PreviewSettings(int bandCount, int gapLower, int gapUpper, List<Integer> surfaceBands) {
    public static final int MAX_BANDS = 12;
    public static final PreviewSettings DEFAULT = new PreviewSettings(7, 1, 2, List.of(1, 2, 3));

    public PreviewSettings {
        if (bandCount < 1 || bandCount > MAX_BANDS) {
            throw new IllegalArgumentException("band count must be 1.." + MAX_BANDS + ", got " + bandCount);
        }
        if (gapLower < 1 || gapUpper <= gapLower || gapUpper > bandCount) {
            throw new IllegalArgumentException("the gap needs bands 1 <= lower < upper <= " + bandCount + ", got "
                    + gapLower + " and " + gapUpper);
        }
        surfaceBands = List.copyOf(surfaceBands);
        for (int b : surfaceBands) {
            if (b < 1 || b > bandCount) {
                throw new IllegalArgumentException("surface band " + b + " is not among bands 1.." + bandCount);
            }
        }
    }

    public PreviewSettings withGap(int lower, int upper) {
        return new PreviewSettings(bandCount, lower, upper, surfaceBands);
    }

    public PreviewSettings withSurfaceBands(List<Integer> bands) {
        return new PreviewSettings(bandCount, gapLower, gapUpper, bands);
    }
}
