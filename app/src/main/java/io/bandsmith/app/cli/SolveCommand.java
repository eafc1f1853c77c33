package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.cases.CaseStudy;
import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.BandStructureJson;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.solver.CasePlaneWaveSolver;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code ./bandsmith solve}: exact bands and symmetry labels of one potential or a batch (the contract JSON). */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Exact band structure (plane waves; hexagonal pixels for p6, square pixels for p4) with symmetry "
                + "labels at the maximal k points (p6: Γ, K, M; p4: Γ, X, M), for every potential in a .npy file of "
                + "shape (L, L) or (N, L, L).")
public final class SolveCommand implements Callable<Integer> {
    @Option(names = "--potential", required = true, paramLabel = "FILE.npy",
            description = "uint8/bool masks (V = Vmax·mask) or float potentials in E0.")
    Path potential;

    @Option(names = "--vmax", defaultValue = "256", description = "Step height Vmax in E0 (default ${DEFAULT-VALUE}).")
    double vmax;

    @Option(names = "--case", defaultValue = "p6", paramLabel = "NAME",
            description = "Case study: p6 (default), p4 (square lattice, in progress), p4-dirac (the two-component "
                    + "topological metamaterial, eq. K1; masks of 70 x 70, energies in m, the 8 central bands) or "
                    + "p4222-3d (3D, space group No. 93: 20^3 voxel grids, Vmax 200 by default, docs/p4222-3d.md).")
    String caseName;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    KPointOptions.Choice kpoints;

