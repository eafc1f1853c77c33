package io.bandsmith.app.gui.preview;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One daemon thread that works on the newest request only: a request that arrives while another is being handled
 * replaces any request still waiting, so bursts of edits never queue up work (docs/gui-threading.md, rule 5). The
 * handler runs on the worker thread and deals with its own failures. Shared by the band preview and the Berry-flux
 * stage.
 *
 * @param <R> an immutable request
 */
final class LatestRequestWorker<R> implements AutoCloseable {
    private final Consumer<R> handler;
    private final ExecutorService worker;
    private final AtomicReference<R> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean closed;

    LatestRequestWorker(String threadName, Consumer<R> handler) {
        this.handler = handler;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    /** Makes {@code request} the one handled next, replacing a waiting one. Any thread. */
    void submit(R request) {
        pending.set(request);
        if (!closed && running.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** Drops the waiting request, if any. */
    void clearPending() {
        pending.set(null);
    }

    /** True while a request is handled or waits. */
    boolean isBusy() {
        return running.get() || pending.get() != null;
    }

    boolean isClosed() {
        return closed;
    }

    private void drain() {
        while (true) {
            R r = pending.getAndSet(null);
            if (r == null) {
                running.set(false);
                // a request may have arrived between getAndSet and set(false)
                if (pending.get() != null && running.compareAndSet(false, true)) {
                    continue;
                }
                return;
            }
            if (closed) {
                running.set(false);
                return;
            }
            handler.accept(r);
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
    }
}
