package io.bandsmith.models.xas.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.AbsorptionEdge;
import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.CrystalPointGroup;
import io.bandsmith.models.xas.ReducedFormula;
import io.bandsmith.models.xas.SpaceGroupSymmetry;
import io.bandsmith.models.xas.SpectrumType;
import io.bandsmith.models.xas.XasSpectrum;

/**
 * Reads one spectrum file: pymatgen {@code XAS.as_dict()} JSON, a Materials Project {@code XASDoc} JSON (both
 * plain or gzipped) or a raw FEFF {@code xmu.dat}. Every problem ends in an {@link InvalidInputException} whose
 * message names the file and the reason (truncated JSON, missing field, NaN or non-increasing energies, unknown
 * element, ...). Things that are readable but unusual (site-specific spectrum, non-positive intensities, EXAFS,
 * a non-K edge) become warnings.
 */
public final class XasFileReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private XasFileReader() {
    }

    public static XasDocument read(Path file) {
        if (Files.isDirectory(file)) {
            return FeffRunReader.read(file);
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (parent != null && (name.equals(FeffRunReader.FEFF_INP) || name.equals(FeffRunReader.XMU_DAT))
                && Files.isRegularFile(file)) {
            Path run = file.getParent() == null ? Path.of(".") : file.getParent();
            if (FeffRunReader.isRun(run)) {
                return FeffRunReader.readRun(run);
            }
            if (name.equals(FeffRunReader.FEFF_INP)) {
                throw new InvalidInputException(file, "no xmu.dat next to this feff.inp (a FEFF run needs both)");
            }
        }
        byte[] bytes = readBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(file, "empty file");
        }
        if (trimmed.charAt(0) == '{') {
            return readJson(file, text);
        }
        if (XdiReader.looksLikeXdi(trimmed)) {
            return XdiReader.read(file, text);
        }
        if (trimmed.charAt(0) == '#' || Character.isDigit(trimmed.charAt(0))) {
            return readFeffXmu(file, text);
        }
        throw new InvalidInputException(file, "not a spectrum file (expected pymatgen/Materials Project JSON, XDI, "
                + "FEFF xmu.dat or a FEFF run folder)");
    }

    private static byte[] readBytes(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file, "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(file, "cannot read: " + e.getMessage());
        }
        boolean gzip = raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
        if (!gzip) {
            if (file.getFileName().toString().endsWith(".gz")) {
                throw new InvalidInputException(file, "named .gz but not gzip data");
            }
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(new ByteArrayInputStream(raw)))) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new InvalidInputException(file, "truncated gzip data (unexpected end of compressed stream)");
        } catch (ZipException e) {
            throw new InvalidInputException(file, "corrupt gzip data: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException(file, "cannot decompress: " + e.getMessage());
        }
    }

    private static XasDocument readJson(Path file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonEOFException e) {
            JsonLocation loc = e.getLocation();
            throw new InvalidInputException(file, "truncated JSON (unexpected end of input"
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()) + ")");
        } catch (JsonParseException e) {
            JsonLocation loc = e.getLocation();
            throw new InvalidInputException(file, "invalid JSON: " + e.getOriginalMessage().split("\n")[0]
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")"));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file, "invalid JSON: " + e.getOriginalMessage().split("\n")[0]);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(file, "JSON top level is not an object");
        }
        try {
            if (root.has("spectrum")) {
                return readXasDoc(file, root);
            }
            if (root.has("x") || root.has("y")) {
                List<String> warnings = new ArrayList<>();
                XasSpectrum s = spectrumOf(root, null, warnings);
                Optional<ReducedFormula> formula = formulaOfStructure(root.get("structure"), warnings);
                return new XasDocument(file, XasFileFormat.PYMATGEN_XAS, s, Optional.empty(), formula,
                        Optional.empty(), warnings(s, warnings));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file, e.getMessage());
        }
        throw new InvalidInputException(file, "not an XAS spectrum: expected fields x and y (pymatgen XAS) or "
                + "spectrum (Materials Project XASDoc)");
    }

    private static XasDocument readXasDoc(Path file, JsonNode root) {
        JsonNode spec = root.get("spectrum");
        if (!spec.isObject()) {
            throw new IllegalArgumentException("field 'spectrum' is not an object");
        }
        List<String> warnings = new ArrayList<>();
        XasSpectrum s = spectrumOf(spec, root, warnings);
        Optional<String> id = Optional.empty();
        for (String key : new String[] {"material_id", "task_id"}) {
            if (root.hasNonNull(key) && root.get(key).isTextual()) {
                id = Optional.of(root.get(key).asText());
                break;
            }
        }
        if (id.isEmpty() && root.hasNonNull("spectrum_id")) {
            String sid = root.get("spectrum_id").asText();
            int cut = sid.indexOf("-XANES");
            cut = cut < 0 ? sid.indexOf("-EXAFS") : cut;
            cut = cut < 0 ? sid.indexOf("-XAFS") : cut;
            if (cut > 0) {
                id = Optional.of(sid.substring(0, cut));
            }
        }
        Optional<ReducedFormula> formula = Optional.empty();
        JsonNode comp = root.get("composition_reduced");
        if (comp != null && comp.isObject() && comp.size() > 0) {
            Map<String, Double> amounts = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = comp.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                amounts.put(e.getKey(), e.getValue().asDouble());
            }
            try {
                formula = Optional.of(ReducedFormula.ofAmounts(amounts));
            } catch (IllegalArgumentException e) {
                warnings.add("composition_reduced: " + e.getMessage());
            }
        } else if (root.hasNonNull("formula_pretty")) {
            try {
                formula = Optional.of(ReducedFormula.parse(root.get("formula_pretty").asText()));
            } catch (IllegalArgumentException e) {
                warnings.add("formula_pretty: " + e.getMessage());
            }
        }
        if (formula.isEmpty()) {
            formula = formulaOfStructure(spec.get("structure"), warnings);
        }
        Optional<SpaceGroupSymmetry> symmetry = Optional.empty();
        JsonNode sym = root.get("symmetry");
        if (sym != null && sym.isObject()) {
            JsonNode number = sym.get("number");
            if (number == null || !number.canConvertToInt() || !number.isIntegralNumber()) {
                throw new IllegalArgumentException("symmetry block without an integer 'number'");
            }
            int n = number.asInt();
            if (n < 1 || n > 230) {
                throw new IllegalArgumentException("symmetry.number is " + n + ", not a space group 1..230");
            }
            String symbol = sym.hasNonNull("symbol") ? sym.get("symbol").asText() : null;
            SpaceGroupSymmetry sg = SpaceGroupSymmetry.of(n, symbol);
            if (sym.hasNonNull("point_group")) {
                CrystalPointGroup declared = CrystalPointGroup.ofSymbol(sym.get("point_group").asText());
                if (declared != sg.pointGroup()) {
                    warnings.add("symmetry.point_group '" + sym.get("point_group").asText() + "' differs from "
                            + sg.pointGroup().symbol() + " derived from space group " + n + "; using the latter");
                }
            }
            if (sym.hasNonNull("crystal_system")
                    && !sym.get("crystal_system").asText().equalsIgnoreCase(sg.crystalSystem().displayName())) {
                warnings.add("symmetry.crystal_system '" + sym.get("crystal_system").asText() + "' differs from "
                        + sg.crystalSystem().displayName() + " derived from space group " + n + "; using the latter");
            }
            symmetry = Optional.of(sg);
        }
        return new XasDocument(file, XasFileFormat.MP_XASDOC, s, id, formula, symmetry, warnings(s, warnings));
    }

    /** The spectrum fields of a pymatgen XAS object; {@code outer} (an XASDoc) supplies fallbacks. */
    private static XasSpectrum spectrumOf(JsonNode node, JsonNode outer, List<String> warnings) {
        double[] x = numbers(node, "x");
        double[] y = numbers(node, "y");
        JsonNode el = field(node, outer, "absorbing_element");
        if (el == null) {
            el = node.get("absorption_element");
            if (el != null) {
                warnings.add("uses the old key 'absorption_element'");
            }
        }
        if (el == null || el.isNull()) {
            throw new IllegalArgumentException("missing field 'absorbing_element'");
        }
        String symbol;
        if (el.isTextual()) {
            symbol = el.asText();
        } else if (el.isObject() && el.hasNonNull("element")) {
            symbol = el.get("element").asText();
        } else {
            throw new IllegalArgumentException("field 'absorbing_element' is neither a symbol nor an Element object");
        }
        if (!ChemicalElement.isSymbol(symbol)) {
            throw new IllegalArgumentException("unknown absorbing element '" + symbol + "'");
        }
        ChemicalElement element = ChemicalElement.ofSymbol(symbol);
        JsonNode edgeNode = field(node, outer, "edge");
        if (edgeNode == null || edgeNode.isNull()) {
            throw new IllegalArgumentException("missing field 'edge'");
        }
        AbsorptionEdge edge = AbsorptionEdge.parse(edgeNode.asText());
        JsonNode typeNode = field(node, outer, "spectrum_type");
        SpectrumType type;
        if (typeNode == null || typeNode.isNull()) {
            type = SpectrumType.XANES;
            warnings.add("no spectrum_type: assumed XANES");
        } else {
            type = SpectrumType.parse(typeNode.asText());
        }
        OptionalInt index = OptionalInt.empty();
        JsonNode idx = node.get("absorbing_index");
        if (idx != null && !idx.isNull()) {
            if (!idx.isIntegralNumber()) {
                throw new IllegalArgumentException("field 'absorbing_index' is not an integer");
            }
            index = OptionalInt.of(idx.asInt());
        }
        return new XasSpectrum(element, edge, type, x, y, index);
    }

    private static JsonNode field(JsonNode node, JsonNode outer, String key) {
        JsonNode v = node.get(key);
        if ((v == null || v.isNull()) && outer != null) {
            v = outer.get(key);
        }
        return v;
    }

    private static double[] numbers(JsonNode node, String key) {
        JsonNode arr = node.get(key);
        if (arr == null || arr.isNull()) {
            throw new IllegalArgumentException("missing field '" + key + "'");
        }
        if (!arr.isArray()) {
            throw new IllegalArgumentException("field '" + key + "' is not a list of numbers");
        }
        double[] v = new double[arr.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode e = arr.get(i);
            if (!e.isNumber()) {
                throw new IllegalArgumentException(key + "[" + i + "] is not a number: " + e);
            }
            v[i] = e.asDouble();
        }
        return v;
    }

    private static Optional<ReducedFormula> formulaOfStructure(JsonNode structure, List<String> warnings) {
        if (structure == null || !structure.isObject() || !structure.has("sites")) {
            return Optional.empty();
        }
        Map<String, Double> amounts = new LinkedHashMap<>();
        for (JsonNode site : structure.get("sites")) {
            JsonNode species = site.get("species");
            if (species == null || !species.isArray()) {
                warnings.add("structure site without species: formula unknown");
                return Optional.empty();
            }
            for (JsonNode sp : species) {
                String el = sp.path("element").asText("");
                if (!ChemicalElement.isSymbol(el)) {
                    warnings.add("structure has unknown species '" + el + "': formula unknown");
                    return Optional.empty();
                }
                amounts.merge(ChemicalElement.ofSymbol(el).symbol(), sp.path("occu").asDouble(1.0), Double::sum);
            }
        }
        if (amounts.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ReducedFormula.ofAmounts(amounts));
        } catch (IllegalArgumentException e) {
            warnings.add("structure: " + e.getMessage() + "; formula unknown");
            return Optional.empty();
        }
    }

    private static XasDocument readFeffXmu(Path file, String text) {
        FeffXmu xmu = FeffXmu.parse(file, text);
        double[] x = xmu.omegaEv();
        double[] y = xmu.mu();
        List<String> warnings = new ArrayList<>();
        try {
            ChemicalElement el = ChemicalElement.ofAtomicNumber(xmu.absorberZ());
            double range = x[x.length - 1] - x[0];
            SpectrumType type = range <= FeffRunReader.XANES_MAX_RANGE_EV ? SpectrumType.XANES : SpectrumType.XAFS;
            warnings.add("raw FEFF output: spectrum type " + type + " inferred from the " + String.format(Locale.ROOT,
                    "%.1f", range) + " eV range");
            XasSpectrum s = new XasSpectrum(el, xmu.edge(), type, x, y, OptionalInt.empty());
            return new XasDocument(file, XasFileFormat.FEFF_XMU, s, Optional.empty(), Optional.empty(),
                    Optional.empty(), warnings(s, warnings));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file, e.getMessage());
        }
    }

    private static List<String> warnings(XasSpectrum s, List<String> warnings) {
        List<String> w = new ArrayList<>(warnings);
        w.addAll(XasClassifierRequirements.warnings(s));
        return w;
    }
}
