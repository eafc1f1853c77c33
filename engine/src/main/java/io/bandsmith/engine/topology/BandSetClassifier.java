package io.bandsmith.engine.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.symmetry.EbrDecomposition;
import io.bandsmith.engine.symmetry.IrrepLabel;
import io.bandsmith.engine.symmetry.SymmetryFingerprint;

/**
 * Splits the lowest bands into connected sets and classifies each (appendix I): levels and labels at Γ, K, M give
 * the gaps at the maximal k points; the connectivity method decides which of those gaps are real; each isolated set's
 * fingerprint is decomposed into EBRs.
 *
 * <p>Rules. Band n and n + 1 (1-based) are separated at a point when level n closes a multiplet there (a pair never
 * splits) and E_{n+1} - E_n exceeds the gap tolerance. NAIVE: sets end where bands are separated at all of Γ, K, M.
 * COMPAT: in addition, a set may end after band n only if bands 1..n have even nf + n- (so every set has even C2
 * parity). BERRY: in addition, band n must not touch band n + 1 away from Γ, K, M (π defects, supplied by the caller).
 * A set that does not end by the last computed band is unassigned (needs bandCount + 1 levels at each point to know
 * whether the last band is separated from the next).
 */
public final class BandSetClassifier {
    /** Default gap tolerance relative to max(1, |E|). */
    public static final double DEFAULT_RELATIVE_GAP_TOLERANCE = 1e-7;

    private final double relativeGapTolerance;

    public BandSetClassifier(double relativeGapTolerance) {
        this.relativeGapTolerance = relativeGapTolerance;
    }

    public static BandSetClassifier withDefaults() {
        return new BandSetClassifier(DEFAULT_RELATIVE_GAP_TOLERANCE);
    }

    /** Sets of the lowest {@code bandCount} bands of a band structure (NAIVE or COMPAT). */
    public List<BandSet> classify(BandStructure bands, int bandCount, ConnectivityMethod method) {
        if (method == ConnectivityMethod.BERRY) {
            throw new IllegalArgumentException("berry connectivity needs eigenvectors: use classify(levels, ..., "
                    + "offSymmetryConnections) with a tight-binding model");
        }
        return classify(bands.highSymmetry(), bandCount, method, null);
    }

    /**
     * Sets of the lowest {@code bandCount} bands.
     *
     * @param levels labelled levels by point name "G", "K", "M"
     * @param offSymmetryConnections for BERRY: entry n-1 is true when bands n and n + 1 touch away from Γ, K, M
     *        (length ≥ bandCount); ignored otherwise
     */
    public List<BandSet> classify(Map<String, HighSymmetryLevels> levels, int bandCount, ConnectivityMethod method,
            boolean[] offSymmetryConnections) {
        HighSymmetryLevels g = require(levels, "G", bandCount);
        HighSymmetryLevels k = require(levels, "K", bandCount);
        HighSymmetryLevels m = require(levels, "M", bandCount);
        if (method == ConnectivityMethod.BERRY
                && (offSymmetryConnections == null || offSymmetryConnections.length < bandCount)) {
            throw new IllegalArgumentException("berry connectivity needs the off-symmetry connections of "
                    + bandCount + " bands");
        }
        boolean[] cut = new boolean[bandCount + 1]; // cut[n]: a set may end after band n (1-based)
        int oddCount = 0;
        int pairMembers = 0;
        for (int n = 1; n <= bandCount; n++) {
            oddCount += (g.label(n - 1).absM() == 3 ? 1 : 0) + (m.label(n - 1).absM() == 1 ? 1 : 0);
            pairMembers += g.label(n - 1).dimension() + k.label(n - 1).dimension() - 2;
            boolean separated = separated(g, n) && separated(k, n) && separated(m, n)
                    && pairMembers % 2 == 0; // never inside a pair, whatever order near-degenerate labels come in
            if (method == ConnectivityMethod.COMPAT) {
                separated &= oddCount % 2 == 0;
            } else if (method == ConnectivityMethod.BERRY) {
                separated &= !offSymmetryConnections[n - 1];
            }
            cut[n] = separated;
        }
        List<BandSet> sets = new ArrayList<>();
        int start = 1;
        for (int n = 1; n <= bandCount; n++) {
            if (cut[n]) {
                SymmetryFingerprint fp = SymmetryFingerprint.ofLevels(g, k, m, start - 1, n - 1);
                List<String> ebrs = EbrDecomposition.preferred(fp);
                BandSetClass c = ebrs.isEmpty() ? BandSetClass.FRAGILE
                        : ebrs.size() == 1 ? BandSetClass.EBR : BandSetClass.COMPOSITE;
                sets.add(new BandSet(start, n, fp, c, ebrs));
                start = n + 1;
            }
        }
        if (start <= bandCount) {
            sets.add(new BandSet(start, bandCount, partialFingerprint(g, k, m, start - 1, bandCount - 1),
                    BandSetClass.UNASSIGNED, List.of()));
        }
        return List.copyOf(sets);
    }

    /** Whether levels n-1 and n (0-based; bands n and n+1) are separated at this point. */
    boolean separated(HighSymmetryLevels l, int n) {
        if (n >= l.count()) {
            return false; // the next level is unknown
        }
        if (!closesMultiplet(l, n - 1)) {
            return false;
        }
        double lo = l.energy(n - 1);
        double hi = l.energy(n);
        return hi - lo > relativeGapTolerance * Math.max(1, Math.max(Math.abs(lo), Math.abs(hi)));
    }

    /** Whether level index i (0-based) is the last member of its multiplet (pairs by label, in order). */
    private static boolean closesMultiplet(HighSymmetryLevels l, int i) {
        int x = 0;
        while (x <= i) {
            IrrepLabel lab = l.label(x);
            int size = lab.dimension() == 2 && x + 1 < l.count() && l.label(x + 1).equals(lab) ? 2 : 1;
            if (x + size - 1 >= i) {
                return x + size - 1 == i;
            }
            x += size;
        }
        return true;
    }

    private static SymmetryFingerprint partialFingerprint(HighSymmetryLevels g, HighSymmetryLevels k,
            HighSymmetryLevels m, int first, int last) {
        int[] cg = new int[4];
        int[] ck = new int[2];
        int[] cm = new int[2];
        for (int n = first; n <= last; n++) {
            cg[g.label(n).absM()]++;
            ck[k.label(n).absM()]++;
            cm[m.label(n).absM()]++;
        }
        return new SymmetryFingerprint(cg[0], (cg[1] + 1) / 2, (cg[2] + 1) / 2, cg[3], ck[0], cm[0]);
    }

    private static HighSymmetryLevels require(Map<String, HighSymmetryLevels> levels, String name, int bandCount) {
        HighSymmetryLevels l = levels.get(name);
        if (l == null) {
            throw new IllegalArgumentException("no levels at " + name);
        }
        if (l.count() < bandCount) {
            throw new IllegalArgumentException("need " + bandCount + " levels at " + name + ", got " + l.count());
        }
        return l;
    }

    /** Handy for tests and logs: the classes of the sets, bottom first. */
    public static String describe(List<BandSet> sets) {
        StringBuilder sb = new StringBuilder();
        for (BandSet s : sets) {
            sb.append(s.firstBand()).append('-').append(s.lastBand()).append(' ').append(s.classification().label())
                    .append(s.fingerprint()).append(s.ebrs()).append("; ");
        }
        return sb.toString().trim();
    }
}
