package io.bandsmith.models.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.bandsmith.models.xas.dataset.DatasetSplit;
import io.bandsmith.models.xas.dataset.ElementBalancedSplit;
import io.bandsmith.models.xas.dataset.SampleWeights;
import io.bandsmith.models.xas.dataset.SyntheticPlantedSignalDataset;
import io.bandsmith.models.xas.dataset.XasDataset;
import io.bandsmith.models.xas.dataset.XasMaterial;
import io.bandsmith.models.xas.evaluation.ClassScores;
import io.bandsmith.models.xas.evaluation.XasEvaluation;
import io.bandsmith.models.xas.preprocess.XasPreprocessing;

class XasPipelineTest {
    private final XasDataset data = SyntheticPlantedSignalDataset.generate(
            SyntheticPlantedSignalDataset.Settings.small(3));

    @Test
    void splitIsDisjointCompleteAndNearSeventyTenTwenty() {
        DatasetSplit s = ElementBalancedSplit.split(data.materials(), 1);
        Set<String> all = new HashSet<>();
        all.addAll(s.train());
        all.addAll(s.validation());
        all.addAll(s.test());
        assertEquals(data.materials().size(), all.size());
        assertEquals(data.materials().size(), s.train().size() + s.validation().size() + s.test().size());
        double n = data.materials().size();
        assertEquals(0.2, s.test().size() / n, 0.03);
        assertEquals(0.1, s.validation().size() / n, 0.03);
    }

    @Test
    void splitBalancesClassesWithinTheTestSet() {
        DatasetSplit s = ElementBalancedSplit.split(data.materials(), 2);
        List<XasMaterial> test = s.select(data.materials(), DatasetSplit.Subset.TEST);
        double fracAll = (double) data.count(TopologicalClass.TOPOLOGICAL) / data.materials().size();
        double fracTest = test.stream().filter(m -> m.label() == TopologicalClass.TOPOLOGICAL).count()
                / (double) test.size();
        assertEquals(fracAll, fracTest, 0.05);
        // the rarest element (first in the traversal) gets almost exactly 20% of each class into the test set
        Map<ChemicalElement, long[]> counts = data.elementCounts();
        ChemicalElement first = counts.keySet().stream()
                .min((a, b) -> Long.compare(counts.get(a)[1], counts.get(b)[1])).orElseThrow();
        for (TopologicalClass cls : TopologicalClass.values()) {
            long total = counts.get(first)[cls.label()];
            long inTest = test.stream().filter(m -> m.label() == cls && m.spectra().containsKey(first)).count();
            assertEquals(Math.round(0.2 * total), inTest, first + " " + cls);
        }
    }

    @Test
    void splitDependsOnSeedButIsReproducible() {
        assertEquals(ElementBalancedSplit.split(data.materials(), 9), ElementBalancedSplit.split(data.materials(), 9));
        assertNotEquals(ElementBalancedSplit.split(data.materials(), 9).test(),
                ElementBalancedSplit.split(data.materials(), 10).test());
    }

    @Test
    void standardizationIsFittedOnTrainingOnly() {
        DatasetSplit s = ElementBalancedSplit.split(data.materials(), 1);
        List<XasMaterial> train = s.select(data.materials(), DatasetSplit.Subset.TRAIN);
        XasPreprocessing p = XasPreprocessing.fit(train, data.windows(), 200);
        // scaling every non-training spectrum by 100 leaves the fitted standardization unchanged
        List<XasMaterial> changed = new ArrayList<>();
        Set<String> trainIds = new HashSet<>(s.train());
        for (XasMaterial m : data.materials()) {
            changed.add(trainIds.contains(m.id()) ? m : scaled(m, 100));
        }
        XasPreprocessing q = XasPreprocessing.fit(new DatasetSplit(s.train(), s.validation(), s.test())
                .select(changed, DatasetSplit.Subset.TRAIN), data.windows(), 200);
        for (int c = 0; c < p.channelCount(); c++) {
            assertEquals(p.channelMean(c), q.channelMean(c), 0);
            assertEquals(p.channelScale(c), q.channelScale(c), 0);
        }
        // and standardized training spectra have mean intensity ~0 per channel and mean std ~1
        for (int c = 0; c < p.channelCount(); c++) {
            ChemicalElement e = p.channels().get(c);
            double sumMean = 0;
            double sumStd = 0;
            int n = 0;
            for (XasMaterial m : train) {
                if (!m.spectra().containsKey(e)) {
                    continue;
                }
                double[] r = p.standardized(e, m.spectra().get(e), 0);
                double mu = java.util.Arrays.stream(r).average().orElseThrow();
                double var = java.util.Arrays.stream(r).map(v -> (v - mu) * (v - mu)).sum() / r.length;
                sumMean += mu;
                sumStd += Math.sqrt(var);
                n++;
            }
            assertEquals(0, sumMean / n, 1e-9, e.symbol());
            assertEquals(1, sumStd / n, 1e-9, e.symbol());
        }
    }

    private static XasMaterial scaled(XasMaterial m, double f) {
        TreeMap<ChemicalElement, XasSpectrum> s = new TreeMap<>();
        m.spectra().forEach((e, sp) -> {
            double[] y = sp.intensities();
            for (int i = 0; i < y.length; i++) {
                y[i] *= f;
            }
            s.put(e, new XasSpectrum(e, sp.edge(), sp.type(), sp.energiesEv(), y, OptionalInt.empty()));
        });
        return new XasMaterial(m.id(), m.formula(), m.symmetry(), m.topologicalClass(), s);
    }

