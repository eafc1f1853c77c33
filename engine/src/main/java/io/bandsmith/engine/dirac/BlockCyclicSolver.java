package io.bandsmith.engine.dirac;

import io.bandsmith.engine.linalg.Lapack;

/**
 * Direct solver for (H(k) − σ) x = r, σ = σr + iη, exploiting that H(k) of eq. (K1) is block tridiagonal over the
 * columns jx of the cell (blocks of 2N dofs) with one pair of corner blocks from the bonds that cross the cell in x.
 * Block LU without pivoting between blocks (partial pivoting inside each block, LAPACK zgetrf): the corner couplings
 * are carried as a fill-in column and row to the last block (an "arrowhead"). With η ≠ 0 the matrix i(H − σ) has the
 * positive definite Hermitian part η·1, so every Schur complement is invertible with ‖S⁻¹‖ ≤ 1/|η|: the elimination
 * order needs no pivoting for stability (docs/decisions/0012-p4-dirac-exact-solver.md).
 *
 * <p>Cost for N = 70: ~5·10⁹ flops to factor (zgetrf/zgetrs/zgemm on 140 x 140 blocks), ~4·10⁷ per right-hand side.
 */
public final class BlockCyclicSolver {
    private final int n;   // blocks (= N)
    private final int b;   // block size 2N
    private final double[] tx;
    private final double[][] lu;
    private final int[][] piv;
    private final double[][] xs;
    private final double[][] ys;
    private final double[][] gs;
    private final double[] slast;
    private final int[] pivLast;

    public BlockCyclicSolver(DiracHamiltonian h, double kx, double ky, double shiftRe, double shiftIm) {
        this.n = h.size();
        if (n < 3) {
            throw new IllegalArgumentException("the block solver needs N >= 3");
        }
        this.b = 2 * n;
        this.tx = h.tx();
        double[] txd = DiracHamiltonian.dagger(tx);
        lu = new double[n - 1][];
        piv = new int[n - 1][];
        xs = new double[n - 2][];
        ys = new double[n - 1][];
        gs = new double[n - 1][];
        double[] upper = blockDiagonal(txd);                                                // A_{i,i+1}
        double[] f = blockDiagonal(DiracHamiltonian.scaled(tx, Math.cos(kx), -Math.sin(kx)));  // A_{0,L-1}
        double[] g = blockDiagonal(DiracHamiltonian.scaled(txd, Math.cos(kx), Math.sin(kx)));  // A_{L-1,0}
        double[] s = diagonalBlock(h, 0, ky, shiftRe, shiftIm);
        double[] last = diagonalBlock(h, n - 1, ky, shiftRe, shiftIm);
        for (int i = 0; i <= n - 2; i++) {
            if (i == n - 2) {
                addInPlace(f, upper);                     // A_{L-2,L-1}
                addInPlace(g, blockDiagonal(tx));         // A_{L-1,L-2}
            }
            piv[i] = Lapack.luFactorComplex(s, b);
            lu[i] = s;
            double[] y = f.clone();
            Lapack.luSolveComplex(s, piv[i], b, y, b);
            ys[i] = y;
            gs[i] = g;
            Lapack.zgemm('N', 'N', b, b, b, -1.0, g, y, 1.0, last);
            if (i <= n - 3) {
                double[] x = upper.clone();
                Lapack.luSolveComplex(s, piv[i], b, x, b);
                xs[i] = x;
                double[] next = diagonalBlock(h, i + 1, ky, shiftRe, shiftIm);
                blockDiagTimes(tx, x, b, next, -1.0);      // S_{i+1} = D_{i+1} - A_{i+1,i} X_i
                double[] fNext = new double[2 * b * b];
                blockDiagTimes(tx, y, b, fNext, -1.0);     // F_{i+1} = -A_{i+1,i} Y_i
                double[] gNext = new double[2 * b * b];
                Lapack.zgemm('N', 'N', b, b, b, -1.0, g, x, 0.0, gNext);  // G_{i+1} = -G_i X_i
                s = next;
                f = fNext;
                g = gNext;
            }
        }
        pivLast = Lapack.luFactorComplex(last, b);
        slast = last;
    }

    /** Dimension 2N². */
    public int dimension() {
        return n * b;
    }

