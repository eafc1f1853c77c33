package io.bandsmith.models.training;

import java.util.Arrays;

/**
 * Whether an ensemble's spread tells the size of its errors: the coverage is the fraction of (k, band) values whose
 * error lies within {@code factor} times the spread (the target: at least 90 % within 2x), and the scale is
 * the factor by which the raw spread must be multiplied to reach a wanted coverage (fitted on validation data,
 * applied unchanged to test data).
 */
public final class EnsembleCalibration {
    /** The multiple of the spread within which the errors should lie. */
    public static final double FACTOR = 2.0;
    /** The coverage the issue asks for on test data. */
    public static final double TARGET = 0.90;
    /**
     * The coverage the scale is fitted for on validation data: the target plus a margin for the sampling difference
     * between a 1,024-sample validation set and the test set.
     */
    public static final double FIT_TARGET = 0.92;

    private EnsembleCalibration() {
    }

    /** Fraction of values with |error| ≤ factor · spread (a zero spread covers only a zero error). */
    public static double coverage(double[] errors, double[] spreads, double factor) {
        if (errors.length != spreads.length || errors.length == 0) {
            throw new IllegalArgumentException("need as many spreads as errors, and at least one");
        }
        int in = 0;
        for (int i = 0; i < errors.length; i++) {
            in += Math.abs(errors[i]) <= factor * spreads[i] ? 1 : 0;
        }
        return (double) in / errors.length;
    }

    /**
     * The smallest scale c with coverage(errors, c · spreads, factor) ≥ target: the target quantile of
     * |error| / (factor · spread).
     */
    public static double fitScale(double[] errors, double[] spreads, double factor, double target) {
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("target coverage must be in (0, 1], got " + target);
        }
        double[] ratio = new double[errors.length];
        for (int i = 0; i < errors.length; i++) {
            double e = Math.abs(errors[i]);
            ratio[i] = e == 0 ? 0 : spreads[i] > 0 ? e / (factor * spreads[i]) : Double.POSITIVE_INFINITY;
        }
        Arrays.sort(ratio);
        int index = Math.max(0, (int) Math.ceil(target * ratio.length) - 1);
        double c = ratio[index];
        if (!Double.isFinite(c) || c <= 0) {
            throw new IllegalArgumentException("the spread is zero where errors are not: no scale calibrates it");
        }
        return c;
    }
}
