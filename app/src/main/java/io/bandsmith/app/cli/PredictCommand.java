package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.bandsmith.engine.cases.CaseStudy;
import io.bandsmith.models.inference.EnsemblePredictor;
import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.network.NetworkEnsemble;
import io.bandsmith.models.network.TightBindingNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code ./bandsmith predict}: bands and labels from the network, same arguments and JSON as {@code solve}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Band structure from the tight-binding neural network (same input and output as solve).")
public final class PredictCommand implements Callable<Integer> {
    @Option(names = "--potential", required = true, paramLabel = "FILE.npy",
            description = "uint8/bool masks (V = Vmax·mask) or float potentials in E0, shape (L, L) or (N, L, L); "
                    + "outside the network's training domain a warning is printed and listed under \"warnings\".")
    Path potential;

    @Option(names = "--vmax", defaultValue = "256", description = "Step height Vmax in E0 (the network: 256).")
    double vmax;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    KPointOptions.Choice kpoints;

    @Option(names = "--bands", defaultValue = "7", description = "Number of bands (default ${DEFAULT-VALUE}).")
    int bands;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Output file (default: stdout).")
    Path out;

    @Option(names = "--model", description = "Model file (default: the shipped model, "
            + NetworkPredictor.SHIPPED_MODEL + "), or an ensemble file (train --seeds N, ./bandsmith ensemble): "
            + "then each sample also carries \"spread\", the calibrated spread over members per k point and band (E0).")
    Path model;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (model != null && NetworkEnsemble.isEnsemble(model)) {
            // an ensemble: the contract JSON plus, per sample, the spread over members [k][band] in E0
            EnsemblePredictor ensemble = EnsemblePredictor.load(model);
            return SolveCommand.run(ensemble, CaseStudy.p6(), potential, vmax, KPointOptions.resolve(kpoints), bands,
                    out, workers, ensemble::domainWarnings, (b, sample) -> {
                        double[][] spread = ensemble.spreadOf(b);
                        var rows = sample.putArray("spread");
                        for (double[] row : spread) {
                            var r = rows.addArray();
                            for (double v : row) {
                                r.add(v);
                            }
                        }
                    });
        }
        NetworkPredictor predictor = model == null ? NetworkPredictor.shipped()
                : new NetworkPredictor(TightBindingNetwork.load(model));
        return SolveCommand.run(predictor, CaseStudy.p6(), potential, vmax, KPointOptions.resolve(kpoints), bands, out,
                workers, predictor::domainWarnings);
    }
}
