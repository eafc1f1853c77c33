package io.bandsmith.engine.geometry;

import java.util.Arrays;

/**
 * An immutable L x L potential on the unit cell (conventions.md, "Potentials on a grid"): {@code V[i, j]} is the
 * potential at {@code x_ij = (i/L) a1 + (j/L) a2}, in units of E0. The step height {@code vmax} (E0) sets the scale
 * in which accuracies are quoted and how masks are read.
 *
 * <p>Construction checks that the values are finite; C6 symmetry is checked by {@link C6GridSymmetry} where a
 * symmetric potential is required (solvers), so that editors can hold intermediate asymmetric grids.
 */
public final class PotentialGrid {
    public static final double DEFAULT_VMAX = 256.0;

    private final int size;
    private final double[] values;
    private final double vmax;

    private PotentialGrid(int size, double[] values, double vmax) {
        this.size = size;
        this.values = values;
        this.vmax = vmax;
    }

    /**
     * @param size L (at least 3)
     * @param valuesE0 L*L values, row-major ({@code values[i*L + j] = V[i, j]}), in E0; copied
     * @param vmax the step height in E0 (positive)
     */
    public static PotentialGrid of(int size, double[] valuesE0, double vmax) {
        if (size < 3) {
            throw new IllegalArgumentException("grid size L must be at least 3, got " + size);
        }
        if (valuesE0.length != size * size) {
            throw new IllegalArgumentException("grid of size " + size + " needs " + size * size + " values, got "
                    + valuesE0.length);
        }
        if (!(vmax > 0) || !Double.isFinite(vmax)) {
            throw new IllegalArgumentException("Vmax must be a positive number of E0, got " + vmax);
        }
        for (int n = 0; n < valuesE0.length; n++) {
            if (!Double.isFinite(valuesE0[n])) {
                throw new IllegalArgumentException("potential value at [" + n / size + ", " + n % size + "] is "
                        + valuesE0[n] + " (must be finite)");
            }
        }
        return new PotentialGrid(size, valuesE0.clone(), vmax);
    }

    /** A two-valued potential: V = vmax where the mask is set, 0 elsewhere. */
    public static PotentialGrid fromMask(int size, boolean[] mask, double vmax) {
        double[] v = new double[mask.length];
        for (int n = 0; n < v.length; n++) {
            v[n] = mask[n] ? vmax : 0.0;
        }
        return of(size, v, vmax);
    }

    /** A potential given as fractions of vmax (0 = no potential, 1 = full step). */
    public static PotentialGrid fromFractions(int size, double[] fractions, double vmax) {
        double[] v = new double[fractions.length];
        for (int n = 0; n < v.length; n++) {
            v[n] = fractions[n] * vmax;
        }
        return of(size, v, vmax);
    }

    public int size() {
        return size;
    }

    public double vmax() {
        return vmax;
    }

    /** V[i, j] in E0; indices are taken modulo L (the grid is periodic). */
    public double value(int i, int j) {
        return values[Math.floorMod(i, size) * size + Math.floorMod(j, size)];
    }

    /** A copy of the values, row-major, in E0. */
    public double[] valuesE0() {
        return values.clone();
    }

    /** A copy of the values in units of vmax. */
    public double[] fractions() {
        double[] f = new double[values.length];
        for (int n = 0; n < f.length; n++) {
            f[n] = values[n] / vmax;
        }
        return f;
    }

    /** True when every value is 0 or vmax. */
    public boolean isTwoValued() {
        for (double v : values) {
            if (v != 0.0 && v != vmax) {
                return false;
            }
        }
        return true;
    }

    /** The same potential with another step height: values are rescaled so that fractions of Vmax stay. */
    public PotentialGrid withVmax(double newVmax) {
        double[] f = fractions();
        return fromFractions(size, f, newVmax);
    }

    /** The smallest value of V, in E0. */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** The largest value of V, in E0. */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The range max − min of V, in E0 (0 for a constant potential). */
    public double range() {
        return max() - min();
    }

    /** The mean of V over the cell, in E0. */
    public double mean() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PotentialGrid g && g.size == size && g.vmax == vmax && Arrays.equals(g.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Double.hashCode(vmax);
    }

    @Override
    public String toString() {
        return "PotentialGrid[L=" + size + ", Vmax=" + vmax + " E0]";
    }
}
