package io.bandsmith.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import io.bandsmith.app.cli.ScaleOut;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.dataset.DatasetStore;

/**
 * {@link ScaleOut} on Apache Spark. The command-line process is the driver (client mode), or spark-submit started it
 * (then spark-submit's settings win). Every job is one stage of independent tasks with no shuffle: the inputs are
 * parallelized in order, each task runs the command's own per-item code, and the (small) results are collected.
 */
public final class SparkScaleOut implements ScaleOut {
    /** Registered in META-INF/services; loaded only when --spark is given. */
    public static final class Provider implements ScaleOut.Provider {
        @Override
        public ScaleOut connect(String master, String jobName) {
            return new SparkScaleOut(master, jobName);
        }
    }

    private final JavaSparkContext context;
    private final String master;
    /** Progress of the running job (tasks of one stage), reported on stderr by the listener. */
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile long started;
    private volatile long lastReport;

    SparkScaleOut(String master, String jobName) {
        this.master = master;
        SparkConf conf = configure(new SparkConf(true), master, jobName, System.getProperty("java.class.path"),
                System.getenv("OPENBLAS_CORETYPE"));
        try {
            context = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--spark " + master + ": " + firstLine(e), e);
        }
        context.setLogLevel(System.getProperty("bandsmith.spark.logLevel", "WARN"));
        context.sc().addSparkListener(new SparkListener() {
            @Override
            public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
                System.err.println("spark: executor " + removed.executorId() + " removed (" + removed.reason()
                        + "); its unfinished tasks run again elsewhere");
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().successful()) {
                    int d = done.incrementAndGet();
                    long now = System.nanoTime();
                    if (d == total || now - lastReport > 2_000_000_000L) {
                        lastReport = now;
                        System.err.printf("spark: %d/%d tasks done, %.0f s%n", d, total, (now - started) / 1e9);
                    }
                } else {
                    System.err.println("spark: task " + end.taskInfo().index() + " (attempt "
                            + end.taskInfo().attemptNumber() + ") failed: " + end.reason() + "; retried");
                }
            }
        });
    }

    /**
     * The settings Bandsmith adds unless the user (spark-submit, -Dspark.* properties) set them: the master and app
     * name, no web UI, the OpenBLAS kernel choice for the executors (docs/decisions/0002), a larger thread stack as
     * the launcher uses, and — when the executors are started from the driver's machine or a shared install — the
     * driver's classpath for them.
     */
    static SparkConf configure(SparkConf conf, String master, String jobName, String classPath, String coreType) {
        boolean submitted = conf.contains("spark.submit.deployMode");
        if (!submitted || !conf.contains("spark.master")) {
            conf.setMaster(master);
        }
        conf.setIfMissing("spark.app.name", jobName);
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.executorEnv.OPENBLAS_CORETYPE", coreType == null ? "Haswell" : coreType);
        conf.setIfMissing("spark.executor.extraJavaOptions", "-Xss8m -XX:+UseParallelGC");
        if (!submitted && master.startsWith("spark://") && classPath != null) {
            // client mode with the Bandsmith install at the same path on every worker (this machine, a shared FS)
            conf.setIfMissing("spark.executor.extraClassPath", classPath);
        }
        if (master.startsWith("spark://127.0.0.1") || master.startsWith("spark://localhost")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    @Override
    public <R> List<R> map(List<Integer> inputs, int slices, Task<R> task) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        int n = slices > 0 ? slices : Math.min(inputs.size(), 4 * context.defaultParallelism());
        done.set(0);
        total = n;
        started = System.nanoTime();
        lastReport = started;
        try {
            return new ArrayList<>(context.parallelize(new ArrayList<>(inputs), n).map(task::run).collect());
        } catch (RuntimeException e) {
            throw userError(e);
        }
    }

    /** The task's own exception when Spark kept it (bad input stays bad input), else one line of Spark's message. */
    static RuntimeException userError(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof IllegalArgumentException
                    || t instanceof java.io.UncheckedIOException) {
                return (RuntimeException) t;
            }
        }
        return new IllegalStateException("Spark job failed: " + firstLine(e), e);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public DatasetStore store(String location) {
        if (ScaleOut.isUri(location)) {
            return new HadoopStore(location);
        }
        String local = location.startsWith("file://") ? location.substring("file://".length()) : location;
        if (!master.startsWith("local") && !Path.of(local).isAbsolute()) {
            local = Path.of(local).toAbsolutePath().toString();
        }
        return DatasetStore.local(Path.of(local));
    }

    @Override
    public void close() {
        context.stop();
    }
}
