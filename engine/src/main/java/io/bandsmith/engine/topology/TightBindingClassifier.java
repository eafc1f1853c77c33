package io.bandsmith.engine.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.HighSymmetryPoint;
import io.bandsmith.engine.tightbinding.TightBindingModel;

/**
 * Band sets of a p6 tight-binding model at given parameters, with any connectivity method: labels from the block
 * structure at Γ, K, M and, for BERRY, π defects on an n x n Berry-flux grid over the zone.
 */
public final class TightBindingClassifier {
    /** The paper's grid has about 10^4 plaquettes. */
    public static final int DEFAULT_GRID = 100;

    private final BandSetClassifier classifier;
    private final int gridSize;

    public TightBindingClassifier(BandSetClassifier classifier, int gridSize) {
        this.classifier = classifier;
        this.gridSize = gridSize;
    }

    public static TightBindingClassifier withDefaults() {
        return new TightBindingClassifier(BandSetClassifier.withDefaults(), DEFAULT_GRID);
    }

    public List<BandSet> classify(TightBindingModel model, double[] params, int bandCount, ConnectivityMethod method) {
        if (bandCount + 1 > model.dimension()) {
            throw new IllegalArgumentException("the model has " + model.dimension() + " bands; classifying "
                    + bandCount + " needs one more");
        }
        Map<String, HighSymmetryLevels> levels = new LinkedHashMap<>();
        for (HighSymmetryPoint p : HexagonalLattice.INSTANCE.highSymmetryPoints()) {
            levels.put(p.name(), model.highSymmetryLevels(params, p, bandCount + 1));
        }
        boolean[] off = method == ConnectivityMethod.BERRY ? berryConnections(model, params, levels, bandCount) : null;
        return classifier.classify(levels, bandCount, method, off);
    }

    /**
     * The off-symmetry connections of bands 1..bandCount (entry n-1: band n touches band n + 1 away from Γ, K, M),
     * from π defects on this classifier's Berry-flux grid; the model needs bandCount + 1 bands.
     *
     * @param levels the model's levels at Γ, K, M (for the energy scale of the gap tolerance)
     */
    public boolean[] berryConnections(TightBindingModel model, double[] params, Map<String, HighSymmetryLevels> levels,
            int bandCount) {
        BerryFluxGrid grid = BerryFluxGrid.compute(BlochHamiltonian.of(model, params), HexagonalLattice.B1,
                HexagonalLattice.B2, gridSize, bandCount + 1);
        double scale = 0;
        for (HighSymmetryLevels l : levels.values()) {
            scale = Math.max(scale, Math.abs(l.energy(l.count() - 1) - l.energy(0)));
        }
        return BerryConnectivity.connections(grid, bandCount, 1e-9 * Math.max(1, scale));
    }
}
