package io.bandsmith.models.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.models.network.TightBindingNetwork;

/**
 * Trains a {@link TightBindingNetwork} with the known-operator objective: each minibatch is forwarded, the predicted
 * tight-binding models are diagonalized (in parallel), the band-structure cost and its Hellmann-Feynman gradient
 * dL/dF are computed, and dL/dF is back-propagated through the network (Adam). After each epoch: validation, a CSV
 * log line, a checkpoint (network with its optimizer state + {@code .state.json}) from which {@code resume}
 * continues, and the best network on validation kept at the output path.
 */
public final class Trainer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param epochs total epochs
     * @param batchSize samples per minibatch
     * @param blockWeight weight r of the irrep-block terms at Γ, K, M relative to the band term
     * @param lateBlockWeight r used in the last fifth of the epochs (appendix E lowers r towards the end)
     * @param kSubsample random k points per sample and step for the band term besides Γ, K, M (0: all 79)
     * @param learningRate Adam rate of the first epoch
     * @param finalLearningRate Adam rate of the last epoch (cosine decay in between; also on resume)
     */
    public record Settings(int epochs, int batchSize, double blockWeight, double lateBlockWeight, int bands,
            int kSubsample, double learningRate, double finalLearningRate) {
        public static Settings defaults() {
            return new Settings(200, 32, 1.0, 0.3, 6, 16, 3e-4, 3e-5);
        }

        /** Cosine decay from learningRate (first epoch) to finalLearningRate (last epoch). */
        public double learningRate(int epoch) {
            double t = epochs <= 1 ? 1 : (double) epoch / (epochs - 1);
            return finalLearningRate + 0.5 * (learningRate - finalLearningRate) * (1 + Math.cos(Math.PI * t));
        }
    }

    /** One epoch's figures. */
    public record EpochReport(int epoch, double trainLoss, double validationBandRmsVmax, double validationLoss,
            double seconds) {
    }

    private final Settings settings;
    private final KnownOperatorObjective objective;

    public Trainer(Settings settings, KPointSet trainingKPoints, double vmax) {
        this.settings = settings;
        this.objective = new KnownOperatorObjective(io.bandsmith.engine.tightbinding.P6TimeReversalModel.model(),
                trainingKPoints, settings.bands(), vmax);
    }

    public KnownOperatorObjective objective() {
        return objective;
    }

    /**
     * Trains from {@code startEpoch} (0 for a new run) to settings.epochs.
     *
     * @param output best model so far (by validation); the checkpoint is output + ".checkpoint", the log output + ".csv"
     */
    public TightBindingNetwork train(TightBindingNetwork net, TrainingSet train, TrainingSet validation, Path output,
            int startEpoch, double bestSoFar, Consumer<EpochReport> progress, BooleanSupplier cancelled) {
        INDArray allInputs = net.input(train.features());
        INDArray validationInputs = net.input(validation.features());
        Path log = Path.of(output + ".csv");
        if (startEpoch == 0) {
            AtomicFiles.writeString(log,
                    "epoch,train_loss,validation_band_rms_vmax,validation_loss,seconds,block_weight,learning_rate\n");
        }
        double best = bestSoFar;
        int n = train.size();
        for (int epoch = startEpoch; epoch < settings.epochs(); epoch++) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            long start = System.nanoTime();
            double r = epoch >= settings.epochs() * 4 / 5 ? settings.lateBlockWeight() : settings.blockWeight();
            net.network().setLearningRate(settings.learningRate(epoch));
            int[] order = permutation(n, 1000L + epoch);
            double lossSum = 0;
            for (int b = 0; b < n; b += settings.batchSize()) {
                int size = Math.min(settings.batchSize(), n - b);
                int[] idx = java.util.Arrays.copyOfRange(order, b, b + size);
                INDArray x = allInputs.getRows(idx);
                double[][] params = net.parameters(x);
                List<double[]> p = new ArrayList<>();
                List<BandTarget> t = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    p.add(params[i]);
                    t.add(train.targets().get(idx[i]));
                }
                KnownOperatorObjective.Evaluation[] ev = objective.evaluate(p, t, r, settings.kSubsample(),
                        epoch * 1_000_000L + b);
                float[][] g = new float[size][];
                for (int i = 0; i < size; i++) {
                    lossSum += ev[i].loss();
                    g[i] = new float[ev[i].gradient().length];
                    for (int l = 0; l < g[i].length; l++) {
                        g[i][l] = (float) ev[i].gradient()[l];
                    }
                }
                net.network().fit(new DataSet(x, Nd4j.create(g)));
            }
            double[] val = validate(net, validationInputs, validation, r);
            EpochReport report = new EpochReport(epoch + 1, lossSum / n, val[0], val[1], (System.nanoTime() - start) / 1e9);
            appendLog(log, report, r, settings.learningRate(epoch));
            if (val[1] < best) {
                best = val[1];
                net.save(output);
            }
            saveCheckpoint(net, output, epoch + 1, best);
            progress.accept(report);
        }
        return net;
    }

    /**
     * The single tight-binding model (units of Vmax) that best fits the first {@code samples} training samples on
     * average, by gradient descent on the known-operator objective; the network starts from it (output bias).
     */
    public double[] fitPrior(TrainingSet train, int samples, int steps) {
        int nl = io.bandsmith.engine.tightbinding.P6TimeReversalModel.PARAMETERS;
        int onsite = io.bandsmith.engine.tightbinding.P6TimeReversalModel.ON_SITE_PARAMETERS;
        int n = Math.min(samples, train.size());
        // start from flat bands spread over the range of the target bands (mean lowest to mean highest band)
        double low = 0;
        double high = 0;
        for (int i = 0; i < n; i++) {
            double[][] e = train.targets().get(i).energies();
            for (double[] row : e) {
                low += row[0] / (n * e.length);
                high += row[row.length - 1] / (n * e.length);
            }
        }
        double vmax = 256.0;
        double[] p = new double[nl];
        for (int l = 0; l < onsite; l++) {
            p[l] = (low + (high - low) * l / (onsite - 1)) / vmax;
        }
        // plain gradient descent: the loss is close to quadratic here, and per-coordinate step normalization (Adam)
        // would push the many tiny hoppings around by noise
        double lr = 0.05;
        for (int step = 1; step <= steps; step++) {
            List<double[]> ps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ps.add(p);
            }
            KnownOperatorObjective.Evaluation[] ev = objective.evaluate(ps, train.targets().subList(0, n),
                    settings.blockWeight());
            double[] g = new double[nl];
            for (KnownOperatorObjective.Evaluation e : ev) {
                for (int l = 0; l < nl; l++) {
                    g[l] += e.gradient()[l] / n;
                }
            }
            for (int l = 0; l < nl; l++) {
                p[l] -= lr * g[l];
            }
        }
        return p;
    }

    /** {band rms in Vmax (band term only), total validation loss}. */
    public double[] validate(TightBindingNetwork net, INDArray inputs, TrainingSet validation, double r) {
        double[][] params = net.parameters(inputs);
        List<double[]> p = new ArrayList<>(List.of(params));
        KnownOperatorObjective.Evaluation[] ev = objective.evaluate(p, validation.targets(), r);
        double band = 0;
        double total = 0;
        for (KnownOperatorObjective.Evaluation e : ev) {
            band += e.bandLoss();
            total += e.loss();
        }
        return new double[] {Math.sqrt(band / ev.length), total / ev.length};
    }

    private static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static void appendLog(Path log, EpochReport e, double r, double lr) {
        try {
            Files.writeString(log, String.format(java.util.Locale.ROOT, "%d,%.6e,%.6e,%.6e,%.1f,%.2f,%.3e%n", e.epoch(),
                    e.trainLoss(), e.validationBandRmsVmax(), e.validationLoss(), e.seconds(), r, lr),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException("cannot write training log " + log, ex);
        }
    }

    static Path checkpointPath(Path output) {
        return Path.of(output + ".checkpoint");
    }

    private static void saveCheckpoint(TightBindingNetwork net, Path output, int epochsDone, double best) {
        net.save(checkpointPath(output));
        ObjectNode state = JSON.createObjectNode();
        state.put("epochs_done", epochsDone);
        state.put("best_validation_loss", best);
        AtomicFiles.writeString(Path.of(output + ".state.json"), state.toString());
    }

    /** The state of an interrupted run, or null: {epochs done, best validation loss}. */
    public static double[] checkpointState(Path output) {
        Path state = Path.of(output + ".state.json");
        if (!Files.isRegularFile(state) || !Files.isRegularFile(checkpointPath(output))) {
            return null;
        }
        try {
            var node = JSON.readTree(state.toFile());
            return new double[] {node.path("epochs_done").asInt(), node.path("best_validation_loss").asDouble()};
        } catch (IOException e) {
            return null;
        }
    }

    public static TightBindingNetwork loadCheckpoint(Path output) {
        return TightBindingNetwork.load(checkpointPath(output));
    }
}
