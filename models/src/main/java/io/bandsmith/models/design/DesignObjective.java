package io.bandsmith.models.design;

/**
 * What an inverse design minimizes, as a function of the tight-binding parameters F (units of Vmax) the network
 * predicts for a geometry. Implementations are immutable and thread-safe: trials are evaluated in parallel.
 */
public interface DesignObjective {
    /** Loss (units of Vmax², lower is better) and its gradient dL/dF. */
    record Evaluation(double loss, double[] gradient) {
    }

    /**
     * Loss and gradient for one parameter vector. {@code seed} drives any stochastic estimate (random k subsets);
     * the estimate must be unbiased or exact.
     */
    Evaluation evaluate(double[] parametersVmax, long seed);

    /** The exact loss from band energies [k][band] (units of Vmax) on {@link #kpoints()}, any solver. */
    double loss(double[][] energiesVmax);

    /** The k points on which {@link #loss(double[][])} is defined. */
    io.bandsmith.engine.lattice.KPointSet kpoints();

    /** Number of bands {@link #loss(double[][])} needs. */
    int bands();

    /** A one-line description for reports. */
    String describe();

    /** True when the loss is a mean squared deviation (its root is an rms), false for other losses (a gap). */
    default boolean meanSquare() {
        return true;
    }

    /** The target bands [k][band] (units of Vmax) on any k set, for pictures; null when the objective has none. */
    default double[][] targetAlong(io.bandsmith.engine.lattice.KPointSet kpoints) {
        return null;
    }
}
