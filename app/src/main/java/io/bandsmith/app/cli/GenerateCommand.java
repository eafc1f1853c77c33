package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.Shape;
import io.bandsmith.engine.geometry.ShapeRasterizer;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.io.PngFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bandsmith generate}: writes random or parametric C6-symmetric potentials as .npy or PNG. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write C6-symmetric potentials (L x L grids, conventions.md) as .npy or grayscale PNG.",
        subcommands = {GenerateCommand.Random.class, GenerateCommand.SixHoles.class, GenerateCommand.Shapes.class})
public final class GenerateCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every generator shares. */
    static class Output {
        @Option(names = "--out", required = true, description = "Output file: .npy (masks as uint8, else float64 "
                + "in E0) or .png (one image per potential).")
        Path out;

        @Option(names = "--size", defaultValue = "100", description = "Grid size L (default ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--vmax", defaultValue = "256", description = "Step height Vmax in E0 (default ${DEFAULT-VALUE}).")
        double vmax;

        void write(List<PotentialGrid> grids) {
            String name = out.getFileName().toString().toLowerCase();
            if (name.endsWith(".npy")) {
                boolean masks = grids.stream().allMatch(PotentialGrid::isTwoValued) && grids.get(0).vmax() == vmax;
                if (masks) {
                    NpyFiles.writeMasks(out, grids);
                } else {
                    NpyFiles.writePotentials(out, grids);
                }
            } else if (name.endsWith(".png")) {
                if (grids.size() == 1) {
                    PngFiles.writeGrayscale(out, grids.get(0));
                } else {
                    String base = out.toString().substring(0, out.toString().length() - 4);
                    for (int i = 0; i < grids.size(); i++) {
                        PngFiles.writeGrayscale(Path.of(String.format("%s-%04d.png", base, i)), grids.get(i));
                    }
                }
            } else {
                throw new InvalidInputException(out, "output must end in .npy or .png");
            }
            System.err.println("wrote " + grids.size() + " potential(s) of size " + size + "x" + size + " to " + out);
        }
    }

    @Command(name = "random", mixinStandardHelpOptions = true,
            description = "Random potentials of the paper's distributions (appendix D): Gaussian field over the stars "
                    + "of the case's point group (p6: 21 C6 stars; p4: 42 C4 stars), variance C/|G|^alpha, digitized "
                    + "by a step (default) or a sigmoid.")
    static final class Random implements Runnable {
        @picocli.CommandLine.Mixin
        Output output;

        @Option(names = "--count", defaultValue = "1", description = "Number of potentials (default 1).")
        int count;

        @Option(names = "--alpha", defaultValue = "1", description = "Spectral exponent alpha: 1 = training, "
                + "0.5 = exploration distribution (default 1).")
        double alpha;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the first potential; potential i uses "
                + "seed + i (default 0).")
        long seed;

        @Option(names = "--beta", description = "Sigmoid sharpness beta; without it the step is sharp (masks).")
        Double beta;

        @Option(names = "--case", defaultValue = "p6", paramLabel = "NAME",
                description = "Case study: p6 (default), p4 (square lattice), p4-dirac (uint8 masks, 1 = topological, "
                        + "of the p4 field on the 70 x 70 grid unless --size is given) or p4222-3d (20^3 voxel grids "
                        + "of space group No. 93, Vmax 200 by default).")
        String caseName;

        @Option(names = "--c", defaultValue = "1", description = "p4222-3d: vertical lattice constant c (units of a).")
        double c;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            if (count < 1) {
                throw new IllegalArgumentException("--count must be at least 1");
            }
            if (DiracCommands.is(caseName)) {
                if (beta != null) {
                    throw new IllegalArgumentException("p4-dirac patterns are two-valued masks; --beta does not apply");
                }
                DiracCommands.generate(output.out, spec.commandLine().getParseResult().hasMatchedOption("--size")
                        ? output.size : io.bandsmith.engine.dirac.DiracPattern.CASE_SIZE, count, seed, alpha);
                return;
            }
            if (P4222Cli.CASE.equals(caseName)) {
                var parsed = spec.commandLine().getParseResult();
                P4222Cli.generateRandom(output.out, count, alpha, seed, beta,
                        parsed.hasMatchedOption("--vmax") ? output.vmax : null,
                        parsed.hasMatchedOption("--size") ? output.size : null, c);
                return;
            }
            io.bandsmith.engine.cases.CaseStudy study = io.bandsmith.engine.cases.CaseStudy.named(caseName);
            List<PotentialGrid> grids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                grids.add(beta == null ? study.randomStep(alpha, output.size, seed + i, output.vmax)
                        : study.randomSigmoid(alpha, output.size, seed + i, beta, output.vmax));
            }
            output.write(grids);
        }
    }

    @Command(name = "six-holes", mixinStandardHelpOptions = true,
            description = "The fig. 2 family: six holes (V = 0) of radius r at distance R from the C6 centre in a "
                    + "background of Vmax.")
    static final class SixHoles implements Runnable {
        @picocli.CommandLine.Mixin
        Output output;

        @Option(names = "--distance", required = true, description = "Distance R of the holes from the centre (a).")
        double distance;

        @Option(names = "--radius", defaultValue = "0.12", description = "Hole radius (a, default 0.12).")
        double radius;

        @Override
        public void run() {
            output.write(List.of(ShapeRasterizer.sixHoles(output.size, distance, radius, output.vmax)));
        }
    }

    @Command(name = "shapes", mixinStandardHelpOptions = true,
            description = "Discs and regular polygons (each repeated by C6 and periodically) painted over a "
                    + "background, in order.")
    static final class Shapes implements Runnable {
        @picocli.CommandLine.Mixin
        Output output;

        @Option(names = "--background", defaultValue = "0", description = "Background value in units of Vmax "
                + "(default 0).")
        double background;

        @Option(names = "--disc", description = "x,y,radius[,value]: a disc centred at (x, y) (units of a), painted "
                + "with value (units of Vmax, default 1).")
        List<String> discs = new ArrayList<>();

        @Option(names = "--polygon", description = "sides,x,y,circumradius[,rotationDeg[,value]]: a regular polygon.")
        List<String> polygons = new ArrayList<>();

        @Override
        public void run() {
            List<ShapeRasterizer.PaintedShape> shapes = new ArrayList<>();
            for (String d : discs) {
                double[] v = numbers(d, 3, 4, "--disc");
                shapes.add(new ShapeRasterizer.PaintedShape(new Shape.Disc(v[0], v[1], v[2]), v.length > 3 ? v[3] : 1));
            }
            for (String p : polygons) {
                double[] v = numbers(p, 4, 6, "--polygon");
                shapes.add(new ShapeRasterizer.PaintedShape(new Shape.RegularPolygon(v[1], v[2], v[3], (int) v[0],
                        v.length > 4 ? Math.toRadians(v[4]) : 0), v.length > 5 ? v[5] : 1));
            }
            if (shapes.isEmpty()) {
                throw new IllegalArgumentException("give at least one --disc or --polygon");
            }
            output.write(List.of(ShapeRasterizer.rasterize(output.size, background, shapes, output.vmax)));
        }

        private static double[] numbers(String text, int min, int max, String option) {
            String[] parts = text.split(",");
            if (parts.length < min || parts.length > max) {
                throw new IllegalArgumentException(option + " '" + text + "': expected " + min + " to " + max
                        + " comma-separated numbers");
            }
            double[] v = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    v[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(option + " '" + text + "': '" + parts[i] + "' is not a number");
                }
            }
            return v;
        }
    }
}
