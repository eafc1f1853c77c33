package io.bandsmith.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.models.dataset.Dataset;
import io.bandsmith.models.network.NetworkEnsemble;
import io.bandsmith.models.network.StarFeatures;
import io.bandsmith.models.network.TightBindingNetwork;
import io.bandsmith.models.training.Trainer;
import io.bandsmith.models.training.TrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bandsmith train}: trains the tight-binding network on a dataset, resumable, with seed post-selection. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the tight-binding network on a dataset (known-operator loss, Adam). Writes the best "
                + "model on validation to --out, a CSV log to OUT.csv and a checkpoint to OUT.checkpoint; --resume "
                + "continues an interrupted run. With --seeds N, N networks are trained (OUT-seedS.zip each), the "
                + "best on validation is copied to --out (section VIII) and all of them are kept together as an "
                + "ensemble in OUT-ensemble.zip (docs/decisions/0015).")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Dataset directory (./bandsmith dataset generate).")
    Path data;

    @Option(names = "--out", required = true, description = "Model file to write (.zip).")
    Path out;

    @Option(names = "--init", description = "Start from this trained model instead of a fresh network (warm start, "
            + "e.g. from a run on a subset of the data); its feature standardization is kept.")
    Path init;

    @Option(names = "--resume", description = "Continue from OUT.checkpoint.")
    boolean resume;

    @Option(names = "--epochs", defaultValue = "200")
    int epochs;

    @Option(names = "--batch", defaultValue = "32")
    int batch;

    @Option(names = "--hidden", defaultValue = "512,256,256", split = ",", description = "Hidden layer widths.")
    int[] hidden;

    @Option(names = "--lr", defaultValue = "3e-4", description = "Adam learning rate of the first epoch (default "
            + "${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--final-lr", defaultValue = "3e-5", description = "Learning rate of the last epoch; cosine decay "
            + "in between (default ${DEFAULT-VALUE}).")
    double finalLearningRate;

    @Option(names = "--block-weight", defaultValue = "1.0", description = "Weight r of the Γ/K/M irrep-block terms.")
    double blockWeight;

    @Option(names = "--k-subsample", defaultValue = "16", description = "Random k points per sample and step for the "
            + "band term besides Γ, K, M (0: all; default ${DEFAULT-VALUE}).")
    int kSubsample;

    @Option(names = "--bands", defaultValue = "6", description = "Bands fitted (the paper: 6).")
    int bands;

    @Option(names = "--star-cutoff", defaultValue = "" + StarFeatures.DEFAULT_CUTOFF)
    int starCutoff;

    @Option(names = "--validation", defaultValue = "1024", description = "Samples held out for validation.")
    int validation;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--seeds", defaultValue = "1", description = "Networks trained with seeds seed..seed+N-1.")
    int seeds;

    @Option(names = "--limit", defaultValue = "0", description = "Use at most this many samples (0: all).")
    int limit;

    @Option(names = "--mirror", description = "Add the mirror image of every training sample (the mirror through Γ "
            + "and M: another p6 potential whose bands follow without solving; validation stays unmirrored).")
    boolean mirror;

    @Option(names = "--schedule", defaultValue = "cosine", description = "Learning-rate schedule: cosine (from --lr "
            + "to --final-lr) or plateau (halve when the validation loss has not improved for --patience epochs, "
            + "not below --final-lr); default ${DEFAULT-VALUE}.")
    String schedule;

    @Option(names = "--patience", defaultValue = "5", description = "Epochs without improvement before the plateau "
            + "schedule halves the rate (default ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--average-last", defaultValue = "0", description = "Average the weights over the last N epochs "
            + "(stochastic weight averaging); the average becomes the model when it beats the best epoch on "
            + "validation (default ${DEFAULT-VALUE}: off).")
    int averageLast;

    @Option(names = "--train-monitor", defaultValue = "1024", description = "Training samples on which the band "
            + "rms is measured after each epoch for the learning curves (column train_band_rms_vmax of OUT.csv; "
            + "0: off; default ${DEFAULT-VALUE}).")
    int trainMonitor;

    @Override
    public Integer call() throws Exception {
        Dataset dataset = Dataset.open(data);
        StarFeatures features = new StarFeatures(starCutoff);
        System.err.println("train: loading " + data + " ...");
        TrainingSet all = TrainingSet.load(dataset, features, limit);
        int nVal = Math.min(validation, Math.max(1, all.size() / 10));
        TrainingSet val = all.slice(all.size() - nVal, all.size());
        TrainingSet train = all.slice(0, all.size() - nVal);
        KPointSet wedge = KPointSet.hexagonalWedgeWithCount(dataset.spec().kpoints());
        if (mirror) {
            train = train.withMirrorImages(features, wedge);
        }
        System.err.printf("train: %d training%s and %d validation samples, %d features%n", train.size(),
                mirror ? " (half of them mirror images)" : "", val.size(), features.size());
        Trainer.Schedule sched;
        try {
            sched = Trainer.Schedule.valueOf(schedule.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--schedule must be cosine or plateau, got '" + schedule + "'");
        }
        Trainer.Settings settings = new Trainer.Settings(epochs, batch, blockWeight, 0.3 * blockWeight, bands,
                kSubsample, learningRate, finalLearningRate, sched, patience, averageLast, trainMonitor);
        Trainer trainer = new Trainer(settings, wedge, dataset.spec().vmax());
        AtomicBoolean stop = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
        double bestLoss = Double.MAX_VALUE;
        Path best = null;
        List<Path> members = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            long runSeed = seed + s;
            Path runOut = seeds == 1 ? out : memberPath(out, runSeed);
            members.add(runOut);
            double[] state = resume ? Trainer.checkpointState(runOut) : null;
            TightBindingNetwork net;
            int start;
            double runBest;
            if (state != null) {
                net = Trainer.loadCheckpoint(runOut);
                start = (int) state[0];
                runBest = state[1];
                System.err.printf("train: seed %d resumes after epoch %d%n", runSeed, start);
            } else {
                if (resume) {
                    System.err.printf("train: no checkpoint for seed %d, starting fresh%n", runSeed);
                }
                if (init != null) {
                    net = TightBindingNetwork.load(init);
                    if (net.features().cutoff() != features.cutoff()) {
                        throw new InvalidInputException(init, "star cutoff " + net.features().cutoff()
                                + " differs from --star-cutoff " + features.cutoff());
                    }
                    System.err.println("train: warm start from " + init);
                } else {
                    net = TightBindingNetwork.create(features, train.features(), hidden, learningRate, runSeed);
                    System.err.println("train: fitting the prior tight-binding model ...");
                    net.setOutputPrior(trainer.fitPrior(train, 64, 150), 0.01);
                }
                start = 0;
                runBest = Double.MAX_VALUE;
            }
            trainer.train(net, train, val, runOut, start, runBest, r -> System.err.printf(
                    "train: seed %d epoch %d/%d  train loss %.3e  validation band rms %.2e Vmax  (%.0f s)%n", runSeed,
                    r.epoch(), epochs, r.trainLoss(), r.validationBandRmsVmax(), r.seconds()), stop::get);
            double[] finalState = Trainer.checkpointState(runOut);
            if (finalState != null && finalState[1] < bestLoss) {
                bestLoss = finalState[1];
                best = runOut;
            }
            if (stop.get()) {
                System.err.println("train: interrupted; run again with --resume");
                return 130;
            }
        }
        if (seeds > 1 && best != null) {
            Path chosen = best;
            AtomicFiles.write(out, tmp -> Files.copy(chosen, tmp, StandardCopyOption.REPLACE_EXISTING));
            System.err.println("train: best on validation: " + best + " -> " + out);
            Path ensembleFile = ensemblePath(out);
            NetworkEnsemble ensemble = EnsembleCommand.build(members, val, wedge, bands, dataset.spec().vmax());
            ensemble.save(ensembleFile);
            System.err.println("train: all " + seeds + " members -> " + ensembleFile + " ("
                    + EnsembleCommand.describe(ensemble) + ")");
        }
        return 0;
    }

    /** Where member {@code seed} of an ensemble run is written. */
    static Path memberPath(Path out, long seed) {
        return Path.of(out.toString().replaceFirst("(\\.zip)?$", "-seed" + seed + ".zip"));
    }

    /** Where the ensemble of a --seeds run is written. */
    static Path ensemblePath(Path out) {
        return Path.of(out.toString().replaceFirst("(\\.zip)?$", "-ensemble.zip"));
    }
}
