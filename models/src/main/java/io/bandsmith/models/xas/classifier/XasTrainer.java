package io.bandsmith.models.xas.classifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bandsmith.models.xas.TopologicalClass;
import io.bandsmith.models.xas.dataset.DatasetSplit;
import io.bandsmith.models.xas.dataset.ElementBalancedSplit;
import io.bandsmith.models.xas.dataset.SampleWeights;
import io.bandsmith.models.xas.dataset.XasDataset;
import io.bandsmith.models.xas.dataset.XasMaterial;
import io.bandsmith.models.xas.preprocess.XasPreprocessing;

/**
 * The training pipeline of the paper: element-balanced 70/10/20 split, preprocessing fitted on the training split
 * only, sample weights from the training split, then the chosen backend.
 */
public final class XasTrainer {
    private XasTrainer() {
    }

    public static TrainedXasClassifier train(XasDataset dataset, XasModelKind kind, XasTrainingOptions o) {
        DatasetSplit split = ElementBalancedSplit.split(dataset.materials(), o.seed());
        return train(dataset, split, kind, o);
    }

    public static TrainedXasClassifier train(XasDataset dataset, DatasetSplit split, XasModelKind kind,
            XasTrainingOptions o) {
        List<XasMaterial> train = split.select(dataset.materials(), DatasetSplit.Subset.TRAIN);
        List<XasMaterial> valid = split.select(dataset.materials(), DatasetSplit.Subset.VALIDATION);
        if (train.isEmpty()) {
            throw new IllegalArgumentException("the training split is empty (dataset has "
                    + dataset.materials().size() + " materials)");
        }
        XasPreprocessing pre = XasPreprocessing.fit(train, dataset.windows(), XasPreprocessing.DEFAULT_POINTS);
        double[] weights = SampleWeights.compute(train);
        XasTopologyModel model;
        switch (kind) {
            case CNN:
            case CNN_SG:
                model = CnnTopologyModel.train(kind, pre, train, weights, valid, o);
                break;
            case SVM:
                model = SvmTopologyModel.train(pre, train, o);
                break;
            case PCA_KMEANS:
                model = PcaKMeansTopologyModel.train(pre, train, o);
                break;
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("train_materials", train.size());
        facts.put("validation_materials", valid.size());
        facts.put("test_materials", split.test().size());
        facts.put("train_topological", train.stream().filter(m -> m.label() == TopologicalClass.TOPOLOGICAL)
                .count());
        facts.put("element_channels", pre.channelCount());
        facts.putAll(model.summary());
        return new TrainedXasClassifier(kind, pre, model, split, o, 0.5, dataset.description(), facts);
    }
}
