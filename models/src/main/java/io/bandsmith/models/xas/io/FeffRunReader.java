package io.bandsmith.models.xas.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.AbsorptionEdge;
import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.ReducedFormula;
import io.bandsmith.models.xas.SpaceGroupSymmetry;
import io.bandsmith.models.xas.SpectrumType;
import io.bandsmith.models.xas.XasSpectrum;
import io.bandsmith.models.xas.io.XasDocument.SiteContribution;

/**
 * Reads FEFF calculations as pymatgen / the Materials Project workflow lays them out: one run folder per
 * inequivalent absorbing site ({@code <material>/FEFF-XANES/008_Cu/} with {@code feff.inp} and {@code xmu.dat}),
 * the material's {@code POSCAR} optionally next to them.
 *
 * <p>From {@code feff.inp}: the title lines {@code TITLE Reduced formula: ...} and
 * {@code TITLE space group: (Pnma), space number: (62)} (required: a run without a space group is refused), the
 * structure ({@code TITLE abc:}, {@code TITLE angles:}, {@code * i El x y z}), the absorbing potential (ipot 0 of
 * {@code POTENTIALS}), the {@code EDGE} card and the last {@code k_grid} of {@code EGRID}, which tells where a
 * complete {@code xmu.dat} ends. The site index is the number in the folder name ({@code 008_Cu} is site 8,
 * 0-based, of the structure).
 *
 * <p>Site average of a material: each run is weighted by the multiplicity of its site, the number of sites of the
 * absorbing element in the cell whose environment matches it ({@link SiteEnvironments}), computed from the
 * {@code POSCAR} when present, else from the structure in the {@code feff.inp} title lines. The spectra are
 * averaged on the union of their energy points inside the energy range common to all of them (linear
 * interpolation).
 */
public final class FeffRunReader {
    /** A spectrum spanning at most this range is XANES, a longer one XAFS (the rule for files without a type). */
    public static final double XANES_MAX_RANGE_EV = 200;
    public static final String FEFF_INP = "feff.inp";
    public static final String XMU_DAT = "xmu.dat";
    public static final String POSCAR = "POSCAR";

    private static final Pattern SITE_FOLDER = Pattern.compile("^(\\d{1,6})_([A-Z][a-z]?)$");
    private static final Pattern SPACE_GROUP = Pattern.compile(
            "space\\s+group:\\s*\\(?\\s*([^),]*?)\\s*\\)?\\s*,\\s*space\\s+number:\\s*\\(?\\s*(\\d{1,4})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REDUCED_FORMULA = Pattern.compile("Reduced\\s+formula:\\s*(\\S+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE_SITE = Pattern.compile(
            "^\\*\\s*(\\d+)\\s+([A-Z][a-z]?)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$");

    private FeffRunReader() {
    }

    /** True for a folder holding one FEFF run ({@code feff.inp} and {@code xmu.dat}). */
    public static boolean isRun(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(FEFF_INP))
                && Files.isRegularFile(dir.resolve(XMU_DAT));
    }

    /** Every run folder under {@code dir} (itself included), sorted. */
    public static List<Path> findRuns(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(FeffRunReader::isRun).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new InvalidInputException(dir, "cannot list: " + e.getMessage());
        }
    }

    /**
     * The material folder a run belongs to: the parent of {@code FEFF-XANES} (pymatgen layout), else the parent of
     * a site folder named like {@code 008_Cu}, else the run folder itself.
     */
    public static Path materialRoot(Path run) {
        Path parent = run.toAbsolutePath().normalize().getParent();
        if (parent != null && parent.getFileName() != null
                && parent.getFileName().toString().toUpperCase(Locale.ROOT).startsWith("FEFF")
                && parent.getParent() != null) {
            return relativeLike(run, parent.getParent());
        }
        if (SITE_FOLDER.matcher(run.toAbsolutePath().normalize().getFileName().toString()).matches()
                && parent != null) {
            return relativeLike(run, parent);
        }
        return run;
    }

    private static Path relativeLike(Path run, Path absolute) {
        if (run.isAbsolute()) {
            return absolute;
        }
        return Path.of("").toAbsolutePath().relativize(absolute);
    }

