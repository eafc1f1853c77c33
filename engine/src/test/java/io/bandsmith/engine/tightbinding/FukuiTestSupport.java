package io.bandsmith.engine.tightbinding;

/**
 * Test-only Fukui-Hatsugai-Suzuki Chern number of one band from its eigenvectors on an n x n grid k = 2π(i, j)/n
 * (index i*n + j), as conventions.md (p4-dirac) defines it: C = (1/2π) Σ arg(U1 U2 U3 U4) with the links
 * U = ⟨u(k)|u(k')⟩ taken counterclockwise around each plaquette (kx first, then ky). Package-private on purpose: the
 * p4-dirac engine's Chern routine is written elsewhere; this one is a reference for the tight-binding tests.
 */
final class FukuiTestSupport {
    private FukuiTestSupport() {
    }

    /** vectors[i*n + j]: column-major interleaved, dimension dim; column {@code band} is used. */
    static double chern(double[][] vectors, int n, int dim, int band) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] a = vectors[i * n + j];
                double[] b = vectors[((i + 1) % n) * n + j];
                double[] c = vectors[((i + 1) % n) * n + (j + 1) % n];
                double[] d = vectors[i * n + (j + 1) % n];
                double[] p = mul(mul(link(a, b, dim, band), link(b, c, dim, band)),
                        mul(link(c, d, dim, band), link(d, a, dim, band)));
                total += Math.atan2(p[1], p[0]);
            }
        }
        return total / (2 * Math.PI);
    }

    private static double[] link(double[] u, double[] v, int dim, int band) {
        double re = 0;
        double im = 0;
        int o = 2 * band * dim;
        for (int x = 0; x < dim; x++) {
            double ur = u[o + 2 * x];
            double ui = u[o + 2 * x + 1];
            double vr = v[o + 2 * x];
            double vi = v[o + 2 * x + 1];
            re += ur * vr + ui * vi;
            im += ur * vi - ui * vr;
        }
        return new double[] {re, im};
    }

    private static double[] mul(double[] a, double[] b) {
        return new double[] {a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
    }
}
