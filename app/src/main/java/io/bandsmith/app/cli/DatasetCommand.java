package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import io.bandsmith.engine.solver.PlaneWaveSettings;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.models.dataset.Dataset;
import io.bandsmith.models.dataset.DatasetSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bandsmith dataset generate}: training data for the network, sharded and resumable. */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Training datasets.",
        subcommands = {DatasetCommand.Generate.class})
public final class DatasetCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Random potentials of the appendix-D distribution with their exact lowest 7 bands on the "
                    + "79 wedge points and labelled levels at Γ, K, M, written as .npz shards (numpy.load) plus "
                    + "metadata.json. Interrupt at any time; the same command resumes.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--count", required = true, description = "Number of potentials.")
        int count;

        @Option(names = "--alpha", defaultValue = "1", description = "Spectral exponent (1 = training, 0.5 = "
                + "exploration; default 1).")
        double alpha;

        @Option(names = "--seed-start", defaultValue = "0", description = "Seed of sample 0; sample i uses seed + i.")
        long seedStart;

        @Option(names = "--out", required = true, description = "Dataset directory (created or resumed); with "
                + "--spark also an hdfs:// or s3a:// URI.")
        String out;

        @Option(names = "--shard-size", defaultValue = "500", description = "Samples per shard (default 500).")
        int shardSize;

        @Option(names = "--threads", description = "Worker threads (default: all cores; with --spark, per task: 1).")
        Integer threads;

        @Option(names = "--spark", paramLabel = "MASTER", description = "Run on Apache Spark: local[N], "
                + "spark://host:7077 or yarn; one task per shard, each writes its shard (docs/scale-out.md).")
        String spark;

        @Option(names = "--solver-settings", defaultValue = "default", description = "default, or preview (the "
                + "workbench's faster settings, ~3e-5 Vmax rms from the defaults; for trials and tests).")
        String solverSettings;

        @Override
        public Integer call() {
            DatasetSpec spec = new DatasetSpec(count, alpha, seedStart, shardSize, 100, 256.0, 7, 79);
            String accuracy = accuracy(solverSettings);
            if (spark != null) {
                return onSpark(spec, accuracy);
            }
            if (ScaleOut.isUri(out)) {
                throw new IllegalArgumentException("--out " + out + " is a URI: Hadoop filesystems need --spark");
            }
            Path out = Path.of(this.out);
            PlaneWaveSolver solver = solver(solverSettings);
            AtomicBoolean stop = new AtomicBoolean();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
            long[] last = {0};
            int computed = Dataset.generate(out, spec, solver, accuracy,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                    (done, total, rate, eta) -> {
                        long now = System.nanoTime();
                        if (done == total || now - last[0] > 2_000_000_000L) {
                            last[0] = now;
                            System.err.printf("dataset: %d/%d potentials, %.1f per second, ETA %s%n", done, total,
                                    rate, formatSeconds(eta));
                        }
                    }, stop::get, notice -> System.err.println("dataset: " + notice));
            System.err.printf("dataset: %d potentials computed in this run; %s has %d of %d shards%n", computed, out,
                    Dataset.open(out).verifiedShards().size(), spec.shardCount());
            return 0;
        }

        /**
         * The same shards on a Spark cluster: the driver writes the metadata and lists the missing shards exactly as
         * the local run does; each task computes one shard with {@link Dataset#computeShard} and writes it
         * atomically itself. A rerun skips the finished shards.
         */
        private int onSpark(DatasetSpec spec, String accuracy) {
            String settings = solverSettings;
            int taskThreads = threads == null ? 1 : threads;
            try (ScaleOut cluster = ScaleOut.connect(spark, "bandsmith dataset generate")) {
                var store = cluster.store(out);
                List<Integer> missing = Dataset.prepare(store, spec, PlaneWaveSolver.withDefaults().name(), accuracy,
                        notice -> System.err.println("dataset: " + notice));
                System.err.printf("dataset: %d of %d shards to compute on %s%n", missing.size(), spec.shardCount(),
                        spark);
                long start = System.nanoTime();
                List<Integer> sizes = cluster.map(missing, missing.size(), shard -> {
                    var content = Dataset.computeShard(spec, shard, solver(settings), taskThreads,
                            io.bandsmith.engine.bands.BandStructureSource.ProgressListener.NONE);
                    Dataset.writeShard(store, spec, shard, content);
                    return content.size();
                });
                int computed = sizes.stream().mapToInt(Integer::intValue).sum();
                double seconds = (System.nanoTime() - start) / 1e9;
                int complete = spec.shardCount() - Dataset.prepare(store, spec, PlaneWaveSolver.withDefaults().name(),
                        accuracy).size();
                System.err.printf("dataset: %d potentials computed in this run (%.1f per second); %s has %d of %d "
                        + "shards%n", computed, computed / Math.max(seconds, 1e-9), out, complete, spec.shardCount());
            }
            return 0;
        }

        static PlaneWaveSolver solver(String settings) {
            return switch (settings) {
                case "default" -> PlaneWaveSolver.withDefaults();
                case "preview" -> new PlaneWaveSolver(PlaneWaveSettings.preview());
                default -> throw new IllegalArgumentException("--solver-settings must be default or preview, got '"
                        + settings + "'");
            };
        }

        static String accuracy(String settings) {
            solver(settings);
            return settings.equals("preview")
                    ? "preview settings: about 3e-5 Vmax rms from the default settings (docs/BENCHMARKS.md)"
                    : "about 3e-5 Vmax rms on the lowest 7 bands (docs/BENCHMARKS.md)";
        }

        private static String formatSeconds(double s) {
            long t = Math.round(s);
            return t >= 3600 ? String.format("%dh%02dm", t / 3600, t / 60 % 60) : String.format("%dm%02ds", t / 60, t % 60);
        }
    }
}