    /**
     * The material folders under {@code dir} (each run's {@link #materialRoot}, also of runs without xmu.dat),
     * sorted; a folder that is itself one run or one material gives just itself.
     */
    public static List<Path> materialFolders(Path dir) {
        TreeSet<Path> roots = new TreeSet<>();
        for (Path r : findRuns(dir)) {
            roots.add(materialRoot(r));
        }
        for (String inc : incompleteRuns(dir)) {
            roots.add(materialRoot(dir.resolve(inc).normalize()));
        }
        return new ArrayList<>(roots);
    }

    /** Reads a run folder, or a material folder whose runs are averaged. */
    public static XasDocument read(Path dir) {
        if (isRun(dir)) {
            return readRun(dir);
        }
        List<Path> runs = findRuns(dir);
        List<String> incomplete = incompleteRuns(dir);
        if (runs.isEmpty()) {
            throw new InvalidInputException(dir, incomplete.isEmpty()
                    ? "no FEFF run in this folder (a run is a folder with feff.inp and xmu.dat)"
                    : "no complete FEFF run: feff.inp without xmu.dat in " + String.join(", ", incomplete)
                            + " (FEFF output missing)");
        }
        Path root = dir.toAbsolutePath().normalize();
        for (Path r : runs) {
            if (!materialRoot(r).toAbsolutePath().normalize().equals(root)) {
                throw new InvalidInputException(dir, "holds the FEFF runs of several materials (e.g. "
                        + materialRoot(r).getFileName() + "); give one material folder, or use 'xas build'");
            }
        }
        XasDocument d = readMaterial(dir, runs);
        if (incomplete.isEmpty()) {
            return d;
        }
        List<String> w = new ArrayList<>(d.warnings());
        w.add(0, "left out (feff.inp without xmu.dat): " + String.join(", ", incomplete));
        return new XasDocument(d.source(), d.format(), d.spectrum(), d.materialId(), d.formula(), d.symmetry(), w,
                d.formulaAsWritten(), d.sites(), d.details());
    }

