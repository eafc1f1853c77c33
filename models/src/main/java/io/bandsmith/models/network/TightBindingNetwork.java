package io.bandsmith.models.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.tightbinding.P6TimeReversalModel;
import io.bandsmith.engine.tightbinding.TightBindingModel;

/**
 * The tight-binding neural network of the p6 case study: C6 star features of the geometry (standardized) → dense
 * layers → the 245 parameters of the symmetry-enhanced tight-binding model (units of Vmax). A model file is a DL4J
 * zip with a {@code bandsmith.json} entry (format, feature cutoff and standardization, model name, training
 * summary); loading a corrupt, truncated or mismatched file gives an {@link InvalidInputException}.
 */
public final class TightBindingNetwork {
    public static final String FORMAT = "bandsmith-tb-network";
    public static final int FORMAT_VERSION = 1;
    private static final String META_KEY = "bandsmith.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MultiLayerNetwork network;
    private final StarFeatures features;
    private final double[] featureMean;
    private final double[] featureScale;
    private final TightBindingModel model;
    private final ObjectNode summary;

    private TightBindingNetwork(MultiLayerNetwork network, StarFeatures features, double[] mean, double[] scale,
            ObjectNode summary) {
        this.network = network;
        this.features = features;
        this.featureMean = mean;
        this.featureScale = scale;
        this.model = P6TimeReversalModel.model();
        this.summary = summary;
    }

    /** A fresh network; the feature standardization is fitted on the given training features. */
    public static TightBindingNetwork create(StarFeatures features, double[][] trainingFeatures, int[] hidden,
            double learningRate, long seed) {
        int nf = features.size();
        double[] mean = new double[nf];
        double[] scale = new double[nf];
        for (double[] f : trainingFeatures) {
            for (int i = 0; i < nf; i++) {
                mean[i] += f[i] / trainingFeatures.length;
            }
        }
        for (double[] f : trainingFeatures) {
            for (int i = 0; i < nf; i++) {
                scale[i] += (f[i] - mean[i]) * (f[i] - mean[i]) / trainingFeatures.length;
            }
        }
        for (int i = 0; i < nf; i++) {
            scale[i] = Math.sqrt(scale[i]) + 1e-6;
        }
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.FLOAT).updater(new Adam(learningRate)).weightInit(WeightInit.XAVIER).list();
        int in = nf;
        for (int h : hidden) {
            b.layer(new DenseLayer.Builder().nIn(in).nOut(h).activation(Activation.TANH).build());
            in = h;
        }
        b.layer(new OutputLayer.Builder(new ExternalGradientLoss()).nIn(in).nOut(P6TimeReversalModel.PARAMETERS)
                .activation(Activation.IDENTITY).build());
        MultiLayerConfiguration conf = b.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        ObjectNode summary = JSON.createObjectNode();
        summary.put("hidden", java.util.Arrays.toString(hidden));
        summary.put("learning_rate", learningRate);
        summary.put("seed", seed);
        return new TightBindingNetwork(net, features, mean, scale, summary);
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public StarFeatures features() {
        return features;
    }

    public TightBindingModel model() {
        return model;
    }

    /**
     * How many standard deviations of the training data each raw feature lies from its mean (the standardization the
     * network applies to its input); large values mean the geometry is unlike anything the network was trained on.
     */
    /** The mean of raw feature i over the training data. */
    public double featureMean(int i) {
        return featureMean[i];
    }

    /** The standard deviation of raw feature i over the training data. */
    public double featureScale(int i) {
        return featureScale[i];
    }

    public double[] featureDeviations(double[] rawFeatures) {
        double[] z = new double[rawFeatures.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (rawFeatures[i] - featureMean[i]) / featureScale[i];
        }
        return z;
    }

    public ObjectNode summary() {
        return summary;
    }

    /** Standardized network input for raw star features. */
    public INDArray input(double[][] rawFeatures) {
        int nf = features.size();
        float[][] x = new float[rawFeatures.length][nf];
        for (int s = 0; s < rawFeatures.length; s++) {
            for (int i = 0; i < nf; i++) {
                x[s][i] = (float) ((rawFeatures[s][i] - featureMean[i]) / featureScale[i]);
            }
        }
        return Nd4j.create(x);
    }

    /** Standardized network input for raw star features, in the network's precision. */
    public INDArray inputLike(double[][] rawFeatures) {
        return input(rawFeatures).castTo(network.params().dataType());
    }

    /**
     * The gradient of a loss with respect to the raw star features, given its gradient dL/dF with respect to the
     * predicted parameters (units of Vmax) of each row of {@code rawFeatures}: back-propagation through the network
     * and the standardization (Deeplearning4j's {@code calculateGradients}).
     */
    public double[][] featureGradient(double[][] rawFeatures, double[][] lossGradient) {
        DataType type = network.params().dataType();
        INDArray x = input(rawFeatures).castTo(type);
        INDArray eps = Nd4j.create(lossGradient).castTo(type);
        INDArray dx = network.calculateGradients(x, eps, null, null).getSecond();
        double[][] g = dx.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (double[] row : g) {
            for (int i = 0; i < row.length; i++) {
                row[i] /= featureScale[i];
            }
        }
        return g;
    }

