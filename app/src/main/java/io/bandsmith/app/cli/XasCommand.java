package io.bandsmith.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.SpaceGroupSymmetry;
import io.bandsmith.models.xas.TopologicalClass;
import io.bandsmith.models.xas.XasSpectrum;
import io.bandsmith.models.xas.classifier.TrainedXasClassifier;
import io.bandsmith.models.xas.classifier.XasComputeThreads;
import io.bandsmith.models.xas.classifier.XasModelFiles;
import io.bandsmith.models.xas.classifier.XasModelKind;
import io.bandsmith.models.xas.classifier.XasTrainer;
import io.bandsmith.models.xas.classifier.XasTrainingOptions;
import io.bandsmith.models.xas.dataset.DatasetSplit;
import io.bandsmith.models.xas.dataset.SkippedFile;
import io.bandsmith.models.xas.dataset.SyntheticPlantedSignalDataset;
import io.bandsmith.models.xas.dataset.TopologyLabels;
import io.bandsmith.models.xas.dataset.XasDataset;
import io.bandsmith.models.xas.dataset.XasDatasetBuilder;
import io.bandsmith.models.xas.dataset.XasDatasetFiles;
import io.bandsmith.models.xas.dataset.XasManifest;
import io.bandsmith.models.xas.dataset.XasMaterial;
import io.bandsmith.models.xas.evaluation.PeriodicTableRecallImage;
import io.bandsmith.models.xas.evaluation.XasEvaluation;
import io.bandsmith.models.xas.io.FeffRunReader;
import io.bandsmith.models.xas.io.XasClassifierRequirements;
import io.bandsmith.models.xas.io.XasDocument;
import io.bandsmith.models.xas.io.XasFileReader;
import io.bandsmith.models.xas.io.XasInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./bandsmith xas}: the spectral topology indicator (docs/xas.md). Reads X-ray absorption spectra, builds
 * labelled datasets, trains and evaluates the classifiers of Andrejevic et al. and predicts whether a material is
 * topological.
 */
@Command(name = "xas", mixinStandardHelpOptions = true,
        description = "Spectral topology indicator: classify materials as topological or trivial from K-edge XANES "
                + "spectra (docs/xas.md).",
        subcommands = {XasCommand.Inspect.class, XasCommand.Build.class, XasCommand.Train.class,
            XasCommand.Evaluate.class, XasCommand.Predict.class, XasCommand.Compare.class,
            XasCommand.Synthetic.class})
public final class XasCommand implements Runnable {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Read spectrum files (pymatgen XAS JSON, Materials Project XASDoc JSON, plain or .gz, XDI, "
                    + "FEFF xmu.dat) or FEFF run folders (feff.inp + xmu.dat; a material folder gives the "
                    + "multiplicity-weighted site average) and report absorbing element, edge, type, points after "
                    + "resampling (200), energy range, formula, space group and warnings.")
    static final class Inspect implements Runnable {
        @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Spectrum file(s) or FEFF folder(s).")
        List<Path> files;

        @Option(names = "--json", description = "Print JSON (one object for one file, a list for several).")
        boolean json;

        @Override
        public void run() {
            List<Map<String, Object>> reports = new ArrayList<>();
            for (Path f : files) {
                reports.add(XasInspection.report(XasFileReader.read(f)));
            }
            if (json) {
                System.out.println(json(reports.size() == 1 ? reports.get(0) : reports));
            } else {
                for (Map<String, Object> r : reports) {
                    System.out.print(XasInspection.text(r));
                    System.out.println();
                }
            }
        }
    }

    /** The label lists shipped in assets/xas/topo-labels, when the program runs from the project folder. */
    static Optional<Path> shippedLabels() {
        String home = System.getProperty("bandsmith.home");
        Path p = (home == null ? Path.of(".") : Path.of(home)).resolve("assets/xas/topo-labels");
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build a labelled dataset from a folder of spectrum files (.json, .json.gz, .xdi, FEFF .dat) "
                    + "and FEFF run folders (one site-averaged spectrum per material), plus an optional manifest.csv "
                    + "(material_id, file, formula, space_group, label). Bad files are skipped and listed with "
                    + "their reason.")
    static final class Build implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--spectra", required = true, paramLabel = "DIR", description = "Folder of spectra.")
        Path spectra;

        @Option(names = "--labels", paramLabel = "DIR", description = "Folder of topology lists (Tang et al. 2019 "
                + "format; default: the shipped assets/xas/topo-labels).")
        Path labels;