    /** Folders under {@code dir} with a feff.inp but no xmu.dat, relative to dir. */
    public static List<String> incompleteRuns(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(FEFF_INP)) && !Files.isRegularFile(p.resolve(XMU_DAT)))
                    .sorted().map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .map(r -> r.isEmpty() ? "." : r).collect(Collectors.toList());
        } catch (IOException e) {
            throw new InvalidInputException(dir, "cannot list: " + e.getMessage());
        }
    }

    /** The parsed parts of a {@code feff.inp}. */
    record FeffInput(Path file, Optional<String> formulaText, SpaceGroupSymmetry symmetry, Optional<Integer> absorberZ,
            Optional<AbsorptionEdge> edge, Optional<double[]> lastKGrid, Optional<CrystalStructure> structure) {
    }

    static FeffInput parseInput(Path file) {
        String text = readText(file);
        Optional<String> formula = Optional.empty();
        SpaceGroupSymmetry sg = null;
        double[] abc = null;
        double[] angles = null;
        List<String> species = new ArrayList<>();
        List<double[]> frac = new ArrayList<>();
        Integer absorberZ = null;
        AbsorptionEdge edge = null;
        double[] lastK = null;
        boolean inPotentials = false;
        boolean inEgrid = false;
        String[] lines = text.split("\r?\n");
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln].trim();
            if (line.isEmpty()) {
                inPotentials = false;
                continue;
            }
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("TITLE")) {
                String t = line.substring(5).trim();
                Matcher m = SPACE_GROUP.matcher(t);
                if (m.find()) {
                    int n = Integer.parseInt(m.group(2));
                    if (n < 1 || n > 230) {
                        throw new InvalidInputException(file, "line " + (ln + 1) + ": space number " + n
                                + " is not a space group 1..230");
                    }
                    String symbol = m.group(1).isBlank() ? null : m.group(1).trim();
                    sg = SpaceGroupSymmetry.of(n, symbol);
                    continue;
                }
                Matcher f = REDUCED_FORMULA.matcher(t);
                if (f.find()) {
                    formula = Optional.of(f.group(1));
                    continue;
                }
                if (t.toLowerCase(Locale.ROOT).startsWith("abc:")) {
                    abc = numbers(file, ln, t.substring(4), 3);
                } else if (t.toLowerCase(Locale.ROOT).startsWith("angles:")) {
                    angles = numbers(file, ln, t.substring(7), 3);
                }
                continue;
            }
            if (line.startsWith("*")) {
                Matcher s = TITLE_SITE.matcher(line);
                if (s.matches() && ChemicalElement.isSymbol(s.group(2))) {
                    try {
                        frac.add(new double[] {Double.parseDouble(s.group(3)), Double.parseDouble(s.group(4)),
                            Double.parseDouble(s.group(5))});
                        species.add(s.group(2));
                    } catch (NumberFormatException e) {
                        // a comment that only looks like a site line
                    }
                }
                continue;
            }
            String[] w = line.split("\\s+");
            String card = w[0].toUpperCase(Locale.ROOT);
            if (card.equals("POTENTIALS")) {
                inPotentials = true;
                inEgrid = false;
                continue;
            }
            if (card.equals("EGRID")) {
                inEgrid = true;
                inPotentials = false;
                continue;
            }
            if (inPotentials && w.length >= 2 && w[0].matches("\\d+")) {
                if (w[0].equals("0")) {
                    try {
                        absorberZ = Integer.parseInt(w[1]);
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException(file, "line " + (ln + 1) + ": absorbing potential Z '" + w[1]
                                + "' is not a number");
                    }
                }
                continue;
            }
            inPotentials = false;
            if (card.equals("EDGE") && w.length >= 2) {
                try {
                    edge = AbsorptionEdge.parse(w[1]);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(file, "line " + (ln + 1) + ": EDGE " + w[1] + " not understood");
                }
                continue;
            }
            if (card.equals("K_GRID") && inEgrid && w.length >= 4) {
                lastK = numbers(file, ln, line.substring(w[0].length()), 3);
                continue;
            }
            if (!card.equals("E_GRID") && !card.equals("K_GRID") && !card.equals("EXP_GRID")) {
                inEgrid = false;
            }
        }
        if (sg == null) {
            throw new InvalidInputException(file, "no space-group title line ('TITLE space group: (Pnma), space "
                    + "number: (62)'); the space group is required");
        }
        Optional<CrystalStructure> structure = Optional.empty();
        if (abc != null && angles != null && !frac.isEmpty()) {
            try {
                structure = Optional.of(new CrystalStructure(CrystalStructure.latticeOf(abc[0], abc[1], abc[2],
                        angles[0], angles[1], angles[2]), species, frac));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(file, "structure in the title lines: " + e.getMessage());
            }
        }
        return new FeffInput(file, formula, sg, Optional.ofNullable(absorberZ), Optional.ofNullable(edge),
                Optional.ofNullable(lastK), structure);
    }

    private static double[] numbers(Path file, int ln, String text, int n) {
        String[] w = text.trim().split("\\s+");
        if (w.length < n) {
            throw new InvalidInputException(file, "line " + (ln + 1) + ": expected " + n + " numbers, got '"
                    + text.trim() + "'");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                v[i] = Double.parseDouble(w[i]);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(file, "line " + (ln + 1) + ": '" + w[i] + "' is not a number");
            }
        }
        return v;
    }

    static String readText(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file, "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(file, "cannot read: " + e.getMessage());
        }
    }

    /** Where a run's structure comes from: a POSCAR in the run or material folder, else the feff.inp titles. */
    record StructureSource(CrystalStructure structure, Path file) {
    }

    static Optional<StructureSource> structureOf(Path run, FeffInput input) {
        for (Path p : new Path[] {run.resolve(POSCAR), materialRoot(run).resolve(POSCAR)}) {
            if (Files.isRegularFile(p)) {
                return Optional.of(new StructureSource(CrystalStructure.readPoscar(p, readText(p)), p));
            }
        }
        return input.structure().map(s -> new StructureSource(s, input.file()));
    }

    /** One site run: the site-specific spectrum, with the multiplicity of its site when the structure is known. */
    public static XasDocument readRun(Path run) {
        Path inp = run.resolve(FEFF_INP);
        Path xmuFile = run.resolve(XMU_DAT);
        FeffInput input = parseInput(inp);
        FeffXmu xmu = FeffXmu.parse(xmuFile, readText(xmuFile));
        if (input.absorberZ().isPresent() && input.absorberZ().get() != xmu.absorberZ()) {
            throw new InvalidInputException(xmuFile, "absorber Z=" + xmu.absorberZ() + " but " + inp.getFileName()
                    + " has Z=" + input.absorberZ().get() + " for the absorbing potential (files of different runs?)");
        }
        if (input.edge().isPresent() && input.edge().get() != xmu.edge()) {
            throw new InvalidInputException(xmuFile, xmu.edge().label() + " shell but " + inp.getFileName()
                    + " asks for EDGE " + input.edge().get().label());
        }
        if (input.lastKGrid().isPresent()) {
            double[] g = input.lastKGrid().get();
            double kEnd = g[1];
            double kLast = xmu.k()[xmu.k().length - 1];
            if (kLast < kEnd - Math.max(g[2], 1e-3) / 2) {
                throw new InvalidInputException(xmuFile, String.format(Locale.ROOT, "ends at k = %.3f 1/A but "
                        + "%s's EGRID runs to k = %.3f 1/A (truncated file?)", kLast, FEFF_INP, kEnd));
            }
        }
        ChemicalElement element;
        try {
            element = ChemicalElement.ofAtomicNumber(xmu.absorberZ());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(xmuFile, e.getMessage());
        }
        List<String> warnings = new ArrayList<>();
        OptionalInt siteIndex = OptionalInt.empty();
        Matcher m = SITE_FOLDER.matcher(run.toAbsolutePath().normalize().getFileName().toString());
        if (m.matches()) {
            siteIndex = OptionalInt.of(Integer.parseInt(m.group(1)));
            if (!m.group(2).equals(element.symbol())) {
                warnings.add("run folder names " + m.group(2) + " but the absorber is " + element.symbol());
            }
        } else {
            warnings.add("run folder name is not <site>_<element> (e.g. 008_Cu): absorbing site unknown");
        }
        Optional<ReducedFormula> formula = formulaOf(input, warnings);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("feff_inp", inp.toString());
        details.put("xmu_dat", xmuFile.toString());
        int multiplicity = 0;
        Optional<StructureSource> structure = structureOf(run, input);
        if (structure.isPresent()) {
            CrystalStructure st = structure.get().structure();
            details.put("structure_from", structure.get().file().toString());
            details.put("absorber_sites_in_cell", (int) st.count(element.symbol()));
            if (formula.isEmpty()) {
                formula = formulaOfStructure(st, warnings);
            }
            if (siteIndex.isPresent()) {
                int i = siteIndex.getAsInt();
                if (i >= st.size() || !st.species().get(i).equals(element.symbol())) {
                    warnings.add("site " + i + " of the structure is not a " + element.symbol() + " site; "
                            + "multiplicity unknown");
                } else {
                    SiteEnvironments env = new SiteEnvironments(st);
                    for (int t = 0; t < st.size(); t++) {
                        if (env.equivalent(i, t)) {
                            multiplicity++;
                        }
                    }
                    details.put("multiplicity", multiplicity);
                }
            }
        } else {
            warnings.add("no structure (no POSCAR, no structure in the feff.inp titles): multiplicity unknown");
        }
        XasSpectrum s = spectrum(xmuFile, element, xmu.edge(), xmu.omegaEv(), xmu.mu(), siteIndex);
        List<SiteContribution> sites = siteIndex.isPresent()
                ? List.of(new SiteContribution(run, siteIndex.getAsInt(), multiplicity, 1.0)) : List.of();
        warnings.add("spectrum type " + s.type() + " inferred from the " + String.format(Locale.ROOT, "%.1f",
                s.maxEnergyEv() - s.minEnergyEv()) + " eV range");
        List<String> w = new ArrayList<>(warnings);
        w.addAll(XasClassifierRequirements.warnings(s));
        Path root = materialRoot(run);
        Optional<String> id = root.equals(run) ? Optional.empty()
                : Optional.ofNullable(root.toAbsolutePath().normalize().getFileName()).map(Path::toString);
        return new XasDocument(run, XasFileFormat.FEFF_RUN, s, id, formula, Optional.of(input.symmetry()), w,
                input.formulaText(), sites, details);
    }

    private static XasSpectrum spectrum(Path file, ChemicalElement element, AbsorptionEdge edge, double[] x,
            double[] y, OptionalInt site) {
        double range = x[x.length - 1] - x[0];
        SpectrumType type = range <= XANES_MAX_RANGE_EV ? SpectrumType.XANES : SpectrumType.XAFS;
        try {
            return new XasSpectrum(element, edge, type, x, y, site);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file, e.getMessage());
        }
    }

    private static Optional<ReducedFormula> formulaOf(FeffInput input, List<String> warnings) {
        if (input.formulaText().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ChemicalFormulas.parse(input.formulaText().get()));
        } catch (IllegalArgumentException e) {
            warnings.add("reduced formula '" + input.formulaText().get() + "' not readable: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<ReducedFormula> formulaOfStructure(CrystalStructure st, List<String> warnings) {
        Map<String, Double> amounts = new LinkedHashMap<>();
        st.species().forEach(s -> amounts.merge(s, 1.0, Double::sum));
        warnings.add("formula computed from the structure (no 'Reduced formula' title line)");
        return Optional.of(ReducedFormula.ofAmounts(amounts));
    }

    /** The multiplicity-weighted average of the runs of one material. */
    static XasDocument readMaterial(Path dir, List<Path> runs) {
        List<XasDocument> docs = new ArrayList<>();
        for (Path r : runs) {
            docs.add(readRun(r));
        }
        XasDocument first = docs.get(0);
        XasSpectrum s0 = first.spectrum();
        for (XasDocument d : docs) {
            XasSpectrum s = d.spectrum();
            String what = null;
            if (s.absorbingElement() != s0.absorbingElement()) {
                what = "absorber " + s.absorbingElement() + " vs " + s0.absorbingElement();
            } else if (s.edge() != s0.edge()) {
                what = "edge " + s.edge().label() + " vs " + s0.edge().label();
            } else if (!d.symmetry().equals(first.symmetry())) {
                what = "space group " + d.symmetry().map(SpaceGroupSymmetry::number).orElse(null) + " vs "
                        + first.symmetry().map(SpaceGroupSymmetry::number).orElse(null);
            } else if (!d.formula().equals(first.formula())) {
                what = "formula " + d.formula().orElse(null) + " vs " + first.formula().orElse(null);
            }
            if (what != null) {
                throw new InvalidInputException(d.source(), "does not belong with " + first.source().getFileName()
                        + " in one material: " + what);
            }
        }
        List<String> warnings = new ArrayList<>();
        double[] weights = new double[docs.size()];
        int[] multiplicities = new int[docs.size()];
        FeffInput input = parseInput(runs.get(0).resolve(FEFF_INP));
        Optional<StructureSource> structure = structureOf(runs.get(0), input);
        boolean allSites = docs.stream().allMatch(d -> d.spectrum().absorbingSiteIndex().isPresent());
        String element = s0.absorbingElement().symbol();
        Map<String, Object> details = new LinkedHashMap<>();
        String method;
        if (structure.isPresent() && allSites) {
            CrystalStructure st = structure.get().structure();
            SiteEnvironments env = new SiteEnvironments(st);
            int[] idx = new int[docs.size()];
            for (int r = 0; r < docs.size(); r++) {
                idx[r] = docs.get(r).spectrum().absorbingSiteIndex().getAsInt();
                if (idx[r] >= st.size() || !st.species().get(idx[r]).equals(element)) {
                    throw new InvalidInputException(runs.get(r), "site " + idx[r] + " of " + structure.get().file()
                            + " is not a " + element + " site; cannot weight the site average");
                }
            }
            for (int a = 0; a < idx.length; a++) {
                for (int b = a + 1; b < idx.length; b++) {
                    if (env.equivalent(idx[a], idx[b])) {
                        warnings.add("sites " + idx[a] + " and " + idx[b] + " have the same environment out to "
                                + SiteEnvironments.RADIUS_ANGSTROM + " A; their sites are shared between them");
                    }
                }
            }
            int uncovered = 0;
            int total = 0;
            double[] shared = new double[docs.size()];
            for (int t = 0; t < st.size(); t++) {
                if (!st.species().get(t).equals(element)) {
                    continue;
                }
                total++;
                List<Integer> match = new ArrayList<>();
                for (int r = 0; r < idx.length; r++) {
                    if (env.equivalent(idx[r], t)) {
                        match.add(r);
                    }
                }
                if (match.isEmpty()) {
                    uncovered++;
                }
                for (int r : match) {
                    multiplicities[r]++;
                    shared[r] += 1.0 / match.size();
                }
            }
            weights = shared;
            if (uncovered > 0) {
                warnings.add(uncovered + " of the " + total + " " + element + " sites match none of the computed "
                        + "sites; the average covers the other " + (total - uncovered));
            }
            details.put("structure_from", structure.get().file().toString());
            details.put("absorber_sites_in_cell", total);
            method = "multiplicity: sites of the absorbing element whose neighbour distances (per element, out to "
                    + SiteEnvironments.RADIUS_ANGSTROM + " A, tolerance " + SiteEnvironments.TOLERANCE_ANGSTROM
                    + " A) match the computed site";
        } else {
            Arrays.fill(weights, 1.0);
            method = "equal weights (" + (structure.isEmpty() ? "no structure" : "absorbing site of a run unknown")
                    + ")";
            warnings.add("site average with equal weights: " + method);
        }
        double wsum = Arrays.stream(weights).sum();
        if (!(wsum > 0)) {
            throw new InvalidInputException(dir, "no site weight (no " + element + " site of the structure matches "
                    + "a computed site)");
        }
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (XasDocument d : docs) {
            lo = Math.max(lo, d.spectrum().minEnergyEv());
            hi = Math.min(hi, d.spectrum().maxEnergyEv());
        }
        if (!(hi > lo)) {
            throw new InvalidInputException(dir, "the site spectra have no common energy range");
        }
        TreeSet<Double> grid = new TreeSet<>();
        for (XasDocument d : docs) {
            for (double e : d.spectrum().energiesEv()) {
                if (e >= lo && e <= hi) {
                    grid.add(e);
                }
            }
        }
        grid.add(lo);
        grid.add(hi);
        double[] x = grid.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = new double[x.length];
        for (int r = 0; r < docs.size(); r++) {
            XasSpectrum s = docs.get(r).spectrum();
            for (int i = 0; i < x.length; i++) {
                y[i] += weights[r] / wsum * s.intensityAt(x[i]);
            }
        }
        XasSpectrum avg = spectrum(dir, s0.absorbingElement(), s0.edge(), x, y, OptionalInt.empty());
        List<SiteContribution> sites = new ArrayList<>();
        for (int r = 0; r < docs.size(); r++) {
            OptionalInt si = docs.get(r).spectrum().absorbingSiteIndex();
            sites.add(new SiteContribution(runs.get(r), si.orElse(-1), multiplicities[r], weights[r] / wsum));
        }
        details.put("runs", docs.size());
        details.put("weighting", method);
        details.put("common_energy_range", List.of(lo, hi));
        if (docs.size() > 1) {
            warnings.add("site average of " + docs.size() + " runs on their common range " + String.format(Locale.ROOT,
                    "%.2f-%.2f eV", lo, hi));
        }
        List<String> w = new ArrayList<>(warnings);
        w.addAll(XasClassifierRequirements.warnings(avg));
        String id = dir.toAbsolutePath().normalize().getFileName().toString();
        return new XasDocument(dir, XasFileFormat.FEFF_SITE_AVERAGE, avg, Optional.of(id), first.formula(),
                first.symmetry(), w, first.formulaAsWritten(), sites, details);
    }
}
