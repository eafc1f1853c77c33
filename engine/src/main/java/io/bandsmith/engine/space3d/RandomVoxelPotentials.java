package io.bandsmith.engine.space3d;

import java.util.SplittableRandom;

/**
 * Random potentials of the p4222-3d case (conventions.md): a real Gaussian field φ = Σ A(G) e^{iG·x} over
 * G = 2π (n1, n2, n3/c) ≠ 0 with |n_d| <= 3, A(-G) = A(G)*, E|A(G)|^2 = C/|G|^α (C = 2), evaluated on the (L, L, L)
 * grid, averaged over the eight operations of No. 93 on the grid, and V = Vmax where φ > 0 (a sharp step) or
 * V = Vmax σ(β φ) (a sigmoid).
 */
public final class RandomVoxelPotentials {
    public static final int NMAX = 3;
    public static final double C = 2.0;

    private RandomVoxelPotentials() {
    }

    /** The symmetrized field φ on the grid for this seed. */
    public static double[] field(double alpha, int size, long seed, double c) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] phi = new double[size * size * size];
        double[] cx = new double[size];
        double[] sx = new double[size];
        for (int n1 = -NMAX; n1 <= NMAX; n1++) {
            for (int n2 = -NMAX; n2 <= NMAX; n2++) {
                for (int n3 = -NMAX; n3 <= NMAX; n3++) {
                    // one of each pair ±G: the first nonzero index positive
                    boolean positive = n1 > 0 || (n1 == 0 && (n2 > 0 || (n2 == 0 && n3 > 0)));
                    if (!positive) {
                        continue;
                    }
                    double gx = 2 * Math.PI * n1;
                    double gy = 2 * Math.PI * n2;
                    double gz = 2 * Math.PI * n3 / c;
                    double g = Math.sqrt(gx * gx + gy * gy + gz * gz);
                    double sigma = Math.sqrt(C / Math.pow(g, alpha) / 2);
                    double ar = sigma * gaussian(random);
                    double ai = sigma * gaussian(random);
                    // A e^{iGx} + A* e^{-iGx} = 2 (ar cos - ai sin)
                    for (int i = 0; i < size; i++) {
                        for (int j = 0; j < size; j++) {
                            double base = 2 * Math.PI * ((double) n1 * i + (double) n2 * j) / size;
                            for (int l = 0; l < size; l++) {
                                double arg = base + 2 * Math.PI * (double) n3 * l / size;
                                phi[(i * size + j) * size + l] += 2 * (ar * Math.cos(arg) - ai * Math.sin(arg));
                            }
                        }
                    }
                }
            }
        }
        return SpaceGroup93.symmetrize(phi, size);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller from SplittableRandom (stable across JDKs, unlike Random.nextGaussian's algorithm choices)
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** V = Vmax where φ > 0, else 0. */
    public static VoxelGrid step(double alpha, int size, long seed, double c, double vmax) {
        double[] phi = field(alpha, size, seed, c);
        double[] v = new double[phi.length];
        for (int n = 0; n < v.length; n++) {
            v[n] = phi[n] > 0 ? vmax : 0;
        }
        return VoxelGrid.of(size, v, vmax);
    }

    /** V = Vmax σ(β φ). */
    public static VoxelGrid sigmoid(double alpha, int size, long seed, double c, double beta, double vmax) {
        double[] phi = field(alpha, size, seed, c);
        double[] v = new double[phi.length];
        for (int n = 0; n < v.length; n++) {
            v[n] = vmax / (1 + Math.exp(-beta * phi[n]));
        }
        return VoxelGrid.of(size, v, vmax);
    }
}
