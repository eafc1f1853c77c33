package io.bandsmith.tests.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import io.bandsmith.app.gui.view.WorkbenchView;
import io.bandsmith.app.gui.viewmodel.WorkbenchState;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.network.TightBindingNetwork;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

/**
 * Not a test: the figures of docs/BENCHMARKS.md ("Workbench: the FX thread while painting", issue 11). A continuous
 * brush stroke (one drag event every 16 ms for 8 s along a circle through the cell, painting and erasing in turn so
 * that every event changes the grid) in the real window with the shipped
 * network as the preview source (models/bandsmith-p6.zip; the test is skipped without it) and the workbench's
 * classifier. A probe thread posts a no-op to the FX thread every 2 ms and records how long it waited: the longest
 * wait is the longest stretch the FX thread was busy (input, listeners, redraws, layout and rendering pulses).
 * Run with
 * {@code mvn -o -B -Pslow -pl engine,models,app,tests test -Dtest=PaintingFxThreadBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class PaintingFxThreadBenchmarkTest {
    private static final Path NETWORK = Path.of(System.getProperty("user.dir")).resolveSibling("models")
            .resolve("bandsmith-p6.zip");
    private WorkbenchViewModel vm;
    private WorkbenchView view;

    private static BandStructureSource source;

    /** Loaded once, off the FX thread (loading takes seconds; TestFX limits the time of @Start). */
    @org.junit.jupiter.api.BeforeAll
    static void loadNetwork() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(NETWORK), "no shipped network");
        source = new NetworkPredictor(TightBindingNetwork.load(NETWORK));
    }

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        vm = new WorkbenchViewModel(source, "shipped network (benchmark)", Platform::runLater,
                Runnable::run, new ScriptedDialogs(), new WorkbenchState(Files.createTempDirectory("bench")
                        .resolve("state")));
        view = new WorkbenchView(vm, new ScriptedDialogs());
        stage.setScene(new Scene(view, 1500, 940));
        stage.show();
        vm.editor().applySixHoles();
    }

    @Stop
    void stop() {
        if (vm != null) {
            vm.close();
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU time (ms) of each drag event's handling on the FX thread: the dab, the new grid, listeners, redraw. */
    private final List<Double> dragCpu = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile long fxThreadId = -1;

    private void drag(javafx.event.EventType<MouseEvent> type, double x, double y) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        dragUntimed(type, x, y);
        dragCpu.add((THREADS.getCurrentThreadCpuTime() - c0) / 1e6);
    }

    private void dragUntimed(javafx.event.EventType<MouseEvent> type, double x, double y) {
        Canvas c = view.geometryView().canvas();
        double[] p = view.geometryView().toCanvas(x, y);
        Point2D s = c.localToScene(p[0], p[1]);
        c.fireEvent(new MouseEvent(type, s.getX(), s.getY(), s.getX(), s.getY(), MouseButton.PRIMARY, 1, false,
                false, false, false, true, false, false, false, false, false, null));
    }

    /** Drags for {@code seconds}; returns the probe waits (ms) recorded meanwhile and the previews shown. */
    private double[] stroke(double seconds, List<Double> waits) throws Exception {
        AtomicInteger previews = new AtomicInteger();
        javafx.beans.value.ChangeListener<Object> count = (o, a, b) -> previews.incrementAndGet();
        WaitForAsyncUtils.asyncFx(() -> vm.previewProperty().addListener(count)).get();
        stopProbe = false;
        Thread probe = new Thread(() -> {
            long lastCpu = THREADS.getThreadCpuTime(fxThreadId);
            while (!stopProbe) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(ran::countDown);
                try {
                    ran.await();
                    double ms = (System.nanoTime() - posted) / 1e6;
                    long cpu = THREADS.getThreadCpuTime(fxThreadId);
                    synchronized (waits) {
                        waits.add(ms);
                        fxCpu.add((cpu - lastCpu) / 1e6);
                    }
                    lastCpu = cpu;
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-probe");
        probe.setDaemon(true);
        probe.start();
        // a sampler: where the FX thread is, every 3 ms (the first frame of our own code, else the top frame)
        Thread sampler = new Thread(() -> {
            while (!stopProbe) {
                java.lang.management.ThreadInfo info = THREADS.getThreadInfo(fxThreadId, 40);
                if (info != null && info.getThreadState() == Thread.State.RUNNABLE) {
                    StackTraceElement[] st = info.getStackTrace();
                    String where = st.length == 0 ? "?" : st[0].getClassName() + "." + st[0].getMethodName();
                    for (StackTraceElement e : st) {
                        if (e.getClassName().startsWith("io.bandsmith")) {
                            where = e.getClassName().replace("io.bandsmith.app.gui.", "") + "." + e.getMethodName()
                                    + " < " + where;
                            break;
                        }
                    }
                    samples.merge(where, 1, Integer::sum);
                }
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        int steps = (int) (seconds * 1000 / 16);
        Platform.runLater(() -> drag(MouseEvent.MOUSE_PRESSED, 0.7, 0.3));
        for (int i = 0; i < steps; i++) {
            double t = 2 * Math.PI * i / 120.0;
            double x = 0.75 + 0.2 * Math.cos(t);
            double y = 0.43 + 0.2 * Math.sin(t);
            boolean paint = i % 2 == 0;
            // paint and erase in turn: every event changes the grid (a stroke over painted ground changes nothing)
            Platform.runLater(() -> {
                vm.editor().brushPaintsProperty().set(paint);
                drag(MouseEvent.MOUSE_DRAGGED, x, y);
            });
            long next = t0 + (long) ((i + 1) * 16e6);
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        Platform.runLater(() -> drag(MouseEvent.MOUSE_RELEASED, 0.75, 0.43));
        double elapsed = (System.nanoTime() - t0) / 1e9;
        stopProbe = true;
        probe.join(2000);
        WaitForAsyncUtils.asyncFx(() -> vm.previewProperty().removeListener(count)).get();
        return new double[] {elapsed, previews.get()};
    }

    private volatile boolean stopProbe;
    private final java.util.Map<String, Integer> samples = new java.util.concurrent.ConcurrentHashMap<>();
    /** FX-thread CPU time (ms) between consecutive probe answers: the work done in one busy stretch. */
    private final List<Double> fxCpu = new ArrayList<>();

    /**
     * A source that answers every request at once with the bands it computed first (per k-point set): previews then
     * arrive as fast as the preview thread classifies them, the most work the FX thread can be given per second,
     * whatever the load of the machine.
     */
    private static final class InstantSource implements BandStructureSource {
        private final BandStructureSource inner;
        private final java.util.Map<String, io.bandsmith.engine.bands.BandStructure> cache =
                new java.util.concurrent.ConcurrentHashMap<>();

        InstantSource(BandStructureSource inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return "instant (" + inner.name() + ", first result reused)";
        }

        @Override
        public io.bandsmith.engine.bands.BandStructure compute(io.bandsmith.engine.geometry.PotentialGrid potential,
                io.bandsmith.engine.lattice.KPointSet kpoints, int bandCount) {
            return cache.computeIfAbsent(kpoints.description() + "/" + kpoints.size() + "/" + bandCount,
                    k -> inner.compute(potential, kpoints, bandCount));
        }
    }

    @Test
    void fxThreadBusyTimeDuringAContinuousStroke() throws Exception {
        measure("network source");
        // the same stroke with previews arriving as fast as they can be classified
        WaitForAsyncUtils.asyncFx(() -> {
            vm.close();
            vm = new WorkbenchViewModel(new InstantSource(source), "instant source (benchmark)",
                    Platform::runLater, Runnable::run, new ScriptedDialogs(), new WorkbenchState(
                            Files.createTempDirectory("bench").resolve("state")));
            view = new WorkbenchView(vm, new ScriptedDialogs());
            stage.getScene().setRoot(view);
            vm.editor().applySixHoles();
            return null;
        }).get();
        measure("instant source");
    }

    private void measure(String what) throws Exception {
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> vm.previewProperty().get() != null);
        fxThreadId = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getId()).get();
        stroke(4, new ArrayList<>()); // warm-up: JIT, solver plans, first rasters
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> waits = new ArrayList<>();
        dragCpu.clear();
        fxCpu.clear();
        double[] run = stroke(8, waits);
        List<Double> sorted = new ArrayList<>(waits);
        Collections.sort(sorted);
        double max = sorted.get(sorted.size() - 1);
        double p99 = sorted.get((int) (0.99 * (sorted.size() - 1)));
        double p50 = sorted.get(sorted.size() / 2);
        long over = sorted.stream().filter(w -> w > 50).count();
        double raster = WaitForAsyncUtils.asyncFx(() -> view.zoneView().meanRasterMillis()).get();
        List<Double> cpu = new ArrayList<>(fxCpu);
        Collections.sort(cpu);
        List<Double> drags = new ArrayList<>(dragCpu);
        Collections.sort(drags);
        System.out.printf(Locale.ROOT, "PAINTING (" + what + ") %.1f s stroke, %d drag events, %.0f previews shown (%.1f/s); FX "
                + "thread probe waits (%d probes, wall): median %.1f ms, p99 %.1f ms, max %.1f ms, %d over 50 ms; FX "
                + "thread CPU per busy stretch: median %.1f ms, p99 %.1f ms, max %.1f ms, %d over 50 ms; CPU per drag "
                + "event: median %.2f ms, max %.1f ms; zone-map raster off the FX thread: mean %.1f ms; load average "
                + "%.1f%n", run[0], (int) (run[0] * 1000 / 16), run[1], run[1] / run[0], sorted.size(), p50, p99, max,
                over, cpu.get(cpu.size() / 2), cpu.get((int) (0.99 * (cpu.size() - 1))), cpu.get(cpu.size() - 1),
                cpu.stream().filter(c -> c > 50).count(), drags.get(drags.size() / 2), drags.get(drags.size() - 1),
                raster, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        samples.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12)
                .forEach(e -> System.out.println("  FX thread samples " + e.getValue() + "  " + e.getKey()));
        samples.clear();
    }
}
