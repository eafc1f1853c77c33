package io.bandsmith.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Spark standalone cluster on localhost for tests: one master and one worker, each a child JVM started from
 * the Spark classes Maven resolved (no Spark download). The worker starts executors as its own child JVMs, with the
 * test's classpath (spark.executor.extraClassPath, set by {@link SparkScaleOut#configure}) and an empty
 * SPARK_HOME/jars.
 */
final class StandaloneCluster implements AutoCloseable {
    private final Process master;
    private final Process worker;
    private final Path workerLog;
    final int port;

    StandaloneCluster(Path dir, int cores) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        port = freePort();
        master = start(home, dir.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort()));
        waitFor(dir.resolve("master.log"), "I have been elected leader", Duration.ofMinutes(2));
        workerLog = dir.resolve("worker.log");
        worker = start(home, workerLog, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                Integer.toString(cores), "--memory", "3g", "--webui-port", Integer.toString(freePort()), "--work-dir",
                Files.createDirectories(dir.resolve("work")).toString(), masterUrl());
        waitFor(workerLog, "Successfully registered with master", Duration.ofMinutes(2));
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** The executor JVMs the worker runs now (its child processes running CoarseGrainedExecutorBackend). */
    List<ProcessHandle> executors() {
        List<ProcessHandle> out = new ArrayList<>();
        worker.children().forEach(p -> {
            if (p.isAlive() && commandLine(p).contains("CoarseGrainedExecutorBackend")) {
                out.add(p);
            }
        });
        return out;
    }

    /** The full command line from /proc (ProcessHandle.Info drops very long ones, like an executor's classpath). */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return p.info().commandLine().orElse("");
        }
    }

    private static Process start(Path sparkHome, Path log, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"); // the start-up lines waited for are INFO lines
        cmd.addAll(List.of(System.getProperty("bandsmith.test.sparkJavaOptions", "").trim().split("\\s+")));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        cmd.removeIf(String::isEmpty);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("OPENBLAS_CORETYPE", "Haswell");
        return pb.start();
    }

    private void waitFor(Path log, String text, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("no '" + text + "' in " + log + " within " + timeout + ":\n"
                + (Files.exists(log) ? Files.readString(log) : "(no log)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : new Process[] {worker, master}) {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                try {
                    p.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