    /**
     * The network as plain double-precision arrays, for many small evaluations (inverse design): forward pass and
     * input gradient without Deeplearning4j's per-call overhead. A snapshot: later training does not change it.
     */
    public DenseEvaluator denseEvaluator() {
        return new DenseEvaluator(network, featureMean, featureScale);
    }

    /** See {@link #denseEvaluator()}. Thread-safe. */
    public static final class DenseEvaluator {
        private final double[][] weights; // [layer][in * nOut + out]
        private final double[][] biases;
        private final int[] widths;       // widths[0] = inputs, widths[layers] = outputs
        private final double[] mean;
        private final double[] scale;

        private DenseEvaluator(MultiLayerNetwork net, double[] mean, double[] scale) {
            int layers = net.getnLayers();
            weights = new double[layers][];
            biases = new double[layers][];
            widths = new int[layers + 1];
            for (int l = 0; l < layers; l++) {
                var conf = (org.deeplearning4j.nn.conf.layers.FeedForwardLayer) net.getLayer(l).conf().getLayer();
                var act = ((org.deeplearning4j.nn.conf.layers.BaseLayer) conf).getActivationFn();
                boolean last = l == layers - 1;
                String expected = last ? "identity" : "tanh";
                if (!act.toString().toLowerCase(java.util.Locale.ROOT).contains(expected)) {
                    throw new IllegalStateException("dense evaluation supports tanh hidden layers and an identity "
                            + "output, layer " + l + " has " + act);
                }
                INDArray w = net.getLayer(l).getParam("W").castTo(DataType.DOUBLE);
                widths[l] = (int) w.size(0);
                widths[l + 1] = (int) w.size(1);
                weights[l] = w.dup('c').data().asDouble();
                biases[l] = net.getLayer(l).getParam("b").castTo(DataType.DOUBLE).dup('c').data().asDouble();
            }
            this.mean = mean.clone();
            this.scale = scale.clone();
        }

        /** Parameters (units of Vmax) for raw star features. */
        public double[] parameters(double[] rawFeatures) {
            return forward(rawFeatures)[weights.length];
        }

        /** Activations of every layer (index 0: the standardized input). */
        private double[][] forward(double[] raw) {
            double[][] a = new double[weights.length + 1][];
            a[0] = new double[widths[0]];
            for (int i = 0; i < widths[0]; i++) {
                a[0][i] = (raw[i] - mean[i]) / scale[i];
            }
            for (int l = 0; l < weights.length; l++) {
                int nIn = widths[l];
                int nOut = widths[l + 1];
                double[] out = biases[l].clone();
                double[] w = weights[l];
                double[] in = a[l];
                for (int i = 0; i < nIn; i++) {
                    double x = in[i];
                    int off = i * nOut;
                    for (int j = 0; j < nOut; j++) {
                        out[j] += x * w[off + j];
                    }
                }
                if (l < weights.length - 1) {
                    for (int j = 0; j < nOut; j++) {
                        out[j] = Math.tanh(out[j]);
                    }
                }
                a[l + 1] = out;
            }
            return a;
        }

        /** Parameters and the gradient of a loss with respect to the raw features, given dL/dF (see below). */
        public double[] featureGradient(double[] rawFeatures, java.util.function.Function<double[], double[]> lossGradient) {
            double[][] a = forward(rawFeatures);
            double[] g = lossGradient.apply(a[weights.length]).clone();
            for (int l = weights.length - 1; l >= 0; l--) {
                int nIn = widths[l];
                int nOut = widths[l + 1];
                double[] w = weights[l];
                double[] back = new double[nIn];
                for (int i = 0; i < nIn; i++) {
                    int off = i * nOut;
                    double sum = 0;
                    for (int j = 0; j < nOut; j++) {
                        sum += w[off + j] * g[j];
                    }
                    back[i] = sum;
                }
                if (l > 0) {
                    double[] h = a[l];
                    for (int i = 0; i < nIn; i++) {
                        back[i] *= 1 - h[i] * h[i];
                    }
                }
                g = back;
            }
            for (int i = 0; i < g.length; i++) {
                g[i] /= scale[i];
            }
            return g;
        }
    }

    /**
     * A copy with other weights (a flat vector in Deeplearning4j's parameter order, e.g. an average of this
     * network's weights over epochs); configuration, feature standardization and summary are kept.
     */
    public TightBindingNetwork withParameters(INDArray parameters) {
        MultiLayerNetwork copy = network.clone();
        copy.setParams(parameters.castTo(network.params().dataType()).dup());
        return new TightBindingNetwork(copy, features, featureMean, featureScale, summary.deepCopy());
    }

