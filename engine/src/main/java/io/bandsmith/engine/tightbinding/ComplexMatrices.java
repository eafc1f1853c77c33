package io.bandsmith.engine.tightbinding;

/** Small dense complex matrix helpers (column-major, interleaved re/im). Package-private. */
final class ComplexMatrices {
    private ComplexMatrices() {
    }

    /** C = A B for n x n matrices. */
    static double[] multiply(double[] a, double[] b, int n) {
        return product(a, b, n, n);
    }

    /** C = A B for an n x n matrix A and an n x r matrix B (column-major, interleaved). */
    static double[] product(double[] a, double[] b, int n, int r) {
        double[] c = new double[2 * n * r];
        for (int j = 0; j < r; j++) {
            for (int p = 0; p < n; p++) {
                double br = b[2 * (j * n + p)];
                double bi = b[2 * (j * n + p) + 1];
                if (br == 0 && bi == 0) {
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    double ar = a[2 * (p * n + i)];
                    double ai = a[2 * (p * n + i) + 1];
                    c[2 * (j * n + i)] += ar * br - ai * bi;
                    c[2 * (j * n + i) + 1] += ar * bi + ai * br;
                }
            }
        }
        return c;
    }

    /** A^† for an n x n matrix. */
    static double[] adjoint(double[] a, int n) {
        double[] c = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                c[2 * (i * n + j)] = a[2 * (j * n + i)];
                c[2 * (i * n + j) + 1] = -a[2 * (j * n + i) + 1];
            }
        }
        return c;
    }

    static double[] identity(int n) {
        double[] c = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            c[2 * (i * n + i)] = 1;
        }
        return c;
    }

    /** max |A_ij - B_ij|. */
    static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i += 2) {
            m = Math.max(m, Math.hypot(a[i] - b[i], a[i + 1] - b[i + 1]));
        }
        return m;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (int i = 0; i < a.length; i += 2) {
            m = Math.max(m, Math.hypot(a[i], a[i + 1]));
        }
        return m;
    }

    /** B^† H B for an n x n matrix H and an n x r matrix B (both column-major). */
    static double[] project(double[] h, double[] b, int n, int r) {
        double[] hb = product(h, b, n, r);
        double[] out = new double[2 * r * r];
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < r; i++) {
                double sr = 0;
                double si = 0;
                for (int p = 0; p < n; p++) {
                    double ar = b[2 * (i * n + p)];
                    double ai = -b[2 * (i * n + p) + 1];
                    double cr = hb[2 * (j * n + p)];
                    double ci = hb[2 * (j * n + p) + 1];
                    sr += ar * cr - ai * ci;
                    si += ar * ci + ai * cr;
                }
                out[2 * (j * r + i)] = sr;
                out[2 * (j * r + i) + 1] = si;
            }
        }
        return out;
    }
}
