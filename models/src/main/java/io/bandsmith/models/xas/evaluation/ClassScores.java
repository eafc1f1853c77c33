package io.bandsmith.models.xas.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recall, precision and F1 (paper eq. 1) of one class, from the counts of true positives, false positives and false
 * negatives for that class. A ratio with a zero denominator is NaN (reported as null).
 */
public record ClassScores(long truePositives, long falsePositives, long falseNegatives) {
    public ClassScores {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("counts must be non-negative");
        }
    }

    public long support() {
        return truePositives + falseNegatives;
    }

    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recall", finite(recall()));
        m.put("precision", finite(precision()));
        m.put("f1", finite(f1()));
        m.put("support", support());
        m.put("true_positives", truePositives);
        m.put("false_positives", falsePositives);
        m.put("false_negatives", falseNegatives);
        return m;
    }

    static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
