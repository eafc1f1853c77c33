package io.bandsmith.engine.space3d;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.bandsmith.engine.linalg.HermitianEigenpairs;
import io.bandsmith.engine.linalg.Lapack;

/**
 * The exact solver of the p4222-3d case (docs/p4222-3d.md, docs/decisions/0014-p4222-3d-solver.md): plane waves in
 * the ball |k+G| <= R centred on k (invariant under the little group, so the E irreps stay exactly degenerate),
 * the lowest levels from LAPACK zheevr, then a second-order (Löwdin) correction from the shell R < |k+G| <= R_s
 * with the shell's Hamiltonian taken diagonal (|k+G|^2 + V(0)): on the lowest {@code bands + extra} states of the
 * ball, H_eff = diag(E) + W^H D W with W = V_QP C and D_q = ½[1/(E_i - e_q) + 1/(E_j - e_q)] (Brillouin-Wigner,
 * iterated twice). Labels at the six maximal points from the characters of the little-group elements
 * (LittleGroupIrreps). Complex Hermitian throughout (422 has no inversion).
 */
public final class P4222Solver {
    /** Basis settings: ball radius R (1/a), shell radius R_s (1/a; R_s <= R: no shell), extra states. */
    public record Settings(double radius, double shellRadius, int extraStates, double tailExponent) {
        public Settings {
            if (!(radius > 0) || !(shellRadius >= 0) || extraStates < 2 || !(tailExponent >= 0)) {
                throw new IllegalArgumentException("bad solver settings " + radius + ", " + shellRadius + ", "
                        + extraStates);
            }
        }

        /** The shipped settings (docs/p4222-3d.md: accuracy and speed measured with these). */
        public static Settings defaults() {
            return new Settings(32, 96, 6, 2.25);
        }

        /** Bare plane waves in a ball (no shell): the dense path and convergence studies. */
        public static Settings bare(double radius) {
            return new Settings(radius, 0, 4, 0);
        }
    }

    /** The levels at a maximal point: energies ascending and one irrep name per band. */
    public record Levels(double[] energies, String[] labels) {
    }

    /** Bands at every k point and the labelled levels at the maximal points among them. */
    public record Result(double[][] energies, Map<String, Levels> hsp, String source) {
    }

    /** One k point: energies and, at a maximal point, labels. */
    public record KResult(double[] energies, String[] labels) {
    }

    /** The inner shell radius is R_s / TAIL_RATIO. */
    static final double TAIL_RATIO = 1.5;

    private final Settings settings;
    private final double c;

