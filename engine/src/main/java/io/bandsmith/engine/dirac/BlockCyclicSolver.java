package io.bandsmith.engine.dirac;

import io.bandsmith.engine.linalg.Lapack;

/**
 * Direct solver for (H(k) − σ) x = r, σ = σr + iη, exploiting that H(k) of eq. (K1) is block tridiagonal over the
 * columns jx of the cell (blocks of b = 2N dofs) with one pair of corner blocks from the bonds that cross the cell
 * in x. Block LU without pivoting between blocks (partial pivoting inside each block, LAPACK zgetrf); the corner
 * couplings are carried as a fill-in column and row to the last block (an "arrowhead"). With η ≠ 0 the matrix
 * i(H − σ) has the positive definite Hermitian part η·1, so every Schur complement is invertible with
 * ‖S⁻¹‖ ≤ 1/|η|: the elimination order needs no pivoting (docs/decisions/0012-p4-dirac-exact-solver.md).
 *
 * <p>Every x-bond is rank one, T_x = −(J/2)(σz − iσx) = u w†, u = −(J/2)(1, −i), w = (1, i), so the couplings
 * between columns are U W† with N columns each (U, W block-diagonal b x N); the off-diagonal factors and the fill
 * are kept in that low-rank form: X_i = X̃_i U†, Y_i = Ỹ_i R_i†, G_i = L_i Ĝ_i (R = W, L = W except next to the
 * last block, where the direct coupling adds U).
 */
public final class BlockCyclicSolver {
    private final int n;   // blocks (= N)
    private final int b;   // block size 2N
    private final double uRe0;
    private final double uIm0;
    private final double uRe1;
    private final double uIm1;
    private final double[][] lu;
    private final int[][] piv;
    private final double[][] xt;  // X̃_i = S_i^{-1} W, b x N, i <= n-3
    private final double[][] yt;  // Ỹ_i, b x N (b x 2N for i = n-2)
    private final double[][] gh;  // Ĝ_i, N x b (2N x b for i = n-2)
    private final double[] slast;
    private final int[] pivLast;

