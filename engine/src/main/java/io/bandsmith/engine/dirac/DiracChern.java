package io.bandsmith.engine.dirac;

import io.bandsmith.engine.topology.FukuiChern;

/**
 * Band Chern numbers of the 4 lowest positive bands of p4-dirac on the n x n grid k = 2π(i, j)/n (n = 62,
 * docs/conventions.md) with the exact solver. The states are computed on the quarter zone only ((n/2 + 1)² points);
 * the plaquettes of the other three quadrants are those of the quarter rotated by C4: their corners are the states
 * Ĉ^r ψ(q), whose links differ from the quarter's only by Bloch phases on the sites of the lines jx = 0 and jy = 0
 * (the rotation folds the other sites across the cell). Each plaquette product is formed in one quadrant's gauge,
 * which the gauge invariance of the Fukui product allows; the sum is the Chern number of {@link FukuiChern}.
 */
public final class DiracChern {
    /** Bands closer than this to a neighbour anywhere on the grid have no Chern number (m). */
    public static final double GAP = 0.01;
    public static final int GRID = 62;

    /** The Chern numbers (null where not isolated), the minimal gaps and the flux maps [band][i * n + j]. */
    public record Result(Integer[] chern, double[] minGap, double[][] fluxes, double seconds) {
    }

    private DiracChern() {
    }

    public static Result compute(DiracBandSolver solver) {
        return compute(solver, GRID);
    }

    public static Result compute(DiracBandSolver solver, int n) {
        if (n % 2 != 0 || n < 4) {
            throw new IllegalArgumentException("the Chern grid needs an even n >= 4, got " + n);
        }
        long start = System.nanoTime();
        int half = n / 2;
        int q = half + 1;
        int rp = solver.reducedDimension();
        int bands = 4;
        double[][][] y = new double[q * q][][];      // [point][band] coefficients
        double[][][][] py = new double[q * q][][][]; // [point][band][projector]
        double[][] energies = new double[q * q][];
        double[][] kq = new double[q * q][];
        java.util.stream.IntStream.range(0, q * q).parallel().forEach(idx -> {
            int i = idx / q;
            int j = idx % q;
            double kx = 2 * Math.PI * i / n;
            double ky = 2 * Math.PI * j / n;
            DiracBandSolver.Solution s = solver.solve(kx, ky);
            double[] e = new double[DiracBandSolver.BANDS + 2];
            e[0] = s.nextEnergies()[0];
            System.arraycopy(s.energies(), 0, e, 1, DiracBandSolver.BANDS);
            e[DiracBandSolver.BANDS + 1] = s.nextEnergies()[1];
            energies[idx] = e;
            kq[idx] = new double[] {kx, ky};
            y[idx] = new double[bands][];
            py[idx] = new double[bands][3][];
            for (int b = 0; b < bands; b++) {
                double[] c = ComplexBlocks.columns(s.coefficients(), rp, DiracBandSolver.BANDS / 2 + b, 1);
                y[idx][b] = c;
                for (int w = 0; w < 3; w++) {
                    py[idx][b][w] = ComplexBlocks.times(solver.projector(w), rp, rp, c, 1);
                }
            }
        });
        Integer[] chern = new Integer[bands];
        double[] minGap = new double[bands];
        double[][] flux = new double[bands][n * n];
        for (int b = 0; b < bands; b++) {
            int band = 1 + DiracBandSolver.BANDS / 2 + b; // index in e[] (e[0] is the level below the window)
            double gap = Double.POSITIVE_INFINITY;
            for (double[] e : energies) {
                gap = Math.min(gap, Math.min(e[band] - e[band - 1], e[band + 1] - e[band]));
            }
            minGap[b] = gap;
            for (int r = 0; r < 4; r++) {
                for (int i = 0; i < half; i++) {
                    for (int j = 0; j < half; j++) {
                        int a = i * q + j;
                        int bb = (i + 1) * q + j;
                        int c = (i + 1) * q + j + 1;
                        int d = i * q + j + 1;
                        double[] p = FukuiChern.multiply(
                                FukuiChern.multiply(link(r, b, a, bb, y, py, kq), link(r, b, bb, c, y, py, kq)),
                                FukuiChern.multiply(link(r, b, c, d, y, py, kq), link(r, b, d, a, y, py, kq)));
                        int[] g = rotateIndex(i, j, r, n);
                        flux[b][g[0] * n + g[1]] = Math.atan2(p[1], p[0]);
                    }
                }
            }
            chern[b] = gap < GAP ? null : FukuiChern.chern(flux[b]);
        }
        return new Result(chern, minGap, flux, (System.nanoTime() - start) / 1e9);
    }

    /** The plaquette (i, j) of the quarter rotated r times: its lower-left corner in the rotated frame. */
    private static int[] rotateIndex(int i, int j, int r, int n) {
        // plaquette spanning [i, i+1] x [j, j+1]; R(x, y) = (-y, x) maps it to [-j-1, -j] x [i, i+1]
        int a = i;
        int b = j;
        for (int s = 0; s < r; s++) {
            int na = Math.floorMod(-b - 1, n);
            b = a;
            a = na;
        }
        return new int[] {a, b};
    }

    /** ⟨Ĉ^r ψ(q1)|Ĉ^r ψ(q2)⟩ for band b. */
    private static double[] link(int r, int b, int p1, int p2, double[][][] y, double[][][][] py, double[][] k) {
        double[] base = dot(y[p1][b], y[p2][b]);
        if (r == 0) {
            return base;
        }
        double dx = k[p1][0] - k[p2][0];
        double dy = k[p1][1] - k[p2][1];
        double[] ex = {Math.cos(dx), Math.sin(dx)};
        double[] ey = {Math.cos(dy), Math.sin(dy)};
        if (r == 1) {
            double[] py0 = dot(y[p1][b], py[p2][b][1]);
            return add(FukuiChern.multiply(ey, base), FukuiChern.multiply(new double[] {1 - ey[0], -ey[1]}, py0));
        }
        if (r == 3) {
            double[] px0 = dot(y[p1][b], py[p2][b][0]);
            return add(FukuiChern.multiply(ex, base), FukuiChern.multiply(new double[] {1 - ex[0], -ex[1]}, px0));
        }
        double[] exy = FukuiChern.multiply(ex, ey);
        double[] px0 = dot(y[p1][b], py[p2][b][0]);
        double[] py0 = dot(y[p1][b], py[p2][b][1]);
        double[] p00 = dot(y[p1][b], py[p2][b][2]);
        double[] out = FukuiChern.multiply(exy, base);
        out = add(out, FukuiChern.multiply(new double[] {ey[0] - exy[0], ey[1] - exy[1]}, px0));
        out = add(out, FukuiChern.multiply(new double[] {ex[0] - exy[0], ex[1] - exy[1]}, py0));
        out = add(out, FukuiChern.multiply(new double[] {1 - ex[0] - ey[0] + exy[0], -ex[1] - ey[1] + exy[1]}, p00));
        return out;
    }

    private static double[] dot(double[] a, double[] b) {
        return FukuiChern.inner(a, b);
    }

    private static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1]};
    }
}
