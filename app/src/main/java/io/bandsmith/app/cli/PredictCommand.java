package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.network.TightBindingNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./bandsmith predict}: bands and labels from the network, same arguments and JSON as {@code solve}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Band structure from the tight-binding neural network (same input and output as solve).")
public final class PredictCommand implements Callable<Integer> {
    @Option(names = "--potential", required = true, paramLabel = "FILE.npy")
    Path potential;

    @Option(names = "--vmax", defaultValue = "256", description = "Step height Vmax in E0 (the network: 256).")
    double vmax;

    @Mixin
    KPointOptions kpoints;

    @Option(names = "--bands", defaultValue = "7")
    int bands;

    @Option(names = "--out", paramLabel = "FILE.json")
    Path out;

    @Option(names = "--model", description = "Model file (default: the shipped model, "
            + NetworkPredictor.SHIPPED_MODEL + ").")
    Path model;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() {
        NetworkPredictor predictor = model == null ? NetworkPredictor.shipped()
                : new NetworkPredictor(TightBindingNetwork.load(model));
        return SolveCommand.run(predictor, potential, vmax, kpoints.resolve(), bands, out,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, predictor::domainWarnings);
    }
}
