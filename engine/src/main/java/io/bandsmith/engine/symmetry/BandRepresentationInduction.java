package io.bandsmith.engine.symmetry;

import java.util.ArrayList;
import java.util.List;

/**
 * Induction of band representations for the wallpaper group p6 (rotations about the origin, time reversal): from
 * orbitals of angular momentum m at a Wyckoff position to the irreps of their Bloch sums at Γ, K and M.
 *
 * <p>Derivation used here (docs/topology.md). Orbitals f_m(x - q_α - t) sit on the orbit q_α = C6^j q_0 (mod the
 * lattice) of the Wyckoff position; a rotation R by θ about the origin maps f_m centred at q to e^{-imθ} f_m centred
 * at Rq. With Bloch sums |k, α⟩ = Σ_t e^{ik·(t + q_α)} f_m(x - t - q_α), one finds
 * R̂|k, α⟩ = e^{-imθ} e^{iG·q_β} |k, β⟩ when Rk = k + G and Rq_α = q_β + s. The character of R at k is the sum over
 * the sites it fixes (mod the lattice); the multiplicity of the C_n eigenvalue e^{-2πim'/n} follows from the
 * character formula. Time reversal adds the orbital -m when it is a different site irrep.
 */
public final class BandRepresentationInduction {
    private static final double TOL = 1e-9;

    private BandRepresentationInduction() {
    }

    /**
     * The fingerprint of the (time-reversal symmetric) band representation induced from orbitals of angular
     * momentum m at the Wyckoff position with fractional coordinates (u, v).
     */
    public static SymmetryFingerprint induce(double u, double v, int m) {
        List<double[]> orbit = orbit(u, v);
        int siteOrder = siteOrder(u, v);
        List<Integer> ms = new ArrayList<>();
        ms.add(m);
        if (Math.floorMod(m + m, siteOrder) != 0) {
            ms.add(-m);
        }
        int[] gamma = new int[6];
        int[] k = new int[3];
        int[] mPoint = new int[2];
        for (int mm : ms) {
            add(gamma, multiplicities(orbit, mm, new double[] {0, 0}, 1));
            add(k, multiplicities(orbit, mm, new double[] {2.0 / 3, 1.0 / 3}, 2));
            add(mPoint, multiplicities(orbit, mm, new double[] {0.5, 0.5}, 3));
        }
        // Γ: m' = 0..5 -> |m'| = 0, 1, 2, 3; pairs counted once.
        int ns = gamma[0];
        int np = gamma[1];
        int nd = gamma[2];
        int nf = gamma[3];
        if (gamma[5] != np || gamma[4] != nd || k[1] != k[2]) {
            throw new IllegalStateException("induced representation is not time-reversal symmetric");
        }
        return new SymmetryFingerprint(ns, np, nd, nf, k[0], mPoint[0]);
    }

    /** The positions C6^j (u, v) reduced into [0, 1)², without repeats. */
    public static List<double[]> orbit(double u, double v) {
        List<double[]> out = new ArrayList<>();
        double[] q = {reduce(u), reduce(v)};
        for (int j = 0; j < 6; j++) {
            boolean seen = false;
            for (double[] o : out) {
                seen |= sameModLattice(o, q);
            }
            if (!seen) {
                out.add(q);
            }
            q = new double[] {reduce(-q[1]), reduce(q[0] + q[1])};
        }
        return out;
    }

    /** Order of the site-symmetry group: the number of powers of C6 that fix (u, v) modulo the lattice. */
    public static int siteOrder(double u, double v) {
        return 6 / orbit(u, v).size();
    }

    /**
     * Multiplicities of the eigenvalues e^{-2πim'/n}, m' = 0..n-1, of the rotation C6^power (n = 6/power) at the k
     * point with reciprocal fractional coordinates {@code kFrac}, for orbitals m on the given orbit.
     */
    static int[] multiplicities(List<double[]> orbit, int m, double[] kFrac, int power) {
        int n = 6 / power;
        double[] chiRe = new double[n];
        double[] chiIm = new double[n];
        for (int j = 0; j < n; j++) {
            int p = power * j;
            double theta = p * Math.PI / 3;
            double[] rk = rotateReciprocal(kFrac, p);
            double g1 = rk[0] - kFrac[0];
            double g2 = rk[1] - kFrac[1];
            if (Math.abs(g1 - Math.rint(g1)) > TOL || Math.abs(g2 - Math.rint(g2)) > TOL) {
                throw new IllegalArgumentException("C6^" + p + " does not leave the k point invariant");
            }
            for (double[] q : orbit) {
                double[] rq = rotateReal(q, p);
                if (sameModLattice(rq, q)) {
                    double phase = -m * theta + 2 * Math.PI * (Math.rint(g1) * q[0] + Math.rint(g2) * q[1]);
                    chiRe[j] += Math.cos(phase);
                    chiIm[j] += Math.sin(phase);
                }
            }
        }
        int[] mult = new int[n];
        for (int mp = 0; mp < n; mp++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                double a = 2 * Math.PI * mp * j / n;
                re += chiRe[j] * Math.cos(a) - chiIm[j] * Math.sin(a);
                im += chiRe[j] * Math.sin(a) + chiIm[j] * Math.cos(a);
            }
            re /= n;
            im /= n;
            if (Math.abs(im) > 1e-7 || Math.abs(re - Math.rint(re)) > 1e-7 || re < -1e-7) {
                throw new IllegalStateException("non-integer multiplicity " + re + " + " + im + "i");
            }
            mult[mp] = (int) Math.rint(re);
        }
        return mult;
    }

    private static void add(int[] absMCounts, int[] mult) {
        for (int mp = 0; mp < mult.length; mp++) {
            absMCounts[mp] += mult[mp];
        }
    }

    static double[] rotateReal(double[] q, int power) {
        double u = q[0];
        double v = q[1];
        for (int i = 0; i < Math.floorMod(power, 6); i++) {
            double nu = -v;
            double nv = u + v;
            u = nu;
            v = nv;
        }
        return new double[] {u, v};
    }

    static double[] rotateReciprocal(double[] k, int power) {
        double a = k[0];
        double b = k[1];
        for (int i = 0; i < Math.floorMod(power, 6); i++) {
            double na = a - b;
            double nb = a;
            a = na;
            b = nb;
        }
        return new double[] {a, b};
    }

    private static boolean sameModLattice(double[] a, double[] b) {
        double du = a[0] - b[0];
        double dv = a[1] - b[1];
        return Math.abs(du - Math.rint(du)) < TOL && Math.abs(dv - Math.rint(dv)) < TOL;
    }

    private static double reduce(double x) {
        double r = x - Math.floor(x);
        return Math.abs(r - 1) < TOL || Math.abs(r) < TOL ? 0 : r;
    }
}
