package io.bandsmith.engine.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;

/**
 * The paper's random potentials for any wallpaper group: φ(x) = Σ_G A(G) cos(G·x) over G = n1 b1 + n2 b2 ≠ 0 with
 * |n1|, |n2| ≤ cutoff, A constant on each star of the group's point group (acting on reciprocal vectors by W⁻ᵀ) and
 * Gaussian with variance C/|G|^α; V = Vmax where φ > 0 (conventions.md, case p4: 42 C4 stars for cutoff 6). φ is
 * evaluated once per grid orbit, so the potential is exactly symmetric. Seeds are mixed as for p6.
 *
 * @param group the group (its lattice gives |G|)
 * @param alpha spectral exponent (1 training, 1/2 exploration)
 * @param amplitude C (2)
 * @param cutoff largest |n1|, |n2| (6)
 */
public record GroupRandomPotentials(WallpaperGroup group, double alpha, double amplitude, int cutoff) {
    /** One star: its |G| (1/a) and integer members (n1, n2). */
    public record Star(double length, List<int[]> members) {
    }

    public GroupRandomPotentials {
        if (!Double.isFinite(alpha) || !(amplitude > 0) || cutoff < 1 || cutoff > 40) {
            throw new IllegalArgumentException("need finite alpha, C > 0 and a star cutoff in 1..40");
        }
    }

    public static GroupRandomPotentials of(WallpaperGroup group, double alpha) {
        return new GroupRandomPotentials(group, alpha, RandomPotentialGenerator.DEFAULT_AMPLITUDE,
                RandomPotentialGenerator.DEFAULT_CUTOFF);
    }

    /** The stars with |n1|, |n2| ≤ cutoff (whole stars only), by increasing |G|, then by their first member. */
    public List<Star> stars() {
        List<Star> out = new ArrayList<>();
        boolean[][] seen = new boolean[2 * cutoff + 1][2 * cutoff + 1];
        double[] b1 = group.reciprocalBasis(0);
        double[] b2 = group.reciprocalBasis(1);
        for (int a = -cutoff; a <= cutoff; a++) {
            for (int b = -cutoff; b <= cutoff; b++) {
                if ((a == 0 && b == 0) || seen[a + cutoff][b + cutoff]) {
                    continue;
                }
                List<int[]> members = new ArrayList<>();
                boolean inside = true;
                for (SymOp g : group.operations()) {
                    double[] img = g.applyToReciprocal(new double[] {a, b});
                    int[] n = {(int) Math.rint(img[0]), (int) Math.rint(img[1])};
                    if (members.stream().noneMatch(m -> m[0] == n[0] && m[1] == n[1])) {
                        members.add(n);
                    }
                    inside &= Math.abs(n[0]) <= cutoff && Math.abs(n[1]) <= cutoff;
                }
                for (int[] m : members) {
                    if (Math.abs(m[0]) <= cutoff && Math.abs(m[1]) <= cutoff) {
                        seen[m[0] + cutoff][m[1] + cutoff] = true;
                    }
                }
                if (inside) {
                    double gx = a * b1[0] + b * b2[0];
                    double gy = a * b1[1] + b * b2[1];
                    out.add(new Star(Math.hypot(gx, gy), List.copyOf(members)));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Star::length)
                .thenComparingInt((Star s) -> s.members().get(0)[0]).thenComparingInt(s -> s.members().get(0)[1]));
        return out;
    }

    /** One Gaussian amplitude per star, in the order of {@link #stars()}. */
    public double[] drawAmplitudes(long seed) {
        List<Star> stars = stars();
        Random random = new Random(RandomPotentialGenerator.mixSeed(seed));
        double[] a = new double[stars.size()];
        for (int s = 0; s < a.length; s++) {
            a[s] = Math.sqrt(amplitude / Math.pow(stars.get(s).length(), alpha)) * random.nextGaussian();
        }
        return a;
    }

    /** φ on the L × L grid, one value per orbit of the group on the grid. */
    public double[] field(int size, double[] amplitudes) {
        List<Star> stars = stars();
        double[] cos = new double[size];
        for (int n = 0; n < size; n++) {
            cos[n] = Math.cos(2 * Math.PI * n / size);
        }
        double[] phi = new double[size * size];
        for (int[] orbit : GroupGrid.orbits(group, size)) {
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
            for (int f : orbit) {
                phi[f] = value;
            }
        }
        return phi;
    }

    /** The step potential V = vmax where φ > 0. */
    public PotentialGrid stepPotential(int size, long seed, double vmax) {
        return RandomPotentialGenerator.stepOf(size, field(size, drawAmplitudes(seed)), vmax);
    }

    /** The sigmoid version V = vmax σ(βφ). */
    public PotentialGrid sigmoidPotential(int size, long seed, double beta, double vmax) {
        return RandomPotentialGenerator.sigmoidOf(size, field(size, drawAmplitudes(seed)), beta, vmax);
    }
}
