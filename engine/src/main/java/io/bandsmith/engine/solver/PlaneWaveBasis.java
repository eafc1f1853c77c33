package io.bandsmith.engine.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;

/**
 * A set of reciprocal vectors G = n1 b1 + n2 b2 with |centre + G| ≤ cutoff, sorted by |centre + G|. A basis centred
 * on a maximal k point is invariant under the rotations of its little group, which exact symmetry labels need.
 * Immutable.
 */
public final class PlaneWaveBasis {
    private final KVector centre;
    private final double cutoff;
    private final int[] n1;
    private final int[] n2;
    private final double[] gx;
    private final double[] gy;
    private final Map<Long, Integer> index;

    public PlaneWaveBasis(KVector centre, double cutoff) {
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("plane-wave cutoff must be positive, got " + cutoff);
        }
        this.centre = centre;
        this.cutoff = cutoff;
        KVector b1 = HexagonalLattice.B1;
        KVector b2 = HexagonalLattice.B2;
        // |n| bound from the reciprocal metric: |G| >= (√3/2)|b| max(|n1|,|n2|)
        int bound = (int) Math.ceil((cutoff + centre.norm()) / (Math.sqrt(3) / 2 * b1.norm())) + 1;
        List<double[]> found = new ArrayList<>();
        for (int a = -bound; a <= bound; a++) {
            for (int b = -bound; b <= bound; b++) {
                double x = centre.kx() + a * b1.kx() + b * b2.kx();
                double y = centre.ky() + a * b1.ky() + b * b2.ky();
                double r2 = x * x + y * y;
                if (r2 <= cutoff * cutoff * (1 + 1e-12)) {
                    found.add(new double[] {r2, a, b});
                }
            }
        }
        found.sort((p, q) -> p[0] != q[0] ? Double.compare(p[0], q[0])
                : p[1] != q[1] ? Double.compare(p[1], q[1]) : Double.compare(p[2], q[2]));
        int n = found.size();
        n1 = new int[n];
        n2 = new int[n];
        gx = new double[n];
        gy = new double[n];
        index = new HashMap<>(2 * n);
        for (int i = 0; i < n; i++) {
            n1[i] = (int) found.get(i)[1];
            n2[i] = (int) found.get(i)[2];
            gx[i] = n1[i] * b1.kx() + n2[i] * b2.kx();
            gy[i] = n1[i] * b1.ky() + n2[i] * b2.ky();
            index.put(key(n1[i], n2[i]), i);
        }
    }

    /**
     * A plane-wave set given explicitly (for example the union of several balls); {@code centre} is used for
     * sorting and reporting only.
     */
    public static PlaneWaveBasis of(KVector centre, int[] n1, int[] n2) {
        return new PlaneWaveBasis(centre, n1, n2);
    }

    private PlaneWaveBasis(KVector centre, int[] a1, int[] a2) {
        this.centre = centre;
        int n = a1.length;
        KVector b1 = HexagonalLattice.B1;
        KVector b2 = HexagonalLattice.B2;
        n1 = a1.clone();
        n2 = a2.clone();
        gx = new double[n];
        gy = new double[n];
        index = new HashMap<>(2 * n);
        double far = 0;
        for (int i = 0; i < n; i++) {
            gx[i] = n1[i] * b1.kx() + n2[i] * b2.kx();
            gy[i] = n1[i] * b1.ky() + n2[i] * b2.ky();
            if (index.put(key(n1[i], n2[i]), i) != null) {
                throw new IllegalArgumentException("plane wave (" + n1[i] + ", " + n2[i] + ") given twice");
            }
            far = Math.max(far, Math.hypot(centre.kx() + gx[i], centre.ky() + gy[i]));
        }
        this.cutoff = far;
    }

    static long key(int a, int b) {
        return ((long) a << 32) ^ (b & 0xffffffffL);
    }

    public int size() {
        return n1.length;
    }

    public KVector centre() {
        return centre;
    }

    public double cutoff() {
        return cutoff;
    }

    public int n1(int i) {
        return n1[i];
    }

    public int n2(int i) {
        return n2[i];
    }

    public double gx(int i) {
        return gx[i];
    }

    public double gy(int i) {
        return gy[i];
    }

    /** Position of G = n1 b1 + n2 b2 in this basis, or -1. */
    public int indexOf(int a, int b) {
        Integer i = index.get(key(a, b));
        return i == null ? -1 : i;
    }

    /** Largest |n1|, |n2| and |n1 - n2| over the basis. */
    public int maxIndex() {
        int m = 0;
        for (int i = 0; i < n1.length; i++) {
            m = Math.max(m, Math.max(Math.abs(n1[i]), Math.abs(n2[i])));
        }
        return m;
    }

    /**
     * The permutation that a rotation by {@code steps} × 60° about the origin induces on the plane waves of a basis
     * centred on {@code k} when that rotation maps k to k + G0: plane wave e^{i(k+G)x} goes to e^{i(k+G')x} with
     * k + G' = R(k + G). Returns {@code perm[i] = index of G'}; throws when the basis is not invariant.
     */
    public int[] rotationPermutation(int steps) {
        int n = size();
        KVector rotatedCentre = centre.rotated(Math.PI / 3 * steps);
        double[] shift = HexagonalLattice.INSTANCE.fractionalReciprocal(rotatedCentre.minus(centre));
        int s1 = (int) Math.round(shift[0]);
        int s2 = (int) Math.round(shift[1]);
        if (Math.abs(shift[0] - s1) > 1e-9 || Math.abs(shift[1] - s2) > 1e-9) {
            throw new IllegalArgumentException("a rotation by " + 60 * steps + "° does not map k = " + centre
                    + " to itself modulo a reciprocal vector");
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            int a = n1[i];
            int b = n2[i];
            for (int s = 0; s < Math.floorMod(steps, 6); s++) {
                int[] r = HexagonalLattice.rotateReciprocal(a, b);
                a = r[0];
                b = r[1];
            }
            int target = indexOf(a + s1, b + s2);
            if (target < 0) {
                throw new IllegalStateException("plane-wave basis around " + centre + " is not invariant under a "
                        + 60 * steps + "° rotation");
            }
            perm[i] = target;
        }
        return perm;
    }

    @Override
    public String toString() {
        return "PlaneWaveBasis[" + size() + " waves, |k0+G| <= " + cutoff + ", k0=" + centre + "]";
    }

}
