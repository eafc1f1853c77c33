import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import io.bandsmith.engine.linalg.Lapack;
import io.bandsmith.engine.tightbinding.P4DiracBandSource;
import io.bandsmith.engine.tightbinding.P4DiracTightBindingModel;
import io.bandsmith.engine.tightbinding.TightBindingModel;

/**
 * The tight-binding side of "network prediction with Chern numbers" for p4-dirac (issue 13 target: ≤ 0.1 s per
 * pattern, docs/BENCHMARKS.md): for one parameter vector of the 612-parameter class-D model (34 orbitals), the
 * eigenvectors of the 4 lowest positive bands on the 62 x 62 Fukui grid, (a) diagonalizing all 3844 points and
 * (b) diagonalizing one point per C4 orbit and rotating the others (P4DiracBandSource.positiveBandsOnGrid), then the
 * Fukui link products for the 4 bands' Chern numbers; plus the central window at the 81 quarter(9) points and the
 * labelled levels at Γ, X, M. The network's forward pass is not included (no p4-dirac network yet).
 * Run with {@code benchmarks/run-java.sh P4DiracTightBindingGridBenchmark}.
 */
public final class P4DiracTightBindingGridBenchmark {
    public static void main(String[] args) {
        long tb = System.nanoTime();
        TightBindingModel model = P4DiracTightBindingModel.model();
        System.out.printf(Locale.ROOT, "model build (612 parameters, once per process): %.0f ms%n",
                (System.nanoTime() - tb) / 1e6);
        P4DiracBandSource src = new P4DiracBandSource(model);
        double[] f = parameters(model.parameterCount(), 5);
        int n = 62;
        int dim = model.dimension();
        int reps = 9;
        double[] full = new double[reps];
        double[] reduced = new double[reps];
        double[] chern = new double[reps];
        double[] window = new double[reps];
        double[] c = null;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            double[][] all = new double[n * n][];
            IntStream.range(0, n * n).parallel().forEach(idx -> {
                double[] k = {2 * Math.PI * (idx / n) / n, 2 * Math.PI * (idx % n) / n};
                var e = Lapack.lowestEigenpairsHermitian(model.hamiltonian(f, k), dim, dim, true);
                all[idx] = Arrays.copyOfRange(e.vectors(), dim * dim, 2 * (dim / 2 + 4) * dim);
            });
            long t1 = System.nanoTime();
            double[][][] grid = src.positiveBandsOnGrid(f, n, 4);
            long t2 = System.nanoTime();
            c = new double[4];
            for (int b = 0; b < 4; b++) {
                c[b] = chern(grid[1], n, dim, b);
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < 9; i++) {
                for (int j = 0; j < 9; j++) {
                    src.centralWindow(f, Math.PI * i / 8, Math.PI * j / 8, true);
                }
            }
            for (String p : new String[] {"G", "X", "M"}) {
                src.levels(f, p);
            }
            long t4 = System.nanoTime();
            full[r] = (t1 - t0) / 1e6;
            reduced[r] = (t2 - t1) / 1e6;
            chern[r] = (t3 - t2) / 1e6;
            window[r] = (t4 - t3) / 1e6;
        }
        System.out.printf(Locale.ROOT, "62x62 eigenvectors, all 3844 points: median %.0f ms (%.0f-%.0f)%n",
                median(full), min(full), max(full));
        System.out.printf(Locale.ROOT, "62x62 eigenvectors, one point per C4 orbit + rotation: median %.0f ms (%.0f-%.0f)%n",
                median(reduced), min(reduced), max(reduced));
        System.out.printf(Locale.ROOT, "Fukui Chern numbers of 4 bands: median %.1f ms; C = %s%n", median(chern),
                Arrays.toString(Arrays.stream(c).map(Math::rint).toArray()));
        System.out.printf(Locale.ROOT, "central window at 81 quarter(9) points (+ vectors) + labels at G, X, M: "
                + "median %.1f ms%n", median(window));
        double[] one = new double[2000];
        double[] h = model.hamiltonian(f, new double[] {0.3, 0.7});
        for (int r = 0; r < one.length; r++) {
            long t0 = System.nanoTime();
            Lapack.lowestEigenpairsHermitian(h, dim, dim, true);
            one[r] = (System.nanoTime() - t0) / 1e3;
        }
        System.out.printf(Locale.ROOT, "one 34x34 zheevr with vectors (single thread): median %.0f us%n", median(one));
        System.out.printf(Locale.ROOT, "per pattern (reduced grid + Chern + window): %.0f ms%n",
                median(reduced) + median(chern) + median(window));
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static double min(double[] x) {
        return Arrays.stream(x).min().orElse(0);
    }

    static double max(double[] x) {
        return Arrays.stream(x).max().orElse(0);
    }

    /** On-site energies uniform in [-3, 3], hoppings N(0, 0.3²): a stand-in for a network's output. */
    static double[] parameters(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] f = new double[count];
        for (int l = 0; l < count; l++) {
            f[l] = l < 17 ? 6 * r.nextDouble() - 3 : 0.3 * (r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5);
        }
        return f;
    }

    /** Fukui-Hatsugai-Suzuki (conventions.md, p4-dirac): (1/2π) Σ arg(U1 U2 U3 U4), counterclockwise links. */
    static double chern(double[][] v, int n, int dim, int band) {
        double total = 0;
        int o = 2 * band * dim;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[][] c = {v[i * n + j], v[((i + 1) % n) * n + j], v[((i + 1) % n) * n + (j + 1) % n],
                        v[i * n + (j + 1) % n]};
                double pr = 1;
                double pi = 0;
                for (int s = 0; s < 4; s++) {
                    double[] a = c[s];
                    double[] b = c[(s + 1) % 4];
                    double re = 0;
                    double im = 0;
                    for (int x = 0; x < dim; x++) {
                        double ar = a[o + 2 * x];
                        double ai = a[o + 2 * x + 1];
                        double br = b[o + 2 * x];
                        double bi = b[o + 2 * x + 1];
                        re += ar * br + ai * bi;
                        im += ar * bi - ai * br;
                    }
                    double t = pr * re - pi * im;
                    pi = pr * im + pi * re;
                    pr = t;
                }
                total += Math.atan2(pi, pr);
            }
        }
        return total / (2 * Math.PI);
    }
}