    /** A copy computing in double precision (for finite-difference checks of gradients). */
    public TightBindingNetwork inDoublePrecision() {
        return new TightBindingNetwork(network.convertDataType(DataType.DOUBLE), features, featureMean, featureScale,
                summary);
    }

    /** Tight-binding parameters (units of Vmax) for standardized inputs. */
    public double[][] parameters(INDArray input) {
        INDArray out = network.output(input.castTo(network.params().dataType()), false);
        return out.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /** Tight-binding parameters (units of Vmax) of geometries. */
    public double[][] parameters(List<PotentialGrid> grids) {
        double[][] raw = new double[grids.size()][];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = features.of(grids.get(i));
        }
        return parameters(input(raw));
    }

    /**
     * Starts the network at a prior model: the output bias becomes {@code prior} (a single tight-binding model that
     * fits the training set on average) and the output weights are scaled by {@code weightScale}, so that training
     * begins from sensible bands instead of random ones.
     */
    public void setOutputPrior(double[] prior, double weightScale) {
        int last = network.getnLayers() - 1;
        INDArray b = network.getLayer(last).getParam("b");
        INDArray w = network.getLayer(last).getParam("W");
        if (b.length() != prior.length) {
            throw new IllegalArgumentException("prior has " + prior.length + " values, the output " + b.length());
        }
        for (int l = 0; l < prior.length; l++) {
            b.putScalar(l, prior[l]);
        }
        w.muli(weightScale);
    }

    /** Writes the model atomically. */
    public void save(Path file) {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("format", FORMAT);
        meta.put("format_version", FORMAT_VERSION);
        meta.put("tight_binding_model", model.name());
        meta.put("parameters", model.parameterCount());
        meta.put("star_cutoff", features.cutoff());
        meta.set("feature_mean", JSON.valueToTree(featureMean));
        meta.set("feature_scale", JSON.valueToTree(featureScale));
        meta.set("summary", summary);
        AtomicFiles.write(file, tmp -> {
            ModelSerializer.writeModel(network, tmp.toFile(), true);
            ModelSerializer.addObjectToFile(tmp.toFile(), META_KEY, meta.toString());
        });
    }

    /** Loads a model; every problem is reported as one clear message naming the file. */
    public static TightBindingNetwork load(Path file) {
        io.bandsmith.engine.io.InputFiles.requireReadable(file, "model file");
        ObjectNode meta;
        MultiLayerNetwork net;
        try {
            Object raw = ModelSerializer.getObjectFromFile(file.toFile(), META_KEY);
            meta = (ObjectNode) JSON.readTree(String.valueOf(raw));
        } catch (Exception e) {
            throw new InvalidInputException(file, "not a Bandsmith network (not a readable model zip: truncated, "
                    + "damaged, or another kind of file)");
        }
        if (!FORMAT.equals(meta.path("format").asText())) {
            throw new InvalidInputException(file, "not a Bandsmith tight-binding network");
        }
        if (meta.path("format_version").asInt() > FORMAT_VERSION) {
            throw new InvalidInputException(file, "model format " + meta.path("format_version").asInt()
                    + " is newer than this Bandsmith (" + FORMAT_VERSION + ")");
        }
        TightBindingModel expected = P6TimeReversalModel.model();
        if (meta.path("parameters").asInt() != expected.parameterCount()
                || !expected.name().equals(meta.path("tight_binding_model").asText())) {
            throw new InvalidInputException(file, "model is for '" + meta.path("tight_binding_model").asText()
                    + "' with " + meta.path("parameters").asInt() + " parameters, expected '" + expected.name() + "' with "
                    + expected.parameterCount());
        }
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw new InvalidInputException(file, "the network inside the model file is damaged (its weights or "
                    + "configuration cannot be read)");
        }
        StarFeatures f;
        double[] mean;
        double[] scale;
        try {
            f = new StarFeatures(meta.path("star_cutoff").asInt());
            mean = JSON.convertValue(meta.get("feature_mean"), double[].class);
            scale = JSON.convertValue(meta.get("feature_scale"), double[].class);
        } catch (RuntimeException e) {
            throw new InvalidInputException(file, "the model's metadata is damaged (" + e.getMessage() + ")");
        }
        if (mean == null || scale == null || mean.length != f.size() || scale.length != f.size()
                || net.layerInputSize(0) != f.size()) {
            throw new InvalidInputException(file, "model metadata does not match its network (feature count)");
        }
        ObjectNode summary = meta.has("summary") ? (ObjectNode) meta.get("summary") : JSON.createObjectNode();
        return new TightBindingNetwork(net, f, mean, scale, summary);
    }
}
