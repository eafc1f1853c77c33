package io.bandsmith.engine.geometry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.bandsmith.engine.lattice.HexagonalLattice;

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

    /** A C6 star: the orbit of a reciprocal vector, as integer coordinates (n1, n2). */
    public record Star(int[][] members, double length) {
    }

    /** The C6 stars inside the cutoff, in order of increasing |G| (ties broken by the canonical member). */
    public List<Star> stars() {
        List<Star> stars = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int n1 = -cutoff; n1 <= cutoff; n1++) {
            for (int n2 = -cutoff; n2 <= cutoff; n2++) {
                if ((n1 == 0 && n2 == 0) || Math.abs(n1 - n2) > cutoff || seen.contains(key(n1, n2))) {
                    continue;
                }
                List<int[]> members = new ArrayList<>();
                int a = n1;
                int b = n2;
                for (int k = 0; k < 6; k++) {
                    if (seen.add(key(a, b))) {
                        members.add(new int[] {a, b});
                    }
                    int[] r = HexagonalLattice.rotateReciprocal(a, b);
                    a = r[0];
                    b = r[1];
                }
                double len = HexagonalLattice.INSTANCE.reciprocalVector(n1, n2).norm();
                stars.add(new Star(members.toArray(new int[0][]), len));
            }
        }
        stars.sort(Comparator.comparingDouble(Star::length));
        return stars;
    }

    private static long key(int a, int b) {
        return ((long) a << 32) ^ (b & 0xffffffffL);
    }

    /** Draws the star amplitudes A for a seed (one Gaussian per star, in the order of {@link #stars()}). */
    public double[] drawAmplitudes(long seed) {
        List<Star> stars = stars();
        Random random = new Random(seed);
        double[] amplitudes = new double[stars.size()];
        for (int s = 0; s < amplitudes.length; s++) {
            double sigma = Math.sqrt(amplitude / Math.pow(stars.get(s).length(), alpha));
            amplitudes[s] = sigma * random.nextGaussian();
        }
        return amplitudes;
    }

    /** The smooth field φ on the L x L grid for the given star amplitudes (exactly C6-symmetric). */
    public double[] field(int size, double[] amplitudes) {
        List<Star> stars = stars();
        if (amplitudes.length != stars.size()) {
            throw new IllegalArgumentException("need " + stars.size() + " star amplitudes, got " + amplitudes.length);
        }
        double[] cos = new double[size];
        for (int n = 0; n < size; n++) {
            cos[n] = Math.cos(2 * Math.PI * n / size);
        }
        double[] phi = new double[size * size];
        for (int[] orbit : C6GridSymmetry.orbits(size)) {
            int i = orbit[0] / size;
            int j = orbit[0] % size;
            double value = 0;
            for (int s = 0; s < amplitudes.length; s++) {
                double sum = 0;
                for (int[] g : stars.get(s).members()) {
                    sum += cos[Math.floorMod(g[0] * i + g[1] * j, size)];
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
        double[] phi = field(size, drawAmplitudes(seed));
        boolean[] mask = new boolean[phi.length];
        for (int n = 0; n < phi.length; n++) {
            mask[n] = phi[n] > 0;
        }
        return PotentialGrid.fromMask(size, mask, vmax);
    }

    /** The sigmoid version V = vmax σ(βφ) used in inverse design. */
    public PotentialGrid sigmoidPotential(int size, long seed, double beta, double vmax) {
        if (!(beta > 0)) {
            throw new IllegalArgumentException("sigmoid sharpness beta must be positive, got " + beta);
        }
        double[] phi = field(size, drawAmplitudes(seed));
        double[] f = new double[phi.length];
        for (int n = 0; n < phi.length; n++) {
            f[n] = 1.0 / (1.0 + Math.exp(-beta * phi[n]));
        }
        return PotentialGrid.fromFractions(size, f, vmax);
    }
}
