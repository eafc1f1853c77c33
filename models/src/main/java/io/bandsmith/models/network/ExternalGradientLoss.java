package io.bandsmith.models.network;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.common.primitives.Pair;

/**
 * The known-operator loss plugged into Deeplearning4j. The band-structure cost is computed outside the network
 * (diagonalizing the tight-binding model the network predicts, appendix B); its gradient with respect to the
 * network's output, dL/dF, arrives in place of the labels, and this function only passes it back through the output
 * activation. The score is reported by the trainer, so the one returned here is the first-order change
 * Σ labels · output, a placeholder that keeps DL4J's bookkeeping finite.
 */
public final class ExternalGradientLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
            boolean average) {
        double s = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? s / Math.max(1, labels.size(0)) : s;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray out = activationFn.getActivation(preOutput.dup(), true);
        return out.mul(labels).sum(1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return activationFn.backprop(preOutput.dup(), labels.dup()).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
            IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "ExternalGradientLoss";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExternalGradientLoss;
    }

    @Override
    public int hashCode() {
        return 17;
    }
}
