package io.bandsmith.app.gui.viewmodel;

import java.util.Locale;

/**
 * Numbers as the workbench prints them: floating-point noise is not a result. A value smaller than
 * {@link #NOISE} times its natural scale (Vmax for energies, 2π for a flux) is printed as 0; others with three
 * significant digits.
 */
public final class Numbers {
    /** Relative size below which a value is rounding noise of a computation on that scale. */
    public static final double NOISE = 1e-9;

    private Numbers() {
    }

    /** {@code value} with three significant digits, or "0" when it is noise on {@code scale}. */
    public static String significant(double value, double scale) {
        if (Double.isNaN(value)) {
            return "—";
        }
        if (Math.abs(value) <= NOISE * Math.abs(scale)) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /** {@code value}, or exactly 0 when it is noise on {@code scale}. */
    public static double clean(double value, double scale) {
        return Math.abs(value) <= NOISE * Math.abs(scale) ? 0 : value;
    }
}
