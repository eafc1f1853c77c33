package io.bandsmith.app.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bandsmith gui}: opens the workbench (also what {@code ./bandsmith} without arguments does). */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Opens the workbench: paint a unit cell and watch bands, labels and the zone update.",
            "With --screenshot it waits until the preview is drawn, writes a PNG of the window and exits",
            "(under Xvfb: xvfb-run -s \"-screen 0 1600x1000x24\" ./bandsmith gui --open F --screenshot out.png).",
            "With --dump-state it opens F without a window (no display needed), waits for the first complete",
            "preview and writes what the workbench shows (source, warnings, band sets and their classes) as JSON."})
public final class GuiCommand implements Callable<Integer> {
    @Option(names = "--open", paramLabel = "FILE", description = "a project (.json) or a potential (.npy: one "
            + "(L, L) mask or potential in E0) to open")
    Path open;

    @Option(names = "--source", paramLabel = "SOURCE", description = "band source at start: nn (the network; the "
            + "exact solver by itself outside its domain), exact, or both (network, checked against exact) "
            + "(default: nn when a network is installed, else exact)")
    String source;

    @Option(names = "--connectivity", paramLabel = "RULE", description = "connectivity rule of the band sets: "
            + "naive, compat or berry (network only) (default: compat, as classify)")
    String connectivity;

    @Option(names = "--dump-state", paramLabel = "OUT.json", description = "with --open: no window; wait for the "
            + "first complete preview, write {source, case, stale, warnings, sets: [{bands, class, fingerprint, "
            + "decomposition}]} (class names as classify) and exit")
    Path dumpState;

    @Option(names = "--screenshot", paramLabel = "PNG",
            description = "write a PNG of the whole window once the preview is drawn, then exit")
    Path screenshot;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "how long --screenshot waits for the preview (default: ${DEFAULT-VALUE})")
    double timeout;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = GuiOptions.DEFAULT_WIDTH + "x"
            + GuiOptions.DEFAULT_HEIGHT, description = "window size in pixels (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--model", paramLabel = "FILE.zip", description = "a trained network to use instead of the "
            + "installed one, or an ensemble file: its spread is drawn around the bands and sets to check with the "
            + "exact solver are marked (models/README.md)")
    Path model;

    @Option(names = "--show", paramLabel = "AREA", defaultValue = "editor", description = "what is in front at "
            + "start: editor, design (inverse design), phase-map, explore or inversion (band inversion, fig. 2) (default: ${DEFAULT-VALUE})")
    String show;

    @Option(names = "--run", description = "start the computation of the --show panel at start (with "
            + "--screenshot: the picture is taken when it has finished)")
    boolean run;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "0", description = "inverse design: random starts "
            + "(default: the panel's, 200)")
    int trials;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "0", description = "inverse design: Adam steps "
            + "(default: the panel's, 500)")
    int steps;

    @Option(names = "--zone-map", paramLabel = "MODE", defaultValue = "gap", description = "what the zone map shows "
            + "at start: gap or berry (the Berry flux per plaquette; needs a trained network, e.g. --model) "
            + "(default: ${DEFAULT-VALUE})")
    String zoneMap;

    @Option(names = "--berry-bands", paramLabel = "FIRST-LAST", defaultValue = "1-1", description = "the band "
            + "group of the Berry-flux map, 1-based, e.g. 4-5 (default: ${DEFAULT-VALUE})")
    String berryBands;

    @Option(names = "--help-without-display", hidden = true)
    boolean helpWithoutDisplay;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (source != null) {
            io.bandsmith.app.gui.viewmodel.SourceChoice.parse(source);
        }
        if (connectivity != null) {
            io.bandsmith.engine.topology.ConnectivityMethod.parse(connectivity);
        }
        if (dumpState != null) {
            if (open == null) {
                throw new IllegalArgumentException("--dump-state needs --open FILE (a project .json or a potential "
                        + ".npy)");
            }
            io.bandsmith.engine.io.InputFiles.requireReadable(open, "project or potential file");
            if (model != null && !Files.isRegularFile(model)) {
                throw new IllegalArgumentException(model + ": no such network file");
            }
            return StateDump.run(open, source, connectivity, model == null ? null : model.toAbsolutePath(),
                    dumpState, timeout);
        }
        if (connectivity != null) {
            throw new IllegalArgumentException("--connectivity goes with --dump-state; in the window choose it in "
                    + "the tool bar");
        }
        if (!displayAvailable()) {
            if (helpWithoutDisplay) {
                spec.commandLine().getParent().usage(spec.commandLine().getOut());
            }
            spec.commandLine().getErr().println("bandsmith gui: no display (DISPLAY is not set); run it on a desktop "
                    + "or under xvfb-run");
            return 1;
        }
        if (open != null) {
            io.bandsmith.engine.io.InputFiles.requireReadable(open, "project or potential file");
        }
        String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
        if (wh.length != 2) {
            throw new IllegalArgumentException("--size must look like 1500x940, got " + size);
        }
        if (model != null) {
            io.bandsmith.engine.io.InputFiles.requireReadable(model, "network file");
        }
        String[] group = berryBands.trim().split("-");
        if (group.length != 2 || !group[0].trim().matches("\\d+") || !group[1].trim().matches("\\d+")) {
            throw new IllegalArgumentException("--berry-bands must look like 4-5, got " + berryBands);
        }
        GuiOptions options = new GuiOptions(open, screenshot == null ? null : screenshot.toAbsolutePath(), timeout,
                Integer.parseInt(wh[0].trim()), Integer.parseInt(wh[1].trim()),
                model == null ? null : model.toAbsolutePath(), show, run, trials, steps, zoneMap,
                Integer.parseInt(group[0].trim()), Integer.parseInt(group[1].trim()), source);
        return WorkbenchLauncher.launch(options);
    }

    static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (!os.contains("linux") || "Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }
}
