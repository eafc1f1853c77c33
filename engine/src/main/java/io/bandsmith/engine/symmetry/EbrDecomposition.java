package io.bandsmith.engine.symmetry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decompositions of a symmetry fingerprint into non-negative integer sums of EBRs. A fingerprint with no such
 * decomposition belongs to a topological ("quasi-BR", fragile when it is the difference of two BRs) set of bands.
 * Decompositions are not unique in p6 (for example 2b_A + 2b_E = 3c_A + 3c_B = 1a_s + 1a_p + 1a_d + 1a_f).
 */
public final class EbrDecomposition {
    private EbrDecomposition() {
    }

    /**
     * All decompositions of {@code target} over {@code ebrs}, each as the multiplicities in the order of the list.
     * Sorted by the number of EBRs (fewest first), then lexicographically by multiplicity, largest first.
     */
    public static List<int[]> all(SymmetryFingerprint target, List<ElementaryBandRepresentation> ebrs) {
        List<int[]> out = new ArrayList<>();
        search(target.toArray(), ebrs, 0, new int[ebrs.size()], out);
        out.sort((a, b) -> {
            int ca = sum(a);
            int cb = sum(b);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            for (int i = 0; i < a.length; i++) {
                if (a[i] != b[i]) {
                    return Integer.compare(b[i], a[i]);
                }
            }
            return 0;
        });
        return Collections.unmodifiableList(out);
    }

    /** All decompositions over the eight EBRs of p6 with time reversal. */
    public static List<int[]> all(SymmetryFingerprint target) {
        return all(target, ElementaryBandRepresentation.P6_WITH_TIME_REVERSAL);
    }

    /**
     * The preferred decomposition (fewest EBRs, see {@link #all}) as a list of EBR names with repeats, or empty
     * when there is none.
     */
    public static List<String> preferred(SymmetryFingerprint target) {
        List<int[]> all = all(target);
        if (all.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        int[] mult = all.get(0);
        for (int i = 0; i < mult.length; i++) {
            for (int r = 0; r < mult[i]; r++) {
                names.add(ElementaryBandRepresentation.P6_WITH_TIME_REVERSAL.get(i).name());
            }
        }
        return List.copyOf(names);
    }

    private static void search(int[] rest, List<ElementaryBandRepresentation> ebrs, int index, int[] mult,
            List<int[]> out) {
        if (isZero(rest)) {
            out.add(mult.clone());
            return;
        }
        if (index == ebrs.size()) {
            return;
        }
        int[] e = ebrs.get(index).fingerprint().toArray();
        int max = Integer.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            if (e[i] > 0) {
                max = Math.min(max, rest[i] / e[i]);
            }
        }
        if (max == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("EBR " + ebrs.get(index).name() + " has an empty fingerprint");
        }
        for (int r = max; r >= 0; r--) {
            int[] next = rest.clone();
            for (int i = 0; i < 6; i++) {
                next[i] -= r * e[i];
            }
            mult[index] = r;
            search(next, ebrs, index + 1, mult, out);
        }
        mult[index] = 0;
    }

    private static boolean isZero(int[] v) {
        for (int x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static int sum(int[] v) {
        int s = 0;
        for (int x : v) {
            s += x;
        }
        return s;
    }
}
