package io.bandsmith.app.gui.preview;

import java.util.ArrayList;
import java.util.List;

import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KPointSet;

/**
 * The k sets of the live preview: the path Γ-K-M-Γ for the band diagram and the irreducible-wedge grid
 * {@code wedge(n)} (n even, so that M is on it) that {@link ZoneField} unfolds over the whole zone.
 */
public final class PreviewKPoints {
    /** Points per path segment. */
    public static final int PATH_PER_SEGMENT = 16;
    /** Wedge subdivision for the zone maps and surfaces (even: Γ, K, K' and M are grid points). */
    public static final int WEDGE_DIVISIONS = 10;

    private PreviewKPoints() {
    }

    public static KPointSet path() {
        return KPointSet.path(HexagonalLattice.INSTANCE.defaultPath(), PATH_PER_SEGMENT);
    }

    public static KPointSet wedge() {
        return KPointSet.hexagonalWedge(WEDGE_DIVISIONS);
    }

    /** Both sets in one, path first: one solver call where that is cheaper than two. */
    public static KPointSet combined(KPointSet path, KPointSet wedge) {
        List<io.bandsmith.engine.lattice.KVector> pts = new ArrayList<>(path.points());
        pts.addAll(wedge.points());
        return new KPointSet(path.description() + " + " + wedge.description(), pts, path.pathTicks());
    }
}
