package io.bandsmith.engine.dirac;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.bandsmith.engine.linalg.HermitianEigenpairs;
import io.bandsmith.engine.linalg.Lapack;

/**
 * The states of H(k) nearest zero at one k point, exactly (to a residual ‖Hψ − Eψ‖ below {@link #TOLERANCE} m):
 * block Krylov spaces of the shifted inverse (H − iη)⁻¹ ({@link BlockCyclicSolver}) with thick restarts (the Ritz
 * vectors are kept; only the unconverged ones and a few guard vectors are expanded), the Ritz step taken on the
 * folded operator H² (its lowest Ritz values are extremal, so no spurious interior levels), then on H in that
 * subspace.
 */
public final class AnchorEigensolver {
    /** Residual bound of the returned eigenpairs, units of m. */
    public static final double TOLERANCE = 1e-8;
    static final double ETA = 0.1;
    private static final int GUARDS = 8;
    private static final int DEPTH = 2;

    /** Eigenpairs nearest zero: energies ascending, vectors dim x count (column-major interleaved). */
    public record Result(double[] energies, double[] vectors, double maxResidual, int solves) {
    }

    private AnchorEigensolver() {
    }

    public static Result nearestZero(DiracHamiltonian h, double kx, double ky, int count, long seed) {
        return nearestZero(h, new BlockCyclicSolver(h, kx, ky, 0.0, ETA), kx, ky, count, seed);
    }

    static Result nearestZero(DiracHamiltonian h, BlockCyclicSolver solver, double kx, double ky, int count,
            long seed) {
        int dim = h.dimension();
        int p = Math.min(dim, count + GUARDS);
        Random random = new Random(seed);
        double[] x = new double[2 * dim * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        boolean[] active = new boolean[p];
        Arrays.fill(active, true);
        int solves = 0;
        double worst = Double.NaN;
        for (int iter = 0; iter < 60; iter++) {
            List<double[]> parts = new ArrayList<>();
            List<Integer> widths = new ArrayList<>();
            parts.add(x);
            widths.add(p);
            int na = 0;
            for (boolean a : active) {
                na += a ? 1 : 0;
            }
            double[] block = new double[2 * dim * na];
            for (int c = 0, j = 0; c < p; c++) {
                if (active[c]) {
                    System.arraycopy(x, 2 * dim * c, block, 2 * dim * j++, 2 * dim);
                }
            }
            for (int d = 0; d < DEPTH && na > 0; d++) {
                ComplexBlocks.orthonormalize(block, dim, na);
                block = solver.solve(block, na);
                solves += na;
                parts.add(block);
                widths.add(na);
            }
            int total = widths.stream().mapToInt(Integer::intValue).sum();
            double[] k = new double[2 * dim * total];
            int q = 0;
            for (int i = 0; i < parts.size(); i++) {
                int w = widths.get(i);
                System.arraycopy(parts.get(i), 0, k, 2 * dim * q, 2 * dim * w);
                if (q > 0) {
                    for (int pass = 0; pass < 2; pass++) {
                        double[] cur = ComplexBlocks.columns(k, dim, q, w);
                        double[] c = ComplexBlocks.adjointTimes(k, dim, q, cur, w);
                        Lapack.zgemm('N', 'N', dim, w, q, -1.0, k, c, 1.0, cur);
                        System.arraycopy(cur, 0, k, 2 * dim * q, 2 * dim * w);
                    }
                }
                double[] cur = ComplexBlocks.columns(k, dim, q, w);
                int kept = ComplexBlocks.orthonormalize(cur, dim, w);
                System.arraycopy(cur, 0, k, 2 * dim * q, 2 * dim * kept);
                q += kept;
            }
            k = ComplexBlocks.columns(k, dim, 0, q);
            double[] hk = new double[2 * dim * q];
            h.apply(kx, ky, k, hk, q);
            double[] g = ComplexBlocks.adjointTimes(hk, dim, q, hk, q);
            ComplexBlocks.hermitize(g, q);
            HermitianEigenpairs folded = ComplexBlocks.lowest(g, q, Math.min(q, p + 4));
            int t = Math.min(Math.min(q, p + 4), ComplexBlocks.cutAtGap(folded.values(), Math.min(q, p), 1e-7));
            double[] w = ComplexBlocks.columns(folded.vectors(), q, 0, t);
            double[] c = ComplexBlocks.adjointTimes(k, dim, q, hk, q);
            double[] hs = ComplexBlocks.congruence(w, q, t, c);
            ComplexBlocks.hermitize(hs, t);
            HermitianEigenpairs small = ComplexBlocks.eig(hs, t);
            double[] wz = ComplexBlocks.times(w, q, t, small.vectors(), t);
            double[] vec = ComplexBlocks.times(k, dim, q, wz, t);
            double[] hv = ComplexBlocks.times(hk, dim, q, wz, t);
            double[] e = small.values();
            Integer[] order = new Integer[t];
            for (int i = 0; i < t; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, bb) -> Double.compare(Math.abs(e[a]), Math.abs(e[bb])));
            double[] res = new double[t];
            for (int i = 0; i < t; i++) {
                double s = 0;
                for (int r = 0; r < dim; r++) {
                    double rr = hv[2 * (i * dim + r)] - e[i] * vec[2 * (i * dim + r)];
                    double ri = hv[2 * (i * dim + r) + 1] - e[i] * vec[2 * (i * dim + r) + 1];
                    s += rr * rr + ri * ri;
                }
                res[i] = Math.sqrt(s);
            }
            worst = 0;
            int conv = 0;
            for (int i = 0; i < Math.min(count, t); i++) {
                worst = Math.max(worst, res[order[i]]);
                conv += res[order[i]] < TOLERANCE ? 1 : 0;
            }
            if (Boolean.getBoolean("dirac.debug")) {
                System.err.printf("iter %d q %d solves %d converged %d/%d worst %.2e%n", iter, q, solves, conv, count,
                        worst);
            }
            if (worst < TOLERANCE && t >= count) {
                int[] pick = new int[count];
                for (int i = 0; i < count; i++) {
                    pick[i] = order[i];
                }
                Arrays.sort(pick);
                double[] energies = new double[count];
                double[] vectors = new double[2 * dim * count];
                for (int i = 0; i < count; i++) {
                    energies[i] = e[pick[i]];
                    System.arraycopy(vec, 2 * dim * pick[i], vectors, 2 * dim * i, 2 * dim);
                }
                return new Result(energies, vectors, worst, solves);
            }
            // thick restart: keep the Ritz vectors (nearest zero first); expand the unconverged and the guards
            p = Math.min(t, count + GUARDS + 8);
            x = new double[2 * dim * p];
            active = new boolean[p];
            for (int i = 0; i < p; i++) {
                System.arraycopy(vec, 2 * dim * order[i], x, 2 * dim * i, 2 * dim);
                active[i] = i >= count || res[order[i]] >= TOLERANCE;
            }
        }
        throw new ArithmeticException(String.format("the anchor eigensolver did not converge at k = (%.4f, %.4f): "
                + "residual %.3g m", kx, ky, worst));
    }
}
