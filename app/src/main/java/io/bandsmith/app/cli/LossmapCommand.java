package io.bandsmith.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.design.FourierGeometry;
import io.bandsmith.models.design.InverseDesign;
import io.bandsmith.models.design.LossMap;
import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.network.TightBindingNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bandsmith lossmap}: the reachable region of the breathing-honeycomb model (fig. 6b), a resumable batch. */
@Command(name = "lossmap", mixinStandardHelpOptions = true,
        description = "Loss map (fig. 6b): a short inverse design at every point of a grid over omega0, mean hopping "
                + "Jbar = (J + J0)/2 and imbalance dJ = J0 - J of the breathing-honeycomb model; the best loss per "
                + "point, one JSON line each (run again to resume), and a PNG of the map.")
public final class LossmapCommand implements Callable<Integer> {
    @Option(names = "--omega0", defaultValue = "0.6", description = "Value or FROM:TO:COUNT, Vmax (default "
            + "${DEFAULT-VALUE}).")
    String omega0;

    @Option(names = "--jbar", defaultValue = "0.01:0.06:6", description = "Value or FROM:TO:COUNT, Vmax (default "
            + "${DEFAULT-VALUE}).")
    String jBar;

    @Option(names = "--delta-j", defaultValue = "-0.02:0.02:5", description = "Value or FROM:TO:COUNT, Vmax "
            + "(default ${DEFAULT-VALUE}).")
    String deltaJ;

    @Option(names = "--lbar", defaultValue = "0", description = "Mean next-nearest hopping (Vmax).")
    double lBar;

    @Option(names = "--delta-l", defaultValue = "0", description = "Next-nearest imbalance L0 - L (Vmax).")
    double deltaL;

    @Option(names = "--trials", defaultValue = "50", description = "Trials per point (the paper: 50).")
    int trials;

    @Option(names = "--steps", defaultValue = "300", description = "Optimizer steps per trial (default "
            + "${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed of the trials (default "
            + "${DEFAULT-VALUE}; the same seed gives the same map).")
    long seed;

    @Option(names = "--accuracy", defaultValue = "5e-3", description = "The network's rms accuracy (Vmax): points "
            + "below it are marked reachable (default ${DEFAULT-VALUE}).")
    double accuracy;

    @Option(names = "--model", description = "Network model file (default: the shipped model).")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "Results, one JSON line per "
            + "point; existing lines are kept and their points skipped.")
    Path out;

    @Option(names = "--png", paramLabel = "FILE.png", description = "Draw the map.")
    Path png;

    @Override
    public Integer call() throws Exception {
        double[] w = LossMap.range(omega0);
        double[] jb = LossMap.range(jBar);
        double[] dj = LossMap.range(deltaJ);
        TightBindingNetwork net = model == null ? NetworkPredictor.shipped().network() : TightBindingNetwork.load(model);
        ObjectMapper json = new ObjectMapper();
        List<LossMap.Point> points = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        AtomicFiles.removeStaleTemporariesOf(out); // a killed run's half-written copies (issue 18)
        if (Files.isRegularFile(out)) {
            int n = 0;
            for (String line : Files.readAllLines(out)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode p = json.readTree(line);
                    points.add(new LossMap.Point(p.get("omega0").asDouble(), p.get("jbar").asDouble(),
                            p.get("delta_j").asDouble(), p.get("network_loss").asDouble(),
                            p.get("smooth_loss").asDouble(), json.convertValue(p.get("coefficients"), double[].class)));
                    lines.add(line);
                } catch (Exception e) {
                    throw new InvalidInputException(out, "line " + n + " is not a loss-map point (" + e.getMessage()
                            + "); move the file away to start a new map");
                }
            }
        }
        LossMap map = new LossMap(net, new FourierGeometry(100, RandomPotentialGenerator.DEFAULT_CUTOFF), lBar, deltaL,
                16);
        InverseDesign.Settings settings = InverseDesign.Settings.defaults().withTrialsAndSteps(trials, steps)
                .withSeed(seed);
        AtomicBoolean stop = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
        int total = w.length * jb.length * dj.length;
        long start = System.nanoTime();
        int[] count = {0};
        map.run(w, jb, dj, settings, p -> points.stream().anyMatch(q -> same(q, p)), p -> {
            points.add(p);
            lines.add(line(json, p));
            AtomicFiles.writeString(out, String.join("\n", lines) + "\n");
            count[0]++;
            double s = (System.nanoTime() - start) / 1e9;
            System.err.printf(Locale.ROOT, "lossmap: %d/%d points (omega0 %.3f, Jbar %.4f, dJ %.4f: rms %.2e Vmax), "
                    + "%.0f s%n", points.size(), total, p.omega0(), p.jBar(), p.deltaJ(),
                    Math.sqrt(p.networkLoss()), s);
        }, stop::get);
        if (png != null && !points.isEmpty()) {
            var img = LossMap.render(points, accuracy * accuracy);
            AtomicFiles.write(png, tmp -> ImageIO.write(img, "png", tmp.toFile()));
        }
        System.err.println("lossmap: " + points.size() + "/" + total + " points in " + out);
        return stop.get() ? 130 : 0;
    }

    private static boolean same(LossMap.Point q, double[] p) {
        return Math.abs(q.omega0() - p[0]) < 1e-12 && Math.abs(q.jBar() - p[1]) < 1e-12
                && Math.abs(q.deltaJ() - p[2]) < 1e-12;
    }

    private static String line(ObjectMapper json, LossMap.Point p) {
        var node = json.createObjectNode();
        node.put("omega0", p.omega0());
        node.put("jbar", p.jBar());
        node.put("delta_j", p.deltaJ());
        node.put("network_loss", p.networkLoss());
        node.put("network_rms_vmax", Math.sqrt(p.networkLoss()));
        node.put("smooth_loss", p.smoothLoss());
        node.set("coefficients", json.valueToTree(p.coefficients()));
        return node.toString();
    }
}
