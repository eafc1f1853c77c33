package io.bandsmith.engine.symmetry;

import java.util.List;

import io.bandsmith.engine.bands.HighSymmetryLevels;

/**
 * The symmetry fingerprint (ns, np, nd, nf, n0, n+) of a set of bands of the p6 case study (appendix H,
 * conventions.md): the number of states (pairs for p and d) per irrep at Γ, the number of C3 singlets (|m| = 0) at K
 * and of C2-even states at M. The remaining occupations follow from the compatibility relations
 * n- = ns + 2(np + nd) + nf - n+ and n1 = [ns + 2(np + nd) + nf - n0] / 2.
 */
public record SymmetryFingerprint(int ns, int np, int nd, int nf, int n0, int nPlus)
        implements java.io.Serializable {
    public SymmetryFingerprint {
        if (ns < 0 || np < 0 || nd < 0 || nf < 0 || n0 < 0 || nPlus < 0) {
            throw new IllegalArgumentException("occupations must be non-negative: " + describe(ns, np, nd, nf, n0, nPlus));
        }
    }

    /** Creates a fingerprint from its array form [ns, np, nd, nf, n0, n+]. */
    public static SymmetryFingerprint of(int[] v) {
        if (v.length != 6) {
            throw new IllegalArgumentException("a p6 fingerprint has 6 entries, got " + v.length);
        }
        return new SymmetryFingerprint(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /**
     * The fingerprint of levels {@code first..last} (0-based, inclusive) at Γ, K and M. Degenerate pairs must not be
     * cut by the range (an odd number of p, d or "1" levels is rejected).
     */
    public static SymmetryFingerprint ofLevels(HighSymmetryLevels gamma, HighSymmetryLevels k, HighSymmetryLevels m,
            int first, int last) {
        int[] g = count(gamma, first, last, 4);
        int[] kk = count(k, first, last, 2);
        int[] mm = count(m, first, last, 2);
        if (g[1] % 2 != 0 || g[2] % 2 != 0 || kk[1] % 2 != 0) {
            throw new IllegalArgumentException("bands " + (first + 1) + ".." + (last + 1)
                    + " cut a degenerate pair at Γ or K");
        }
        return new SymmetryFingerprint(g[0], g[1] / 2, g[2] / 2, g[3], kk[0], mm[0]);
    }

    private static int[] count(HighSymmetryLevels levels, int first, int last, int labels) {
        if (last >= levels.count()) {
            throw new IllegalArgumentException("band " + (last + 1) + " needs " + (last + 1) + " levels at "
                    + levels.point().name() + ", only " + levels.count() + " given");
        }
        int[] c = new int[labels];
        for (int n = first; n <= last; n++) {
            c[levels.label(n).absM()]++;
        }
        return c;
    }

    /** Number of bands in the set. */
    public int bandCount() {
        return ns + 2 * (np + nd) + nf;
    }

    /** Number of C2-odd states at M (compatibility relation). */
    public int nMinus() {
        return bandCount() - nPlus;
    }

    /** Number of pairs with |m| = 1 at K, or -1 when the fingerprint violates the compatibility relation. */
    public int n1() {
        int twice = bandCount() - n0;
        return twice >= 0 && twice % 2 == 0 ? twice / 2 : -1;
    }

    /** Whether n1 and n- come out as non-negative integers. */
    public boolean satisfiesCompatibilityRelations() {
        return n1() >= 0 && nMinus() >= 0;
    }

    /**
     * The C2 parity of the set: nf + n- mod 2, the parity of the number of C2-odd states at Γ and the three M points.
     * A connected set of bands of a time-reversal-invariant p6 system has even parity (section VI).
     */
    public boolean hasEvenC2Parity() {
        return (nf + nMinus()) % 2 == 0;
    }

    public SymmetryFingerprint plus(SymmetryFingerprint o) {
        return new SymmetryFingerprint(ns + o.ns, np + o.np, nd + o.nd, nf + o.nf, n0 + o.n0, nPlus + o.nPlus);
    }

    public SymmetryFingerprint times(int factor) {
        return new SymmetryFingerprint(ns * factor, np * factor, nd * factor, nf * factor, n0 * factor, nPlus * factor);
    }

    /** [ns, np, nd, nf, n0, n+]. */
    public int[] toArray() {
        return new int[] {ns, np, nd, nf, n0, nPlus};
    }

    public List<Integer> toList() {
        return List.of(ns, np, nd, nf, n0, nPlus);
    }

    @Override
    public String toString() {
        return describe(ns, np, nd, nf, n0, nPlus);
    }

    private static String describe(int ns, int np, int nd, int nf, int n0, int nPlus) {
        return "(" + ns + "," + np + "," + nd + "," + nf + "," + n0 + "," + nPlus + ")";
    }
}
