package io.bandsmith.models.xas.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.TopologicalClass;

/**
 * The paper's element-balanced 70/10/20 split: elements are traversed in order of increasing abundance in
 * topological samples; for each, the not yet assigned materials containing it are split by class, shuffled, and
 * 20% of each class go to test, 10% to validation and the rest to training.
 */
public final class ElementBalancedSplit {
    public static final double TEST_FRACTION = 0.2;
    public static final double VALIDATION_FRACTION = 0.1;

    private ElementBalancedSplit() {
    }

    public static DatasetSplit split(List<XasMaterial> materials, long seed) {
        Random rng = new Random(seed);
        Map<ChemicalElement, long[]> counts = new java.util.TreeMap<>();
        for (XasMaterial m : materials) {
            for (ChemicalElement e : m.spectra().keySet()) {
                counts.computeIfAbsent(e, k -> new long[2])[m.label().label()]++;
            }
        }
        List<ChemicalElement> order = new ArrayList<>(counts.keySet());
        order.sort(Comparator.comparingLong((ChemicalElement e) -> counts.get(e)[1])
                .thenComparingInt(ChemicalElement::atomicNumber));
        Set<String> assigned = new HashSet<>();
        List<String> train = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (ChemicalElement e : order) {
            for (TopologicalClass cls : TopologicalClass.values()) {
                List<String> ids = new ArrayList<>();
                for (XasMaterial m : materials) {
                    if (m.label() == cls && m.spectra().containsKey(e) && !assigned.contains(m.id())) {
                        ids.add(m.id());
                    }
                }
                Collections.shuffle(ids, rng);
                int n = ids.size();
                int nTest = (int) Math.round(TEST_FRACTION * n);
                int nValid = Math.min(n - nTest, (int) Math.round(VALIDATION_FRACTION * n));
                test.addAll(ids.subList(0, nTest));
                valid.addAll(ids.subList(nTest, nTest + nValid));
                train.addAll(ids.subList(nTest + nValid, n));
                assigned.addAll(ids);
            }
        }
        return new DatasetSplit(train, valid, test);
    }
}