    /** Solves (H − σ) X = R for {@code cols} right-hand sides (column-major interleaved); returns X. */
    public double[] solve(double[] r, int cols) {
        int dim = n * b;
        double[][] z = new double[n - 1][];
        double[] w = extract(r, 0, cols);
        Lapack.luSolveComplex(lu[0], piv[0], b, w, cols);
        z[0] = w;
        double[] wl = extract(r, n - 1, cols);
        Lapack.zgemm('N', 'N', b, cols, b, -1.0, gs[0], z[0], 1.0, wl);
        for (int i = 1; i <= n - 2; i++) {
            w = extract(r, i, cols);
            blockDiagTimes(tx, z[i - 1], cols, w, -1.0);
            Lapack.luSolveComplex(lu[i], piv[i], b, w, cols);
            z[i] = w;
            Lapack.zgemm('N', 'N', b, cols, b, -1.0, gs[i], z[i], 1.0, wl);
        }
        Lapack.luSolveComplex(slast, pivLast, b, wl, cols);
        double[] out = new double[2 * dim * cols];
        insert(out, n - 1, wl, cols);
        double[] next = z[n - 2];
        Lapack.zgemm('N', 'N', b, cols, b, -1.0, ys[n - 2], wl, 1.0, next);
        insert(out, n - 2, next, cols);
        for (int i = n - 3; i >= 0; i--) {
            double[] x = z[i];
            Lapack.zgemm('N', 'N', b, cols, b, -1.0, xs[i], next, 1.0, x);
            Lapack.zgemm('N', 'N', b, cols, b, -1.0, ys[i], wl, 1.0, x);
            insert(out, i, x, cols);
            next = x;
        }
        return out;
    }

    private double[] extract(double[] r, int block, int cols) {
        int dim = n * b;
        double[] out = new double[2 * b * cols];
        for (int c = 0; c < cols; c++) {
            System.arraycopy(r, 2 * (c * dim + block * b), out, 2 * c * b, 2 * b);
        }
        return out;
    }

    private void insert(double[] out, int block, double[] x, int cols) {
        int dim = n * b;
        for (int c = 0; c < cols; c++) {
            System.arraycopy(x, 2 * c * b, out, 2 * (c * dim + block * b), 2 * b);
        }
    }

    /** The column block jx of H(k) − σ, dense b x b. */
    private double[] diagonalBlock(DiracHamiltonian h, int jx, double ky, double shiftRe, double shiftIm) {
        double[] d = new double[2 * b * b];
        double[] ty = h.ty();
        double[] tyd = DiracHamiltonian.dagger(ty);
        double[] tyIn = DiracHamiltonian.scaled(ty, Math.cos(ky), -Math.sin(ky));
        double[] tydIn = DiracHamiltonian.scaled(tyd, Math.cos(ky), Math.sin(ky));
        for (int jy = 0; jy < n; jy++) {
            double e = h.onsite(jx * n + jy);
            set(d, 2 * jy, 2 * jy, e - shiftRe, -shiftIm);
            set(d, 2 * jy + 1, 2 * jy + 1, -e - shiftRe, -shiftIm);
            int down = jy == 0 ? n - 1 : jy - 1;
            int up = jy == n - 1 ? 0 : jy + 1;
            addBlockAt(d, jy, down, jy == 0 ? tyIn : ty);
            addBlockAt(d, jy, up, jy == n - 1 ? tydIn : tyd);
        }
        return d;
    }

    private void set(double[] m, int row, int col, double re, double im) {
        m[2 * (col * b + row)] += re;
        m[2 * (col * b + row) + 1] += im;
    }

    private void addBlockAt(double[] m, int rowSite, int colSite, double[] t) {
        for (int a = 0; a < 2; a++) {
            for (int c = 0; c < 2; c++) {
                set(m, 2 * rowSite + a, 2 * colSite + c, t[4 * a + 2 * c], t[4 * a + 2 * c + 1]);
            }
        }
    }

    private double[] blockDiagonal(double[] t) {
        double[] m = new double[2 * b * b];
        for (int jy = 0; jy < n; jy++) {
            addBlockAt(m, jy, jy, t);
        }
        return m;
    }

    private static void addInPlace(double[] a, double[] x) {
        for (int i = 0; i < a.length; i++) {
            a[i] += x[i];
        }
    }

    /** out += alpha · blockdiag(t) · m, m and out b x cols. */
    private void blockDiagTimes(double[] t, double[] m, int cols, double[] out, double alpha) {
        for (int c = 0; c < cols; c++) {
            int off = 2 * c * b;
            for (int jy = 0; jy < n; jy++) {
                int p = off + 4 * jy;
                double x0r = m[p];
                double x0i = m[p + 1];
                double x1r = m[p + 2];
                double x1i = m[p + 3];
                out[p] += alpha * (t[0] * x0r - t[1] * x0i + t[2] * x1r - t[3] * x1i);
                out[p + 1] += alpha * (t[0] * x0i + t[1] * x0r + t[2] * x1i + t[3] * x1r);
                out[p + 2] += alpha * (t[4] * x0r - t[5] * x0i + t[6] * x1r - t[7] * x1i);
                out[p + 3] += alpha * (t[4] * x0i + t[5] * x0r + t[6] * x1i + t[7] * x1r);
            }
        }
    }
}
