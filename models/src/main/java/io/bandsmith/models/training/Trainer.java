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

    /** How the learning rate changes from epoch to epoch. */
    public enum Schedule {
        /** Cosine decay from the first rate (first epoch) to the final rate (last epoch). */
        COSINE,
        /**
         * The first rate until the validation loss has not improved for {@code patience} epochs, then half of it,
         * and so on, never below the final rate.
         */
        PLATEAU
    }

    /**
     * @param epochs total epochs
     * @param batchSize samples per minibatch
     * @param blockWeight weight r of the irrep-block terms at Γ, K, M relative to the band term
     * @param lateBlockWeight r used in the last fifth of the epochs (appendix E lowers r towards the end)
     * @param kSubsample random k points per sample and step for the band term besides Γ, K, M (0: all 79)
     * @param learningRate Adam rate of the first epoch
     * @param finalLearningRate Adam rate of the last epoch (cosine) or the lowest rate (plateau)
     * @param schedule cosine decay or reduction on a plateau of the validation loss
     * @param patience epochs without improvement before the plateau schedule halves the rate
     * @param averageLast weights averaged over the last this many epochs (stochastic weight averaging; 0: off); the
     *     average becomes the model when it is better on validation than the best single epoch
     * @param trainMonitor training samples (the first ones) on which the band rms is measured after each epoch, like
     *     the validation rms, for learning curves (0: off)
     */
    public record Settings(int epochs, int batchSize, double blockWeight, double lateBlockWeight, int bands,
            int kSubsample, double learningRate, double finalLearningRate, Schedule schedule, int patience,
            int averageLast, int trainMonitor) {
        public Settings {
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("epochs and batch size must be positive");
            }
            if (averageLast < 0 || averageLast > epochs) {
                throw new IllegalArgumentException("epochs averaged must be between 0 and the epochs (" + epochs
                        + "), got " + averageLast);
            }
            if (patience < 1) {
                throw new IllegalArgumentException("patience must be at least 1 epoch, got " + patience);
            }
        }

        /** Cosine schedule, no averaging, no training-rms monitor (the settings of the shipped model). */
        public Settings(int epochs, int batchSize, double blockWeight, double lateBlockWeight, int bands,
                int kSubsample, double learningRate, double finalLearningRate) {
            this(epochs, batchSize, blockWeight, lateBlockWeight, bands, kSubsample, learningRate, finalLearningRate,
                    Schedule.COSINE, 5, 0, 0);
        }

        public static Settings defaults() {
            return new Settings(200, 32, 1.0, 0.3, 6, 16, 3e-4, 3e-5);
        }

        /** Cosine decay from learningRate (first epoch) to finalLearningRate (last epoch). */
        public double learningRate(int epoch) {
            double t = epochs <= 1 ? 1 : (double) epoch / (epochs - 1);
            return finalLearningRate + 0.5 * (learningRate - finalLearningRate) * (1 + Math.cos(Math.PI * t));
        }

        /** Whether epoch (0-based) enters the weight average. */
        public boolean averaged(int epoch) {
            return averageLast > 0 && epoch >= epochs - averageLast;
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
        TrainingSet monitor = settings.trainMonitor() > 0 ? train.slice(0, Math.min(settings.trainMonitor(),
                train.size())) : null;
        INDArray monitorInputs = monitor == null ? null : net.input(monitor.features());
        Path log = Path.of(output + ".csv");
        RunState state = startEpoch == 0 ? null : readState(output);
        if (startEpoch == 0) {
            AtomicFiles.writeString(log, "epoch,train_loss,validation_band_rms_vmax,validation_loss,seconds,"
                    + "block_weight,learning_rate,train_band_rms_vmax,averaged_validation_band_rms_vmax\n");
        }
        double best = bestSoFar;
        double plateauRate = state != null && state.learningRate() > 0 ? state.learningRate() : settings.learningRate();
        int stale = state != null ? state.staleEpochs() : 0;
        int averagedCount = state != null ? state.averagedEpochs() : 0;
        INDArray average = null;
        if (averagedCount > 0 && Files.isRegularFile(averagePath(output))) {
            average = TightBindingNetwork.load(averagePath(output)).network().params().dup();
        } else {
            averagedCount = 0;
        }
        int n = train.size();
        for (int epoch = startEpoch; epoch < settings.epochs(); epoch++) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            long start = System.nanoTime();
            double r = epoch >= settings.epochs() * 4 / 5 ? settings.lateBlockWeight() : settings.blockWeight();
            double rate = settings.schedule() == Schedule.PLATEAU ? plateauRate : settings.learningRate(epoch);
            net.network().setLearningRate(rate);
            // the order and the k subsets depend on the network's seed (members of an ensemble see the data differently;
            // seed 1, the default, keeps the order of the runs before ensembles)
            long stream = (net.summary().path("seed").asLong(1) - 1) * 7_919L;
            int[] order = permutation(n, 1000L + epoch + stream);
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
                        epoch * 1_000_000L + b + stream * 1_000_000_007L);
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
            double trainRms = monitor == null ? Double.NaN : validate(net, monitorInputs, monitor, r)[0];
            double averagedRms = Double.NaN;
            TightBindingNetwork averaged = null;
            double averagedLoss = Double.NaN;
            if (settings.averaged(epoch)) {
                INDArray now = net.network().params();
                if (average == null) {
                    average = now.dup();
                    averagedCount = 1;
                } else {
                    averagedCount++;
                    average.addi(now.sub(average).divi(averagedCount));
                }
                averaged = net.withParameters(average);
                double[] av = validate(averaged, validationInputs, validation, r);
                averagedRms = av[0];
                averagedLoss = av[1];
            }
            EpochReport report = new EpochReport(epoch + 1, lossSum / n, val[0], val[1], (System.nanoTime() - start) / 1e9);
            appendLog(log, report, r, rate, trainRms, averagedRms);
            boolean improved = best == Double.MAX_VALUE || val[1] < best * (1 - 1e-3);
            if (val[1] < best) {
                best = val[1];
                net.save(output);
            }
            if (settings.schedule() == Schedule.PLATEAU) {
                if (improved) {
                    stale = 0;
                } else if (++stale >= settings.patience()) {
                    plateauRate = Math.max(settings.finalLearningRate(), 0.5 * plateauRate);
                    stale = 0;
                }
            }
            boolean last = epoch == settings.epochs() - 1;
            if (averaged != null) {
                averaged.save(averagePath(output));
                if (last && averagedLoss < best) {
                    // the average of the last epochs beats every single epoch: it becomes the model
                    best = averagedLoss;
                    averaged.summary().put("averaged_epochs", averagedCount);
                    averaged.save(output);
                }
            }
            saveCheckpoint(net, output, new RunState(epoch + 1, best, plateauRate, stale, averagedCount));
            progress.accept(report);
        }
        return net;
    }

    /** Where the running weight average of an interrupted run is kept. */
    static Path averagePath(Path output) {
        return Path.of(output + ".average");
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

    private static void appendLog(Path log, EpochReport e, double r, double lr, double trainRms,
            double averagedRms) {
        try {
            Files.writeString(log, String.format(java.util.Locale.ROOT, "%d,%.6e,%.6e,%.6e,%.1f,%.2f,%.3e,%s,%s%n",
                    e.epoch(), e.trainLoss(), e.validationBandRmsVmax(), e.validationLoss(), e.seconds(), r, lr,
                    number(trainRms), number(averagedRms)),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException("cannot write training log " + log, ex);
        }
    }

    static Path checkpointPath(Path output) {
        return Path.of(output + ".checkpoint");
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6e", v);
    }

    /**
     * What a resumed run needs besides the checkpointed network: epochs done, the best validation loss so far, the
     * current rate of the plateau schedule, epochs since its last improvement, and epochs in the weight average.
     */
    public record RunState(int epochsDone, double bestValidationLoss, double learningRate, int staleEpochs,
            int averagedEpochs) {
    }

    private static void saveCheckpoint(TightBindingNetwork net, Path output, RunState s) {
        net.save(checkpointPath(output));
        ObjectNode state = JSON.createObjectNode();
        state.put("epochs_done", s.epochsDone());
        state.put("best_validation_loss", s.bestValidationLoss());
        state.put("learning_rate", s.learningRate());
        state.put("stale_epochs", s.staleEpochs());
        state.put("averaged_epochs", s.averagedEpochs());
        AtomicFiles.writeString(Path.of(output + ".state.json"), state.toString());
    }

    /** The full state of an interrupted run, or null. */
    public static RunState readState(Path output) {
        Path state = Path.of(output + ".state.json");
        if (!Files.isRegularFile(state) || !Files.isRegularFile(checkpointPath(output))) {
            return null;
        }
        try {
            var node = JSON.readTree(state.toFile());
            return new RunState(node.path("epochs_done").asInt(), node.path("best_validation_loss").asDouble(),
                    node.path("learning_rate").asDouble(0), node.path("stale_epochs").asInt(0),
                    node.path("averaged_epochs").asInt(0));
        } catch (IOException e) {
            return null;
        }
    }

    /** The state of an interrupted run, or null: {epochs done, best validation loss}. */
    public static double[] checkpointState(Path output) {
        RunState s = readState(output);
        return s == null ? null : new double[] {s.epochsDone(), s.bestValidationLoss()};
    }

    public static TightBindingNetwork loadCheckpoint(Path output) {
        return TightBindingNetwork.load(checkpointPath(output));
    }
}
