package io.bandsmith.engine.solver;

/**
 * Accuracy settings of the exact solver.
 *
 * @param cutoff plane waves with |k + G| ≤ cutoff (1/a) for a potential whose range (max − min) is at most 256 E0;
 *     scaled by (range/256)^(1/3) above that (docs/solver.md, "Which potentials")
 * @param extraLevels levels computed beyond those asked for (complete multiplets at the top, a richer reduced basis)
 * @param anchorExtra eigenvectors beyond the requested bands that each anchor point contributes to the reduced basis
 * @param correctionFactor plane waves between cutoff and correctionFactor × cutoff enter by second-order
 *     (Löwdin) perturbation theory; 0 or 1 switches the correction off
 * @param degeneracyTolerance levels closer than this fraction of Vmax are labelled as one group
 */
public record PlaneWaveSettings(double cutoff, int extraLevels, int anchorExtra, double correctionFactor,
        double degeneracyTolerance) {
    public static final double REFERENCE_VMAX = 256.0;
    static final int ANCHOR_EXTRA = 6;

    public PlaneWaveSettings {
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("plane-wave cutoff must be positive");
        }
        if (anchorExtra < 0 || anchorExtra > extraLevels) {
            throw new IllegalArgumentException("anchorExtra must be between 0 and extraLevels");
        }
        if (extraLevels < 1) {
            throw new IllegalArgumentException("extraLevels must be >= 1");
        }
        if (correctionFactor != 0 && correctionFactor < 1) {
            throw new IllegalArgumentException("correctionFactor must be 0 (off) or >= 1");
        }
    }

    /** The defaults: accuracy better than 2e-4 Vmax rms on the lowest 7 bands (see docs/solver.md). */
    public static PlaneWaveSettings defaults() {
        return new PlaneWaveSettings(60, 6, ANCHOR_EXTRA, 3.0, 1e-7);
    }

    /**
     * Settings for interactive previews: a smaller ball (139 plane waves at Γ) and reduced basis, about twice as
     * fast; about 3e-5 Vmax rms and below 3e-4 Vmax max from the defaults on the lowest 7 bands (docs/solver.md).
     */
    public static PlaneWaveSettings preview() {
        return new PlaneWaveSettings(45, 3, 2, 3.0, 1e-7);
    }

    public PlaneWaveSettings withCutoff(double newCutoff) {
        return new PlaneWaveSettings(newCutoff, extraLevels, anchorExtra, correctionFactor, degeneracyTolerance);
    }

    public PlaneWaveSettings withCorrectionFactor(double factor) {
        return new PlaneWaveSettings(cutoff, extraLevels, anchorExtra, factor, degeneracyTolerance);
    }

    public boolean correctionEnabled() {
        return correctionFactor > 1;
    }

    /**
     * The cutoff used for a potential of the given range (max − min of V, E0). Above the reference range it is
     * rounded up to a multiple of 4/a, so that potentials of similar ranges share one solver plan.
     */
    public double cutoffFor(double range) {
        double c = cutoff * Math.max(1.0, Math.cbrt(range / REFERENCE_VMAX));
        return c <= cutoff ? cutoff : Math.ceil(c / 4.0) * 4.0;
    }
}
