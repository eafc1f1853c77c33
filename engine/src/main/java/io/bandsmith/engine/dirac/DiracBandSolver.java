package io.bandsmith.engine.dirac;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.bandsmith.engine.linalg.HermitianEigenpairs;

/**
 * The fast exact solver of the case p4-dirac (docs/p4-dirac.md, docs/decisions/0012-p4-dirac-exact-solver.md):
 * the 12 states nearest zero are computed exactly ({@link AnchorEigensolver}, residual ≤ 1e-8 m) at the anchor
 * points Γ, X, (π/2, π/2), M of the quarter zone [0, π]² (and Y = (0, π) as the C4 image of X); their span V holds
 * the central states at every k of the quarter zone (measured at N = 70: ~4e-6 m max, ~7e-7 m rms against a
 * 7-anchor, 16-state basis that agrees with direct solves to 4e-11 m). At any k the solver takes the folded-spectrum
 * Ritz step in that span (lowest Ritz values of H(k)², which are extremal, hence free of spurious interior levels;
 * then H(k) on those vectors). H(k) = H_open + Σ_t p_t(k) B_t with four boundary operators B_t supported on the
 * cell's edge lines, and H(k_a) V_a = V_a E_a at the anchors, so V†H(k)V and (H(k)V)†(H(k)V) are combinations of
 * small precomputed matrices: after one Gram matrix V†V the cost per k is independent of the 19,600 unknowns.
 */
public final class DiracBandSolver {
    /** The case's central bands: the 4 highest negative and the 4 lowest positive. */
    public static final int BANDS = 8;
    /** Ritz vectors of H² kept per k: at least MIN_FOLDED (2 × (BANDS/2 + 1) for the gap to the next level, plus
     * two), cut where no degenerate multiplet of H² is split, at most MAX_FOLDED. */
    static final int MIN_FOLDED = 12;
    static final int MAX_FOLDED = 26;

    /** Energies (ascending) of the central window at one k and the coefficients of its states. */
    public record Solution(double kx, double ky, double[] energies, double[] coefficients, int reducedDimension,
            double[] nextEnergies) {
        /** Energies of the 8 central bands. */
    }

    private final DiracHamiltonian h;
    private final int dim;
    private final int r;      // anchor vectors
    private final int rp;     // reduced dimension
    private final double[] v;         // dim x r
    private final double[] t;         // r x rp
    private final double[] a0;
    private final double[][] at;
    private final double[] k0;
    private final double[][] kt;
    private final double[][][] kst;
    private final double[] px0;
    private final double[] py0;
    private final double[] p00;
    private final double anchorSeconds;
    private final double maxAnchorResidual;

    /** The anchors of the quarter zone: computed points and the C4 images they provide. */
    public static final double[][] ANCHORS = {{0, 0}, {Math.PI, 0}, {Math.PI / 2, Math.PI / 2}, {Math.PI, Math.PI}};
    /** Anchors (index into ANCHORS) whose C4 image (−ky, kx) joins the basis: X gives Y = (0, π). */
    static final int[] ROTATED = {1};
    /** States per anchor. */
    public static final int STATES_PER_ANCHOR = 12;

    public static DiracBandSolver build(DiracPattern pattern, int statesPerAnchor, int threads) {
        return build(pattern, ANCHORS, ROTATED, statesPerAnchor, threads);
    }

    /**
     * A solver with another anchor set (points of [0, π]²; {@code rotated} lists those whose C4 image also joins
     * the basis).
     */
    public static DiracBandSolver build(DiracPattern pattern, double[][] anchors, int[] rotated, int statesPerAnchor,
            int threads) {
        return new DiracBandSolver(new DiracHamiltonian(pattern), anchors, rotated, statesPerAnchor,
                Math.max(1, threads));
    }

    public static DiracBandSolver build(DiracPattern pattern, int threads) {
        return build(pattern, STATES_PER_ANCHOR, threads);
    }

