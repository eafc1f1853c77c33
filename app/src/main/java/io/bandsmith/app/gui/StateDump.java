package io.bandsmith.app.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.bandsmith.app.gui.viewmodel.SourceChoice;
import io.bandsmith.app.gui.viewmodel.WorkbenchState;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.engine.io.AtomicFiles;

/**
 * {@code ./bandsmith gui --open FILE --dump-state OUT.json}: the workbench's view model without a window (no display
 * needed): opens the project or potential, waits for the first complete preview of it (and, with {@code --source
 * both}, its comparison with the exact solver), writes {@link WorkbenchViewModel#stateSnapshot()} and exits. The same
 * view model drives the window, so the JSON is what the window's set table shows.
 *
 * <p>Threading: one thread plays the FX thread's part (every view-model call runs on it); the preview computes on
 * its own worker as in the window.
 */
final class StateDump {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StateDump() {
    }

    /** Returns the exit status: 0 written, 2 bad input, 3 not computed in time or failed. */
    static int run(Path open, String source, String connectivity, Path model, Path out, double timeoutSeconds) {
        WorkbenchApp.LoadedNetwork n = WorkbenchApp.loadNetwork(model);
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bandsmith-dump-ui");
            t.setDaemon(true);
            return t;
        });
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("bandsmith-dump-state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<Map<String, Object>> done = new CompletableFuture<>();
        WorkbenchViewModel[] holder = new WorkbenchViewModel[1];
        try {
            ui.submit(() -> {
                HeadlessDialogService dialogs = new HeadlessDialogService();
                WorkbenchViewModel vm = new WorkbenchViewModel(WorkbenchApp.sources(n.network(), n.note()),
                        ui::execute, Runnable::run, dialogs, new WorkbenchState(stateDir));
                holder[0] = vm;
                if (source != null) {
                    vm.sourceChoiceProperty().set(SourceChoice.parse(source));
                }
                if (connectivity != null) {
                    vm.connectivityProperty().set(
                            io.bandsmith.engine.topology.ConnectivityMethod.parse(connectivity));
                }
                Runnable check = () -> {
                    if (done.isDone()) {
                        return;
                    }
                    if (vm.settled()) {
                        done.complete(vm.stateSnapshot());
                    } else if (!vm.computingProperty().get() && !vm.previewErrorProperty().get().isEmpty()) {
                        done.completeExceptionally(new IllegalStateException("the bands could not be computed: "
                                + vm.previewErrorProperty().get()));
                    }
                };
                vm.previewProperty().addListener((o, a, b) -> check.run());
                vm.computingProperty().addListener((o, a, b) -> check.run());
                vm.staleProperty().addListener((o, a, b) -> check.run());
                vm.comparingProperty().addListener((o, a, b) -> check.run());
                vm.comparisonProperty().addListener((o, a, b) -> check.run());
                vm.previewErrorProperty().addListener((o, a, b) -> check.run());
                if (!vm.open(open)) {
                    done.completeExceptionally(new IllegalArgumentException(open + ": cannot open: "
                            + vm.statusProperty().get().replaceFirst("^Not opened: ", "")));
                    return;
                }
                vm.requestPreview();
            }).get();
            Map<String, Object> state = done.get(Math.max(1, (long) Math.ceil(timeoutSeconds)), TimeUnit.SECONDS);
            AtomicFiles.writeString(out, MAPPER.writeValueAsString(state) + System.lineSeparator());
            System.err.println("bandsmith gui: wrote " + out);
            return 0;
        } catch (TimeoutException e) {
            System.err.println("bandsmith gui: the preview of " + open + " was not complete within " + timeoutSeconds
                    + " s");
            return 3;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            System.err.println("bandsmith gui: " + c.getMessage());
            return c instanceof IllegalArgumentException ? 2 : 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        } catch (IOException e) {
            System.err.println("bandsmith gui: cannot write " + out + ": " + e.getMessage());
            return 1;
        } finally {
            ui.execute(() -> {
                if (holder[0] != null) {
                    holder[0].close();
                }
            });
            ui.shutdown();
            try {
                ui.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteQuietly(stateDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