    public BlockCyclicSolver(DiracHamiltonian h, double kx, double ky, double shiftRe, double shiftIm) {
        this.n = h.size();
        if (n < 3) {
            throw new IllegalArgumentException("the block solver needs N >= 3");
        }
        this.b = 2 * n;
        double half = h.hopping() / 2;
        uRe0 = -half;
        uIm0 = 0;
        uRe1 = 0;
        uIm1 = half; // u = -(J/2)(1, -i)
        lu = new double[n - 1][];
        piv = new int[n - 1][];
        xt = new double[n - 2][];
        yt = new double[n - 1][];
        gh = new double[n - 1][];
        double[] wMat = factorMatrix(false);  // W, b x N
        double[] uMat = factorMatrix(true);   // U, b x N
        // F_0 = e^{-ikx} U W†  -> F̃_0 = e^{-ikx} U ; G_0 = e^{ikx} W U† -> Ĝ_0 = e^{ikx} U†
        double[] ft = scale(uMat, Math.cos(kx), -Math.sin(kx));
        double[] g = adjointOf(scale(uMat, Math.cos(kx), -Math.sin(kx)), b, n); // (e^{-ikx} U)† = e^{ikx} U†
        double[] s = diagonalBlock(h, 0, ky, shiftRe, shiftIm);
        double[] last = diagonalBlock(h, n - 1, ky, shiftRe, shiftIm);
        for (int i = 0; i <= n - 2; i++) {
            piv[i] = Lapack.luFactorComplex(s, b);
            lu[i] = s;
            int rank = n;
            double[] ftFull = ft;
            double[] gFull = g;
            if (i == n - 2) {
                // F = W U† + F̃ W†  = [W, F̃] [U, W]† ;  G = U W† + W Ĝ = [U, W] [W†; Ĝ]
                rank = 2 * n;
                ftFull = concatColumns(wMat, ft, b, n);
                gFull = concatRows(adjointOf(wMat, b, n), g, n, b);
            }
            double[] y = ftFull.clone();
            Lapack.luSolveComplex(s, piv[i], b, y, rank);
            yt[i] = y;
            gh[i] = gFull;
            // Slast -= G_i Y_i = L_i (Ĝ_i Ỹ_i) R_i†
            double[] core = new double[2 * rank * rank];
            Lapack.zgemm('N', 'N', rank, rank, b, 1.0, gFull, y, 0.0, core);
            double[] left = i == n - 2 ? concatColumns(uMat, wMat, b, n) : wMat;
            double[] right = i == n - 2 ? concatColumns(uMat, wMat, b, n) : wMat;
            double[] lc = new double[2 * b * rank];
            Lapack.zgemm('N', 'N', b, rank, rank, 1.0, left, core, 0.0, lc);
            Lapack.zgemm('N', 'C', b, b, rank, -1.0, lc, right, 1.0, last);
            if (i <= n - 3) {
                double[] x = wMat.clone();
                Lapack.luSolveComplex(s, piv[i], b, x, n);
                xt[i] = x;
                double[] next = diagonalBlock(h, i + 1, ky, shiftRe, shiftIm);
                // S_{i+1} = D - U (W† X̃_i) U†
                double[] c = wAdjointTimes(x, n);              // N x N
                double[] uc = new double[2 * b * n];
                Lapack.zgemm('N', 'N', b, n, n, 1.0, uMat, c, 0.0, uc);
                Lapack.zgemm('N', 'C', b, b, n, -1.0, uc, uMat, 1.0, next);
                // F̃_{i+1} = -U (W† Ỹ_i)
                double[] cy = wAdjointTimes(y, n);
                double[] fNext = new double[2 * b * n];
                Lapack.zgemm('N', 'N', b, n, n, -1.0, uMat, cy, 0.0, fNext);
                // Ĝ_{i+1} = -(Ĝ_i X̃_i) U†
                double[] gx = new double[2 * n * n];
                Lapack.zgemm('N', 'N', n, n, b, 1.0, g, x, 0.0, gx);
                double[] gNext = new double[2 * n * b];
                Lapack.zgemm('N', 'C', n, b, n, -1.0, gx, uMat, 0.0, gNext);
                s = next;
                ft = fNext;
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
        double[] wl = extract(r, n - 1, cols);
        double[] prev = null;
        for (int i = 0; i <= n - 2; i++) {
            double[] w = extract(r, i, cols);
            if (prev != null) {
                addU(wAdjointTimes(prev, cols), cols, w, -1.0); // w_i = r_i - U W† z_{i-1}
            }
            Lapack.luSolveComplex(lu[i], piv[i], b, w, cols);
            z[i] = w;
            prev = w;
            // w_last -= L_i (Ĝ_i z_i)
            int rank = i == n - 2 ? 2 * n : n;
            double[] gz = new double[2 * rank * cols];
            Lapack.zgemm('N', 'N', rank, cols, b, 1.0, gh[i], z[i], 0.0, gz);
            if (i == n - 2) {
                addU(rows(gz, 2 * n, 0, n, cols), cols, wl, -1.0);
                addW(rows(gz, 2 * n, n, n, cols), cols, wl, -1.0);
            } else {
                addW(gz, cols, wl, -1.0);
            }
        }
        Lapack.luSolveComplex(slast, pivLast, b, wl, cols);
        double[] out = new double[2 * dim * cols];
        insert(out, n - 1, wl, cols);
        // R_i† x_last: W† x_last (N) and, for n-2, [U†; W†] x_last
        double[] wx = wAdjointTimes(wl, cols);
        double[] ux = uAdjointTimes(wl, cols);
        double[] next = z[n - 2];
        double[] uwx = new double[2 * 2 * n * cols];
        for (int c = 0; c < cols; c++) {
            System.arraycopy(ux, 2 * c * n, uwx, 2 * c * 2 * n, 2 * n);
            System.arraycopy(wx, 2 * c * n, uwx, 2 * (c * 2 * n + n), 2 * n);
        }
        Lapack.zgemm('N', 'N', b, cols, 2 * n, -1.0, yt[n - 2], uwx, 1.0, next);
        insert(out, n - 2, next, cols);
        for (int i = n - 3; i >= 0; i--) {
            double[] x = z[i];
            Lapack.zgemm('N', 'N', b, cols, n, -1.0, xt[i], uAdjointTimes(next, cols), 1.0, x);
            Lapack.zgemm('N', 'N', b, cols, n, -1.0, yt[i], wx, 1.0, x);
            insert(out, i, x, cols);
            next = x;
        }
        return out;
    }

    /** W† m for a b x cols block: per site jy, conj(w)·(m0, m1) = m0 − i m1. */
    private double[] wAdjointTimes(double[] m, int cols) {
        double[] out = new double[2 * n * cols];
        for (int c = 0; c < cols; c++) {
            for (int j = 0; j < n; j++) {
                int p = 2 * (c * b + 2 * j);
                out[2 * (c * n + j)] = m[p] + m[p + 3];
                out[2 * (c * n + j) + 1] = m[p + 1] - m[p + 2];
            }
        }
        return out;
    }

    /** U† m: conj(u)·(m0, m1) with u = (uRe0 + i uIm0, uRe1 + i uIm1). */
    private double[] uAdjointTimes(double[] m, int cols) {
        double[] out = new double[2 * n * cols];
        for (int c = 0; c < cols; c++) {
            for (int j = 0; j < n; j++) {
                int p = 2 * (c * b + 2 * j);
                out[2 * (c * n + j)] = uRe0 * m[p] + uIm0 * m[p + 1] + uRe1 * m[p + 2] + uIm1 * m[p + 3];
                out[2 * (c * n + j) + 1] = uRe0 * m[p + 1] - uIm0 * m[p] + uRe1 * m[p + 3] - uIm1 * m[p + 2];
            }
        }
        return out;
    }

    /** out += alpha U y (y: N x cols). */
    private void addU(double[] y, int cols, double[] out, double alpha) {
        for (int c = 0; c < cols; c++) {
            for (int j = 0; j < n; j++) {
                double yr = y[2 * (c * n + j)];
                double yi = y[2 * (c * n + j) + 1];
                int p = 2 * (c * b + 2 * j);
                out[p] += alpha * (uRe0 * yr - uIm0 * yi);
                out[p + 1] += alpha * (uRe0 * yi + uIm0 * yr);
                out[p + 2] += alpha * (uRe1 * yr - uIm1 * yi);
                out[p + 3] += alpha * (uRe1 * yi + uIm1 * yr);
            }
        }
    }

    /** out += alpha W y, w = (1, i). */
    private void addW(double[] y, int cols, double[] out, double alpha) {
        for (int c = 0; c < cols; c++) {
            for (int j = 0; j < n; j++) {
                double yr = y[2 * (c * n + j)];
                double yi = y[2 * (c * n + j) + 1];
                int p = 2 * (c * b + 2 * j);
                out[p] += alpha * yr;
                out[p + 1] += alpha * yi;
                out[p + 2] += -alpha * yi;
                out[p + 3] += alpha * yr;
            }
        }
    }

    private static double[] rows(double[] m, int rowsTotal, int r0, int count, int cols) {
        double[] out = new double[2 * count * cols];
        for (int c = 0; c < cols; c++) {
            System.arraycopy(m, 2 * (c * rowsTotal + r0), out, 2 * c * count, 2 * count);
        }
        return out;
    }

    /** U (u = true) or W as dense b x N matrices. */
    private double[] factorMatrix(boolean u) {
        double[] m = new double[2 * b * n];
        for (int j = 0; j < n; j++) {
            int p = 2 * (j * b + 2 * j);
            if (u) {
                m[p] = uRe0;
                m[p + 1] = uIm0;
                m[p + 2] = uRe1;
                m[p + 3] = uIm1;
            } else {
                m[p] = 1;
                m[p + 3] = 1;
            }
        }
        return m;
    }

    private static double[] scale(double[] m, double c, double s) {
        double[] o = new double[m.length];
        for (int i = 0; i < m.length; i += 2) {
            o[i] = m[i] * c - m[i + 1] * s;
            o[i + 1] = m[i] * s + m[i + 1] * c;
        }
        return o;
    }

    private static double[] adjointOf(double[] m, int rows, int cols) {
        double[] o = new double[m.length];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                o[2 * (r * cols + c)] = m[2 * (c * rows + r)];
                o[2 * (r * cols + c) + 1] = -m[2 * (c * rows + r) + 1];
            }
        }
        return o;
    }

