package io.bandsmith.models.xas.classifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bandsmith.models.xas.dataset.DatasetSplit;
import io.bandsmith.models.xas.dataset.XasMaterial;
import io.bandsmith.models.xas.preprocess.XasPreprocessing;

/**
 * A trained classifier with everything needed to use it again: the frozen preprocessing, the backend, the split it
 * was trained with (so {@code evaluate} can use the same test materials), the options and the decision threshold.
 */
public record TrainedXasClassifier(XasModelKind kind, XasPreprocessing preprocessing, XasTopologyModel model,
        DatasetSplit split, XasTrainingOptions options, double threshold, String datasetDescription,
        Map<String, Object> facts) {
    public TrainedXasClassifier {
        if (model.kind() != kind) {
            throw new IllegalArgumentException("backend is " + model.kind() + ", not " + kind);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        }
        facts = new LinkedHashMap<>(facts);
    }

    /** Probability that each material is topological. */
    public double[] probabilities(List<XasMaterial> materials) {
        return model.probabilities(materials);
    }
}
