package io.bandsmith.app.cli;

import java.io.Serializable;
import java.util.List;
import java.util.ServiceLoader;

import io.bandsmith.models.dataset.DatasetStore;

/**
 * A cluster that runs the per-seed and per-shard work of {@code dataset generate}, {@code explore} and
 * {@code evaluate} ({@code --spark MASTER}). The implementation lives in the separate {@code spark} module and is
 * found with {@link ServiceLoader} only when {@code --spark} is given, so Spark never enters the start-up classpath of
 * the command line or the workbench (docs/decisions/0009-scale-out-on-spark.md). The work itself is the same code as
 * the local run (a "compute item k" function), so both give the same results.
 */
public interface ScaleOut extends AutoCloseable {
    /** One unit of work, shipped to the executors: it must capture serializable values only. */
    @FunctionalInterface
    interface Task<R> extends Serializable {
        R run(int input) throws Exception;
    }

    /** Implemented by the Spark module, registered in META-INF/services. */
    interface Provider {
        ScaleOut connect(String master, String jobName);
    }

    /**
     * Runs {@code task} once for every input, in {@code slices} cluster tasks (0: the cluster's choice), and returns
     * the results in the order of the inputs. Nothing is shuffled: every input is independent.
     */
    <R> List<R> map(List<Integer> inputs, int slices, Task<R> task);

    /** Where dataset files go: a local (or mounted shared) directory, or a Hadoop URI such as hdfs:// or s3a://. */
    DatasetStore store(String location);

    @Override
    void close();

    /** Connects to a Spark master ({@code local[N]}, {@code spark://host:port}, {@code yarn}). */
    static ScaleOut connect(String master, String jobName) {
        for (Provider p : ServiceLoader.load(Provider.class)) {
            return p.connect(master, jobName);
        }
        throw new IllegalStateException("--spark needs the Spark module, which is not built: run "
                + "'mvn -B -DskipTests package -pl spark -am' in the Bandsmith checkout");
    }

    /** Whether an output location is a URI for a Hadoop filesystem (hdfs://, s3a://, ...) rather than a local path. */
    static boolean isUri(String location) {
        return location.matches("[A-Za-z][A-Za-z0-9+.-]+://.*") && !location.startsWith("file://");
    }

    /** The inputs 0 .. n-1. */
    static List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).boxed().toList();
    }
}
