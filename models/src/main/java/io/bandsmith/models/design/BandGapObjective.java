package io.bandsmith.models.design;

import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.tightbinding.TightBindingBandSolver;
import io.bandsmith.engine.tightbinding.TightBindingModel;

/**
 * Open the gap above band n (1-based): L = -(min_k E_{n+1}(k) - max_k E_n(k)), units of Vmax, on the 79 wedge
 * points (the wedge holds the extrema for p6 with time reversal). Gradient by Hellmann-Feynman at the two extremal
 * k points. A negative gap (overlapping bands) is a positive loss.
 */
public final class BandGapObjective implements DesignObjective {
    private final int band;
    private final TightBindingBandSolver solver;

    public BandGapObjective(TightBindingModel network, int band) {
        if (band < 1 || band >= network.dimension()) {
            throw new IllegalArgumentException("gap above band " + band + ": band must be in 1.."
                    + (network.dimension() - 1));
        }
        this.band = band;
        this.solver = new TightBindingBandSolver(network, TargetBandsObjective.WEDGE_79);
    }

    @Override
    public Evaluation evaluate(double[] parametersVmax, long seed) {
        int kLow = 0;
        int kHigh = 0;
        double[][] e = new double[solver.kpoints().size()][];
        for (int k = 0; k < e.length; k++) {
            e[k] = solver.eigenpairs(parametersVmax, k, band + 1, false).values();
            if (e[k][band - 1] > e[kLow][band - 1]) {
                kLow = k;
            }
            if (e[k][band] < e[kHigh][band]) {
                kHigh = k;
            }
        }
        double[] top = solver.derivatives(parametersVmax, kLow, band + 1)[band - 1];
        double[] bottom = solver.derivatives(parametersVmax, kHigh, band + 1)[band];
        double[] g = new double[top.length];
        for (int l = 0; l < g.length; l++) {
            g[l] = top[l] - bottom[l];
        }
        return new Evaluation(e[kLow][band - 1] - e[kHigh][band], g);
    }

    @Override
    public double loss(double[][] energiesVmax) {
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        for (double[] ek : energiesVmax) {
            top = Math.max(top, ek[band - 1]);
            bottom = Math.min(bottom, ek[band]);
        }
        return top - bottom;
    }

    @Override
    public KPointSet kpoints() {
        return TargetBandsObjective.WEDGE_79;
    }

    @Override
    public int bands() {
        return band + 1;
    }

    @Override
    public boolean meanSquare() {
        return false;
    }

    @Override
    public String describe() {
        return "open the gap above band " + band;
    }
}