    private static double[] concatColumns(double[] a, double[] c, int rows, int cols) {
        double[] o = new double[2 * rows * 2 * cols];
        System.arraycopy(a, 0, o, 0, 2 * rows * cols);
        System.arraycopy(c, 0, o, 2 * rows * cols, 2 * rows * cols);
        return o;
    }

    /** [top; bottom], each r x cols. */
    private static double[] concatRows(double[] top, double[] bottom, int r, int cols) {
        double[] o = new double[2 * 2 * r * cols];
        for (int c = 0; c < cols; c++) {
            System.arraycopy(top, 2 * c * r, o, 2 * c * 2 * r, 2 * r);
            System.arraycopy(bottom, 2 * c * r, o, 2 * (c * 2 * r + r), 2 * r);
        }
        return o;
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
            add(d, 2 * jy, 2 * jy, e - shiftRe, -shiftIm);
            add(d, 2 * jy + 1, 2 * jy + 1, -e - shiftRe, -shiftIm);
            int down = jy == 0 ? n - 1 : jy - 1;
            int up = jy == n - 1 ? 0 : jy + 1;
            addBlockAt(d, jy, down, jy == 0 ? tyIn : ty);
            addBlockAt(d, jy, up, jy == n - 1 ? tydIn : tyd);
        }
        return d;
    }

    private void add(double[] m, int row, int col, double re, double im) {
        m[2 * (col * b + row)] += re;
        m[2 * (col * b + row) + 1] += im;
    }

    private void addBlockAt(double[] m, int rowSite, int colSite, double[] t) {
        for (int a = 0; a < 2; a++) {
            for (int c = 0; c < 2; c++) {
                add(m, 2 * rowSite + a, 2 * colSite + c, t[4 * a + 2 * c], t[4 * a + 2 * c + 1]);
            }
        }
    }
}