    private DiracBandSolver(DiracHamiltonian h, double[][] anchorPoints, int[] rotatedAnchors, int s, int threads) {
        final double[][] ANCHORS = anchorPoints;
        final int[] ROTATED = rotatedAnchors;
        this.h = h;
        this.dim = h.dimension();
        long start = System.nanoTime();
        AnchorEigensolver.Result[] res = new AnchorEigensolver.Result[ANCHORS.length];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<AnchorEigensolver.Result>> fs = new ArrayList<>();
            for (int a = 0; a < ANCHORS.length; a++) {
                double[] k = ANCHORS[a];
                long seed = 1000 + a;
                fs.add(pool.submit(() -> AnchorEigensolver.nearestZero(h, k[0], k[1], s, seed)));
            }
            for (int a = 0; a < ANCHORS.length; a++) {
                res[a] = fs.get(a).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        anchorSeconds = (System.nanoTime() - start) / 1e9;
        double worst = 0;
        for (AnchorEigensolver.Result x : res) {
            worst = Math.max(worst, x.maxResidual());
        }
        maxAnchorResidual = worst;
        // the basis: anchors and the C4 images of ROTATED
        int groups = ANCHORS.length + ROTATED.length;
        this.r = groups * s;
        v = new double[2 * dim * r];
        double[] energies = new double[r];
        double[][] kOf = new double[r][];
        for (int g = 0; g < groups; g++) {
            AnchorEigensolver.Result x = g < ANCHORS.length ? res[g] : res[ROTATED[g - ANCHORS.length]];
            double[] k = g < ANCHORS.length ? ANCHORS[g] : ANCHORS[ROTATED[g - ANCHORS.length]];
            double[] vec = x.vectors();
            double[] kk = k;
            if (g >= ANCHORS.length) {
                double[] rot = new double[vec.length];
                h.rotate(k[0], k[1], vec, rot, s);
                vec = rot;
                kk = new double[] {-k[1], k[0]};
            }
            System.arraycopy(vec, 0, v, 2 * dim * g * s, 2 * dim * s);
            for (int c = 0; c < s; c++) {
                energies[g * s + c] = x.energies()[c];
                kOf[g * s + c] = kk;
            }
        }
        // Gram matrix and an orthonormal reduced basis Q = V T
        double[] gram = ComplexBlocks.adjointTimes(v, dim, r, v, r);
        ComplexBlocks.hermitize(gram, r);
        HermitianEigenpairs ge = ComplexBlocks.eig(gram, r);
        double lmax = ge.values()[r - 1];
        int first = 0;
        while (first < r && ge.values()[first] < 1e-10 * lmax) {
            first++;
        }
        rp = r - first;
        t = new double[2 * r * rp];
        for (int c = 0; c < rp; c++) {
            double sc = 1 / Math.sqrt(ge.values()[first + c]);
            for (int i = 0; i < r; i++) {
                t[2 * (c * r + i)] = ge.re(first + c, i) * sc;
                t[2 * (c * r + i) + 1] = ge.im(first + c, i) * sc;
            }
        }
        // edge lines: rows of V on them and the boundary operators applied to V
        int n = h.size();
        int[] lineIndex = new int[n * n];
        java.util.Arrays.fill(lineIndex, -1);
        List<Integer> sites = new ArrayList<>();
        for (int jx = 0; jx < n; jx++) {
            for (int jy = 0; jy < n; jy++) {
                if (jx == 0 || jy == 0 || jx == n - 1 || jy == n - 1) {
                    lineIndex[jx * n + jy] = sites.size();
                    sites.add(jx * n + jy);
                }
            }
        }
        int u = 2 * sites.size();
        double[] vu = new double[2 * u * r];
        for (int c = 0; c < r; c++) {
            for (int li = 0; li < sites.size(); li++) {
                System.arraycopy(v, 2 * (c * dim + 2 * sites.get(li)), vu, 2 * (c * u + 2 * li), 4);
            }
        }
        double[] tx = h.tx();
        double[] ty = h.ty();
        double[][] z = new double[4][2 * u * r];
        for (int c = 0; c < r; c++) {
            for (int j = 0; j < n; j++) {
                int off = 2 * c * dim;
                int uo = 2 * c * u;
                DiracHamiltonian.addBlock(tx, v, off + 4 * ((n - 1) * n + j), z[0], uo + 4 * lineIndex[j]);
                DiracHamiltonian.addBlock(DiracHamiltonian.dagger(tx), v, off + 4 * j, z[1],
                        uo + 4 * lineIndex[(n - 1) * n + j]);
                DiracHamiltonian.addBlock(ty, v, off + 4 * (j * n + n - 1), z[2], uo + 4 * lineIndex[j * n]);
                DiracHamiltonian.addBlock(DiracHamiltonian.dagger(ty), v, off + 4 * (j * n), z[3],
                        uo + 4 * lineIndex[j * n + n - 1]);
            }
        }
        // phases p_t at each column's anchor: (e^{-ikx}, e^{ikx}, e^{-iky}, e^{iky})
        double[][] d = new double[4][2 * r];
        for (int c = 0; c < r; c++) {
            double[] p = phases(kOf[c][0], kOf[c][1]);
            for (int tt = 0; tt < 4; tt++) {
                d[tt][2 * c] = p[2 * tt];
                d[tt][2 * c + 1] = p[2 * tt + 1];
            }
        }
        double[][] vz = new double[4][];
        double[][][] zz = new double[4][4][];
        for (int a = 0; a < 4; a++) {
            vz[a] = ComplexBlocks.adjointTimes(vu, u, r, z[a], r);
            for (int b = 0; b < 4; b++) {
                zz[a][b] = ComplexBlocks.adjointTimes(z[a], u, r, z[b], r);
            }
        }
        // H: A0 = B E - Σ VZ_t D_t ; A_t = VZ_t
        double[] a0Full = scaleCols(gram, r, energies);
        for (int a = 0; a < 4; a++) {
            addInPlace(a0Full, scaleColsComplex(vz[a], r, d[a]), -1);
        }
        a0 = ComplexBlocks.congruence(t, r, rp, a0Full);
        at = new double[4][];
        for (int a = 0; a < 4; a++) {
            at[a] = ComplexBlocks.congruence(t, r, rp, vz[a]);
        }
        // H²: K0 = E B E − Σ_t [E VZ_t D_t + h.c.] + Σ_st D̄_s ZZ_st D_t ; K_t = E VZ_t − Σ_s D̄_s ZZ_st ; K_st = ZZ_st
        double[] k0Full = scaleRows(scaleCols(gram, r, energies), r, energies);
        for (int a = 0; a < 4; a++) {
            double[] m = scaleRows(scaleColsComplex(vz[a], r, d[a]), r, energies);
            addInPlace(k0Full, m, -1);
            addInPlace(k0Full, adjoint(m, r), -1);
            for (int b = 0; b < 4; b++) {
                addInPlace(k0Full, scaleRowsConj(scaleColsComplex(zz[a][b], r, d[b]), r, d[a]), 1);
            }
        }
        k0 = ComplexBlocks.congruence(t, r, rp, k0Full);
        kt = new double[4][];
        kst = new double[4][4][];
        for (int b = 0; b < 4; b++) {
            double[] m = scaleRows(vz[b], r, energies);
            for (int a = 0; a < 4; a++) {
                addInPlace(m, scaleRowsConj(zz[a][b], r, d[a]), -1);
                kst[a][b] = ComplexBlocks.congruence(t, r, rp, zz[a][b]);
            }
            kt[b] = ComplexBlocks.congruence(t, r, rp, m);
        }
        // projectors on the lines jx = 0, jy = 0 and on site (0, 0), for the Chern links of rotated quadrants
        px0 = ComplexBlocks.congruence(t, r, rp, lineGram(vu, u, r, sites, n, true, false));
        py0 = ComplexBlocks.congruence(t, r, rp, lineGram(vu, u, r, sites, n, false, true));
        p00 = ComplexBlocks.congruence(t, r, rp, lineGram(vu, u, r, sites, n, true, true));
    }

    private static double[] lineGram(double[] vu, int u, int r, List<Integer> sites, int n, boolean x0, boolean y0) {
        double[] sel = new double[vu.length];
        for (int li = 0; li < sites.size(); li++) {
            int s = sites.get(li);
            boolean on = (!x0 || s / n == 0) && (!y0 || s % n == 0);
            if (on) {
                for (int c = 0; c < r; c++) {
                    System.arraycopy(vu, 2 * (c * u + 2 * li), sel, 2 * (c * u + 2 * li), 4);
                }
            }
        }
        return ComplexBlocks.adjointTimes(sel, u, r, sel, r);
    }

    static double[] phases(double kx, double ky) {
        return new double[] {Math.cos(kx), -Math.sin(kx), Math.cos(kx), Math.sin(kx), Math.cos(ky), -Math.sin(ky),
            Math.cos(ky), Math.sin(ky)};
    }

    private static double[] scaleCols(double[] m, int n, double[] s) {
        double[] o = m.clone();
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                o[2 * (c * n + i)] *= s[c];
                o[2 * (c * n + i) + 1] *= s[c];
            }
        }
        return o;
    }

    private static double[] scaleRows(double[] m, int n, double[] s) {
        double[] o = m.clone();
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                o[2 * (c * n + i)] *= s[i];
                o[2 * (c * n + i) + 1] *= s[i];
            }
        }
        return o;
    }

    private static double[] scaleColsComplex(double[] m, int n, double[] d) {
        double[] o = new double[m.length];
        for (int c = 0; c < n; c++) {
            double dr = d[2 * c];
            double di = d[2 * c + 1];
            for (int i = 0; i < n; i++) {
                int p = 2 * (c * n + i);
                o[p] = m[p] * dr - m[p + 1] * di;
                o[p + 1] = m[p] * di + m[p + 1] * dr;
            }
        }
        return o;
    }

    private static double[] scaleRowsConj(double[] m, int n, double[] d) {
        double[] o = new double[m.length];
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                double dr = d[2 * i];
                double di = -d[2 * i + 1];
                int p = 2 * (c * n + i);
                o[p] = m[p] * dr - m[p + 1] * di;
                o[p + 1] = m[p] * di + m[p + 1] * dr;
            }
        }
        return o;
    }

    private static double[] adjoint(double[] m, int n) {
        double[] o = new double[m.length];
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                o[2 * (i * n + c)] = m[2 * (c * n + i)];
                o[2 * (i * n + c) + 1] = -m[2 * (c * n + i) + 1];
            }
        }
        return o;
    }

    private static void addInPlace(double[] a, double[] x, double alpha) {
        for (int i = 0; i < a.length; i++) {
            a[i] += alpha * x[i];
        }
    }

    private static void addScaled(double[] acc, double[] m, double cr, double ci) {
        for (int i = 0; i < acc.length; i += 2) {
            acc[i] += cr * m[i] - ci * m[i + 1];
            acc[i + 1] += cr * m[i + 1] + ci * m[i];
        }
    }

    public DiracHamiltonian hamiltonian() {
        return h;
    }

    /** Dimension of the reduced basis. */
    public int reducedDimension() {
        return rp;
    }

    public double anchorSeconds() {
        return anchorSeconds;
    }

    public double maxAnchorResidual() {
        return maxAnchorResidual;
    }

    /** Q†H(k)Q. */
    double[] reducedHamiltonian(double kx, double ky) {
        double[] p = phases(kx, ky);
        double[] m = a0.clone();
        for (int a = 0; a < 4; a++) {
            addScaled(m, at[a], p[2 * a], p[2 * a + 1]);
        }
        ComplexBlocks.hermitize(m, rp);
        return m;
    }

    /** Q†H(k)²Q. */
    double[] reducedSquare(double kx, double ky) {
        double[] p = phases(kx, ky);
        double[] m = k0.clone();
        for (int a = 0; a < 4; a++) {
            addScaled(m, kt[a], p[2 * a], p[2 * a + 1]);
            double[] adj = adjoint(kt[a], rp);
            addScaled(m, adj, p[2 * a], -p[2 * a + 1]);
            for (int b = 0; b < 4; b++) {
                // conj(p_a) p_b
                double cr = p[2 * a] * p[2 * b] + p[2 * a + 1] * p[2 * b + 1];
                double ci = p[2 * a] * p[2 * b + 1] - p[2 * a + 1] * p[2 * b];
                addScaled(m, kst[a][b], cr, ci);
            }
        }
        ComplexBlocks.hermitize(m, rp);
        return m;
    }

    /** The 8 central energies (ascending) and their coefficient vectors (rp x 8) at k. */
    public Solution solve(double kx, double ky) {
        int fmax = Math.min(rp, MAX_FOLDED);
        HermitianEigenpairs folded = ComplexBlocks.lowest(reducedSquare(kx, ky), rp, fmax);
        int f = Math.min(fmax, ComplexBlocks.cutAtGap(folded.values(), MIN_FOLDED, 1e-7));
        double[] y = ComplexBlocks.columns(folded.vectors(), rp, 0, f);
        double[] hs = ComplexBlocks.congruence(y, rp, f, reducedHamiltonian(kx, ky));
        ComplexBlocks.hermitize(hs, f);
        HermitianEigenpairs small = ComplexBlocks.eig(hs, f);
        double[] e = small.values();
        int firstPositive = 0;
        while (firstPositive < f && e[firstPositive] < 0) {
            firstPositive++;
        }
        int half = BANDS / 2;
        if (firstPositive < half + 1 || f - firstPositive < half + 1) {
            throw new ArithmeticException(String.format("the reduced basis does not resolve the central window at "
                    + "k = (%.4f, %.4f)", kx, ky));
        }
        double[] energies = new double[BANDS];
        double[] zsel = new double[2 * f * BANDS];
        for (int b = 0; b < BANDS; b++) {
            int idx = firstPositive - half + b;
            energies[b] = e[idx];
            System.arraycopy(small.vectors(), 2 * f * idx, zsel, 2 * f * b, 2 * f);
        }
        double[] coeff = ComplexBlocks.times(y, rp, f, zsel, BANDS);
        double[] next = {e[firstPositive - half - 1], e[firstPositive + half]};
        return new Solution(kx, ky, energies, coeff, rp, next);
    }

    /**
     * The central energies at any k: k is mapped into the quarter zone [0, π]² by the C4 rotation and a reciprocal
     * lattice vector (the energies are invariant under both).
     */
    public double[] energiesAnywhere(double kx, double ky) {
        double[] q = toQuarter(kx, ky);
        return solve(q[0], q[1]).energies();
    }

    /** The C4 image of k (mod 2π) in [0, π]². */
    public static double[] toQuarter(double kx, double ky) {
        double x = wrap(kx);
        double y = wrap(ky);
        for (int r = 0; r < 4; r++) {
            if (x >= -1e-12 && y >= -1e-12) {
                return new double[] {Math.max(0, x), Math.max(0, y)};
            }
            double nx = y;      // R^-1 (x, y) = (y, -x)
            y = wrap(-x);
            x = nx;
        }
        throw new IllegalStateException("no quarter-zone image of (" + kx + ", " + ky + ")");
    }

    private static double wrap(double k) {
        double w = k - 2 * Math.PI * Math.floor((k + Math.PI) / (2 * Math.PI));
        return Math.abs(w + Math.PI) < 1e-12 ? Math.PI : w; // [-π, π) with -π taken as π
    }

    /** The full Bloch vectors (dim x cols) of coefficient vectors (rp x cols). */
    public double[] expand(double[] coefficients, int cols) {
        double[] inV = ComplexBlocks.times(t, r, rp, coefficients, cols);
        return ComplexBlocks.times(v, dim, r, inV, cols);
    }

    /** y^H P y' for the line projectors: which = 0 (jx = 0), 1 (jy = 0), 2 (site (0, 0)). */
    double[] projector(int which) {
        return which == 0 ? px0 : which == 1 ? py0 : p00;
    }
}
