package io.bandsmith.engine.space3d;

import java.util.Arrays;

/**
 * A potential on an (L, L, L) grid of the tetragonal cell (conventions.md, case p4222-3d): {@code V[i, j, l]} in E0
 * at the fractional point (i/L, j/L, l/L), read as voxels; index (i L + j) L + l (C order). Immutable; checked where
 * made (finite values, L even and >= 2).
 */
public final class VoxelGrid {
    private final int size;
    private final double[] values;
    private final double vmax;

    private VoxelGrid(int size, double[] values, double vmax) {
        this.size = size;
        this.values = values;
        this.vmax = vmax;
    }

    public static VoxelGrid of(int size, double[] valuesE0, double vmax) {
        if (size < 2 || size % 2 != 0) {
            throw new IllegalArgumentException("grid size must be even and >= 2, got " + size);
        }
        if (valuesE0.length != size * size * size) {
            throw new IllegalArgumentException("expected " + size * size * size + " values, got " + valuesE0.length);
        }
        if (!(vmax > 0) || !Double.isFinite(vmax)) {
            throw new IllegalArgumentException("Vmax must be positive, got " + vmax);
        }
        for (int n = 0; n < valuesE0.length; n++) {
            if (!Double.isFinite(valuesE0[n])) {
                int i = n / (size * size);
                int j = n / size % size;
                throw new IllegalArgumentException("value " + valuesE0[n] + " at [" + i + ", " + j + ", " + n % size
                        + "]");
            }
        }
        return new VoxelGrid(size, valuesE0.clone(), vmax);
    }

    /** V = Vmax where the mask is true. */
    public static VoxelGrid ofMask(int size, boolean[] mask, double vmax) {
        double[] v = new double[mask.length];
        for (int n = 0; n < v.length; n++) {
            v[n] = mask[n] ? vmax : 0;
        }
        return of(size, v, vmax);
    }

    public int size() {
        return size;
    }

    public double vmax() {
        return vmax;
    }

    public double valueE0(int i, int j, int l) {
        return values[(i * size + j) * size + l];
    }

    public double[] valuesE0() {
        return values.clone();
    }

    /** Whether every value is 0 or Vmax (written as a uint8 mask). */
    public boolean isTwoValued() {
        for (double v : values) {
            if (v != 0 && v != vmax) {
                return false;
            }
        }
        return true;
    }

    /** -1 when symmetric under the eight operations of No. 93, else the index of the first broken one. */
    public int firstBrokenOperation(double tolerance) {
        return SpaceGroup93.firstBrokenOperation(values, size, tolerance);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoxelGrid g && g.size == size && g.vmax == vmax && Arrays.equals(g.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + size;
    }
}
