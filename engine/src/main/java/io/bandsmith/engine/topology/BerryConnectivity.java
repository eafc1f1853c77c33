package io.bandsmith.engine.topology;

import java.util.List;

/**
 * Connections between consecutive bands away from the maximal k points, from π defects of the Berry flux of the
 * group of bands 1..n (a Dirac cone between band n and n + 1 inside a plaquette gives |Φ| ≈ π there; cones inside the
 * group do not show) or from a direct gap that closes on a grid point.
 */
public final class BerryConnectivity {
    private BerryConnectivity() {
    }

    /**
     * Entry n-1 is true when band n touches band n + 1 somewhere on the grid (1-based n = 1..bandCount); the grid
     * must hold at least bandCount + 1 bands.
     */
    public static boolean[] connections(BerryFluxGrid grid, int bandCount, double gapTolerance) {
        if (grid.bandCount() < bandCount + 1) {
            throw new IllegalArgumentException("the grid holds " + grid.bandCount() + " bands, needs "
                    + (bandCount + 1));
        }
        boolean[] out = new boolean[bandCount];
        List<List<PlaquetteDefect>> defects = grid.piDefectsOfLowestGroups(bandCount);
        for (int n = 1; n <= bandCount; n++) {
            out[n - 1] = !defects.get(n - 1).isEmpty() || grid.minimumGapAbove(n - 1) < gapTolerance;
        }
        return out;
    }
}
