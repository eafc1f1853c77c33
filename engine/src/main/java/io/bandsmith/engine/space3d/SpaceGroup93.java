package io.bandsmith.engine.space3d;

import java.util.List;

import io.bandsmith.engine.group.SymOp;

/**
 * Space group P4_222 (No. 93) as data (docs/conventions.md, case p4222-3d): the eight operations (W|t) of the
 * standard setting of the International Tables (Hall symbol {@code P 4c 2}) in fractional coordinates of the
 * tetragonal lattice a1 = (1,0,0), a2 = (0,1,0), a3 = (0,0,c). Because the axes are orthogonal, W is also the
 * Cartesian rotation; only the translation needs the factor c along z.
 *
 * <p>The operations themselves are defined once, in {@link io.bandsmith.engine.group.SpaceGroup93} (also used by
 * the tight-binding builder); this class is the voxel-grid view of them: named operations for messages and the
 * little-group tables, grid images, the symmetry check and symmetrization.
 */
public final class SpaceGroup93 {
    /** One operation: x -> W x + t (fractional), with its name in the conventions' order. */
    public record Operation(String name, int[] w, double[] t) {
        public Operation {
            if (w.length != 9 || t.length != 3) {
                throw new IllegalArgumentException("W is 3x3, t has 3 components");
            }
            w = w.clone();
            t = t.clone();
        }

        @Override
        public int[] w() {
            return w.clone();
        }

        @Override
        public double[] t() {
            return t.clone();
        }

        /** W applied to an integer or real 3-vector. */
        public double[] rotate(double[] v) {
            return new double[] {w[0] * v[0] + w[1] * v[1] + w[2] * v[2], w[3] * v[0] + w[4] * v[1] + w[5] * v[2],
                    w[6] * v[0] + w[7] * v[1] + w[8] * v[2]};
        }

        public int[] rotate(int[] v) {
            return new int[] {w[0] * v[0] + w[1] * v[1] + w[2] * v[2], w[3] * v[0] + w[4] * v[1] + w[5] * v[2],
                    w[6] * v[0] + w[7] * v[1] + w[8] * v[2]};
        }

        /** The same rotation with another fractional translation (the elements of the paper's tables). */
        public Operation withTranslation(String newName, double tx, double ty, double tz) {
            return new Operation(newName, w, new double[] {tx, ty, tz});
        }

        double tz() {
            return t[2];
        }

        int w(int i) {
            return w[i];
        }
    }

    /**
     * The operations in the order of conventions.md, taken from the one list of No. 93 in the group layer
     * ({@link io.bandsmith.engine.group.SpaceGroup93#operations()}); the names are written from (W|t).
     */
    public static final List<Operation> OPERATIONS = io.bandsmith.engine.group.SpaceGroup93.operations().stream()
            .map(SpaceGroup93::fromSymOp).toList();

    /** Index of (-x,-y,z) = C2z, (-y,x,z+1/2) = C4z screw, (-x,y,-z) = C2y, (x,-y,-z) = C2x, (y,x,-z+1/2) = C2(x+y). */
    public static final int C2Z = 1;
    public static final int C4Z = 2;
    public static final int C2Y = 4;
    public static final int C2X = 5;
    public static final int C2XY = 6;

    private SpaceGroup93() {
    }

    private static Operation fromSymOp(SymOp op) {
        int[] w = new int[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                w[3 * i + j] = op.w(i, j);
            }
        }
        return new Operation(name(w, op.translation()), w, op.translation());
    }

    /** "(x,y,z)" style: row i of W as a signed sum of x, y, z, then the translation as +1/2 etc. */
    private static String name(int[] w, double[] t) {
        StringBuilder sb = new StringBuilder("(");
        String axes = "xyz";
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                sb.append(',');
            }
            boolean first = true;
            for (int j = 0; j < 3; j++) {
                int c = w[3 * i + j];
                if (c == 0) {
                    continue;
                }
                if (c < 0) {
                    sb.append('-');
                } else if (!first) {
                    sb.append('+');
                }
                if (Math.abs(c) != 1) {
                    sb.append(Math.abs(c));
                }
                sb.append(axes.charAt(j));
                first = false;
            }
            if (t[i] != 0) {
                sb.append(t[i] < 0 ? '-' : '+').append(fraction(Math.abs(t[i])));
            }
        }
        return sb.append(')').toString();
    }

    private static String fraction(double v) {
        for (int d = 1; d <= 6; d++) {
            long n = Math.round(v * d);
            if (Math.abs(v * d - n) < 1e-12) {
                return d == 1 ? Long.toString(n) : n + "/" + d;
            }
        }
        return Double.toString(v);
    }

    /**
     * Grid index of the image g(x) of grid point (i, j, l) of an (L, L, L) grid (L even, so the half translations
     * land on grid points).
     */
    public static int image(Operation g, int size, int i, int j, int l) {
        int[] r = g.rotate(new int[] {i, j, l});
        double[] t = g.t();
        int a = Math.floorMod(r[0] + (int) Math.round(t[0] * size), size);
        int b = Math.floorMod(r[1] + (int) Math.round(t[1] * size), size);
        int c = Math.floorMod(r[2] + (int) Math.round(t[2] * size), size);
        return (a * size + b) * size + c;
    }

    /**
     * The first operation (in the conventions' order) under which the grid is not symmetric: some voxel differs from
     * the voxel at its image by more than {@code tolerance}; -1 when the grid is symmetric under all eight.
     */
    public static int firstBrokenOperation(double[] values, int size, double tolerance) {
        if (values.length != size * size * size) {
            throw new IllegalArgumentException("expected " + size * size * size + " values, got " + values.length);
        }
        for (int o = 1; o < OPERATIONS.size(); o++) {
            Operation g = OPERATIONS.get(o);
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    for (int l = 0; l < size; l++) {
                        double v = values[(i * size + j) * size + l];
                        double w = values[image(g, size, i, j, l)];
                        if (!(Math.abs(v - w) <= tolerance)) {
                            return o;
                        }
                    }
                }
            }
        }
        return -1;
    }

    /**
     * The average of a field over the eight operations, exactly invariant: the eight values of an orbit are sorted
     * before summing, so every member of an orbit gets the same bits.
     */
    public static double[] symmetrize(double[] values, int size) {
        double[] out = new double[values.length];
        double[] orbit = new double[OPERATIONS.size()];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                for (int l = 0; l < size; l++) {
                    for (int o = 0; o < OPERATIONS.size(); o++) {
                        orbit[o] = values[image(OPERATIONS.get(o), size, i, j, l)];
                    }
                    java.util.Arrays.sort(orbit);
                    double s = 0;
                    for (double v : orbit) {
                        s += v;
                    }
                    out[(i * size + j) * size + l] = s / orbit.length;
                }
            }
        }
        return out;
    }
}
