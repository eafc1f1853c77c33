package io.bandsmith.engine.topology;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.tightbinding.TightBindingSource;

/**
 * The band sets of a geometry from any band-structure source: tight-binding sources (the network) are classified
 * through their model (all connectivity methods, Berry flux included); other sources (the exact solver) from their
 * labelled levels at Γ, K, M (naive and compat).
 */
public final class SourceClassifier {
    /** Classification from levels needs the maximal k points only. */
    public static final KPointSet MAXIMAL_POINTS = new KPointSet("G,K,M", List.of(HexagonalLattice.GAMMA.k(),
            HexagonalLattice.K.k(), HexagonalLattice.M.k()), List.of());

    private SourceClassifier() {
    }

    public static Map<ConnectivityMethod, List<BandSet>> classify(BandStructureSource source, PotentialGrid grid,
            int bands, List<ConnectivityMethod> methods) {
        Map<ConnectivityMethod, List<BandSet>> out = new EnumMap<>(ConnectivityMethod.class);
        if (source instanceof TightBindingSource tb) {
            double[] params = tb.parameters(grid);
            TightBindingClassifier c = TightBindingClassifier.withDefaults();
            for (ConnectivityMethod m : methods) {
                out.put(m, c.classify(tb.model(), params, bands, m));
            }
            return out;
        }
        BandStructure b = source.compute(grid, MAXIMAL_POINTS, bands + 1);
        BandSetClassifier c = BandSetClassifier.withDefaults();
        for (ConnectivityMethod m : methods) {
            out.put(m, c.classify(b.highSymmetry(), bands, m, null));
        }
        return out;
    }
}
