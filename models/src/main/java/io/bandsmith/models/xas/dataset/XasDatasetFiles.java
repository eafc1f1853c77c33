package io.bandsmith.models.xas.dataset;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.engine.io.NonClosingOutputStream;
import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.AbsorptionEdge;
import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.ReducedFormula;
import io.bandsmith.models.xas.SpaceGroupSymmetry;
import io.bandsmith.models.xas.SpectrumType;
import io.bandsmith.models.xas.TopologicalClass;
import io.bandsmith.models.xas.XasSpectrum;

/**
 * The dataset file: JSON ({@code .json}) or gzipped JSON ({@code .json.gz}), format
 * {@code "bandsmith-xas-dataset"} version 1. It keeps the raw spectra (so the +-1 eV shift augmentation can
 * resample them again), the per-element windows, the labels and the list of skipped input files.
 */
public final class XasDatasetFiles {
    public static final String FORMAT = "bandsmith-xas-dataset";
    private static final ObjectMapper JSON = new ObjectMapper();

    private XasDatasetFiles() {
    }

    public static void write(Path file, XasDataset dataset) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("description", dataset.description());
        root.put("materials_count", dataset.materials().size());
        root.put("topological_count", dataset.count(TopologicalClass.TOPOLOGICAL));
        root.put("trivial_count", dataset.count(TopologicalClass.TRIVIAL));
        ObjectNode windows = root.putObject("windows_ev");
        dataset.windows().forEach((e, w) -> windows.putArray(e.symbol()).add(w.fromEv()).add(w.toEv()));
        ArrayNode mats = root.putArray("materials");
        for (XasMaterial m : dataset.materials()) {
            ObjectNode o = mats.addObject();
            o.put("id", m.id());
            o.put("formula", m.formula().map(ReducedFormula::text).orElse(null));
            o.put("space_group", m.symmetry().number());
            m.symmetry().symbol().ifPresent(s -> o.put("space_group_symbol", s));
            o.put("label", m.label().label());
            ObjectNode spectra = o.putObject("spectra");
            m.spectra().forEach((el, s) -> {
                ObjectNode so = spectra.putObject(el.symbol());
                so.put("edge", s.edge().label());
                so.put("spectrum_type", s.type().name());
                if (s.absorbingSiteIndex().isPresent()) {
                    so.put("absorbing_index", s.absorbingSiteIndex().getAsInt());
                }
                ArrayNode x = so.putArray("x");
                for (double v : s.energiesEv()) {
                    x.add(v);
                }
                ArrayNode y = so.putArray("y");
                for (double v : s.intensities()) {
                    y.add(v);
                }
            });
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedFile s : dataset.skipped()) {
            skipped.addObject().put("file", s.file()).put("reason", s.reason());
        }
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        AtomicFiles.write(file, tmp -> {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp));
                    OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
                JSON.writeValue(new NonClosingOutputStream(out), root);
            }
        });
    }

    public static XasDataset read(Path file) {
        JsonNode root;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw) : raw;
            root = JSON.readTree(in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file, "no such dataset file");
        } catch (EOFException e) {
            throw new InvalidInputException(file, "truncated dataset file");
        } catch (ZipException e) {
            throw new InvalidInputException(file, "corrupt gzip data: " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file, "not a valid dataset JSON: " + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new InvalidInputException(file, "cannot read: " + e.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new InvalidInputException(file, "not a Bandsmith XAS dataset (expected \"format\": \"" + FORMAT
                    + "\"; build one with 'bandsmith xas build')");
        }
        try {
            TreeMap<ChemicalElement, EnergyWindow> windows = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("windows_ev").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                windows.put(ChemicalElement.ofSymbol(e.getKey()),
                        new EnergyWindow(e.getValue().get(0).asDouble(), e.getValue().get(1).asDouble()));
            }
            List<XasMaterial> materials = new ArrayList<>();
            for (JsonNode o : root.path("materials")) {
                String id = o.path("id").asText();
                TreeMap<ChemicalElement, XasSpectrum> spectra = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = o.path("spectra").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode s = e.getValue();
                    ChemicalElement el = ChemicalElement.ofSymbol(e.getKey());
                    spectra.put(el, new XasSpectrum(el, AbsorptionEdge.parse(s.path("edge").asText()),
                            SpectrumType.parse(s.path("spectrum_type").asText()), doubles(s.get("x")),
                            doubles(s.get("y")), s.has("absorbing_index")
                                    ? OptionalInt.of(s.get("absorbing_index").asInt()) : OptionalInt.empty()));
                }
                Optional<ReducedFormula> formula = o.hasNonNull("formula")
                        ? Optional.of(ReducedFormula.parse(o.get("formula").asText())) : Optional.empty();
                SpaceGroupSymmetry sg = SpaceGroupSymmetry.of(o.path("space_group").asInt(),
                        o.hasNonNull("space_group_symbol") ? o.get("space_group_symbol").asText() : null);
                materials.add(new XasMaterial(id, formula, sg,
                        Optional.of(TopologicalClass.ofLabel(o.path("label").asInt(-1))), spectra));
            }
            List<SkippedFile> skipped = new ArrayList<>();
            for (JsonNode s : root.path("skipped")) {
                skipped.add(new SkippedFile(s.path("file").asText(), s.path("reason").asText()));
            }
            return new XasDataset(materials, windows, skipped, root.path("description").asText());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(file, "inconsistent dataset: " + e.getMessage());
        }
    }

    private static double[] doubles(JsonNode arr) {
        if (arr == null || !arr.isArray()) {
            throw new IllegalArgumentException("spectrum without x/y lists");
        }
        double[] v = new double[arr.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = arr.get(i).asDouble();
        }
        return v;
    }
}
