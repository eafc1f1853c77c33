package io.bandsmith.models.xas.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import io.bandsmith.models.xas.SpaceGroupSymmetry;
import io.bandsmith.models.xas.dataset.XasMaterial;
import io.bandsmith.models.xas.preprocess.XasPreprocessing;

/**
 * The paper's CNN (fig. 1d) as a DL4J {@link ComputationGraph}. The spectra enter as one image of height
 * {@code points} (energy) and width {@code channels} (absorbing elements); every convolution and pooling kernel is
 * {@code k x 1}, so the same kernels slide along the energy axis of every element channel (kernels shared across
 * elements, as in Methods, point 1). The flattened features pass a dropout-regularized dense layer. With symmetry
 * (CNN-sg) a second input, the 269-long one-hot of crystal system, point group and space group, goes through one
 * dense layer; the two branches are merged into an 8-dimensional encoding before the sigmoid output. Loss: binary
 * cross-entropy weighted per sample (the weights enter as the label mask).
 */
public final class CnnTopologyModel implements XasTopologyModel {
    static final String NETWORK_ENTRY = "network.zip";

    private final XasModelKind kind;
    private final XasPreprocessing preprocessing;
    private final ComputationGraph graph;
    private final Map<String, Object> trainingFacts;

    CnnTopologyModel(XasModelKind kind, XasPreprocessing preprocessing, ComputationGraph graph,
            Map<String, Object> trainingFacts) {
        if (kind != XasModelKind.CNN && kind != XasModelKind.CNN_SG) {
            throw new IllegalArgumentException("not a CNN kind: " + kind);
        }
        this.kind = kind;
        this.preprocessing = preprocessing;
        this.graph = graph;
        this.trainingFacts = new LinkedHashMap<>(trainingFacts);
    }

