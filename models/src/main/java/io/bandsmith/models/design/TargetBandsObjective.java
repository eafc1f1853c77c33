package io.bandsmith.models.design;

import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.tightbinding.SixSiteTargetModel;
import io.bandsmith.engine.tightbinding.TightBindingBandSolver;
import io.bandsmith.engine.tightbinding.TightBindingModel;
import io.bandsmith.models.training.BandTarget;
import io.bandsmith.models.training.KnownOperatorObjective;

/**
 * Match a target band structure: L = mean over the k points and the lowest bands of (E - E_target)², units of Vmax²
 * (the paper's eq. 2, as in training). Each step uses Γ, K, M and a random subset of the other k points (an unbiased
 * estimate; 0 = all), the final ranking all of them.
 */
public final class TargetBandsObjective implements DesignObjective {
    /** The training k set: wedge(11) + M. */
    public static final KPointSet WEDGE_79 = KPointSet.hexagonalWedgeWithCount(79);

    private final double[][] targetVmax;
    private final KnownOperatorObjective objective;
    private final BandTarget target;
    private final int kSubsample;
    private final String description;
    /** The appendix M parameters when the target is that model (bands at any k for pictures), else null. */
    private double[] sixSiteParameters;

    /**
     * @param network the tight-binding model the network predicts
     * @param targetVmax target energies [k][band] on {@link #WEDGE_79}, units of Vmax
     * @param kSubsample random k points per step besides Γ, K, M (0: all)
     */
    public TargetBandsObjective(TightBindingModel network, double[][] targetVmax, int kSubsample, String description) {
        if (targetVmax.length != WEDGE_79.size()) {
            throw new IllegalArgumentException("target bands need " + WEDGE_79.size() + " k points, got "
                    + targetVmax.length);
        }
        int bands = targetVmax[0].length;
        if (bands < 1 || bands > network.dimension()) {
            throw new IllegalArgumentException("target has " + bands + " bands; the model has " + network.dimension());
        }
        double[][] e0 = new double[targetVmax.length][];
        for (int k = 0; k < e0.length; k++) {
            if (targetVmax[k].length != bands) {
                throw new IllegalArgumentException("target bands: k point " + k + " has " + targetVmax[k].length
                        + " energies, expected " + bands);
            }
            e0[k] = targetVmax[k].clone();
            for (double e : e0[k]) {
                if (!Double.isFinite(e)) {
                    throw new IllegalArgumentException("target bands: k point " + k + " has a non-finite energy");
                }
            }
        }
        this.targetVmax = e0;
        // the objective divides targets by its vmax: with vmax = 1 the targets are read in units of Vmax
        this.objective = new KnownOperatorObjective(network, WEDGE_79, bands, 1.0);
        this.target = new BandTarget(e0, new double[3][0], new byte[3][0]);
        this.kSubsample = kSubsample;
        this.description = description;
    }

    /** The breathing-honeycomb model of appendix M (six sites, J, J0, L, L0), parameters in units of Vmax. */
    public static TargetBandsObjective breathingHoneycomb(TightBindingModel network, double omega0, double j, double j0,
            double l, double l0, int kSubsample) {
        double[] p = SixSiteTargetModel.parameters(omega0, j, j0, l, l0);
        double[][] e = new TightBindingBandSolver(SixSiteTargetModel.model(), WEDGE_79).energies(p, 6);
        TargetBandsObjective o = new TargetBandsObjective(network, e, kSubsample, String.format(java.util.Locale.ROOT,
                "bands of the breathing-honeycomb model (omega0=%g, J=%g, J0=%g, L=%g, L0=%g Vmax)", omega0, j, j0,
                l, l0));
        o.sixSiteParameters = p;
        return o;
    }

    /** Target energies [k][band], units of Vmax (a copy). */
    public double[][] targetVmax() {
        double[][] c = new double[targetVmax.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = targetVmax[k].clone();
        }
        return c;
    }

    @Override
    public Evaluation evaluate(double[] parametersVmax, long seed) {
        KnownOperatorObjective.Evaluation e = objective.evaluate(parametersVmax, target, 0, kSubsample, seed);
        return new Evaluation(e.loss(), e.gradient());
    }

    @Override
    public double loss(double[][] energiesVmax) {
        double sum = 0;
        int bands = bands();
        for (int k = 0; k < targetVmax.length; k++) {
            for (int n = 0; n < bands; n++) {
                double r = energiesVmax[k][n] - targetVmax[k][n];
                sum += r * r;
            }
        }
        return sum / (targetVmax.length * bands);
    }

    @Override
    public KPointSet kpoints() {
        return WEDGE_79;
    }

    @Override
    public int bands() {
        return targetVmax[0].length;
    }

    @Override
    public double[][] targetAlong(KPointSet path) {
        return sixSiteParameters == null ? null
                : new TightBindingBandSolver(SixSiteTargetModel.model(), path).energies(sixSiteParameters, 6);
    }

    @Override
    public String describe() {
        return description;
    }
}