    public P4222Solver(Settings settings, double c) {
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("c must be positive, got " + c);
        }
        this.settings = settings;
        this.c = c;
    }

    public static P4222Solver withDefaults(double c) {
        return new P4222Solver(Settings.defaults(), c);
    }

    public Settings settings() {
        return settings;
    }

    public double c() {
        return c;
    }

    public String name() {
        return String.format(java.util.Locale.ROOT, "plane waves, ball R=%.4g centred on k%s", settings.radius(),
                settings.shellRadius() > settings.radius() ? String.format(java.util.Locale.ROOT,
                        " + second-order shell to %.4g", settings.shellRadius()) : "");
    }

    /** Plane waves in the ball of this radius around k = 0 (a bound for any k within the zone: +-1 shell). */
    public int ballSize(double radius) {
        return ball(new double[] {Math.PI, Math.PI, Math.PI / c}, radius, 0).size();
    }

    /**
     * Refuses a basis that would not fit the heap with {@code threads} k points at once (one line, docs/solver.md).
     */
    public void requireFits(int threads) {
        long p = ballSize(settings.radius());
        long q = settings.shellRadius() > settings.radius() ? ballSize(settings.shellRadius()) - p : 0;
        // per thread: H and LAPACK's copy (2 p^2 complex), one block of V_QP (complex), W (q x ~20 complex), the
        // shell's index lists
        long perThread = 16L * (2 * p * p + (long) Math.min(BLOCK, q) * p + q * 24) + 64L * q;
        long bytes = perThread * Math.max(1, threads);
        long available = Runtime.getRuntime().maxMemory();
        if (bytes > available / 2) {
            throw new io.bandsmith.engine.io.InvalidInputException(String.format(java.util.Locale.ROOT,
                    "the plane-wave basis (%d waves, shell %d) needs about %d MB for %d thread(s), the heap has %d MB; "
                            + "use fewer --threads or a larger -Xmx", p, q, bytes >> 20, threads, available >> 20));
        }
    }

    /** The Fourier table this solver needs (differences of waves in the ball and the shell). */
    public VoxelFourier fourier(VoxelGrid grid) {
        double reach = Math.max(settings.radius(), settings.shellRadius()) + settings.radius();
        int nmax = (int) Math.ceil(reach * Math.max(1, c) / (2 * Math.PI)) + 2;
        return VoxelFourier.of(grid, c, nmax);
    }

    /** Bands at every k point, labels at the maximal points; k points in parallel on {@code threads} threads. */
    public Result solve(VoxelGrid grid, List<double[]> kpoints, int bands, int threads) {
        VoxelFourier vf = fourier(grid);
        KResult[] out = new KResult[kpoints.size()];
        if (threads <= 1 || kpoints.size() == 1) {
            for (int i = 0; i < out.length; i++) {
                out[i] = solveAt(vf, kpoints.get(i), bands);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "p4222-solver");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<KResult>> futures = new ArrayList<>();
                for (double[] k : kpoints) {
                    futures.add(pool.submit(() -> solveAt(vf, k, bands)));
                }
                for (int i = 0; i < out.length; i++) {
                    out[i] = futures.get(i).get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        double[][] energies = new double[out.length][];
        Map<String, Levels> hsp = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            energies[i] = out[i].energies();
            LittleGroupIrreps.Point p = LittleGroupIrreps.at(kpoints.get(i), c);
            if (p != null && !hsp.containsKey(p.name())) {
                hsp.put(p.name(), new Levels(out[i].energies(), out[i].labels()));
            }
        }
        // the maximal points missing from the k set are solved too (the JSON always carries all six)
        for (LittleGroupIrreps.Point p : LittleGroupIrreps.POINTS) {
            if (!hsp.containsKey(p.name())) {
                KResult r = solveAt(vf, p.k(c), bands);
                hsp.put(p.name(), new Levels(r.energies(), r.labels()));
            }
        }
        Map<String, Levels> ordered = new LinkedHashMap<>();
        for (LittleGroupIrreps.Point p : LittleGroupIrreps.POINTS) {
            ordered.put(p.name(), hsp.get(p.name()));
        }
        return new Result(energies, java.util.Collections.unmodifiableMap(ordered), name());
    }

    /** The waves of a ball around k: integer indices (n1, n2, n3) with |k + G| <= radius, G = 2π(n1, n2, n3/c). */
    List<int[]> ball(double[] k, double radius, double inner) {
        int m1 = (int) Math.ceil(radius / (2 * Math.PI)) + 1;
        int m3 = (int) Math.ceil(radius * c / (2 * Math.PI)) + 1;
        List<int[]> out = new ArrayList<>();
        double r2 = radius * radius * (1 + 1e-12);
        double i2 = inner * inner * (1 + 1e-12);
        for (int a = -m1; a <= m1; a++) {
            double x = k[0] + 2 * Math.PI * a;
            for (int b = -m1; b <= m1; b++) {
                double y = k[1] + 2 * Math.PI * b;
                for (int d = -m3; d <= m3; d++) {
                    double z = k[2] + 2 * Math.PI * d / c;
                    double q2 = x * x + y * y + z * z;
                    if (q2 <= r2 && (inner <= 0 || q2 > i2)) {
                        out.add(new int[] {a, b, d});
                    }
                }
            }
        }
        return out;
    }

    private double kinetic(double[] k, int[] n) {
        double x = k[0] + 2 * Math.PI * n[0];
        double y = k[1] + 2 * Math.PI * n[1];
        double z = k[2] + 2 * Math.PI * n[2] / c;
        return x * x + y * y + z * z;
    }

    /** Lowest {@code bands} energies at k, with labels when k is a maximal point. */
    public KResult solveAt(VoxelFourier vf, double[] k, int bands) {
        List<int[]> p = ball(k, settings.radius(), 0);
        int np = p.size();
        int m = Math.min(np, bands + settings.extraStates());
        double[] table = vf.table();
        double[] h = new double[2 * np * np];
        for (int j = 0; j < np; j++) {
            int[] nj = p.get(j);
            for (int i = j; i < np; i++) {
                int[] ni = p.get(i);
                int t = vf.index(ni[0] - nj[0], ni[1] - nj[1], ni[2] - nj[2]);
                h[2 * (j * np + i)] = table[2 * t];
                h[2 * (j * np + i) + 1] = table[2 * t + 1];
            }
            h[2 * (j * np + j)] += kinetic(k, nj);
        }
        HermitianEigenpairs ball = Lapack.lowestEigenpairsHermitian(h, np, Math.min(np, m + 4), true);
        // the subspace must not cut a degenerate level (it would break the symmetry of the correction)
        double tol = 1e-6 * vf.vmax();
        while (m < ball.count() - 1 && ball.values()[m] - ball.values()[m - 1] < tol) {
            m++;
        }
        while (m > bands + 1 && m < ball.count() && ball.values()[m] - ball.values()[m - 1] < tol) {
            m--;
        }
        double[] energies = Arrays.copyOf(ball.values(), m);
        // vectors as separate real/imaginary column-major np x m
        double[] cr = new double[np * m];
        double[] ci = new double[np * m];
        double[] z = ball.vectors();
        for (int n = 0; n < np * m; n++) {
            cr[n] = z[2 * n];
            ci[n] = z[2 * n + 1];
        }
        if (settings.shellRadius() > settings.radius()) {
            double[][] corrected = shellCorrection(vf, k, p, energies, cr, ci, m);
            energies = corrected[0];
            cr = corrected[1];
            ci = corrected[2];
        }
        LittleGroupIrreps.Point point = LittleGroupIrreps.at(k, c);
        String[] labels = point == null ? null
                : labels(point, p, k, energies, cr, ci, Math.min(bands, m), 1e-6 * Math.max(1, vf.vmax()));
        return new KResult(Arrays.copyOf(energies, Math.min(bands, m)), labels);
    }

    /** Rows of the shell handled at once (bounds the memory of V_QP: rows x ball x 16 bytes). */
    private static final int BLOCK = 2048;

    /**
     * Returns {energies, U re, U im} after the second-order shell correction on the m lowest ball states. The shell
     * sum is accumulated separately for R < |k+q| <= R_s/ρ and R_s/ρ < |k+q| <= R_s (ρ = 1.5); the part beyond
     * R_s is extrapolated from the two as a tail ∝ R_s^-p (p measured, docs/p4222-3d.md), on the matrix (so the
     * correction stays Hermitian and symmetric).
     */
    private double[][] shellCorrection(VoxelFourier vf, double[] k, List<int[]> p, double[] e, double[] cr,
            double[] ci, int m) {
        double rs = settings.shellRadius();
        double rs1 = settings.tailExponent() > 0 ? Math.max(settings.radius(), rs / TAIL_RATIO) : rs;
        List<int[]> q = ball(k, rs, settings.radius());
        int np = p.size();
        int nq = q.size();
        double[] table = vf.table();
        double v0 = vf.re(0, 0, 0);
        double[] eq = new double[nq];
        boolean[] inner = new boolean[nq];
        for (int a = 0; a < nq; a++) {
            eq[a] = kinetic(k, q.get(a)) + v0;
            inner[a] = eq[a] - v0 <= rs1 * rs1 * (1 + 1e-12);
        }
        // W = V_QP C (nq x m) in blocks of rows: Wr = Vr Cr - Vi Ci, Wi = Vr Ci + Vi Cr
        double[] wr = new double[nq * m];
        double[] wi = new double[nq * m];
        int block = Math.min(BLOCK, nq);
        double[] vr = new double[block * np];
        double[] vi = new double[block * np];
        double[] br = new double[block * m];
        double[] bi = new double[block * m];
        // index(nq - np) = index(0) + lin(nq) - lin(np): the table index is linear in the wave indices
        int zero = vf.index(0, 0, 0);
        int[] linP = new int[np];
        for (int j = 0; j < np; j++) {
            linP[j] = vf.index(p.get(j)[0], p.get(j)[1], p.get(j)[2]) - zero;
        }
        int[] linQ = new int[nq];
        for (int a = 0; a < nq; a++) {
            linQ[a] = vf.index(q.get(a)[0], q.get(a)[1], q.get(a)[2]) - zero;
        }
        for (int from = 0; from < nq; from += block) {
            int rows = Math.min(block, nq - from);
            for (int j = 0; j < np; j++) {
                int col = j * rows;
                int shift = zero - linP[j];
                for (int a = 0; a < rows; a++) {
                    int t = shift + linQ[from + a];
                    vr[col + a] = table[2 * t];
                    vi[col + a] = table[2 * t + 1];
                }
            }
            Lapack.gemm(false, false, rows, m, np, 1, vr, cr, 0, br);
            Lapack.gemm(false, false, rows, m, np, -1, vi, ci, 1, br);
            for (int j = 0; j < m; j++) {
                System.arraycopy(br, j * rows, wr, j * nq + from, rows);
            }
            Lapack.gemm(false, false, rows, m, np, 1, vr, ci, 0, bi);
            Lapack.gemm(false, false, rows, m, np, 1, vi, cr, 1, bi);
            for (int j = 0; j < m; j++) {
                System.arraycopy(bi, j * rows, wi, j * nq + from, rows);
            }
        }
        double tail = settings.tailExponent() > 0 && rs1 < rs
                ? Math.pow(rs, -settings.tailExponent())
                        / (Math.pow(rs1, -settings.tailExponent()) - Math.pow(rs, -settings.tailExponent()))
                : 0;
        double[] ref = e.clone();
        double[] values = e;
        double[] y = null;
        for (int pass = 0; pass < 3; pass++) {
            double[] heff = new double[2 * m * m];
            for (int j = 0; j < m; j++) {
                for (int i = j; i < m; i++) {
                    double sr = 0;
                    double si = 0;
                    double or = 0;
                    double oi = 0;
                    for (int a = 0; a < nq; a++) {
                        double d = 0.5 * (1 / (ref[i] - eq[a]) + 1 / (ref[j] - eq[a]));
                        // conj(W_ai) W_aj: row i, column j of W^H D W
                        double ar = wr[i * nq + a];
                        double ai = wi[i * nq + a];
                        double xr = wr[j * nq + a];
                        double xi = wi[j * nq + a];
                        double pr = d * (ar * xr + ai * xi);
                        double pi = d * (ar * xi - ai * xr);
                        if (inner[a]) {
                            sr += pr;
                            si += pi;
                        } else {
                            or += pr;
                            oi += pi;
                        }
                    }
                    // M(R_s) + f [M(R_s) - M(R_s/ρ)] = inner + (1 + f) outer
                    heff[2 * (j * m + i)] = sr + (1 + tail) * or + (i == j ? e[i] : 0);
                    heff[2 * (j * m + i) + 1] = si + (1 + tail) * oi;
                }
            }
            HermitianEigenpairs small = Lapack.lowestEigenpairsHermitian(heff, m, m, true);
            values = small.values();
            y = small.vectors();
            // the reference energy of ball state i: the new energies weighted by its share in each new state
            for (int i = 0; i < m; i++) {
                double r = 0;
                for (int n = 0; n < m; n++) {
                    double yr = y[2 * (n * m + i)];
                    double yi = y[2 * (n * m + i) + 1];
                    r += (yr * yr + yi * yi) * values[n];
                }
                ref[i] = r;
            }
        }
        // U = C Y (np x m)
        double[] ur = new double[np * m];
        double[] ui = new double[np * m];
        double[] yr = new double[m * m];
        double[] yi = new double[m * m];
        for (int n = 0; n < m * m; n++) {
            yr[n] = y[2 * n];
            yi[n] = y[2 * n + 1];
        }
        Lapack.gemm(false, false, np, m, m, 1, cr, yr, 0, ur);
        Lapack.gemm(false, false, np, m, m, -1, ci, yi, 1, ur);
        Lapack.gemm(false, false, np, m, m, 1, cr, yi, 0, ui);
        Lapack.gemm(false, false, np, m, m, 1, ci, yr, 1, ui);
        return new double[][] {values.clone(), ur, ui};
    }

    /**
     * The characters of the columns [from, to) of U on the point's elements: χ(g) = Σ_j u_j^H ĝ u_j, with ĝ taking
     * the wave k+G to W(k+G) = k+G' times e^{-i (k+G')·t}.
     */
    double[] characters(LittleGroupIrreps.Point point, List<int[]> p, double[] k, double[] ur, double[] ui, int from,
            int to) {
        int np = p.size();
        Map<Long, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < np; i++) {
            index.put(key(p.get(i)), i);
        }
        double[] kf = {k[0] / (2 * Math.PI), k[1] / (2 * Math.PI), k[2] * c / (2 * Math.PI)};
        double[] chi = new double[point.elements().size()];
        for (int e = 0; e < chi.length; e++) {
            SpaceGroup93.Operation g = point.elements().get(e);
            double[] t = g.t();
            double sum = 0;
            for (int i = 0; i < np; i++) {
                int[] n = p.get(i);
                double[] img = g.rotate(new double[] {kf[0] + n[0], kf[1] + n[1], kf[2] + n[2]});
                int[] target = {(int) Math.round(img[0] - kf[0]), (int) Math.round(img[1] - kf[1]),
                        (int) Math.round(img[2] - kf[2])};
                Integer j = index.get(key(target));
                if (j == null) {
                    throw new IllegalStateException("the ball at k is not invariant under " + g.name());
                }
                double phase = -2 * Math.PI * (img[0] * t[0] + img[1] * t[1] + img[2] * t[2]);
                double pr = Math.cos(phase);
                double pi = Math.sin(phase);
                for (int col = from; col < to; col++) {
                    // conj(u_j) * phase * u_i
                    double xr = ur[col * np + i];
                    double xi = ui[col * np + i];
                    double gr = pr * xr - pi * xi;
                    double gi = pr * xi + pi * xr;
                    sum += ur[col * np + j] * gr + ui[col * np + j] * gi;
                }
            }
            chi[e] = sum;
        }
        return chi;
    }

    private static long key(int[] n) {
        return ((long) (n[0] + 4096) << 26) | ((long) (n[1] + 4096) << 13) | (n[2] + 4096);
    }

    private String[] labels(LittleGroupIrreps.Point point, List<int[]> p, double[] k, double[] e, double[] ur,
            double[] ui, int bands, double tolerance) {
        String[] out = new String[bands];
        int start = 0;
        while (start < bands) {
            int end = start + 1;
            while (end < e.length && e[end] - e[end - 1] < tolerance) {
                end++;
            }
            double[] chi = characters(point, p, k, ur, ui, start, end);
            String name = LittleGroupIrreps.match(point, chi, 1e-3);
            if (name != null && point.dimension(name) == end - start) {
                for (int b = start; b < end && b < bands; b++) {
                    out[b] = name;
                }
            } else {
                List<String> parts = LittleGroupIrreps.decompose(point, chi, 1e-3);
                int b = start;
                if (parts != null) {
                    for (String part : parts) {
                        for (int d = 0; d < point.dimension(part) && b < bands; d++) {
                            out[b++] = part;
                        }
                    }
                }
                for (; b < end && b < bands; b++) {
                    out[b] = "?";
                }
            }
            start = end;
        }
        return out;
    }
}
