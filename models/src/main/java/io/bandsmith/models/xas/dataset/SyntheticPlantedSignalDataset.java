package io.bandsmith.models.xas.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.models.xas.AbsorptionEdge;
import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.ReducedFormula;
import io.bandsmith.models.xas.SpaceGroupSymmetry;
import io.bandsmith.models.xas.SpectrumType;
import io.bandsmith.models.xas.TopologicalClass;
import io.bandsmith.models.xas.XasSpectrum;

/**
 * A GENERATED dataset with a KNOWN, PLANTED class signal, for testing that the pipeline can learn (it is not
 * physics). Each material has 2-3 elements from a pool; each element's K-edge XANES-like spectrum is an arctan edge
 * step at a synthetic edge energy (with a random chemical shift of up to +-1.5 eV), a white line and 2-4 random
 * Gaussian peaks, plus noise, on its own 100-point non-uniform grid spanning about 55 eV, like Materials Project
 * spectra. Topological materials, and only they, carry one extra Gaussian peak of height {@code signal} at
 * 20 eV above the edge in every spectrum. Space groups are drawn independently of the class. With the labels
 * shuffled ({@link #shuffleLabels}) no signal is left, so any classifier must fall to chance.
 */
public final class SyntheticPlantedSignalDataset {
    /** Where the planted peak sits, above the (shifted) edge. */
    public static final double PLANTED_PEAK_OFFSET_EV = 20.0;

    /** Generation settings. */
    public record Settings(int materials, List<String> elementPool, double topologicalFraction, double signal,
            double noise, long seed) {
        public Settings {
            if (materials < 10 || elementPool.size() < 2 || !(topologicalFraction > 0 && topologicalFraction < 1)
                    || signal < 0 || noise < 0) {
                throw new IllegalArgumentException("need >= 10 materials, >= 2 elements, 0 < fraction < 1, "
                        + "signal and noise >= 0");
            }
            elementPool.forEach(ChemicalElement::ofSymbol);
            elementPool = List.copyOf(elementPool);
        }

        /** 400 materials over six elements, 30% topological, planted peak 0.6 (white line 0.5-1). */
        public static Settings small(long seed) {
            return new Settings(400, List.of("O", "Si", "Ti", "Zn", "Se", "Bi"), 0.3, 0.6, 0.01, seed);
        }

        public Settings withSignal(double s) {
            return new Settings(materials, elementPool, topologicalFraction, s, noise, seed);
        }

        public Settings withElements(List<String> pool) {
            return new Settings(materials, pool, topologicalFraction, signal, noise, seed);
        }

        public Settings withMaterials(int n) {
            return new Settings(n, elementPool, topologicalFraction, signal, noise, seed);
        }
    }

    private static final int[] SPACE_GROUPS = {2, 14, 62, 139, 166, 186, 194, 216, 225, 227};

    private SyntheticPlantedSignalDataset() {
    }

    /** Synthetic K-edge energy (eV) of an element: a Moseley-like 10.2 (Z-1)^2, not a tabulated value. */
    public static double syntheticEdgeEv(ChemicalElement e) {
        return 10.2 * (e.atomicNumber() - 1) * (e.atomicNumber() - 1) + 10;
    }

    public static XasDataset generate(Settings s) {
        Random rng = new Random(s.seed());
        List<XasMaterial> materials = new ArrayList<>();
        List<XasSpectrum> all = new ArrayList<>();
        for (int i = 0; i < s.materials(); i++) {
            boolean topological = rng.nextDouble() < s.topologicalFraction();
            List<String> pool = new ArrayList<>(s.elementPool());
            Collections.shuffle(pool, rng);
            int k = 2 + rng.nextInt(Math.min(2, pool.size() - 1));
            Map<String, Double> amounts = new TreeMap<>();
            TreeMap<ChemicalElement, XasSpectrum> spectra = new TreeMap<>();
            for (String sym : pool.subList(0, k)) {
                ChemicalElement e = ChemicalElement.ofSymbol(sym);
                amounts.put(sym, (double) (1 + rng.nextInt(3)));
                XasSpectrum sp = spectrum(e, topological, s, rng);
                spectra.put(e, sp);
                all.add(sp);
            }
            SpaceGroupSymmetry sg = SpaceGroupSymmetry.of(SPACE_GROUPS[rng.nextInt(SPACE_GROUPS.length)]);
            String id = String.format(Locale.ROOT, "synthetic-%04d", i);
            materials.add(new XasMaterial(id, Optional.of(ReducedFormula.ofAmounts(amounts)), sg,
                    Optional.of(topological ? TopologicalClass.TOPOLOGICAL : TopologicalClass.TRIVIAL), spectra));
        }
        return new XasDataset(materials, EnergyWindows.fit(all), List.of(),
                "SyntheticPlantedSignalDataset (generated, planted peak " + s.signal() + " at +"
                        + PLANTED_PEAK_OFFSET_EV + " eV in topological materials; seed " + s.seed() + ")");
    }

