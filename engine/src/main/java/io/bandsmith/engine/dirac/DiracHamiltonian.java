package io.bandsmith.engine.dirac;

/**
 * Eq. (K1) of the paper for one pattern (docs/conventions.md, case p4-dirac), energies in units of m,
 * J = (N/10) m: H = Σ_j (M_j + 2J) σz |j⟩⟨j| − (J/2) Σ_{j,d} [(σz − iσ_d)|j + e_d⟩⟨j| + h.c.].
 *
 * <p>Basis: the home-cell components of a Bloch state, dof {@code 2 (jx N + jy) + c} with c = 0 the σz = +1 (s)
 * and c = 1 the σz = −1 (p−) component. With ψ(x + a_d) = e^{i k_d} ψ(x), a hop that crosses the cell boundary
 * picks up e^{∓i k_d}: the element in the row of the cell's first site and the column of its last carries
 * e^{−i k_d}, its conjugate e^{+i k_d} (so H(k + G) = H(k), the periodic gauge of the Chern numbers). Complex
 * vectors are interleaved (re, im); blocks of vectors are column-major (vector c at offset 2 c dim).
 */
public final class DiracHamiltonian {
    private final DiracPattern pattern;
    private final int n;
    private final double hop;
    private final double[] onsite; // (M_j + 2J) per site

    public DiracHamiltonian(DiracPattern pattern) {
        this.pattern = pattern;
        this.n = pattern.size();
        double j = n / 10.0;
        this.hop = j / 2;
        this.onsite = new double[n * n];
        for (int s = 0; s < n * n; s++) {
            onsite[s] = (pattern.topological(s / n, s % n) ? -1.0 : 1.0) + 2 * j;
        }
    }

    public DiracPattern pattern() {
        return pattern;
    }

    /** Sites per side N. */
    public int size() {
        return n;
    }

    /** 2 N². */
    public int dimension() {
        return 2 * n * n;
    }

    /** The hopping J in units of m. */
    public double hopping() {
        return 2 * hop;
    }

    double onsite(int site) {
        return onsite[site];
    }

    // 2x2 blocks as {re00, im00, re01, im01, re10, im10, re11, im11}
    /** ⟨j + e_x|H|j⟩ = −(J/2)(σz − iσx). */
    double[] tx() {
        return new double[] {-hop, 0, 0, hop, 0, hop, hop, 0};
    }

    /** ⟨j + e_y|H|j⟩ = −(J/2)(σz − iσy). */
    double[] ty() {
        return new double[] {-hop, 0, hop, 0, -hop, 0, hop, 0};
    }

    static double[] dagger(double[] t) {
        return new double[] {t[0], -t[1], t[4], -t[5], t[2], -t[3], t[6], -t[7]};
    }

    static double[] scaled(double[] t, double c, double s) {
        double[] o = new double[8];
        for (int e = 0; e < 4; e++) {
            o[2 * e] = t[2 * e] * c - t[2 * e + 1] * s;
            o[2 * e + 1] = t[2 * e] * s + t[2 * e + 1] * c;
        }
        return o;
    }

    /** y[dst..dst+3] += t x[src..src+3] (one 2x2 block on interleaved 2-spinors). */
    static void addBlock(double[] t, double[] x, int src, double[] y, int dst) {
        double x0r = x[src];
        double x0i = x[src + 1];
        double x1r = x[src + 2];
        double x1i = x[src + 3];
        y[dst] += t[0] * x0r - t[1] * x0i + t[2] * x1r - t[3] * x1i;
        y[dst + 1] += t[0] * x0i + t[1] * x0r + t[2] * x1i + t[3] * x1r;
        y[dst + 2] += t[4] * x0r - t[5] * x0i + t[6] * x1r - t[7] * x1i;
        y[dst + 3] += t[4] * x0i + t[5] * x0r + t[6] * x1i + t[7] * x1r;
    }

