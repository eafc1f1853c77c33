package io.bandsmith.models.xas.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.ReducedFormula;
import io.bandsmith.models.xas.SpaceGroupSymmetry;
import io.bandsmith.models.xas.TopologicalClass;
import io.bandsmith.models.xas.XasSpectrum;
import io.bandsmith.models.xas.io.FeffRunReader;
import io.bandsmith.models.xas.io.XasClassifierRequirements;
import io.bandsmith.models.xas.io.XasDocument;
import io.bandsmith.models.xas.io.XasFileReader;

/**
 * Builds a labelled dataset from a folder of spectrum files: reads every file, groups the spectra by material
 * (manifest {@code file} column, else the document's material id, else the file name), attaches space group and
 * label (manifest first, then the document's symmetry block and the topology lists keyed by space group and reduced
 * formula), keeps a material only when it has a K-edge spectrum for every element of its formula (paper's rule),
 * and fits the per-element energy windows. Every file left out is listed with its reason.
 */
public final class XasDatasetBuilder {
    /** Name of the manifest looked for in the spectra folder when none is given. */
    public static final String DEFAULT_MANIFEST = "manifest.csv";

    private XasDatasetBuilder() {
    }

    public static XasDataset build(Path spectraDir, XasManifest manifest, TopologyLabels labels) {
        if (!Files.isDirectory(spectraDir)) {
            throw new InvalidInputException(spectraDir, "spectra folder does not exist");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(spectraDir)) {
            files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new InvalidInputException(spectraDir, "cannot list: " + e.getMessage());
        }
        List<SkippedFile> skipped = new ArrayList<>();
        Map<String, List<XasDocument>> byMaterial = new LinkedHashMap<>();
        // FEFF run folders: one site-averaged spectrum per material folder; their files are not read one by one
        Map<Path, List<Path>> feffMaterials = new TreeMap<>();
        for (Path run : FeffRunReader.findRuns(spectraDir)) {
            feffMaterials.computeIfAbsent(FeffRunReader.materialRoot(run), k -> new ArrayList<>()).add(run);
        }
        Set<Path> runFolders = new java.util.HashSet<>();
        Set<Path> materialFolders = new java.util.HashSet<>();
        for (String inc : FeffRunReader.incompleteRuns(spectraDir)) {
            Path p = spectraDir.resolve(inc).normalize();
            runFolders.add(p.toAbsolutePath());
            materialFolders.add(FeffRunReader.materialRoot(p).toAbsolutePath().normalize());
            boolean partOfMaterial = feffMaterials.keySet().stream()
                    .anyMatch(m -> p.toAbsolutePath().startsWith(m.toAbsolutePath()));
            if (!partOfMaterial) {
                skipped.add(new SkippedFile(inc + "/" + FeffRunReader.FEFF_INP, "feff.inp without xmu.dat (FEFF "
                        + "output missing)"));
            }
        }
        for (Map.Entry<Path, List<Path>> m : feffMaterials.entrySet()) {
            Path root = m.getKey();
            materialFolders.add(root.toAbsolutePath().normalize());
            m.getValue().forEach(r -> runFolders.add(r.toAbsolutePath().normalize()));
            String rel = relName(spectraDir, root);
            XasDocument doc;
            try {
                doc = FeffRunReader.read(root);
            } catch (InvalidInputException e) {
                skipped.add(new SkippedFile(rel, e.getMessage()));
                continue;
            }
            Optional<String> rejection = XasClassifierRequirements.rejection(doc.spectrum());
            if (rejection.isPresent()) {
                skipped.add(new SkippedFile(rel, rejection.get()));
                continue;
            }
            String id = manifest.materialOfFile(rel).or(doc::materialId).orElse(rel);
            byMaterial.computeIfAbsent(id, k -> new ArrayList<>()).add(doc);
        }
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            boolean inRun = runFolders.stream().anyMatch(abs::startsWith);
            boolean besideRuns = materialFolders.contains(abs.getParent())
                    && !isSpectrumName(f.getFileName().toString());
            if (inRun || besideRuns) {
                continue;
            }
            String rel = spectraDir.relativize(f).toString().replace('\\', '/');
            String name = f.getFileName().toString();
            if (name.startsWith(".") || name.equalsIgnoreCase(DEFAULT_MANIFEST) || isDocumentation(name)) {
                continue;
            }
            if (!isSpectrumName(name)) {
                skipped.add(new SkippedFile(rel, "not a spectrum file (expected .json, .json.gz, .xdi, FEFF .dat or a "
                        + "FEFF run folder)"));
                continue;
            }
            XasDocument doc;
            try {
                doc = XasFileReader.read(f);
            } catch (InvalidInputException e) {
                skipped.add(new SkippedFile(rel, reasonOf(e, f)));
                continue;
            }
            Optional<String> rejection = XasClassifierRequirements.rejection(doc.spectrum());
            if (rejection.isPresent()) {
                skipped.add(new SkippedFile(rel, rejection.get()));
                continue;
            }
            String id = manifest.materialOfFile(rel).or(doc::materialId).orElse(stem(name));
            byMaterial.computeIfAbsent(id, k -> new ArrayList<>()).add(doc);
        }
        List<XasMaterial> materials = new ArrayList<>();
        for (Map.Entry<String, List<XasDocument>> e : byMaterial.entrySet()) {
            material(spectraDir, e.getKey(), e.getValue(), manifest, labels, skipped).ifPresent(materials::add);
        }
        List<XasSpectrum> all = new ArrayList<>();
        materials.forEach(m -> all.addAll(m.spectra().values()));
        String description = "built from " + spectraDir + ": " + materials.size() + " materials, " + skipped.size()
                + " file(s) skipped";
        return new XasDataset(materials, EnergyWindows.fit(all), skipped, description);
    }

    private static Optional<XasMaterial> material(Path dir, String id, List<XasDocument> docs, XasManifest manifest,
            TopologyLabels labels, List<SkippedFile> skipped) {
        TreeMap<ChemicalElement, XasSpectrum> spectra = new TreeMap<>();
        List<XasDocument> used = new ArrayList<>();
        for (XasDocument d : docs) {
            ChemicalElement el = d.spectrum().absorbingElement();
            if (spectra.containsKey(el)) {
                skipped.add(new SkippedFile(rel(dir, d), "second " + el + " K spectrum for material " + id
                        + " (kept " + rel(dir, used.stream().filter(u -> u.spectrum().absorbingElement().equals(el))
                                .findFirst().orElseThrow()) + ")"));
                continue;
            }
            spectra.put(el, d.spectrum());
            used.add(d);
        }
        Optional<XasManifest.Entry> entry = manifest.entry(id);
        Optional<ReducedFormula> formula = entry.flatMap(XasManifest.Entry::formula)
                .or(() -> used.stream().map(XasDocument::formula).flatMap(Optional::stream).findFirst());
        Optional<SpaceGroupSymmetry> symmetry = entry.flatMap(XasManifest.Entry::spaceGroup).map(SpaceGroupSymmetry::of)
                .or(() -> used.stream().map(XasDocument::symmetry).flatMap(Optional::stream).findFirst());
        String problem = null;
        if (symmetry.isEmpty()) {
            problem = "material " + id + ": no space group (no symmetry block in its files and none in the manifest)";
        } else if (formula.isPresent() && !elementsOf(formula.get()).equals(spectra.keySet().stream()
                .map(ChemicalElement::symbol).collect(Collectors.toCollection(TreeSet::new)))) {
            Set<String> missing = new TreeSet<>(elementsOf(formula.get()));
            spectra.keySet().forEach(el -> missing.remove(el.symbol()));
            problem = "material " + id + " (" + formula.get() + "): "
                    + (missing.isEmpty() ? "spectra of elements not in the formula"
                            : "no K-edge spectrum for " + String.join(", ", missing))
                    + " (every element needs one)";
        }
        Optional<TopologicalClass> label = entry.flatMap(XasManifest.Entry::label);
        if (problem == null && label.isEmpty()) {
            if (formula.isEmpty()) {
                problem = "material " + id + ": no label in the manifest and no formula to look one up";
            } else {
                label = labels.lookup(symmetry.get().number(), formula.get());
                if (label.isEmpty()) {
                    problem = "material " + id + ": (space group " + symmetry.get().number() + ", " + formula.get()
                            + ") is in none of the topology lists";
                }
            }
        }
        if (problem != null) {
            for (XasDocument d : used) {
                skipped.add(new SkippedFile(rel(dir, d), problem));
            }
            return Optional.empty();
        }
        return Optional.of(new XasMaterial(id, formula, symmetry.get(), label, spectra));
    }

    private static Set<String> elementsOf(ReducedFormula f) {
        Set<String> s = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Z][a-z]*)\\d+").matcher(f.text());
        while (m.find()) {
            s.add(m.group(1));
        }
        return s;
    }

    private static String rel(Path dir, XasDocument d) {
        return relName(dir, d.source());
    }

    private static String relName(Path dir, Path p) {
        String r = dir.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
        return r.isEmpty() ? "." : r;
    }

    private static String reasonOf(InvalidInputException e, Path f) {
        String m = e.getMessage();
        String prefix = f + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    static boolean isSpectrumName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".json.gz") || n.endsWith(".dat") || n.endsWith(".dat.gz")
                || n.endsWith(".xdi");
    }

    private static boolean isDocumentation(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        return n.endsWith(".MD") || n.startsWith("LICENSE") || n.startsWith("README") || n.endsWith(".CSV");
    }

    static String stem(String name) {
        String n = name;
        for (String ext : new String[] {".gz", ".json", ".dat", ".xdi"}) {
            if (n.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) {
                n = n.substring(0, n.length() - ext.length());
            }
        }
        return n;
    }
}
