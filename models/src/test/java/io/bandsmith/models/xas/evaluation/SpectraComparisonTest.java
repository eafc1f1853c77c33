package io.bandsmith.models.xas.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.bandsmith.models.xas.AbsorptionEdge;
import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.SpectrumType;
import io.bandsmith.models.xas.XasSpectrum;

class SpectraComparisonTest {
    private static final ChemicalElement CU = ChemicalElement.ofSymbol("Cu");

    /** An arctan edge at {@code edge} eV of width 1.5 eV plus one Gaussian bump and noise. */
    private static XasSpectrum edgeSpectrum(double edge, Random rng) {
        int n = 150;
        double[] x = new double[n];
        double[] y = new double[n];
        double bump = edge + 10 + 20 * rng.nextDouble();
        for (int i = 0; i < n; i++) {
            x[i] = edge - 10 + 70.0 * i / (n - 1);
            double d = (x[i] - bump) / 3;
            y[i] = 0.5 + Math.atan((x[i] - edge) / 1.5) / Math.PI + 0.2 * Math.exp(-0.5 * d * d)
                    + 0.005 * rng.nextGaussian();
        }
        return new XasSpectrum(CU, AbsorptionEdge.K, SpectrumType.XANES, x, y, OptionalInt.empty());
    }

    @Test
    void steepestRiseOfAnArctanEdgeIsTheEdge() {
        // the slope of arctan((E - E0)/w) is largest at E0; the bump is 10+ eV away
        XasSpectrum s = edgeSpectrum(8980.0, new Random(1));
        assertEquals(8980.0, SpectraComparison.steepestRise(s), 0.5);
    }

    @Test
    void setsDrawnAlikeMixAndShiftedSetsSeparate() {
        Random rng = new Random(5);
        List<XasSpectrum> ref = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<XasSpectrum> same = new ArrayList<>();
        List<XasSpectrum> shifted = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ref.add(edgeSpectrum(8000 + rng.nextGaussian(), rng));
            groups.add("reference");
            same.add(edgeSpectrum(8000 + rng.nextGaussian(), rng));
            shifted.add(edgeSpectrum(8980 + rng.nextGaussian(), rng));
        }
        SpectraComparison.Vectorizer window = SpectraComparison.window(7990, 8060, 100, 0.5, 0.4);
        SpectraComparison.View alike = SpectraComparison.compare("alike", ref, groups, same, "same", window, 3);
        SpectraComparison.View apart = SpectraComparison.compare("apart", ref, groups, shifted, "shifted", window, 3);
        // drawn from one distribution: most lie as close to a reference spectrum as reference spectra do to each
        // other, and the two clusters do not follow the sets
        assertTrue((double) alike.stats().get("other_within_reference_p95") > 0.8, alike.stats().toString());
        assertTrue((double) alike.stats().get("kmeans_set_purity") < 0.75, alike.stats().toString());
        // 980 eV above the window: none close, and k-means splits exactly by set
        assertEquals(0.0, (double) apart.stats().get("other_within_reference_p95"), 0);
        assertEquals(1.0, (double) apart.stats().get("kmeans_set_purity"), 0);
        // edge-aligned, the shift no longer matters
        SpectraComparison.View shape = SpectraComparison.compare("shape", ref, groups, shifted, "shifted",
                SpectraComparison.edgeAligned(5, 45, 100), 3);
        assertTrue((double) shape.stats().get("other_within_reference_p95") > 0.8, shape.stats().toString());
    }
}