    @Test
    void encodingPutsEachElementInItsChannelAndZerosElsewhere() {
        XasPreprocessing p = XasPreprocessing.fit(data.materials(), data.windows(), 200);
        XasMaterial m = data.materials().get(0);
        float[] x = new float[p.encodedLength()];
        p.encodeInto(m, 0, x, 0);
        for (int c = 0; c < p.channelCount(); c++) {
            ChemicalElement e = p.channels().get(c);
            boolean present = m.spectra().containsKey(e);
            double[] expected = present ? p.standardized(e, m.spectra().get(e), 0) : new double[200];
            for (int i = 0; i < 200; i++) {
                assertEquals(expected[i], x[i * p.channelCount() + c], 1e-5);
            }
        }
        // the +1 eV augmented copy is the spectrum moved up by 1 eV on the same window
        float[] shifted = new float[p.encodedLength()];
        p.encodeInto(m, 1.0, shifted, 0);
        ChemicalElement e = m.spectra().firstKey();
        int c = p.channelOf(e);
        var w = p.windows().get(e);
        double step = (w.toEv() - w.fromEv()) / 199;
        int i = 100;
        double energy = w.fromEv() + i * step;
        double raw = m.spectra().get(e).intensityAt(energy - 1.0);
        assertEquals((raw - p.channelMean(c)) / p.channelScale(c), shifted[i * p.channelCount() + c], 1e-5);
    }

    @Test
    void sampleWeightsFollowThePaperAndAverageOne() {
        List<XasMaterial> ms = data.materials();
        double[] w = SampleWeights.compute(ms);
        assertEquals(1.0, java.util.Arrays.stream(w).average().orElseThrow(), 1e-12);
        Map<ChemicalElement, long[]> counts = data.elementCounts();
        long[] cls = {data.count(TopologicalClass.TRIVIAL), data.count(TopologicalClass.TOPOLOGICAL)};
        // w_i * classCount * rarestElementCount is the same constant for every sample
        double k = -1;
        for (int i = 0; i < ms.size(); i++) {
            XasMaterial m = ms.get(i);
            long rare = m.spectra().keySet().stream().mapToLong(e -> counts.get(e)[0] + counts.get(e)[1]).min()
                    .orElseThrow();
            double v = w[i] * cls[m.label().label()] * rare;
            if (k < 0) {
                k = v;
            }
            assertEquals(k, v, 1e-9 * k);
        }
        // the minority (topological) class weighs more on average
        double wt = 0;
        double wv = 0;
        for (int i = 0; i < ms.size(); i++) {
            if (ms.get(i).label() == TopologicalClass.TOPOLOGICAL) {
                wt += w[i] / cls[1];
            } else {
                wv += w[i] / cls[0];
            }
        }
        assertTrue(wt > wv);
    }

    @Test
    void metricsFromKnownCounts() {
        ClassScores s = new ClassScores(8, 2, 4);
        assertEquals(8.0 / 12, s.recall(), 1e-12);
        assertEquals(0.8, s.precision(), 1e-12);
        assertEquals(2 * 0.8 * (8.0 / 12) / (0.8 + 8.0 / 12), s.f1(), 1e-12);
        assertTrue(Double.isNaN(new ClassScores(0, 0, 0).recall()));

        List<XasMaterial> ms = data.materials().subList(0, 30);
        double[] perfect = new double[ms.size()];
        double[] inverted = new double[ms.size()];
        for (int i = 0; i < ms.size(); i++) {
            perfect[i] = ms.get(i).label().label();
            inverted[i] = 1 - perfect[i];
        }
        XasEvaluation good = XasEvaluation.of(ms, perfect, 0.5);
        assertEquals(1.0, good.overall(TopologicalClass.TOPOLOGICAL).recall(), 0);
        assertEquals(1.0, good.overall(TopologicalClass.TRIVIAL).precision(), 0);
        XasEvaluation bad = XasEvaluation.of(ms, inverted, 0.5);
        assertEquals(0.0, bad.balancedAccuracy(), 0);
        // per element: the subset containing the element, counted by hand
        ChemicalElement e = ChemicalElement.ofSymbol("Bi");
        long topoWithBi = ms.stream().filter(m -> m.spectra().containsKey(e)
                && m.label() == TopologicalClass.TOPOLOGICAL).count();
        assertEquals(topoWithBi, good.perElement().get(e).get(TopologicalClass.TOPOLOGICAL).support());
    }

    @Test
    void materialsRefuseLEdgesAndMisfiledSpectra() {
        XasSpectrum l3 = new XasSpectrum(ChemicalElement.ofSymbol("Zn"), AbsorptionEdge.L3, SpectrumType.XANES,
                new double[] {1, 2}, new double[] {1, 2}, OptionalInt.empty());
        TreeMap<ChemicalElement, XasSpectrum> s = new TreeMap<>();
        s.put(ChemicalElement.ofSymbol("Zn"), l3);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new XasMaterial("x", Optional.empty(), SpaceGroupSymmetry.of(186), Optional.empty(), s));
        assertTrue(e.getMessage().contains("L3 edge where a K edge is required"));
    }
}
