package io.bandsmith.engine.dirac;

import java.util.Arrays;

/**
 * A C4-symmetric pattern of topological (M = -m) and trivial (M = +m) sites on the N x N microscopic grid of one
 * unit cell of the case p4-dirac (docs/conventions.md): {@code topological(jx, jy)}, flat index {@code jx * N + jy}
 * (axis 0 of the .npy mask is jx). Immutable; the symmetry (jx, jy) -> (-jy mod N, jx) is checked where it is made.
 */
public final class DiracPattern {
    /** The case's grid size. */
    public static final int CASE_SIZE = 70;

    private final int size;
    private final boolean[] topological;

    private DiracPattern(int size, boolean[] topological) {
        this.size = size;
        this.topological = topological;
    }

    /**
     * The pattern of a flat mask (true = topological); an IllegalArgumentException naming the first site whose C4
     * image differs, or a wrong length.
     */
    public static DiracPattern of(int size, boolean[] topological) {
        if (size < 3) {
            throw new IllegalArgumentException("a p4-dirac pattern needs N >= 3, got " + size);
        }
        if (topological.length != size * size) {
            throw new IllegalArgumentException("a " + size + "x" + size + " pattern needs " + size * size
                    + " values, got " + topological.length);
        }
        for (int jx = 0; jx < size; jx++) {
            for (int jy = 0; jy < size; jy++) {
                int ix = Math.floorMod(-jy, size);
                if (topological[jx * size + jy] != topological[ix * size + jx]) {
                    throw new IllegalArgumentException(String.format("the pattern is not C4-symmetric: mask[%d, %d] = %d"
                            + " but its image under the 90° rotation, mask[%d, %d] = %d", jx, jy,
                            topological[jx * size + jy] ? 1 : 0, ix, jx, topological[ix * size + jx] ? 1 : 0));
                }
            }
        }
        return new DiracPattern(size, topological.clone());
    }

    /** All sites topological (M = -m) or all trivial (M = +m). */
    public static DiracPattern homogeneous(int size, boolean topological) {
        boolean[] t = new boolean[size * size];
        Arrays.fill(t, topological);
        return of(size, t);
    }

    public int size() {
        return size;
    }

    public boolean topological(int jx, int jy) {
        return topological[jx * size + jy];
    }

    /** The mask, flat (jx * N + jy), a copy. */
    public boolean[] mask() {
        return topological.clone();
    }

    /** Fraction of topological sites. */
    public double topologicalFraction() {
        int c = 0;
        for (boolean b : topological) {
            c += b ? 1 : 0;
        }
        return c / (double) topological.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiracPattern p && p.size == size && Arrays.equals(p.topological, topological);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(topological);
    }
}