        @Option(names = "--manifest", paramLabel = "CSV", description = "Manifest (default: DIR/manifest.csv if "
                + "present).")
        Path manifest;

        @Option(names = "--out", required = true, paramLabel = "DATASET", description = "Dataset file to write "
                + "(.json or .json.gz).")
        Path out;

        @Override
        public void run() {
            Path m = manifest != null ? manifest : spectra.resolve(XasDatasetBuilder.DEFAULT_MANIFEST);
            XasManifest man = manifest != null || Files.isRegularFile(m) ? XasManifest.read(m) : XasManifest.empty();
            Optional<Path> labelDir = labels != null ? Optional.of(labels) : shippedLabels();
            TopologyLabels lists = labelDir.map(TopologyLabels::readDirectory).orElse(TopologyLabels.empty());
            XasDataset d = XasDatasetBuilder.build(spectra, man, lists);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("dataset", out.toString());
            r.put("materials", d.materials().size());
            r.put("topological", d.count(TopologicalClass.TOPOLOGICAL));
            r.put("trivial", d.count(TopologicalClass.TRIVIAL));
            Map<String, Object> elements = new LinkedHashMap<>();
            d.elementCounts().forEach((e, c) -> {
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("topological", c[1]);
                counts.put("trivial", c[0]);
                elements.put(e.symbol(), counts);
            });
            r.put("elements", elements);
            r.put("labels", labelDir.map(Path::toString).orElse(null));
            r.put("skipped_count", d.skipped().size());
            List<Map<String, String>> skipped = new ArrayList<>();
            for (SkippedFile s : d.skipped()) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("file", s.file());
                entry.put("reason", s.reason());
                skipped.add(entry);
                spec.commandLine().getErr().println("skipped " + s.file() + ": " + s.reason());
            }
            r.put("skipped", skipped);
            spec.commandLine().getErr().flush();
            if (d.materials().isEmpty()) {
                System.out.println(json(r));
                throw new InvalidInputException(spectra, "no usable material (" + d.skipped().size()
                        + " file(s) skipped, listed above); nothing written");
            }
            XasDatasetFiles.write(out, d);
            System.out.println(json(r));
        }
    }

    /** Thread option shared by the commands that run networks. */
    static class Threads {
        @Option(names = "--threads", paramLabel = "N", description = "Threads for ND4J (default: all cores; 1 is "
                + "faster on a busy machine).")
        Integer threads;

        XasComputeThreads apply() {
            return XasComputeThreads.limit(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a classifier on a dataset: element-balanced 70/10/20 split, standardization fitted "
                    + "on the training split, sample weights, +-1 eV shift augmentation (CNNs).")
    static final class Train implements Runnable {
        @Option(names = "--data", required = true, paramLabel = "DATASET") Path data;

        @Option(names = "--model", required = true, paramLabel = "KIND",
                description = "cnn-sg (CNN + symmetry), cnn (spectra only), svm (SVM on spectra + symmetry) or "
                        + "kmeans (per-element PCA + k-means).")
        String model;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Model file to write (zip).")
        Path out;

        @Option(names = "--epochs", defaultValue = "60", description = "Maximum epochs (CNNs; default 60).")
        int epochs;

        @Option(names = "--patience", defaultValue = "10", description = "Stop after this many epochs without a "
                + "better validation loss (default 10).")
        int patience;

        @Option(names = "--batch-size", defaultValue = "32") int batchSize;

        @Option(names = "--learning-rate", defaultValue = "0.001") double learningRate;

        @Option(names = "--seed", defaultValue = "7", description = "Seed of the split and the training.")
        long seed;

        @Option(names = "--no-augment", description = "Skip the +-1 eV shift augmentation.")
        boolean noAugment;

        @picocli.CommandLine.Mixin Threads threads;

        @Override
        public void run() {
            XasModelKind kind = XasModelKind.parse(model);
            XasDataset d = XasDatasetFiles.read(data);
            XasTrainingOptions d0 = XasTrainingOptions.defaults();
            XasTrainingOptions o = new XasTrainingOptions(seed, epochs, batchSize, learningRate, patience,
                    d0.shiftEv(), !noAugment, d0.l2(), d0.dropoutRetain());
            TrainedXasClassifier c;
            try (XasComputeThreads t = threads.apply()) {
                c = XasTrainer.train(d, kind, o);
            }
            XasModelFiles.write(out, c);
            List<XasMaterial> valid = c.split().select(d.materials(), DatasetSplit.Subset.VALIDATION);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", out.toString());
            r.put("kind", kind.cliName());
            r.put("training", c.facts());
            if (!valid.isEmpty()) {
                r.put("validation", XasEvaluation.of(valid, c.probabilities(valid), c.threshold()).toMap(false));
            }
            System.out.println(json(r));
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Recall, precision and F1 per class, overall and per absorbing element, on the test "
                    + "materials of the model's split (or all materials of a dataset it was not trained on).")
    static final class Evaluate implements Runnable {
        @Option(names = "--model", required = true, paramLabel = "FILE") Path model;

        @Option(names = "--data", required = true, paramLabel = "DATASET") Path data;

        @Option(names = "--per-element", description = "Also report the scores per absorbing element.")
        boolean perElement;

        @Option(names = "--png", paramLabel = "FILE", description = "Write the periodic table of per-element recall "
                + "(fig. 3a) as PNG.")
        Path png;

        @Option(names = "--class", defaultValue = "topological", paramLabel = "CLASS",
                description = "Class whose recall the PNG shows: topological (fig. 3a) or trivial (fig. S5a).")
        String pngClass;

        @Option(names = "--subset", defaultValue = "test", description = "test (default), validation, train or all.")
        String subset;

        @picocli.CommandLine.Mixin Threads threads;

        @Override
        public void run() {
            TopologicalClass cls = TopologicalClass.parse(pngClass);
            DatasetSplit.Subset which;
            try {
                which = DatasetSplit.Subset.valueOf(subset.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--subset must be test, validation, train or all, got " + subset);
            }
            TrainedXasClassifier c = XasModelFiles.read(model);
            XasDataset d = XasDatasetFiles.read(data);
            Set<String> known = new HashSet<>();
            known.addAll(c.split().train());
            known.addAll(c.split().validation());
            known.addAll(c.split().test());
            boolean sameData = d.materials().stream().anyMatch(m -> known.contains(m.id()));
            List<XasMaterial> ms = sameData ? c.split().select(d.materials(), which) : d.materials();
            if (ms.isEmpty()) {
                throw new InvalidInputException(data, "no materials to evaluate in subset " + subset);
            }
            XasEvaluation e;
            try (XasComputeThreads t = threads.apply()) {
                e = XasEvaluation.of(ms, c.probabilities(ms), c.threshold());
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", model.toString());
            r.put("kind", c.kind().cliName());
            r.put("data", data.toString());
            r.put("subset", sameData ? which.name().toLowerCase(java.util.Locale.ROOT)
                    : "all (dataset not the one the model was trained on)");
            r.put("threshold", c.threshold());
            r.putAll(e.toMap(perElement));
            r.put("paper_cnn_sg_recall", Map.of("topological", 0.81, "trivial", 0.80));
            if (png != null) {
                PeriodicTableRecallImage.write(png, e.recallByElement(cls), "Recall of the " + cls.jsonName()
                        + " class by absorbing element (" + c.kind().cliName() + ", " + ms.size() + " materials)");
                r.put("png", png.toString());
            }
            System.out.println(json(r));
        }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = "Probability that each material is topological. Spectra are grouped into materials by "
                    + "their material id (Materials Project documents), else one material per file, or all files "
                    + "as one material with --material-id.")
    static final class Predict implements Runnable {
        @Option(names = "--model", required = true, paramLabel = "FILE") Path model;

        @Parameters(arity = "1..*", paramLabel = "SPECTRUM", description = "K-edge spectrum files, FEFF run or "
                + "material folders; a folder holding several FEFF materials predicts each (unreadable ones are "
                + "listed under 'skipped').")
        List<Path> spectra;

        @Option(names = "--space-group", paramLabel = "N", description = "Space group (1..230) for spectra whose "
                + "files carry no symmetry block.")
        Integer spaceGroup;

        @Option(names = "--material-id", paramLabel = "ID", description = "Treat all given spectra as one material "
                + "with this id.")
        String materialId;

        @picocli.CommandLine.Mixin Threads threads;

        @Override
        public void run() {
            TrainedXasClassifier c = XasModelFiles.read(model);
            Map<String, List<XasDocument>> groups = new LinkedHashMap<>();
            List<Map<String, String>> skipped = new ArrayList<>();
            List<XasDocument> docs = readSpectra(spectra, skipped);
            for (XasDocument doc : docs) {
                Path f = doc.source();
                Optional<String> bad = XasClassifierRequirements.rejection(doc.spectrum());
                if (bad.isPresent()) {
                    throw new InvalidInputException(f, bad.get());
                }
                String id = materialId != null ? materialId : doc.materialId().orElse(f.getFileName().toString());
                groups.computeIfAbsent(id, k -> new ArrayList<>()).add(doc);
            }
            List<XasMaterial> materials = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map.Entry<String, List<XasDocument>> g : groups.entrySet()) {
                TreeMap<ChemicalElement, XasSpectrum> spectraByElement = new TreeMap<>();
                List<String> files = new ArrayList<>();
                List<String> warnings = new ArrayList<>();
                for (XasDocument doc : g.getValue()) {
                    ChemicalElement e = doc.spectrum().absorbingElement();
                    if (spectraByElement.put(e, doc.spectrum()) != null) {
                        throw new InvalidInputException(doc.source(), "second " + e + " spectrum for material "
                                + g.getKey());
                    }
                    files.add(doc.source().toString());
                    doc.warnings().forEach(w -> warnings.add(doc.source().getFileName() + ": " + w));
                    io.bandsmith.models.xas.dataset.EnergyWindow win = c.preprocessing().windows().get(e);
                    XasSpectrum sp = doc.spectrum();
                    if (win != null) {
                        double overlap = Math.min(win.toEv(), sp.maxEnergyEv()) - Math.max(win.fromEv(),
                                sp.minEnergyEv());
                        if (overlap < 0.5 * (win.toEv() - win.fromEv())) {
                            warnings.add(String.format(java.util.Locale.ROOT, "%s spectrum (%.1f-%.1f eV) covers "
                                    + "less than half of the model's %s window (%.1f-%.1f eV): the model sees held "
                                    + "end values, the prediction means little", e, sp.minEnergyEv(),
                                    sp.maxEnergyEv(), e, win.fromEv(), win.toEv()));
                        }
                    }
                }
                Optional<SpaceGroupSymmetry> sg = spaceGroup != null ? Optional.of(SpaceGroupSymmetry.of(spaceGroup))
                        : g.getValue().stream().map(XasDocument::symmetry).flatMap(Optional::stream).findFirst();
                if (sg.isEmpty() && c.kind().usesSymmetry()) {
                    throw new IllegalArgumentException("material " + g.getKey() + ": the " + c.kind().cliName()
                            + " model needs the space group; its files have no symmetry block, pass --space-group N");
                }
                XasMaterial m = new XasMaterial(g.getKey(), g.getValue().get(0).formula(),
                        // models without symmetry input never read it; P1 only fills the required field
                        sg.orElse(SpaceGroupSymmetry.of(1)), Optional.empty(), spectraByElement);
                List<ChemicalElement> unknown = c.preprocessing().unknownElements(m);
                if (!unknown.isEmpty()) {
                    warnings.add("no element channel for " + unknown + " (not in the training data): ignored");
                }
                if (unknown.size() == spectraByElement.size()) {
                    throw new InvalidInputException(Path.of(files.get(0)), "none of the absorbing elements "
                            + unknown + " was in the model's training data");
                }
                materials.add(m);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("material_id", g.getKey());
                row.put("files", files);
                row.put("elements", spectraByElement.keySet().stream().map(ChemicalElement::symbol).toList());
                row.put("space_group", sg.map(SpaceGroupSymmetry::number).orElse(null));
                row.put("warnings", warnings);
                rows.add(row);
            }
            double[] p;
            try (XasComputeThreads t = threads.apply()) {
                p = c.probabilities(materials);
            }
            for (int i = 0; i < rows.size(); i++) {
                rows.get(i).put("probability_topological", p[i]);
                rows.get(i).put("predicted_class", (p[i] >= c.threshold() ? TopologicalClass.TOPOLOGICAL
                        : TopologicalClass.TRIVIAL).jsonName());
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", model.toString());
            r.put("kind", c.kind().cliName());
            r.put("threshold", c.threshold());
            Map<String, Integer> distribution = new LinkedHashMap<>();
            distribution.put(TopologicalClass.TOPOLOGICAL.jsonName(), 0);
            distribution.put(TopologicalClass.TRIVIAL.jsonName(), 0);
            for (double v : p) {
                distribution.merge((v >= c.threshold() ? TopologicalClass.TOPOLOGICAL : TopologicalClass.TRIVIAL)
                        .jsonName(), 1, Integer::sum);
            }
            r.put("predicted", distribution);
            r.put("materials", rows);
            if (!skipped.isEmpty()) {
                r.put("skipped", skipped);
            }
            System.out.println(json(r));
        }
    }

    /** Reads files and folders; a folder holding several FEFF materials gives each, bad ones go to skipped. */
    static List<XasDocument> readSpectra(List<Path> paths, List<Map<String, String>> skipped) {
        List<XasDocument> docs = new ArrayList<>();
        for (Path f : paths) {
            List<Path> materials = Files.isDirectory(f) && !FeffRunReader.isRun(f)
                    ? FeffRunReader.materialFolders(f) : List.of(f);
            if (materials.size() <= 1) {
                docs.add(XasFileReader.read(f));
                continue;
            }
            for (Path m : materials) {
                try {
                    docs.add(XasFileReader.read(m));
                } catch (InvalidInputException e) {
                    Map<String, String> entry = new LinkedHashMap<>();
                    entry.put("file", m.toString());
                    entry.put("reason", e.getMessage());
                    skipped.add(entry);
                    System.err.println("skipped " + e.getMessage());
                }
            }
        }
        return docs;
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Do these spectra look like a dataset's? PCA + k-means (k = 2) of the dataset's spectra of "
                    + "one element together with the given ones, in the classifier's view (the element's energy "
                    + "window, standardized) and edge-aligned (shape only); JSON statistics and a PNG.")
    static final class Compare implements Runnable {
        @Option(names = "--data", required = true, paramLabel = "DATASET", description = "Reference dataset (e.g. "
                + "the synthetic one the model was trained on).")
        Path data;

        @Option(names = "--element", paramLabel = "EL", description = "Absorbing element (default: the one of the "
                + "given spectra).")
        String element;

        @Option(names = "--png", paramLabel = "FILE", description = "Write the two PCA views as PNG.")
        Path png;

        @Option(names = "--seed", defaultValue = "7") long seed;

        @Parameters(arity = "1..*", paramLabel = "SPECTRUM", description = "Spectrum files or (FEFF) folders.")
        List<Path> spectra;

        @Override
        public void run() {
            XasDataset d = XasDatasetFiles.read(data);
            List<Map<String, String>> skipped = new ArrayList<>();
            List<XasDocument> docs = readSpectra(spectra, skipped);
            Set<ChemicalElement> seen = new java.util.TreeSet<>();
            docs.forEach(doc -> seen.add(doc.spectrum().absorbingElement()));
            ChemicalElement el;
            if (element != null) {
                if (!ChemicalElement.isSymbol(element)) {
                    throw new IllegalArgumentException("--element: '" + element + "' is not an element symbol");
                }
                el = ChemicalElement.ofSymbol(element);
            } else if (seen.size() == 1) {
                el = seen.iterator().next();
            } else {
                throw new IllegalArgumentException("the spectra have absorbing elements " + seen + "; choose one with "
                        + "--element");
            }
            List<XasSpectrum> other = new ArrayList<>();
            docs.stream().filter(doc -> doc.spectrum().absorbingElement() == el).forEach(doc -> other.add(
                    doc.spectrum()));
            List<XasSpectrum> ref = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (XasMaterial m : d.materials()) {
                XasSpectrum sp = m.spectra().get(el);
                if (sp != null) {
                    ref.add(sp);
                    groups.add("dataset, " + m.label().jsonName());
                }
            }
            if (other.isEmpty()) {
                throw new InvalidInputException(spectra.get(0), "no " + el + " spectrum among the given files");
            }
            io.bandsmith.models.xas.dataset.EnergyWindow w = d.windows().get(el);
            if (w == null || ref.size() < io.bandsmith.models.xas.evaluation.SpectraComparison.MIN_REFERENCE) {
                throw new InvalidInputException(data, "the dataset has too few " + el + " spectra to compare with ("
                        + ref.size() + ")");
            }
            int n = io.bandsmith.models.xas.preprocess.XasPreprocessing.DEFAULT_POINTS;
            double mean = 0;
            double scale = 0;
            for (XasSpectrum sp : ref) {
                double[] v = sp.resample(w.fromEv(), w.toEv(), n, 0);
                double mu = java.util.Arrays.stream(v).average().orElse(0);
                double var = java.util.Arrays.stream(v).map(x -> (x - mu) * (x - mu)).sum() / v.length;
                mean += mu / ref.size();
                scale += Math.sqrt(var) / ref.size();
            }
            scale = scale > 0 ? scale : 1;
            String otherName = "given " + el + " spectra";
            var classifierView = io.bandsmith.models.xas.evaluation.SpectraComparison.compare(
                    String.format(java.util.Locale.ROOT, "Classifier view: %s window %.1f-%.1f eV, standardized", el,
                            w.fromEv(), w.toEv()), ref, groups, other, otherName,
                    io.bandsmith.models.xas.evaluation.SpectraComparison.window(w.fromEv(), w.toEv(), n, mean, scale),
                    seed);
            var shapeView = io.bandsmith.models.xas.evaluation.SpectraComparison.compare(
                    "Shape view: edge-aligned (E0 - 5 to E0 + 45 eV), edge step 1", ref, groups, other, otherName,
                    io.bandsmith.models.xas.evaluation.SpectraComparison.edgeAligned(5, 45, n), seed);
            int overlapping = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (XasSpectrum sp : other) {
                lo = Math.min(lo, sp.minEnergyEv());
                hi = Math.max(hi, sp.maxEnergyEv());
                if (sp.maxEnergyEv() > w.fromEv() && sp.minEnergyEv() < w.toEv()) {
                    overlapping++;
                }
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("data", data.toString());
            r.put("dataset", d.description());
            r.put("element", el.symbol());
            r.put("window_ev", List.of(w.fromEv(), w.toEv()));
            r.put("given_spectra", other.size());
            r.put("given_energy_range_ev", List.of(lo, hi));
            r.put("given_overlapping_window", overlapping);
            r.put("classifier_view", classifierView.stats());
            r.put("shape_view", shapeView.stats());
            if (png != null) {
                io.bandsmith.models.xas.evaluation.SpectraComparisonImage.write(png, String.format(java.util.Locale.ROOT,
                        "%s K-edge spectra: %d of the dataset %s vs %d given", el, ref.size(),
                        data.getFileName(), other.size()),
                        List.of(classifierView, shapeView));
                r.put("png", png.toString());
            }
            if (!skipped.isEmpty()) {
                r.put("skipped", skipped);
            }
            System.out.println(json(r));
        }
    }

    @Command(name = "synthetic", mixinStandardHelpOptions = true,
            description = "Write a GENERATED spectra folder with a KNOWN PLANTED class signal (not physics: an extra "
                    + "peak 20 eV above the edge in topological materials) plus manifest.csv, to try the pipeline.")
    static final class Synthetic implements Runnable {
        @Option(names = "--out", required = true, paramLabel = "DIR") Path out;

        @Option(names = "--materials", defaultValue = "400") int materials;

        @Option(names = "--signal", defaultValue = "0.6", description = "Height of the planted peak (default 0.6; "
                + "the white line is 0.5-1).")
        double signal;

        @Option(names = "--seed", defaultValue = "11") long seed;

        @Option(names = "--shuffle-labels", description = "Permute the labels: no signal is left (chance level).")
        boolean shuffle;

        @Option(names = "--elements", split = ",", paramLabel = "EL", description = "Element pool (default "
                + "O,Si,Ti,Zn,Se,Bi).")
        List<String> elements;

        @Override
        public void run() {
            SyntheticPlantedSignalDataset.Settings settings = SyntheticPlantedSignalDataset.Settings.small(seed)
                    .withMaterials(materials).withSignal(signal);
            if (elements != null) {
                for (String e : elements) {
                    if (!ChemicalElement.isSymbol(e.trim())) {
                        throw new IllegalArgumentException("--elements: '" + e + "' is not an element symbol");
                    }
                }
                settings = settings.withElements(elements.stream().map(String::trim).toList());
            }
            XasDataset d = SyntheticPlantedSignalDataset.generate(settings);
            if (shuffle) {
                d = SyntheticPlantedSignalDataset.shuffleLabels(d, seed + 1);
            }
            SyntheticPlantedSignalDataset.writeSpectraFolder(d, out);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("folder", out.toString());
            r.put("description", d.description());
            r.put("materials", d.materials().size());
            r.put("topological", d.count(TopologicalClass.TOPOLOGICAL));
            r.put("trivial", d.count(TopologicalClass.TRIVIAL));
            System.out.println(json(r));
        }
    }
}