    static ComputationGraph network(boolean withSymmetry, int points, int channels, XasTrainingOptions o) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(o.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(o.learningRate()))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Truncate)
                .graphBuilder();
        if (withSymmetry) {
            g.addInputs("spectra", "symmetry")
                    .setInputTypes(InputType.convolutional(points, channels, 1),
                            InputType.feedForward(SpaceGroupSymmetry.ONE_HOT_LENGTH));
        } else {
            g.addInputs("spectra").setInputTypes(InputType.convolutional(points, channels, 1));
        }
        g.addLayer("conv1", new ConvolutionLayer.Builder(5, 1).nOut(8).activation(Activation.RELU).l2(o.l2())
                .build(), "spectra")
                .addLayer("pool1", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 1).stride(2, 1)
                        .build(), "conv1")
                .addLayer("conv2", new ConvolutionLayer.Builder(5, 1).nOut(16).activation(Activation.RELU)
                        .l2(o.l2()).build(), "pool1")
                .addLayer("pool2", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 1).stride(2, 1)
                        .build(), "conv2")
                .addLayer("conv3", new ConvolutionLayer.Builder(3, 1).nOut(16).activation(Activation.RELU)
                        .l2(o.l2()).build(), "pool2")
                .addLayer("pool3", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 1).stride(2, 1)
                        .build(), "conv3")
                .addLayer("spectral-dense", new DenseLayer.Builder().nOut(64).activation(Activation.RELU)
                        .dropOut(o.dropoutRetain()).l2(o.l2()).build(), "pool3");
        String encoderInput = "spectral-dense";
        if (withSymmetry) {
            g.addLayer("symmetry-dense", new DenseLayer.Builder().nOut(16).activation(Activation.RELU).l2(o.l2())
                    .build(), "symmetry")
                    .addVertex("merge", new MergeVertex(), "spectral-dense", "symmetry-dense");
            encoderInput = "merge";
        }
        g.addLayer("encoding", new DenseLayer.Builder().nOut(8).activation(Activation.RELU).build(), encoderInput)
                .addLayer("topological", new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1)
                        .activation(Activation.SIGMOID).build(), "encoding")
                .setOutputs("topological");
        ComputationGraph net = new ComputationGraph(g.build());
        net.init();
        return net;
    }

    /**
     * Trains on the training materials (with per-sample weights, shift augmentation) and keeps the parameters of
     * the epoch with the lowest weighted validation loss.
     */
    static CnnTopologyModel train(XasModelKind kind, XasPreprocessing pre, List<XasMaterial> train,
            double[] weights, List<XasMaterial> validation, XasTrainingOptions o) {
        boolean sym = kind == XasModelKind.CNN_SG;
        Nd4j.getRandom().setSeed(o.seed());
        ComputationGraph net = network(sym, pre.points(), pre.channelCount(), o);
        double[] shifts = o.augment() && o.shiftEv() > 0 ? new double[] {0, -o.shiftEv(), o.shiftEv()}
                : new double[] {0};
        List<int[]> samples = new ArrayList<>(); // (material index, shift index)
        for (int i = 0; i < train.size(); i++) {
            for (int s = 0; s < shifts.length; s++) {
                samples.add(new int[] {i, s});
            }
        }
        double[] validWeights = validation.isEmpty() ? new double[0]
                : io.bandsmith.models.xas.dataset.SampleWeights.compute(validation);
        Random rng = new Random(o.seed());
        INDArray bestParams = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        int sinceBest = 0;
        List<Double> validLosses = new ArrayList<>();
        int epoch;
        for (epoch = 0; epoch < o.maxEpochs(); epoch++) {
            Collections.shuffle(samples, rng);
            for (int b = 0; b < samples.size(); b += o.batchSize()) {
                List<int[]> batch = samples.subList(b, Math.min(samples.size(), b + o.batchSize()));
                List<XasMaterial> ms = new ArrayList<>(batch.size());
                double[] sh = new double[batch.size()];
                double[] w = new double[batch.size()];
                for (int k = 0; k < batch.size(); k++) {
                    ms.add(train.get(batch.get(k)[0]));
                    sh[k] = shifts[batch.get(k)[1]];
                    w[k] = weights[batch.get(k)[0]];
                }
                net.fit(dataSet(pre, sym, ms, sh, w));
            }
            if (validation.isEmpty()) {
                bestParams = net.params().dup();
                bestEpoch = epoch;
                continue;
            }
            double loss = weightedLoss(net, pre, sym, validation, validWeights);
            validLosses.add(loss);
            if (loss < bestLoss - 1e-6) {
                bestLoss = loss;
                bestParams = net.params().dup();
                bestEpoch = epoch;
                sinceBest = 0;
            } else if (++sinceBest >= o.patience()) {
                epoch++;
                break;
            }
        }
        net.setParams(bestParams);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("epochs_run", epoch);
        facts.put("best_epoch", bestEpoch + 1);
        facts.put("best_validation_loss", Double.isFinite(bestLoss) ? bestLoss : null);
        facts.put("validation_loss_by_epoch", validLosses);
        facts.put("training_samples_after_augmentation", samples.size());
        facts.put("parameters", net.numParams());
        return new CnnTopologyModel(kind, pre, net, facts);
    }

    private static double weightedLoss(ComputationGraph net, XasPreprocessing pre, boolean sym,
            List<XasMaterial> ms, double[] w) {
        double[] p = predict(net, pre, sym, ms);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]));
            int y = ms.get(i).label().label();
            sum += -w[i] * (y == 1 ? Math.log(q) : Math.log(1 - q));
        }
        return sum / p.length;
    }

    static MultiDataSet dataSet(XasPreprocessing pre, boolean sym, List<XasMaterial> ms, double[] shifts,
            double[] weights) {
        INDArray[] features = features(pre, sym, ms, shifts);
        float[] y = new float[ms.size()];
        float[] w = new float[ms.size()];
        for (int i = 0; i < ms.size(); i++) {
            y[i] = ms.get(i).label().label();
            w[i] = (float) weights[i];
        }
        INDArray labels = Nd4j.create(y, new long[] {ms.size(), 1}, 'c');
        INDArray mask = Nd4j.create(w, new long[] {ms.size(), 1}, 'c');
        return new MultiDataSet(features, new INDArray[] {labels}, null, new INDArray[] {mask});
    }

    static INDArray[] features(XasPreprocessing pre, boolean sym, List<XasMaterial> ms, double[] shifts) {
        int n = ms.size();
        int len = pre.encodedLength();
        float[] spectra = new float[n * len];
        for (int i = 0; i < n; i++) {
            pre.encodeInto(ms.get(i), shifts == null ? 0 : shifts[i], spectra, i * len);
        }
        INDArray x = Nd4j.create(spectra, new long[] {n, 1, pre.points(), pre.channelCount()}, 'c');
        if (!sym) {
            return new INDArray[] {x};
        }
        float[] oneHot = new float[n * SpaceGroupSymmetry.ONE_HOT_LENGTH];
        for (int i = 0; i < n; i++) {
            System.arraycopy(ms.get(i).symmetry().oneHot(), 0, oneHot, i * SpaceGroupSymmetry.ONE_HOT_LENGTH,
                    SpaceGroupSymmetry.ONE_HOT_LENGTH);
        }
        return new INDArray[] {x, Nd4j.create(oneHot, new long[] {n, SpaceGroupSymmetry.ONE_HOT_LENGTH}, 'c')};
    }

    private static double[] predict(ComputationGraph net, XasPreprocessing pre, boolean sym, List<XasMaterial> ms) {
        double[] p = new double[ms.size()];
        int batch = 256;
        for (int b = 0; b < ms.size(); b += batch) {
            List<XasMaterial> part = ms.subList(b, Math.min(ms.size(), b + batch));
            INDArray out = net.outputSingle(false, features(pre, sym, part, null));
            for (int i = 0; i < part.size(); i++) {
                p[b + i] = out.getDouble(i, 0);
            }
        }
        return p;
    }

    @Override
    public XasModelKind kind() {
        return kind;
    }

    @Override
    public double[] probabilities(List<XasMaterial> materials) {
        return predict(graph, preprocessing, kind == XasModelKind.CNN_SG, materials);
    }

    @Override
    public void writeEntries(ZipOutputStream zip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(graph, bytes, false);
        zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
        zip.write(bytes.toByteArray());
        zip.closeEntry();
    }

    static CnnTopologyModel read(XasModelKind kind, XasPreprocessing pre, byte[] network,
            Map<String, Object> facts) throws IOException {
        ComputationGraph g = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(network), false);
        return new CnnTopologyModel(kind, pre, g, facts);
    }

    @Override
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>(trainingFacts);
        m.put("architecture", (kind == XasModelKind.CNN_SG ? "spectra[points x elements] -> " : "spectra -> ")
                + "conv5x1(8)-pool-conv5x1(16)-pool-conv3x1(16)-pool -> dense64(dropout)"
                + (kind == XasModelKind.CNN_SG ? " + symmetry one-hot(269) -> dense16, merged" : "")
                + " -> dense8 -> sigmoid");
        return m;
    }
}
