package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bandsmith.engine.cases.CaseStudy;
import io.bandsmith.engine.dirac.DiracBandSolver;
import io.bandsmith.engine.dirac.DiracChern;
import io.bandsmith.engine.dirac.DiracPattern;
import io.bandsmith.engine.dirac.DiracPatternFiles;
import io.bandsmith.engine.dirac.DiracSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.linalg.Lapack;

/**
 * The command-line side of the case p4-dirac (docs/p4-dirac.md): {@code solve}, {@code classify} and
 * {@code generate random} branch here when {@code --case p4-dirac} is given, so the other cases' code stays as it is.
 */
final class DiracCommands {
    static final String CASE = "p4-dirac";
    /** Quarter-zone grids of the command line: --wedge 81 = quarter(9), --wedge 961 = quarter(31). */
    static final List<Integer> WEDGES = List.of(81, 961);

    private DiracCommands() {
    }

    static boolean is(String caseName) {
        return CASE.equals(caseName);
    }

    /** quarter(n): k = (π i/(n−1), π j/(n−1)), i outer. */
    static KPointSet quarter(int n) {
        List<KVector> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                pts.add(new KVector(Math.PI * i / (n - 1), Math.PI * j / (n - 1)));
            }
        }
        return new KPointSet("quarter(" + n + ")", pts, List.of());
    }

    static KPointSet kpoints(KPointOptions.Choice choice) {
        if (choice == null || choice.wedge != null) {
            int count = choice == null ? WEDGES.get(0) : choice.wedge;
            int n = (int) Math.round(Math.sqrt(count));
            if (n * n != count || n < 2) {
                throw new IllegalArgumentException("no p4-dirac quarter-zone grid has " + count + " points (use 81 or "
                        + "961)");
            }
            return quarter(n);
        }
        if (choice.csv != null) {
            return KPointSet.readCsv(choice.csv);
        }
        if (choice.path < 1) {
            throw new IllegalArgumentException("--path needs at least 1 point per segment");
        }
        return CaseStudy.named("p4").path(choice.path); // Γ (0,0) -> X (π,0) -> M (π,π) -> Γ, as for p4
    }

    static int solve(Path potential, KPointOptions.Choice choice, Path out, Integer threads, boolean chern) {
        List<DiracPattern> patterns = DiracPatternFiles.read(potential, DiracPattern.CASE_SIZE);
        KPointSet ks = kpoints(choice);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
        Lapack.warmUp();
        List<Object> samples = new ArrayList<>();
        for (int p = 0; p < patterns.size(); p++) {
            long start = System.nanoTime();
            DiracBandSolver solver = DiracBandSolver.build(patterns.get(p), nThreads);
            double anchors = solver.anchorSeconds();
            List<double[]> energies = new ArrayList<>();
            for (KVector k : ks.points()) {
                energies.add(solver.energiesAnywhere(k.kx(), k.ky()));
            }
            Map<String, Object> hsp = new LinkedHashMap<>();
            for (String name : List.of("G", "X", "M")) {
                double[] k = DiracSymmetry.point(name);
                DiracBandSolver.Solution s = solver.solve(k[0], k[1]);
                double[] states = solver.expand(s.coefficients(), DiracBandSolver.BANDS);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("energies", s.energies());
                m.put("labels", DiracSymmetry.labels(solver.hamiltonian(), name, s.energies(), states));
                hsp.put(name, m);
            }
            double solveSeconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("energies", energies);
            sample.put("hsp", hsp);
            String line = String.format("p4-dirac: pattern %d/%d: anchors %.2f s, %d k points + labels %.2f s in all",
                    p + 1, patterns.size(), anchors, ks.size(), solveSeconds);
            if (chern) {
                DiracChern.Result c = DiracChern.compute(solver);
                sample.put("chern", Arrays.asList(c.chern()));
                sample.put("min_gap", c.minGap());
                line += String.format(", Chern numbers %.2f s", c.seconds());
            }
            Map<String, Object> diag = new LinkedHashMap<>();
            diag.put("reduced_dimension", solver.reducedDimension());
            diag.put("max_anchor_residual", solver.maxAnchorResidual());
            diag.put("seconds", (System.nanoTime() - start) / 1e9);
            sample.put("solver", diag);
            samples.add(sample);
            System.err.println(line);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("units", Map.of("energy", "m", "k", "1/a"));
        doc.put("case", CASE);
        doc.put("bands", DiracBandSolver.BANDS);
        List<double[]> kp = new ArrayList<>();
        for (KVector k : ks.points()) {
            kp.add(new double[] {k.kx(), k.ky()});
        }
        doc.put("kpoints", kp);
        doc.put("samples", samples);
        Json.write(doc, out);
        return 0;
    }

    /** The p4 random field on the N x N grid, topological (1) where it is positive: uint8 masks. */
    static void generate(Path out, int size, int count, long seed, double alpha) {
        if (!out.getFileName().toString().toLowerCase().endsWith(".npy")) {
            throw new IllegalArgumentException("p4-dirac patterns are written as .npy masks; --out must end in .npy");
        }
        CaseStudy p4 = CaseStudy.named("p4");
        List<PotentialGrid> grids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PotentialGrid g = p4.randomStep(alpha, size, seed + i, 1.0);
            DiracPatternFiles.fromGrid(g); // checks the symmetry
            grids.add(g);
        }
        NpyFiles.writeMasks(out, grids);
        System.err.println("wrote " + count + " p4-dirac pattern(s) of size " + size + "x" + size + " to " + out);
    }
}
