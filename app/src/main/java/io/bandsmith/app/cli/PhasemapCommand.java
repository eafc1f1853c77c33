package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;

import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.models.design.PhaseMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bandsmith phasemap}: classes of the first two band sets over a triangle of blended geometries. */
@Command(name = "phasemap", mixinStandardHelpOptions = true,
        customSynopsis = {"bandsmith phasemap --corners A.npy B.npy C.npy [--resolution N]",
            "                          [--solver exact|nn] [--model FILE.zip] [--bands N]",
            "                          [--connectivity naive|compat|berry] [--vmax E0]",
            "                          [--star-cutoff N] [--out FILE.json]",
            "                          [--png FILE.png] [-hV]"},
        description = "Phase map (fig. 3f): blend the Fourier coefficients of three geometries over a triangle and "
                + "classify the first two band sets at every point (JSON, and a PNG map).")
public final class PhasemapCommand implements Callable<Integer> {
    @Option(names = "--corners", arity = "3", required = true, paramLabel = "FILE.npy",
            description = "The three corner geometries (one potential each).")
    List<Path> corners;

    @Option(names = "--resolution", defaultValue = "20", description = "Subdivisions N of each side: (N+1)(N+2)/2 "
            + "points (default ${DEFAULT-VALUE}).")
    int resolution;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Output JSON (default: stdout).")
    Path out;

    @Option(names = "--png", paramLabel = "FILE.png", description = "Also draw the map.")
    Path png;

    @Option(names = "--solver", defaultValue = "exact", description = "exact or nn (default ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--model", description = "Network model file for --solver nn.")
    Path model;

    @Option(names = "--connectivity", defaultValue = "compat", description = "naive, compat or berry (default "
            + "${DEFAULT-VALUE}).")
    String connectivity;

    @Option(names = "--bands", defaultValue = "6", description = "Number of bands to classify (default "
            + "${DEFAULT-VALUE}).")
    int bands;

    @Option(names = "--vmax", defaultValue = "256", description = "Step height Vmax in E0 for masks (default "
            + "${DEFAULT-VALUE}; the network: 256).")
    double vmax;

    @Option(names = "--star-cutoff", defaultValue = "" + PhaseMap.DEFAULT_STAR_CUTOFF, description = "Fourier stars "
            + "kept when blending (default ${DEFAULT-VALUE}).")
    int starCutoff;

    @Override
    public Integer call() throws Exception {
        ConnectivityMethod method = ConnectivityMethod.parse(connectivity);
        TopologySources.checkBands(bands);
        if (corners.size() != 3) {
            throw new IllegalArgumentException("--corners takes exactly three files, once; got " + corners.size());
        }
        BandStructureSource source = TopologySources.source(solver, model);
        TopologySources.checkConnectivity(source, method);
        List<PotentialGrid> grids = new ArrayList<>();
        for (Path c : corners) {
            List<PotentialGrid> g = NpyFiles.readPotentials(c, vmax);
            if (g.size() != 1) {
                throw new InvalidInputException(c, "a corner must hold one potential, the file holds " + g.size());
            }
            grids.add(g.get(0));
        }
        PhaseMap map;
        try {
            map = new PhaseMap(grids, starCutoff);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(corners.get(0), e.getMessage());
        }
        int total = (resolution + 1) * (resolution + 2) / 2;
        long start = System.nanoTime();
        List<PhaseMap.Point> points = map.compute(resolution, source, method, bands, done -> {
            if (done % Math.max(1, total / 10) == 0 || done == total) {
                double s = (System.nanoTime() - start) / 1e9;
                System.err.printf("phasemap: %d/%d points, ETA %.0f s%n", done, total, s / done * (total - done));
            }
        });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("corners", corners.stream().map(Path::toString).toList());
        doc.put("resolution", resolution);
        doc.put("star_cutoff", starCutoff);
        doc.put("corner_fidelity", List.of(map.cornerFidelity(0), map.cornerFidelity(1), map.cornerFidelity(2)));
        doc.put("solver", source.name());
        doc.put("connectivity", method.cliName());
        doc.put("bands", bands);
        List<Object> pts = new ArrayList<>();
        for (PhaseMap.Point p : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("weights", p.weights());
            m.put("sets", ClassifyCommand.setsJson(p.sets()));
            pts.add(m);
        }
        doc.put("points", pts);
        if (png != null) {
            var img = PhaseMap.render(points, resolution, 900);
            AtomicFiles.write(png, tmp -> ImageIO.write(img, "png", tmp.toFile()));
        }
        Json.write(doc, out);
        return 0;
    }
}
