package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.engine.io.BandStructureJson;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.space3d.P4222Json;
import io.bandsmith.engine.space3d.P4222KPoints;
import io.bandsmith.engine.space3d.P4222Solver;
import io.bandsmith.engine.space3d.RandomVoxelPotentials;
import io.bandsmith.engine.space3d.VoxelFiles;
import io.bandsmith.engine.space3d.VoxelGrid;
import picocli.CommandLine.Option;

/**
 * The p4222-3d case on the command line (docs/p4222-3d.md): {@code solve} and {@code generate random} branch here
 * when {@code --case p4222-3d}. The options only this case reads are a mixin of those commands.
 */
public final class P4222Cli {
    public static final String CASE = "p4222-3d";
    static final double DEFAULT_VMAX = 200;

    private P4222Cli() {
    }

    /** Options of the 3D case (ignored by the 2D cases). */
    public static final class Options {
        @Option(names = "--c", defaultValue = "1", description = "p4222-3d: vertical lattice constant c in units of a "
                + "(default ${DEFAULT-VALUE}).")
        double c;

        @Option(names = "--cut", paramLabel = "PLANE", description = "p4222-3d: band-gap maps on a cut of the zone: "
                + "kz=0, kz=pi or kx=ky (the first three gaps on an N x N grid, see --resolution).")
        String cut;

        @Option(names = "--resolution", defaultValue = "21", paramLabel = "N", description = "p4222-3d: grid size N "
                + "of --cut (default ${DEFAULT-VALUE}).")
        int resolution;

        @Option(names = "--png", paramLabel = "FILE.png", description = "p4222-3d with --cut: also draw the three gap "
                + "maps side by side (first potential).")
        Path png;
    }

    static int solve(Path potential, Double vmaxOrNull, KPointOptions.Choice choice, Integer bandsOrNull, Path out,
            int threads, Options options) {
        double vmax = vmaxOrNull == null ? DEFAULT_VMAX : vmaxOrNull;
        double c = options == null ? 1 : options.c;
        int bands = bandsOrNull == null ? 8 : bandsOrNull;
        if (!(vmax > 0) || !Double.isFinite(vmax)) {
            throw new IllegalArgumentException("--vmax must be a positive number of E0, got " + vmax);
        }
        if (!(c > 0.2 && c < 5)) {
            throw new IllegalArgumentException("--c must be between 0.2 and 5 (units of a), got " + c);
        }
        if (bands < 1 || bands > 40) {
            throw new IllegalArgumentException("--bands must be between 1 and 40, got " + bands);
        }
        P4222KPoints.KSet ks;
        P4222KPoints.Cut cut = null;
        if (options != null && options.cut != null) {
            if (choice != null) {
                throw new IllegalArgumentException("--cut replaces --wedge/--path/--kpoints; give one of them");
            }
            cut = P4222KPoints.cut(options.cut, options.resolution, c);
            ks = new P4222KPoints.KSet("cut " + cut.name() + " " + cut.resolution() + "x" + cut.resolution(),
                    cut.points());
            bands = Math.max(bands, 4);
        } else if (choice == null || choice.wedge != null) {
            ks = P4222KPoints.wedgeWithCount(choice == null ? 75 : choice.wedge, c);
        } else if (choice.csv != null) {
            ks = P4222KPoints.readCsv(choice.csv);
        } else {
            ks = P4222KPoints.path(choice.path, c);
        }
        List<VoxelGrid> grids = VoxelFiles.readSymmetric(potential, vmax);
        P4222Solver solver = P4222Solver.withDefaults(c);
        solver.requireFits(threads);
        if (out != null) {
            io.bandsmith.engine.io.AtomicFiles.requireWritableTarget(out);
        }
        List<P4222Solver.Result> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < grids.size(); i++) {
            results.add(solver.solve(grids.get(i), ks.points(), bands, threads));
            if (grids.size() > 1) {
                double s = (System.nanoTime() - start) / 1e9;
                System.err.printf("p4222-3d: %d/%d potentials, %.2f s per potential%n", i + 1, grids.size(),
                        s / (i + 1));
            }
        }
        ObjectNode doc = P4222Json.document(ks, vmax, c, bands, results);
        if (cut != null) {
            P4222Json.addCut(doc, cut);
            if (options.png != null) {
                double[][] gaps = new double[ks.points().size()][];
                double[][] e = results.get(0).energies();
                for (int i = 0; i < gaps.length; i++) {
                    gaps[i] = new double[] {e[i][1] - e[i][0], e[i][2] - e[i][1], e[i][3] - e[i][2]};
                }
                io.bandsmith.engine.space3d.GapMapPng.write(options.png, cut.resolution(), gaps);
            }
        } else if (options != null && options.png != null) {
            throw new IllegalArgumentException("--png draws the gap maps of --cut; give --cut too");
        }
        if (out == null) {
            System.out.print(BandStructureJson.toJson(doc));
            System.out.flush();
        } else {
            BandStructureJson.write(out, doc);
        }
        return 0;
    }

    /** generate random --case p4222-3d: (20,20,20) masks (step) or float potentials (sigmoid). */
    static void generateRandom(Path out, int count, double alpha, long seed, Double beta, Double vmaxOrNull,
            Integer sizeOrNull, double c) {
        double vmax = vmaxOrNull == null ? DEFAULT_VMAX : vmaxOrNull;
        int size = sizeOrNull == null ? VoxelFiles.SIZE : sizeOrNull;
        if (size != VoxelFiles.SIZE) {
            throw new IllegalArgumentException("--size: the p4222-3d case uses 20 x 20 x 20 grids (conventions.md)");
        }
        if (!out.getFileName().toString().toLowerCase().endsWith(".npy")) {
            throw new InvalidInputException(out, "output must end in .npy (3D voxel grids)");
        }
        List<VoxelGrid> grids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            grids.add(beta == null ? RandomVoxelPotentials.step(alpha, size, seed + i, c, vmax)
                    : RandomVoxelPotentials.sigmoid(alpha, size, seed + i, c, beta, vmax));
        }
        VoxelFiles.write(out, grids);
        System.err.println("wrote " + grids.size() + " potential(s) of size 20x20x20 (p4222-3d) to " + out);
    }
}
