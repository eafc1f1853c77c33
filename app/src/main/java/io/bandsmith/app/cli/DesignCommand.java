package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.AtomicFileSet;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.models.design.BandGapObjective;
import io.bandsmith.models.design.DesignExport;
import io.bandsmith.models.design.DesignObjective;
import io.bandsmith.models.design.FourierGeometry;
import io.bandsmith.models.design.InverseDesign;
import io.bandsmith.models.design.TargetBandsObjective;
import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.network.TightBindingNetwork;
import io.bandsmith.app.gui.model.GeometryBase;
import io.bandsmith.app.gui.model.GeometryDocument;
import io.bandsmith.app.gui.model.PreviewSettings;
import io.bandsmith.app.gui.model.Project;
import io.bandsmith.app.gui.model.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bandsmith design}: inverse design of a geometry through the network (paper section IX, appendix L). */
@Command(name = "design", mixinStandardHelpOptions = true,
        description = "Inverse design: find a two-valued C6-symmetric geometry whose bands match a target (the "
                + "appendix M breathing-honeycomb model) or that opens a band gap, by gradient descent through the "
                + "network from many random starts; the best designs are checked with the exact solver.")
public final class DesignCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, description = "breathing-honeycomb (appendix M, --param omega0, J, "
            + "J0, L, L0 in Vmax) or gap (open the gap above band --gap-above).")
    String target;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Target model parameter in units of Vmax "
            + "(repeatable): omega0, J, J0, L, L0 (defaults: the paper's fig. 6c).")
    List<String> params = new ArrayList<>();

    @Option(names = "--gap-above", defaultValue = "2", description = "For --target gap: the band below the gap "
            + "(1-based, default ${DEFAULT-VALUE}).")
    int gapAbove;

    @Option(names = "--trials", defaultValue = "200", description = "Random starts (default ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--steps", defaultValue = "500", description = "Adam steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random starts (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--learning-rate", defaultValue = "0.05", description = "Adam step size on the Fourier "
            + "coefficients (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--beta", defaultValue = "1", description = "Sigmoid sharpness β (default ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--penalty", defaultValue = "1e-4", description = "Weight of the discreteness penalty "
            + "mean v(1-v) (default ${DEFAULT-VALUE}).")
    double penalty;

    @Option(names = "--k-subsample", defaultValue = "16", description = "Random wedge k points per step besides Γ, "
            + "K, M (0: all 79; default ${DEFAULT-VALUE}).")
    int kSubsample;

    @Option(names = "--verify", defaultValue = "12", description = "Best designs checked with the exact solver "
            + "(default ${DEFAULT-VALUE}).")
    int verify;

    @Option(names = "--model", description = "Network model file (default: the shipped model).")
    Path model;

    @Option(names = "--export-npy", paramLabel = "FILE.npy", description = "The best design as an L x L uint8 mask.")
    Path exportNpy;

    @Option(names = "--export", paramLabel = "PREFIX", description = "All exports of the best design: PREFIX.npy, "
            + ".png, .svg, .dxf (outlines in units of a), .fourier.json, .bandsmith.json (project), .report.md and "
            + ".bands.png.")
    Path exportPrefix;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Report JSON (default: stdout).")
    Path out;

    @Option(names = "--vmax", defaultValue = "256", description = "Step height in E0 (the network is trained for "
            + "256).")
    double vmax;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        TightBindingNetwork net = model == null ? NetworkPredictor.shipped().network() : TightBindingNetwork.load(model);
        if (Math.abs(vmax - NetworkPredictor.TRAINED_VMAX) > 1e-9) {
            throw new IllegalArgumentException("--vmax: the network is trained for Vmax = "
                    + NetworkPredictor.TRAINED_VMAX + " E0");
        }
        DesignObjective objective = objective(net);
        FourierGeometry geometry = new FourierGeometry(100, RandomPotentialGenerator.DEFAULT_CUTOFF);
        InverseDesign design = new InverseDesign(net, geometry, objective, vmax);
        InverseDesign.Settings settings = new InverseDesign.Settings(trials, steps, beta, learningRate, penalty, 0.5,
                true, verify, seed);
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<AtomicFileSet> exports =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread hook = new Thread(() -> {
            stop.set(true);
            System.err.println("design: interrupted; " + keptAfterInterrupt(exports.get()));
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int every = Math.max(1, steps / 20);
            PlaneWaveSolver exactSolver = PlaneWaveSolver.withDefaults();
            InverseDesign.Result result = design.run(settings, exactSolver, p -> {
                if (!quiet && (p.step() % every == 0 || p.step() == p.steps())) {
                    double s = (System.nanoTime() - start) / 1e9;
                    System.err.printf(Locale.ROOT, "design: step %d/%d, %d trials, best loss %.3e (%s %.2e Vmax), "
                            + "median %.3e, %.0f s%n", p.step(), p.steps(), p.activeTrials(), p.bestLoss(),
                            objective.meanSquare() ? "rms" : "gap", DesignExport.figure(p.bestLoss(),
                                    objective.meanSquare()), p.medianLoss(), s);
                }
            }, stop::get);
            if (stop.get()) {
                return 130;
            }
            InverseDesign.Design best = result.best();
            PotentialGrid grid = PotentialGrid.fromMask(geometry.size(), best.mask(), vmax);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> doc = DesignExport.report(result, objective, settings, seconds);
            Path anchor = exportPrefix != null ? DesignExport.sibling(exportPrefix, ".npy") : exportNpy;
            if (anchor != null) {
                // all exports of the design appear together or not at all (issue 18)
                try (AtomicFileSet set = new AtomicFileSet(anchor)) {
                    exports.set(set);
                    if (exportNpy != null) {
                        NpyFiles.writeMasks(set.stage(exportNpy), List.of(grid));
                    }
                    List<Path> prefixed = new ArrayList<>();
                    if (exportPrefix != null) {
                        String name = exportPrefix.getFileName() == null ? "design"
                                : exportPrefix.getFileName().toString();
                        Path staged = set.stagingFolder().resolve(name);
                        List<Path> files = new ArrayList<>(DesignExport.writeAll(staged, result, geometry, settings,
                                grid, doc, new com.fasterxml.jackson.databind.ObjectMapper(), net, objective,
                                exactSolver));
                        Path project = DesignExport.sibling(staged, ProjectFiles.EXTENSION);
                        ProjectFiles.write(project, new Project("Design: " + objective.describe(),
                                GeometryDocument.of(grid.size(), vmax, new GeometryBase.Imported("design", grid.size(),
                                        grid.fractions()), List.of()), PreviewSettings.DEFAULT));
                        files.add(project);
                        for (Path f : files) {
                            Path target = DesignExport.sibling(exportPrefix, f.getFileName().toString().substring(
                                    name.length()));
                            set.expect(f, target);
                            prefixed.add(target);
                        }
                    }
                    set.commit();
                    if (exportPrefix != null) {
                        doc.put("exports", prefixed.stream().map(Path::toString).toList());
                    }
                }
            }
            Json.write(doc, out);
            if (!quiet) {
                String measure = objective.meanSquare() ? "rms" : "gap";
                System.err.printf(Locale.ROOT, "design: best exact %s %.2e Vmax (network %.2e), %.0f s%n", measure,
                        DesignExport.figure(best.exactLoss(), objective.meanSquare()),
                        DesignExport.figure(best.networkLoss(), objective.meanSquare()), seconds);
            }
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs and says what was kept
            }
        }
    }

    /** What an interrupt leaves behind, in words (the exports are a set: all or nothing). */
    static String keptAfterInterrupt(AtomicFileSet exports) {
        if (exports == null) {
            return "no export or report was written (the run stopped before its exports)";
        }
        for (int i = 0; i < 100 && exports.state() == AtomicFileSet.State.MOVING; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return exports.state() == AtomicFileSet.State.COMPLETE
                ? "the exports of the best design were complete and are kept; the report JSON may be missing"
                : "no export was kept (the set was not complete); nothing else was written";
    }

    private DesignObjective objective(TightBindingNetwork net) {
        switch (target) {
            case "breathing-honeycomb" -> {
                Map<String, Double> p = new LinkedHashMap<>();
                p.put("omega0", 0.6);
                p.put("J", 0.035);
                p.put("J0", 0.038);
                p.put("L", -0.002);
                p.put("L0", 0.002);
                for (String kv : params) {
                    int eq = kv.indexOf('=');
                    String name = eq < 0 ? kv : kv.substring(0, eq);
                    if (eq < 0 || !p.containsKey(name)) {
                        throw new IllegalArgumentException("--param must be NAME=VALUE with NAME one of " + p.keySet()
                                + ", got '" + kv + "'");
                    }
                    try {
                        p.put(name, Double.parseDouble(kv.substring(eq + 1)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--param " + name + ": not a number: '"
                                + kv.substring(eq + 1) + "'");
                    }
                }
                return TargetBandsObjective.breathingHoneycomb(net.model(), p.get("omega0"), p.get("J"), p.get("J0"),
                        p.get("L"), p.get("L0"), kSubsample);
            }
            case "gap" -> {
                if (!params.isEmpty()) {
                    throw new IllegalArgumentException("--param applies to --target breathing-honeycomb only");
                }
                return new BandGapObjective(net.model(), gapAbove);
            }
            default -> throw new IllegalArgumentException("--target must be breathing-honeycomb or gap, got '"
                    + target + "'");
        }
    }
}
