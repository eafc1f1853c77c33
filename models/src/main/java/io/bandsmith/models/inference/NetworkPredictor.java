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
    /** The grid size of the training data (models/README.md, the model card). */
    public static final int TRAINED_GRID = 100;
    /** Standard deviations of the training features beyond which the cell average is called out of domain. */
    static final double MEAN_DEVIATIONS = 4.0;
    /**
     * Beyond this many standard deviations in any Fourier feature the geometry is out of domain: over random potentials
     * of α from 0 to 3 (200 each) the largest deviation was 4.7.
     */
    static final double FEATURE_DEVIATIONS = 6.0;
    /** Root mean square of the feature deviations: 0.6-1.2 for random potentials of α from 0 to 3. */
    static final double FEATURE_RMS_DEVIATION = 2.0;

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

    /**
     * Why the network's answer for this geometry is an extrapolation, one line each, or an empty list when the
     * geometry lies within its training domain (models/README.md): step heights between 0 and Vmax = 256 E0, L = 100
     * grids, and Fourier features (cell average first) within the spread of the training data stored in the model.
     */
    public java.util.List<String> domainWarnings(PotentialGrid potential) {
        java.util.List<String> out = new java.util.ArrayList<>();
        double vmax = potential.vmax();
        double min = potential.min();
        double max = potential.max();
        double tol = 1e-6 * vmax;
        if (min < -tol || max > vmax + tol) {
            out.add(String.format(java.util.Locale.ROOT, "values from %.4g to %.4g E0 lie outside 0..Vmax = %.0f E0 "
                    + "of the training data (steps between 0 and Vmax)", min + 0.0, max + 0.0, vmax));
        }
        if (potential.size() != TRAINED_GRID) {
            out.add("grid L = " + potential.size() + "; the network was trained on L = " + TRAINED_GRID + " grids");
        }
        double[] raw = network.features().of(potential);
        double[] z = network.featureDeviations(raw);
        if (Math.abs(z[0]) > MEAN_DEVIATIONS) {
            out.add(String.format(java.util.Locale.ROOT, "the cell average %.3f Vmax is %.1f standard deviations from "
                    + "the training data's %.2f ± %.2f Vmax", raw[0], Math.abs(z[0]), network.featureMean(0),
                    network.featureScale(0)));
        }
        double largest = 0;
        double squares = 0;
        for (int i = 1; i < z.length; i++) {
            largest = Math.max(largest, Math.abs(z[i]));
            squares += z[i] * z[i];
        }
        double rms = Math.sqrt(squares / Math.max(1, z.length - 1));
        if (largest > FEATURE_DEVIATIONS || rms > FEATURE_RMS_DEVIATION) {
            out.add(String.format(java.util.Locale.ROOT, "its Fourier features lie up to %.1f (rms %.1f) standard "
                    + "deviations from the training data's (random step potentials, α = 1)", largest, rms));
        }
        return out;
    }

    @Override
    public BandStructure compute(PotentialGrid potential, KPointSet kpoints, int bandCount) {
        TightBindingBandSolver solver = solvers.computeIfAbsent(kpoints,
                k -> new TightBindingBandSolver(network.model(), k));
        return solver.bandStructure(parameters(potential), bandCount, potential.vmax());
    }

    /**
     * As {@link #compute} for a geometry whose raw star features are already known (an ensemble computes them once
     * for all members); the geometry must have been checked as {@link #parameters} does.
     */
    BandStructure compute(double[] rawFeatures, double vmax, KPointSet kpoints, int bandCount) {
        double[] params = evaluator.parameters(rawFeatures);
        for (int l = 0; l < params.length; l++) {
            params[l] *= vmax;
        }
        TightBindingBandSolver solver = solvers.computeIfAbsent(kpoints,
                k -> new TightBindingBandSolver(network.model(), k));
        return solver.bandStructure(params, bandCount, vmax);
    }
}
