package io.bandsmith.engine.geometry;

import java.util.List;
import java.util.Random;

import io.bandsmith.engine.lattice.C6Stars;

/**
 * The random potentials of the paper's appendix D with the project's conventions: a smooth C6-symmetric Gaussian
 * field φ(x) = Σ_G A(G) cos(G·x) over G = n1 b1 + n2 b2 ≠ 0 with max(|n1|, |n2|, |n1 - n2|) ≤ cutoff (21 C6 stars,
 * 126 vectors for the default cutoff 6), A constant on each star and Gaussian with variance C/|G|^α; then digitized
 * by a sharp step (V = Vmax where φ > 0) or a sigmoid V = Vmax σ(βφ).
 *
 * <p>Deterministic per seed (java.util.Random, stars drawn in order of increasing |G|). Immutable.
 *
 * @param alpha spectral exponent α (1 for the training distribution, 1/2 for exploration)
 * @param amplitude the variance prefactor C (2 by default)
 * @param cutoff the star cutoff (6 by default)
 */
public record RandomPotentialGenerator(double alpha, double amplitude, int cutoff) {
    public static final double DEFAULT_AMPLITUDE = 2.0;
    public static final int DEFAULT_CUTOFF = 6;

    public RandomPotentialGenerator {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite, got " + alpha);
        }
        if (!(amplitude > 0)) {
            throw new IllegalArgumentException("the variance prefactor C must be positive, got " + amplitude);
        }
        if (cutoff < 1 || cutoff > 40) {
            throw new IllegalArgumentException("star cutoff must be in 1..40, got " + cutoff);
        }
    }

    public static RandomPotentialGenerator withAlpha(double alpha) {
        return new RandomPotentialGenerator(alpha, DEFAULT_AMPLITUDE, DEFAULT_CUTOFF);
    }

    /** The C6 stars inside the cutoff, in order of increasing |G|. */
    public List<C6Stars.Star> stars() {
        return C6Stars.upTo(cutoff);
    }

    /**
     * Draws the star amplitudes A for a seed (one Gaussian per star, in the order of {@link #stars()}). The seed is
     * mixed (SplitMix64) before it seeds java.util.Random: unmixed, consecutive small seeds give strongly correlated
     * first draws (over seeds 0..999 the first Gaussian, the dominant lowest star, has mean 0.88 and variance 0.46),
     * which would make "seeds S, S+1, ..." a different distribution from the one the paper samples.
     */
    public double[] drawAmplitudes(long seed) {
        List<C6Stars.Star> stars = stars();
        Random random = new Random(mixSeed(seed));
        double[] amplitudes = new double[stars.size()];
        for (int s = 0; s < amplitudes.length; s++) {
            double sigma = Math.sqrt(amplitude / Math.pow(stars.get(s).length(), alpha));
            amplitudes[s] = sigma * random.nextGaussian();
        }
        return amplitudes;
    }

    /** The SplitMix64 finalizer of seed + golden gamma: distinct seeds give independent-looking generator states. */
    public static long mixSeed(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The smooth field φ on the L x L grid for the given star amplitudes (exactly C6-symmetric). */
    public double[] field(int size, double[] amplitudes) {
        List<C6Stars.Star> stars = stars();
        if (amplitudes.length != stars.size()) {
            throw new IllegalArgumentException("need " + stars.size() + " star amplitudes, got " + amplitudes.length);
        }
        // cos(2π t / L) for every t = n1 i + n2 j that occurs (|n| <= cutoff, 0 <= i, j < L): no modulo per term
        int reach = 2 * cutoff * size;
        double[] cos = new double[2 * reach + 1];
        for (int t = -reach; t <= reach; t++) {
            cos[t + reach] = Math.cos(2 * Math.PI * Math.floorMod(t, size) / size);
        }
        // the star members, flattened; starEnd[s] is one past the last member of star s
        int members = 0;
        for (C6Stars.Star st : stars) {
            members += st.members().length;
        }
        int[] g0 = new int[members];
        int[] g1 = new int[members];
        int[] starEnd = new int[stars.size()];
        int m = 0;
        for (int s = 0; s < stars.size(); s++) {
            for (int[] g : stars.get(s).members()) {
                if (Math.max(Math.abs(g[0]), Math.abs(g[1])) > cutoff) {
                    throw new IllegalStateException("star member beyond the cutoff: " + g[0] + ", " + g[1]);
                }
                g0[m] = g[0];
                g1[m] = g[1];
                m++;
            }
            starEnd[s] = m;
        }
        double[] phi = new double[size * size];
        for (int[] orbit : C6GridSymmetry.orbits(size)) {
            int i = orbit[0] / size;
            int j = orbit[0] % size;
            double value = 0;
            // star by star, in the same order as before (bit-identical potentials for a seed)
            for (int s = 0, q = 0; s < starEnd.length; s++) {
                double sum = 0;
                for (; q < starEnd[s]; q++) {
                    sum += cos[g0[q] * i + g1[q] * j + reach];
                }
                value += amplitudes[s] * sum;
            }
            for (int flat : orbit) {
                phi[flat] = value;
            }
        }
        return phi;
    }

    /** The sharp-step potential (the training distribution): V = vmax where φ > 0, else 0. */
    public PotentialGrid stepPotential(int size, long seed, double vmax) {
        return stepOf(size, field(size, drawAmplitudes(seed)), vmax);
    }

    /** V = vmax where the field φ (row-major on the size x size grid) is positive, else 0; any group's field. */
    public static PotentialGrid stepOf(int size, double[] phi, double vmax) {
        boolean[] mask = new boolean[phi.length];
        for (int n = 0; n < phi.length; n++) {
            mask[n] = phi[n] > 0;
        }
        return PotentialGrid.fromMask(size, mask, vmax);
    }

    /** The sigmoid version V = vmax σ(βφ) used in inverse design. */
    public PotentialGrid sigmoidPotential(int size, long seed, double beta, double vmax) {
        return sigmoidOf(size, field(size, drawAmplitudes(seed)), beta, vmax);
    }

    /** V = vmax σ(βφ) of a field φ (row-major on the size x size grid); any group's field. */
    public static PotentialGrid sigmoidOf(int size, double[] phi, double beta, double vmax) {
        if (!(beta > 0)) {
            throw new IllegalArgumentException("sigmoid sharpness beta must be positive, got " + beta);
        }
        double[] f = new double[phi.length];
        for (int n = 0; n < phi.length; n++) {
            f[n] = 1.0 / (1.0 + Math.exp(-beta * phi[n]));
        }
        return PotentialGrid.fromFractions(size, f, vmax);
    }
}
