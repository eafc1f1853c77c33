package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.models.dataset.Dataset;
import io.bandsmith.models.network.NetworkEnsemble;
import io.bandsmith.models.network.StarFeatures;
import io.bandsmith.models.network.TightBindingNetwork;
import io.bandsmith.models.training.EnsembleBuilder;
import io.bandsmith.models.training.TrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./bandsmith ensemble}: puts trained networks together in one ensemble file; the best member, the prediction
 * (mean of the members or best member) and the calibration of the spread are decided on the dataset's validation
 * samples (the same held-out tail as {@code train} uses with the same --validation and --limit).
 */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = "Combine trained networks (e.g. from different seeds) into an ensemble file for predict, "
                + "evaluate and the workbench: bands are the members' mean when that beats the best member on "
                + "validation, labels by majority, and a calibrated spread per band and k point.")
public final class EnsembleCommand implements Callable<Integer> {
    @Option(names = "--members", required = true, split = ",", description = "Member model files (comma-separated, "
            + "at least two).")
    List<Path> members;

    @Option(names = "--data", required = true, description = "The training dataset (its validation tail decides).")
    Path data;

    @Option(names = "--validation", defaultValue = "1024", description = "Validation samples, as given to train.")
    int validation;

    @Option(names = "--limit", defaultValue = "0", description = "As given to train (0: all samples).")
    int limit;

    @Option(names = "--bands", defaultValue = "6")
    int bands;

    @Option(names = "--out", required = true, description = "Ensemble file to write (.zip).")
    Path out;

    @Override
    public Integer call() {
        if (members.size() < 2) {
            throw new IllegalArgumentException("--members needs at least two model files, got " + members.size());
        }
        Dataset dataset = Dataset.open(data);
        TightBindingNetwork first = TightBindingNetwork.load(members.get(0));
        StarFeatures features = first.features();
        System.err.println("ensemble: loading the validation samples of " + data + " ...");
        TrainingSet all = TrainingSet.load(dataset, features, limit);
        int nVal = Math.min(validation, Math.max(1, all.size() / 10));
        TrainingSet val = all.slice(all.size() - nVal, all.size());
        NetworkEnsemble e = build(members, val, KPointSet.hexagonalWedgeWithCount(dataset.spec().kpoints()), bands,
                dataset.spec().vmax());
        e.save(out);
        System.err.println("ensemble: " + out + " (" + describe(e) + ")");
        return 0;
    }

    static NetworkEnsemble build(List<Path> files, TrainingSet validation, KPointSet wedge, int bands, double vmax) {
        List<TightBindingNetwork> nets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            TightBindingNetwork net = TightBindingNetwork.load(f);
            if (!nets.isEmpty() && net.features().cutoff() != nets.get(0).features().cutoff()) {
                throw new io.bandsmith.engine.io.InvalidInputException(f, "star cutoff " + net.features().cutoff()
                        + " differs from the first member's " + nets.get(0).features().cutoff());
            }
            nets.add(net);
            names.add(f.getFileName().toString());
        }
        return EnsembleBuilder.build(nets, names, validation, wedge, bands, vmax);
    }

    static String describe(NetworkEnsemble e) {
        var s = e.summary();
        return String.format(Locale.ROOT, "%d members, predicts the %s; validation rms: mean %.3e, best member (%s) "
                + "%.3e Vmax; spread scale %.2f (raw coverage within 2x: %.1f %%)", e.size(),
                e.mode() == NetworkEnsemble.Mode.MEAN ? "mean of the members" : "best member",
                s.path("validation_mean_rms_vmax").asDouble(), e.names().get(e.best()),
                s.path("validation_best_member_rms_vmax").asDouble(), e.spreadScale(),
                100 * s.path("validation_raw_coverage_2x").asDouble());
    }
}
