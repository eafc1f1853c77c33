package io.bandsmith.models.inference;

import java.nio.file.Path;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.tightbinding.TightBindingBandSolver;
import io.bandsmith.engine.tightbinding.TightBindingModel;
import io.bandsmith.engine.tightbinding.TightBindingSource;
import io.bandsmith.models.network.TightBindingNetwork;

/**
 * Bands from the network: geometry → tight-binding parameters → diagonalization of the 21-orbital model on any k set,
 * with labels at Γ, K, M from its block structure. A {@link BandStructureSource}, interchangeable with the exact
 * solver. Energies are returned in E0 (the network predicts in units of Vmax = 256 E0, the value it was trained for).
 */
public final class NetworkPredictor implements TightBindingSource {
    /** Where the shipped model lives, relative to the installation (./bandsmith sets bandsmith.home). */
    public static final String SHIPPED_MODEL = "models/bandsmith-p6.zip";
    public static final double TRAINED_VMAX = 256.0;
    /**
     * The shipped model's rms error over the lowest 6 bands on the 821-point grid, in Vmax (model card in
     * models/README.md, α = 1 test set; 3.08e-3 at α = 1/2). The workbench warns when a comparison with the exact
     * solver finds more than 3x this.
     */
    public static final double MODEL_CARD_RMS_VMAX = 3.16e-3;

    private final TightBindingNetwork network;
    /**
     * The forward pass used here: plain arrays, thread-safe (a DL4J MultiLayerNetwork is not, and the CLI and the
     * workbench call this source from several threads) and without DL4J's per-call overhead for single geometries.
     */
    private final TightBindingNetwork.DenseEvaluator evaluator;
    /** Bloch operators of the model on a k set are the same for every geometry: built once per k set. */
    private final java.util.Map<KPointSet, TightBindingBandSolver> solvers =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(8, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<KPointSet, TightBindingBandSolver> eldest) {
                    return size() > 8;
                }
            });

    public NetworkPredictor(TightBindingNetwork network) {
        this.network = network;
        this.evaluator = network.denseEvaluator();
    }

    /** The shipped model, or a clear error when none is installed. */
    public static NetworkPredictor shipped() {
        Path home = Path.of(System.getProperty("bandsmith.home", "."));
        Path file = home.resolve(SHIPPED_MODEL);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalStateException("no trained network is installed (" + file + "); train one with "
                    + "'./bandsmith train' (models/README.md) or pass --model FILE");
        }
        return new NetworkPredictor(TightBindingNetwork.load(file));
    }

    public TightBindingNetwork network() {
        return network;
    }

    @Override
    public String name() {
        return "nn";
    }

    @Override
    public TightBindingModel model() {
        return network.model();
    }

    /** The predicted tight-binding parameters of a geometry, in E0 (energies of the model come out in E0). */
    @Override
    public double[] parameters(PotentialGrid potential) {
        if (Math.abs(potential.vmax() - TRAINED_VMAX) > 1e-9) {
            throw new IllegalArgumentException("the network is trained for Vmax = " + TRAINED_VMAX + " E0, got "
                    + potential.vmax());
        }
        PotentialGrid grid = C6GridSymmetry.requireSymmetric(potential, 1e-6);
        double[] params = evaluator.parameters(network.features().of(grid));
        for (int l = 0; l < params.length; l++) {
            params[l] *= potential.vmax();
        }
        return params;
    }

    @Override
    public BandStructure compute(PotentialGrid potential, KPointSet kpoints, int bandCount) {
        TightBindingBandSolver solver = solvers.computeIfAbsent(kpoints,
                k -> new TightBindingBandSolver(network.model(), k));
        return solver.bandStructure(parameters(potential), bandCount, potential.vmax());
    }
}
