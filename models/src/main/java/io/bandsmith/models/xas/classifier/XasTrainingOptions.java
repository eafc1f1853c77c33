package io.bandsmith.models.xas.classifier;

/**
 * Training settings. Defaults follow the paper where it says (Adam, binary cross-entropy, +-1 eV shift augmentation
 * x3, early stop on the validation loss, threshold 0.5) and are otherwise small enough for a laptop.
 */
public record XasTrainingOptions(long seed, int maxEpochs, int batchSize, double learningRate, int patience,
        double shiftEv, boolean augment, double l2, double dropoutRetain) {
    public XasTrainingOptions {
        if (maxEpochs < 1 || batchSize < 1 || patience < 1) {
            throw new IllegalArgumentException("epochs, batch size and patience must be positive");
        }
        if (!(learningRate > 0) || shiftEv < 0 || l2 < 0 || !(dropoutRetain > 0 && dropoutRetain <= 1)) {
            throw new IllegalArgumentException("learning rate > 0, shift >= 0, l2 >= 0, 0 < dropout retain <= 1");
        }
    }

    public static XasTrainingOptions defaults() {
        return new XasTrainingOptions(7, 60, 32, 1e-3, 10, 1.0, true, 1e-4, 0.5);
    }

    public XasTrainingOptions withSeed(long s) {
        return new XasTrainingOptions(s, maxEpochs, batchSize, learningRate, patience, shiftEv, augment, l2,
                dropoutRetain);
    }

    public XasTrainingOptions withMaxEpochs(int e) {
        return new XasTrainingOptions(seed, e, batchSize, learningRate, patience, shiftEv, augment, l2, dropoutRetain);
    }
}
