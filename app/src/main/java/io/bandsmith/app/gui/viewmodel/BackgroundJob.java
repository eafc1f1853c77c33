package io.bandsmith.app.gui.viewmodel;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * One long computation at a time on its own daemon thread, for the Design panels (docs/gui-threading.md, rule 6).
 * The work polls {@link Control#cancelled()} and returns what it has when asked to stop, so a cancelled run still
 * delivers its partial result through the completion callback. Progress and partial results travel through
 * {@link Control#post}, which runs them on the view models' thread.
 *
 * <p>Owned by one thread (the FX thread; the test thread in tests): {@link #start}, {@link #cancel} and the
 * properties are used there only; the callbacks run there too. A run that was superseded or closed delivers
 * nothing.
 */
public final class BackgroundJob implements AutoCloseable {
    /** What the work sees of its job. */
    public interface Control {
        /** True once Cancel was pressed (or the workbench closes): stop soon and return the partial result. */
        boolean cancelled();

        /** Runs {@code update} on the view models' thread, unless this run is no longer the current one. */
        void post(Runnable update);
    }

    /** The work: runs on the job's thread, returns its (possibly partial) result. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Control control) throws Exception;
    }

    private final ExecutorService worker;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper();
    private long current;
    private AtomicBoolean cancelFlag = new AtomicBoolean();
    private boolean closed;

    /**
     * @param threadName the worker thread's name (e.g. {@code bandsmith-design})
     * @param ui runs callbacks on the view models' thread ({@code Platform::runLater} in the workbench)
     */
    public BackgroundJob(String threadName, Executor ui) {
        this.ui = ui;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    /**
     * Starts {@code work}. {@code done} gets its result (partial when cancelled), {@code failed} the exception it
     * threw; both run on the view models' thread. Refused while a run is going on.
     */
    public <T> void start(Work<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        if (running.get()) {
            throw new IllegalStateException("a computation is already running");
        }
        if (closed) {
            throw new IllegalStateException("closed");
        }
        long id = ++current;
        AtomicBoolean flag = new AtomicBoolean();
        cancelFlag = flag;
        running.set(true);
        cancelling.set(false);
        Control control = new Control() {
            @Override
            public boolean cancelled() {
                return flag.get();
            }

            @Override
            public void post(Runnable update) {
                ui.execute(() -> {
                    if (id == current && !closed) {
                        update.run();
                    }
                });
            }
        };
        worker.execute(() -> {
            T result;
            try {
                result = work.run(control);
            } catch (Throwable e) {
                ui.execute(() -> finish(id, () -> failed.accept(e)));
                return;
            }
            ui.execute(() -> finish(id, () -> done.accept(result)));
        });
    }

    private void finish(long id, Runnable callback) {
        if (id != current || closed) {
            return;
        }
        running.set(false);
        cancelling.set(false);
        callback.run();
    }

    /** Asks the running computation to stop; it delivers what it has. */
    public void cancel() {
        if (running.get()) {
            cancelFlag.set(true);
            cancelling.set(true);
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True between Cancel and the arrival of the partial result. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    @Override
    public void close() {
        closed = true;
        cancelFlag.set(true);
        worker.shutdownNow();
    }
}