    @Option(names = "--bands", defaultValue = "7", description = "Number of bands (default ${DEFAULT-VALUE}).")
    int bands;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Output file (default: stdout).")
    Path out;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @picocli.CommandLine.Mixin
    P4222Cli.Options p4222;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (DiracCommands.is(caseName)) {
            return DiracCommands.solve(potential, kpoints, out, threads, false);
        }
        if (P4222Cli.CASE.equals(caseName)) {
            var parsed = spec.commandLine().getParseResult();
            return P4222Cli.solve(potential, parsed.hasMatchedOption("--vmax") ? vmax : null, kpoints,
                    parsed.hasMatchedOption("--bands") ? bands : null, out,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads, p4222);
        }
        CaseStudy study = CaseStudy.named(caseName);
        BandStructureSource source = study.isP6() ? PlaneWaveSolver.withDefaults()
                : CasePlaneWaveSolver.withDefaults(study);
        return run(source, study, potential, vmax, KPointOptions.resolve(kpoints, study), bands, out,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads);
    }

    /** Reads one potential or a batch and checks C6 symmetry; problems name the file (and the potential). */
    static List<PotentialGrid> readSymmetricPotentials(Path file, double vmax) {
        return readSymmetricPotentials(CaseStudy.p6(), file, vmax);
    }

    /** Reads one potential or a batch and checks the case's symmetry; problems name the file (and the potential). */
    static List<PotentialGrid> readSymmetricPotentials(CaseStudy study, Path file, double vmax) {
        List<PotentialGrid> grids = NpyFiles.readPotentials(file, vmax);
        for (int i = 0; i < grids.size(); i++) {
            try {
                grids.set(i, study.isP6() ? C6GridSymmetry.requireSymmetric(grids.get(i), 1e-6)
                        : study.requireSymmetric(grids.get(i), 1e-6));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(file, (grids.size() > 1 ? "potential " + i + ": " : "")
                        + e.getMessage());
            }
        }
        return grids;
    }

    /**
     * The exact solver refuses potentials it cannot resolve accurately within memory (docs/solver.md); said before
     * any work, naming the file and the potential.
     */
    static void requireResolvable(BandStructureSource source, Path file, List<PotentialGrid> grids) {
        if (source instanceof PlaneWaveSolver || source instanceof CasePlaneWaveSolver) {
            for (int i = 0; i < grids.size(); i++) {
                try {
                    if (source instanceof PlaneWaveSolver solver) {
                        solver.requireResolvable(grids.get(i));
                    } else {
                        ((CasePlaneWaveSolver) source).requireResolvable(grids.get(i));
                    }
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(file, (grids.size() > 1 ? "potential " + i + ": " : "")
                            + e.getMessage());
                }
            }
        }
    }

    /** Shared by solve and predict: reads, validates, computes in parallel, writes the contract JSON. */
    static int run(BandStructureSource source, Path potentialFile, double vmax, KPointSet ks, int bands, Path out,
            int threads) {
        return run(source, CaseStudy.p6(), potentialFile, vmax, ks, bands, out, threads, null);
    }

    /** As below without a training domain (solve). */
    static int run(BandStructureSource source, CaseStudy study, Path potentialFile, double vmax, KPointSet ks,
            int bands, Path out, int threads) {
        return run(source, study, potentialFile, vmax, ks, bands, out, threads, null);
    }

    /**
     * Shared by solve and predict for a case study (the JSON carries {@code "case"}); {@code domain} (predict) gives
     * for each potential the reasons why the answer is an extrapolation: each is printed on stderr as a warning and
     * listed under "warnings" in the JSON (top level, with the potential's index, and in its sample).
     */
    static int run(BandStructureSource source, CaseStudy study, Path potentialFile, double vmax, KPointSet ks,
            int bands, Path out, int threads, java.util.function.Function<PotentialGrid, List<String>> domain) {
        return run(source, study, potentialFile, vmax, ks, bands, out, threads, domain, null);
    }

    /**
     * As above; {@code annotate} (predict with an ensemble) adds extra fields to each sample's JSON object from the
     * band structure computed for it (the contract fields stay as they are).
     */
    static int run(BandStructureSource source, CaseStudy study, Path potentialFile, double vmax, KPointSet ks,
            int bands, Path out, int threads, java.util.function.Function<PotentialGrid, List<String>> domain,
            java.util.function.BiConsumer<BandStructure, com.fasterxml.jackson.databind.node.ObjectNode> annotate) {
        if (!(vmax > 0) || !Double.isFinite(vmax)) {
            throw new IllegalArgumentException("--vmax must be a positive number of E0, got " + vmax);
        }
        if (bands < 1 || bands > 60) {
            throw new IllegalArgumentException("--bands must be between 1 and 60, got " + bands);
        }
        List<PotentialGrid> grids = readSymmetricPotentials(study, potentialFile, vmax);
        requireResolvable(source, potentialFile, grids);
        List<List<String>> perSample = new java.util.ArrayList<>();
        List<String> allWarnings = new java.util.ArrayList<>();
        if (domain != null) {
            for (int i = 0; i < grids.size(); i++) {
                List<String> w = domain.apply(grids.get(i));
                perSample.add(w);
                for (String line : w) {
                    String text = potentialFile + ": " + (grids.size() > 1 ? "potential " + i + ": " : "") + line;
                    allWarnings.add(text);
                    System.err.println("bandsmith predict: warning: " + text
                            + " (outside the network's training domain, models/README.md; the exact answer: solve)");
                }
            }
        }
        boolean report = grids.size() >= 8;
        long start = System.nanoTime();
        List<BandStructure> result = source.computeAll(grids, ks, bands, threads, (done, total) -> {
            if (report && (done == total || done % Math.max(1, total / 20) == 0)) {
                double s = (System.nanoTime() - start) / 1e9;
                System.err.printf("%s: %d/%d potentials, %.2f s per potential, ETA %.0f s%n", source.name(), done,
                        total, s / done, s / done * (total - done));
            }
        });
        var doc = BandStructureJson.document(ks, vmax, result);
        doc.put("case", study.name());
        if (domain != null) {
            var array = doc.putArray("warnings");
            allWarnings.forEach(array::add);
            var samples = doc.withArray("samples");
            for (int i = 0; i < perSample.size(); i++) {
                var w = ((com.fasterxml.jackson.databind.node.ObjectNode) samples.get(i)).putArray("warnings");
                perSample.get(i).forEach(w::add);
            }
        }
        if (annotate != null) {
            var samples = doc.withArray("samples");
            for (int i = 0; i < result.size(); i++) {
                annotate.accept(result.get(i), (com.fasterxml.jackson.databind.node.ObjectNode) samples.get(i));
            }
        }
        if (out == null) {
            System.out.print(BandStructureJson.toJson(doc));
            System.out.flush();
        } else {
            BandStructureJson.write(out, doc);
        }
        return 0;
    }
}
