package io.bandsmith.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.topology.BandSet;
import io.bandsmith.engine.topology.ConnectivityMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./bandsmith classify}: connected sets of the lowest bands of each potential, with symmetry fingerprints and
 * their classification as EBR, composite BR, fragile or unassigned (docs/topology.md).
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Split the lowest bands of each potential into connected sets and classify each by its symmetry "
                + "fingerprint (ns,np,nd,nf,n0,n+): EBR, composite, fragile or unassigned.")
public final class ClassifyCommand implements Callable<Integer> {
    @Option(names = "--potential", required = true, paramLabel = "FILE.npy",
            description = "uint8/bool masks (V = Vmax·mask) or float potentials in E0, shape (L, L) or (N, L, L).")
    Path potential;

    @Option(names = "--vmax", defaultValue = "256", description = "Step height Vmax in E0 (default ${DEFAULT-VALUE}).")
    double vmax;

    @Option(names = "--solver", defaultValue = "exact", description = "exact or nn (default ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--model", description = "Network model file for --solver nn (default: the shipped model).")
    java.nio.file.Path model;

    @Option(names = "--connectivity", defaultValue = "compat",
            description = "naive (gaps at Γ, K, M), compat (plus the C2-parity rule) or berry (π defects; needs "
                    + "eigenvectors). Default ${DEFAULT-VALUE}.")
    String connectivity;

    @Option(names = "--bands", defaultValue = "6", description = "Number of bands to classify (default "
            + "${DEFAULT-VALUE}); one more level is computed to see the gap above the last.")
    int bands;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Output file (default: stdout).")
    Path out;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--case", defaultValue = "p6", paramLabel = "NAME",
            description = "Case study: p6 (default) or p4-dirac (bands, labels and the band Chern numbers of the 4 "
                    + "lowest positive bands on the 62 x 62 grid; --wedge/--path/--kpoints as for solve).")
    String caseName;

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
    KPointOptions.Choice kpoints;

    @Override
    public Integer call() {
        if (DiracCommands.is(caseName)) {
            return DiracCommands.solve(potential, kpoints, out, threads, true);
        }
        if (!"p6".equals(caseName)) {
            throw new IllegalArgumentException("classify supports --case p6 and p4-dirac, got '" + caseName + "'");
        }
        if (kpoints != null) {
            throw new IllegalArgumentException("--wedge/--path/--kpoints apply to classify --case p4-dirac only");
        }
        ConnectivityMethod method = ConnectivityMethod.parse(connectivity);
        TopologySources.checkBands(bands);
        if (!(vmax > 0) || !Double.isFinite(vmax)) {
            throw new IllegalArgumentException("--vmax must be a positive number of E0, got " + vmax);
        }
        BandStructureSource source = TopologySources.source(solver, model);
        TopologySources.checkConnectivity(source, method);
        List<PotentialGrid> grids = SolveCommand.readSymmetricPotentials(potential, vmax);
        SolveCommand.requireResolvable(source, potential, grids);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
        List<Map<ConnectivityMethod, List<BandSet>>> result = TopologySources.classifyAll(source, grids::get,
                grids.size(), bands, List.of(method), nThreads, "classify", grids.size() >= 8);
        List<Object> samples = new ArrayList<>();
        for (Map<ConnectivityMethod, List<BandSet>> r : result) {
            samples.add(Map.of("sets", setsJson(r.get(method))));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("connectivity", method.cliName());
        doc.put("solver", source.name());
        doc.put("bands", bands);
        doc.put("samples", samples);
        Json.write(doc, out);
        return 0;
    }

    static List<Object> setsJson(List<BandSet> sets) {
        List<Object> out = new ArrayList<>();
        for (BandSet s : sets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bands", List.of(s.firstBand(), s.lastBand()));
            m.put("fingerprint", s.fingerprint().toList());
            m.put("class", s.classification().label());
            m.put("ebrs", s.ebrs());
            out.add(m);
        }
        return out;
    }
}
