package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

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

        @Option(names = "--out", required = true, description = "Dataset directory (created or resumed).")
        Path out;

        @Option(names = "--shard-size", defaultValue = "500", description = "Samples per shard (default 500).")
        int shardSize;

        @Option(names = "--threads", description = "Worker threads (default: all cores).")
        Integer threads;

        @Override
        public Integer call() {
            DatasetSpec spec = new DatasetSpec(count, alpha, seedStart, shardSize, 100, 256.0, 7, 79);
            PlaneWaveSolver solver = PlaneWaveSolver.withDefaults();
            AtomicBoolean stop = new AtomicBoolean();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
            long[] last = {0};
            int computed = Dataset.generate(out, spec, solver, "about 3e-5 Vmax rms on the lowest 7 bands "
                    + "(docs/BENCHMARKS.md)", threads == null ? Runtime.getRuntime().availableProcessors() : threads,
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

        private static String formatSeconds(double s) {
            long t = Math.round(s);
            return t >= 3600 ? String.format("%dh%02dm", t / 3600, t / 60 % 60) : String.format("%dm%02ds", t / 60, t % 60);
        }
    }
}
