package io.bandsmith.engine.dirac;

import io.bandsmith.engine.linalg.HermitianEigenpairs;
import io.bandsmith.engine.linalg.Lapack;

/** Small helpers on column-major interleaved complex matrices (rows x cols). Package-private plumbing. */
final class ComplexBlocks {
    private ComplexBlocks() {
    }

    /** A^H B (A: rows x a, B: rows x c) -> a x c. */
    static double[] adjointTimes(double[] a, int rows, int ca, double[] b, int cb) {
        double[] out = new double[2 * ca * cb];
        Lapack.zgemm('C', 'N', ca, cb, rows, 1.0, a, b, 0.0, out);
        return out;
    }

    /** A B (A: rows x k, B: k x c). */
    static double[] times(double[] a, int rows, int k, double[] b, int c) {
        double[] out = new double[2 * rows * c];
        Lapack.zgemm('N', 'N', rows, c, k, 1.0, a, b, 0.0, out);
        return out;
    }

    /** T^H M T for square M (r x r) and T (r x s). */
    static double[] congruence(double[] t, int r, int s, double[] m) {
        double[] mt = times(m, r, r, t, s);
        return adjointTimes(t, r, s, mt, s);
    }

    /** Makes a square matrix exactly Hermitian (average with its adjoint). */
    static void hermitize(double[] m, int n) {
        for (int i = 0; i < n; i++) {
            m[2 * (i * n + i) + 1] = 0;
            for (int j = i + 1; j < n; j++) {
                int a = 2 * (j * n + i);
                int b = 2 * (i * n + j);
                double re = 0.5 * (m[a] + m[b]);
                double im = 0.5 * (m[a + 1] - m[b + 1]);
                m[a] = re;
                m[a + 1] = im;
                m[b] = re;
                m[b + 1] = -im;
            }
        }
    }

    /** Columns c0..c0+count-1 of a rows x cols matrix. */
    static double[] columns(double[] m, int rows, int c0, int count) {
        double[] out = new double[2 * rows * count];
        System.arraycopy(m, 2 * rows * c0, out, 0, 2 * rows * count);
        return out;
    }

    /** All eigenpairs of a Hermitian matrix (copy made). */
    static HermitianEigenpairs eig(double[] m, int n) {
        return Lapack.lowestEigenpairsHermitian(m, n, n, true);
    }

    /** Lowest count eigenpairs. */
    static HermitianEigenpairs lowest(double[] m, int n, int count) {
        return Lapack.lowestEigenpairsHermitian(m, n, Math.min(n, count), true);
    }

    /** Euclidean norm of column c. */
    static double norm(double[] m, int rows, int c) {
        double s = 0;
        for (int i = 2 * rows * c; i < 2 * rows * (c + 1); i++) {
            s += m[i] * m[i];
        }
        return Math.sqrt(s);
    }

    /**
     * Orthonormalizes the columns in place (two passes of modified Gram-Schmidt); columns that vanish against the
     * others are dropped. Returns the number kept (kept columns are packed to the front).
     */
    static int orthonormalize(double[] m, int rows, int cols) {
        int kept = 0;
        for (int c = 0; c < cols; c++) {
            int src = 2 * rows * c;
            int dst = 2 * rows * kept;
            if (src != dst) {
                System.arraycopy(m, src, m, dst, 2 * rows);
            }
            double before = norm(m, rows, kept);
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < kept; p++) {
                    int po = 2 * rows * p;
                    double re = 0;
                    double im = 0;
                    for (int i = 0; i < rows; i++) {
                        double ar = m[po + 2 * i];
                        double ai = m[po + 2 * i + 1];
                        double br = m[dst + 2 * i];
                        double bi = m[dst + 2 * i + 1];
                        re += ar * br + ai * bi;
                        im += ar * bi - ai * br;
                    }
                    for (int i = 0; i < rows; i++) {
                        double ar = m[po + 2 * i];
                        double ai = m[po + 2 * i + 1];
                        m[dst + 2 * i] -= re * ar - im * ai;
                        m[dst + 2 * i + 1] -= re * ai + im * ar;
                    }
                }
            }
            double after = norm(m, rows, kept);
            if (after > 1e-10 * Math.max(before, 1e-300) && after > 0) {
                for (int i = dst; i < dst + 2 * rows; i++) {
                    m[i] /= after;
                }
                kept++;
            }
        }
        return kept;
    }

    /**
     * Where to cut a list of folded Ritz values (ascending H² values) so that no degenerate multiplet is split: the
     * smallest count ≥ min with values[count] − values[count − 1] above {@code tol}, else the largest such count,
     * else all. A split multiplet of H² mixes +E and −E states and would give spurious interior Ritz values of H.
     */
    static int cutAtGap(double[] values, int min, double tol) {
        int n = values.length;
        for (int c = Math.min(min, n); c < n; c++) {
            if (c > 0 && values[c] - values[c - 1] > tol) {
                return c;
            }
        }
        for (int c = Math.min(min, n) - 1; c > 0; c--) {
            if (values[c] - values[c - 1] > tol) {
                return c;
            }
        }
        return n;
    }
}