    static XasSpectrum spectrum(ChemicalElement e, boolean topological, Settings s, Random rng) {
        double edge = syntheticEdgeEv(e) + (rng.nextDouble() * 2 - 1) * 1.5;
        double start = edge - 5 + (rng.nextDouble() * 2 - 1) * 0.5;
        int n = 100;
        double[] x = new double[n];
        // denser sampling near the edge, as FEFF grids are
        for (int i = 0; i < n; i++) {
            double t = (double) i / (n - 1);
            x[i] = start + 55 * (0.6 * t + 0.4 * t * t);
        }
        int peaks = 2 + rng.nextInt(3);
        double[][] p = new double[peaks][3];
        for (int j = 0; j < peaks; j++) {
            p[j][0] = edge + 3 + rng.nextDouble() * 42;
            p[j][1] = 2 + rng.nextDouble() * 3;
            p[j][2] = 0.1 + rng.nextDouble() * 0.3;
        }
        double white = 0.5 + rng.nextDouble() * 0.5;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0.5 + Math.atan((x[i] - edge) / 1.5) / Math.PI;
            v += gauss(x[i], edge + 2, 1.8, white);
            for (double[] q : p) {
                v += gauss(x[i], q[0], q[1], q[2]);
            }
            if (topological) {
                v += gauss(x[i], edge + PLANTED_PEAK_OFFSET_EV, 1.5, s.signal());
            }
            v += rng.nextGaussian() * s.noise();
            y[i] = v;
        }
        return new XasSpectrum(e, AbsorptionEdge.K, SpectrumType.XANES, x, y, OptionalInt.empty());
    }

    private static double gauss(double x, double centre, double width, double height) {
        double d = (x - centre) / width;
        return height * Math.exp(-0.5 * d * d);
    }

    /** The same spectra with the labels randomly permuted among the materials: no class signal is left. */
    public static XasDataset shuffleLabels(XasDataset d, long seed) {
        List<TopologicalClass> labels = new ArrayList<>();
        d.materials().forEach(m -> labels.add(m.label()));
        Collections.shuffle(labels, new Random(seed));
        List<XasMaterial> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            out.add(d.materials().get(i).withLabel(labels.get(i)));
        }
        return d.withMaterials(out, d.description() + " with SHUFFLED labels (seed " + seed + ")");
    }

    /**
     * Writes the dataset as a spectra folder: one pymatgen {@code XAS.as_dict()}-style JSON per material and
     * element, and a {@code manifest.csv} (file, material_id, formula, space_group, label).
     */
    public static void writeSpectraFolder(XasDataset d, Path dir) {
        ObjectMapper json = new ObjectMapper();
        StringBuilder manifest = new StringBuilder("file,material_id,formula,space_group,label\n");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (XasMaterial m : d.materials()) {
            for (var e : m.spectra().entrySet()) {
                String name = m.id() + "_" + e.getKey().symbol() + "_K_XANES.json";
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("@module", "pymatgen.analysis.xas.spectrum");
                o.put("@class", "XAS");
                o.put("x", e.getValue().energiesEv());
                o.put("y", e.getValue().intensities());
                o.put("absorbing_element", e.getKey().symbol());
                o.put("edge", "K");
                o.put("spectrum_type", "XANES");
                AtomicFiles.write(dir.resolve(name), tmp -> json.writeValue(tmp.toFile(), o));
                manifest.append(name).append(',').append(m.id()).append(',')
                        .append(m.formula().map(ReducedFormula::text).orElse("")).append(',')
                        .append(m.symmetry().number()).append(',').append(m.label().label()).append('\n');
            }
        }
        AtomicFiles.writeString(dir.resolve(XasDatasetBuilder.DEFAULT_MANIFEST), manifest.toString());
    }
}
