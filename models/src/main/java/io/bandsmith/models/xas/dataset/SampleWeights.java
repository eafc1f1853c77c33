package io.bandsmith.models.xas.dataset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.bandsmith.models.xas.ChemicalElement;

/**
 * The paper's sample weights: inversely proportional to (abundance of the sample's class) x (abundance of its least
 * common constituent element), both counted on the given (training) materials, normalized to mean 1.
 */
public final class SampleWeights {
    private SampleWeights() {
    }

    public static double[] compute(List<XasMaterial> materials) {
        if (materials.isEmpty()) {
            return new double[0];
        }
        long[] classCount = new long[2];
        Map<ChemicalElement, Long> elementCount = new HashMap<>();
        for (XasMaterial m : materials) {
            classCount[m.label().label()]++;
            for (ChemicalElement e : m.spectra().keySet()) {
                elementCount.merge(e, 1L, Long::sum);
            }
        }
        double[] w = new double[materials.size()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            XasMaterial m = materials.get(i);
            long rarest = Long.MAX_VALUE;
            for (ChemicalElement e : m.spectra().keySet()) {
                rarest = Math.min(rarest, elementCount.get(e));
            }
            w[i] = 1.0 / ((double) classCount[m.label().label()] * rarest);
            sum += w[i];
        }
        double mean = sum / w.length;
        for (int i = 0; i < w.length; i++) {
            w[i] /= mean;
        }
        return w;
    }
}
