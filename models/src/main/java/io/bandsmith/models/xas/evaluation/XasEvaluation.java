package io.bandsmith.models.xas.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.TopologicalClass;
import io.bandsmith.models.xas.dataset.XasMaterial;

/**
 * Scores of a classifier on a set of materials: recall, precision and F1 for each class, overall and for the subset
 * of materials containing each absorbing element (fig. 3a-c, S5).
 */
public final class XasEvaluation {
    private final Map<TopologicalClass, ClassScores> overall;
    private final SortedMap<ChemicalElement, Map<TopologicalClass, ClassScores>> perElement;
    private final int materials;

    private XasEvaluation(Map<TopologicalClass, ClassScores> overall,
            SortedMap<ChemicalElement, Map<TopologicalClass, ClassScores>> perElement, int materials) {
        this.overall = overall;
        this.perElement = perElement;
        this.materials = materials;
    }

    /** Scores for materials whose predicted probability of being topological is {@code p}, cut at threshold. */
    public static XasEvaluation of(List<XasMaterial> materials, double[] p, double threshold) {
        if (p.length != materials.size()) {
            throw new IllegalArgumentException("one probability per material needed");
        }
        long[][] confusion = new long[2][2]; // [true][predicted]
        Map<ChemicalElement, long[][]> byElement = new TreeMap<>();
        for (int i = 0; i < p.length; i++) {
            int truth = materials.get(i).label().label();
            int pred = p[i] >= threshold ? 1 : 0;
            confusion[truth][pred]++;
            for (ChemicalElement e : materials.get(i).spectra().keySet()) {
                byElement.computeIfAbsent(e, k -> new long[2][2])[truth][pred]++;
            }
        }
        SortedMap<ChemicalElement, Map<TopologicalClass, ClassScores>> per = new TreeMap<>();
        byElement.forEach((e, c) -> per.put(e, scores(c)));
        return new XasEvaluation(scores(confusion), per, materials.size());
    }

    private static Map<TopologicalClass, ClassScores> scores(long[][] c) {
        Map<TopologicalClass, ClassScores> m = new LinkedHashMap<>();
        m.put(TopologicalClass.TOPOLOGICAL, new ClassScores(c[1][1], c[0][1], c[1][0]));
        m.put(TopologicalClass.TRIVIAL, new ClassScores(c[0][0], c[1][0], c[0][1]));
        return m;
    }

    public ClassScores overall(TopologicalClass cls) {
        return overall.get(cls);
    }

    public SortedMap<ChemicalElement, Map<TopologicalClass, ClassScores>> perElement() {
        return perElement;
    }

    /** Mean of the two classes' recalls: 0.5 for a classifier at chance level, whatever the class balance. */
    public double balancedAccuracy() {
        double a = overall(TopologicalClass.TOPOLOGICAL).recall();
        double b = overall(TopologicalClass.TRIVIAL).recall();
        return 0.5 * ((Double.isNaN(a) ? 0 : a) + (Double.isNaN(b) ? 0 : b));
    }

    /** Recall of the class for each element that has materials of that class. */
    public SortedMap<ChemicalElement, Double> recallByElement(TopologicalClass cls) {
        SortedMap<ChemicalElement, Double> m = new TreeMap<>();
        perElement.forEach((e, s) -> {
            if (s.get(cls).support() > 0) {
                m.put(e, s.get(cls).recall());
            }
        });
        return m;
    }

    public Map<String, Object> toMap(boolean withElements) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("materials", materials);
        Map<String, Object> o = new LinkedHashMap<>();
        overall.forEach((cls, s) -> o.put(cls.jsonName(), s.toMap()));
        m.put("overall", o);
        m.put("balanced_accuracy", balancedAccuracy());
        if (withElements) {
            Map<String, Object> pe = new LinkedHashMap<>();
            perElement.forEach((e, s) -> {
                Map<String, Object> x = new LinkedHashMap<>();
                s.forEach((cls, sc) -> x.put(cls.jsonName(), sc.toMap()));
                pe.put(e.symbol(), x);
            });
            m.put("per_element", pe);
        }
        return m;
    }
}