    /** y = H(k) x for {@code cols} vectors (column-major, interleaved). */
    public void apply(double kx, double ky, double[] x, double[] y, int cols) {
        int dim = dimension();
        double[] tx = tx();
        double[] txd = dagger(tx);
        double[] ty = ty();
        double[] tyd = dagger(ty);
        double[] txIn = scaled(tx, Math.cos(kx), -Math.sin(kx));   // from the last column into the first: e^{-ikx}
        double[] txdIn = scaled(txd, Math.cos(kx), Math.sin(kx));  // from the first column into the last: e^{+ikx}
        double[] tyIn = scaled(ty, Math.cos(ky), -Math.sin(ky));
        double[] tydIn = scaled(tyd, Math.cos(ky), Math.sin(ky));
        for (int c = 0; c < cols; c++) {
            int off = 2 * c * dim;
            for (int jx = 0; jx < n; jx++) {
                for (int jy = 0; jy < n; jy++) {
                    int s = jx * n + jy;
                    int d = off + 4 * s;
                    double e = onsite[s];
                    y[d] = e * x[d];
                    y[d + 1] = e * x[d + 1];
                    y[d + 2] = -e * x[d + 2];
                    y[d + 3] = -e * x[d + 3];
                    int left = (jx == 0 ? n - 1 : jx - 1) * n + jy;
                    int right = (jx == n - 1 ? 0 : jx + 1) * n + jy;
                    int down = jx * n + (jy == 0 ? n - 1 : jy - 1);
                    int up = jx * n + (jy == n - 1 ? 0 : jy + 1);
                    addBlock(jx == 0 ? txIn : tx, x, off + 4 * left, y, d);
                    addBlock(jx == n - 1 ? txdIn : txd, x, off + 4 * right, y, d);
                    addBlock(jy == 0 ? tyIn : ty, x, off + 4 * down, y, d);
                    addBlock(jy == n - 1 ? tydIn : tyd, x, off + 4 * up, y, d);
                }
            }
        }
    }

    /** The dense H(k), column-major interleaved, dim x dim (small N only). */
    public double[] dense(double kx, double ky) {
        int dim = dimension();
        if ((long) dim * dim > 40_000_000L) {
            throw new IllegalArgumentException("dense H(k) of dimension " + dim + " is too large");
        }
        double[] out = new double[2 * dim * dim];
        double[] e = new double[2 * dim];
        double[] col = new double[2 * dim];
        for (int c = 0; c < dim; c++) {
            java.util.Arrays.fill(e, 0);
            e[2 * c] = 1;
            apply(kx, ky, e, col, 1);
            System.arraycopy(col, 0, out, 2 * c * dim, 2 * dim);
        }
        return out;
    }

    /**
     * The C4 rotation about site (0, 0) acting on Bloch states at k: (Ĉψ)(x) = U ψ(R⁻¹x), U = diag(1, i); the result
     * is the home-cell representation of a Bloch state at Rk = (−ky, kx). out = Ĉ x for {@code cols} vectors.
     */
    public void rotate(double kx, double ky, double[] x, double[] out, int cols) {
        int dim = dimension();
        double c = Math.cos(ky);
        double s = -Math.sin(ky); // e^{-i ky} for sites folded back across the cell
        for (int col = 0; col < cols; col++) {
            int off = 2 * col * dim;
            for (int jx = 0; jx < n; jx++) {
                for (int jy = 0; jy < n; jy++) {
                    int src = off + 4 * (jy * n + Math.floorMod(-jx, n));
                    int dst = off + 4 * (jx * n + jy);
                    double pr = jx > 0 ? c : 1;
                    double pi = jx > 0 ? s : 0;
                    double ar = x[src];
                    double ai = x[src + 1];
                    double br = x[src + 2];
                    double bi = x[src + 3];
                    out[dst] = ar * pr - ai * pi;
                    out[dst + 1] = ar * pi + ai * pr;
                    // i * b * phase
                    double qr = br * pr - bi * pi;
                    double qi = br * pi + bi * pr;
                    out[dst + 2] = -qi;
                    out[dst + 3] = qr;
                }
            }
        }
    }
}
