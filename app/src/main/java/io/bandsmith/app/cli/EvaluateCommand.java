package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.models.dataset.Dataset;
import io.bandsmith.models.dataset.DatasetSpec;
import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.network.TightBindingNetwork;
import io.bandsmith.models.inference.EnsemblePredictor;
import io.bandsmith.models.network.NetworkEnsemble;
import io.bandsmith.models.training.EnsembleEvaluation;
import io.bandsmith.models.training.NetworkEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bandsmith evaluate}: the network against the exact solver on a dataset's geometries. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Compare the network with the exact solver on the geometries of a dataset: rms overall and per "
                + "band on the 821-point grid, fraction of right labels per point and level, and the same for "
                + "levels separated by more than 3x the rms.")
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "A network, or an ensemble file (then the ensemble's "
            + "prediction, the members' mean and best member, and the calibration of its spread are reported).")
    Path model;

    @Option(names = "--data", required = true)
    Path data;

    @Option(names = "--samples", defaultValue = "200", description = "Geometries evaluated (from the end of the "
            + "dataset, where training holds out its validation samples; default 200).")
    int samples;

    @Option(names = "--bands", defaultValue = "6")
    int bands;

    @Option(names = "--wedge", defaultValue = "821")
    int wedge;

    @Option(names = "--out", description = "Write the figures as JSON.")
    Path out;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Run on Apache Spark: local[N], spark://host:7077 "
            + "or yarn (docs/scale-out.md); the model file must be readable at the same path on the executors.")
    String spark;

    /** Networks loaded on this JVM (a cluster executor runs many tasks with the same model). */
    private static final java.util.Map<String, NetworkPredictor> NETWORKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The same figures on a Spark cluster: each geometry is compared by {@link NetworkEvaluation#compare} (the code
     * of the local run) on an executor, and the driver sums the comparisons in sample order.
     */
    private NetworkEvaluation onSpark(DatasetSpec spec, int from, int to) {
        String modelFile = model.toAbsolutePath().toString();
        int w = wedge;
        int b = bands;
        try (ScaleOut cluster = ScaleOut.connect(spark, "bandsmith evaluate")) {
            List<NetworkEvaluation.SampleComparison> parts = cluster.map(ScaleOut.range(from, to), 0, i -> {
                NetworkPredictor nn = NETWORKS.computeIfAbsent(modelFile,
                        f -> new NetworkPredictor(TightBindingNetwork.load(Path.of(f))));
                return NetworkEvaluation.compare(nn, PlaneWaveSolver.withDefaults(), Dataset.potential(spec, i),
                        KPointSet.hexagonalWedgeWithCount(w), b);
            });
            return NetworkEvaluation.aggregate(parts);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (NetworkEnsemble.isEnsemble(model)) {
            return ensemble();
        }
        NetworkPredictor nn = new NetworkPredictor(TightBindingNetwork.load(model));
        Dataset dataset = Dataset.open(data);
        int count = dataset.spec().count();
        NetworkEvaluation e;
        if (spark != null) {
            e = onSpark(dataset.spec(), Math.max(0, count - samples), count);
        } else {
            List<PotentialGrid> grids = new ArrayList<>();
            for (int i = Math.max(0, count - samples); i < count; i++) {
                grids.add(dataset.potential(i));
            }
            e = NetworkEvaluation.run(nn, PlaneWaveSolver.withDefaults(), grids,
                    KPointSet.hexagonalWedgeWithCount(wedge), bands);
        }
        return write(new ObjectMapper().valueToTree(e));
    }

    /**
     * An ensemble file: its prediction's figures, the rms of the members' mean, of the best member (on validation)
     * and of every member, and the calibration of the spread (fraction of values within 2x the spread).
     */
    private int ensemble() {
        if (spark != null) {
            throw new IllegalArgumentException("--spark evaluates single networks; evaluate an ensemble locally");
        }
        EnsemblePredictor ens = EnsemblePredictor.load(model);
        Dataset dataset = Dataset.open(data);
        int count = dataset.spec().count();
        List<PotentialGrid> grids = new ArrayList<>();
        for (int i = Math.max(0, count - samples); i < count; i++) {
            grids.add(dataset.potential(i));
        }
        EnsembleEvaluation e = EnsembleEvaluation.run(ens, PlaneWaveSolver.withDefaults(), grids,
                KPointSet.hexagonalWedgeWithCount(wedge), bands);
        return write(new ObjectMapper().valueToTree(e));
    }

    private int write(ObjectNode doc) {
        String json = doc.toPrettyString() + "\n";
        if (out != null) {
            AtomicFiles.writeString(out, json);
        }
        System.out.print(json);
        return 0;
    }
}
