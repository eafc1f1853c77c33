package io.bandsmith.engine.lattice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The C6 stars of the hexagonal reciprocal lattice: the orbits of G = n1 b1 + n2 b2 ≠ 0 under rotations by 60°,
 * for all G with max(|n1|, |n2|, |n1 - n2|) ≤ cutoff (a hexagon of reciprocal vectors; cutoff 6 gives the 21 stars
 * of the random-potential distribution). A C6-symmetric function has one Fourier coefficient per star.
 */
public final class C6Stars {
    private C6Stars() {
    }

    /** A star: its members (n1, n2) and their common length |G| (1/a). */
    public record Star(int[][] members, double length) {
    }

    /** The stars inside the cutoff, in order of increasing |G|, ties in order of first appearance. */
    public static List<Star> upTo(int cutoff) {
        if (cutoff < 0) {
            throw new IllegalArgumentException("star cutoff must be >= 0, got " + cutoff);
        }
        List<Star> stars = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int n1 = -cutoff; n1 <= cutoff; n1++) {
            for (int n2 = -cutoff; n2 <= cutoff; n2++) {
                if ((n1 == 0 && n2 == 0) || Math.abs(n1 - n2) > cutoff || seen.contains(key(n1, n2))) {
                    continue;
                }
                List<int[]> members = new ArrayList<>();
                int a = n1;
                int b = n2;
                for (int k = 0; k < 6; k++) {
                    if (seen.add(key(a, b))) {
                        members.add(new int[] {a, b});
                    }
                    int[] r = HexagonalLattice.rotateReciprocal(a, b);
                    a = r[0];
                    b = r[1];
                }
                double len = HexagonalLattice.INSTANCE.reciprocalVector(n1, n2).norm();
                stars.add(new Star(members.toArray(new int[0][]), len));
            }
        }
        stars.sort(Comparator.comparingDouble(Star::length));
        return stars;
    }

    private static long key(int a, int b) {
        return ((long) a << 32) ^ (b & 0xffffffffL);
    }
}
