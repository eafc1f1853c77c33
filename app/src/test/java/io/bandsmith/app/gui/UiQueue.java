package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The view models' thread in tests: work posted with {@link #execute} is queued and run on the test thread by
 * {@link #runUntil}, as Platform.runLater would run it on the FX thread.
 */
public final class UiQueue implements Executor {
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable r) {
        queue.add(r);
    }

    /** Runs queued work until the condition holds (fails after {@code seconds}). */
    public void runUntil(String what, double seconds, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Runnable r = queue.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
        assertTrue(done.getAsBoolean(), "timed out waiting for " + what);
    }

    /** Runs what is queued now and what arrives within {@code millis}. */
    public void drain(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            Runnable r = queue.poll(20, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
    }
}
