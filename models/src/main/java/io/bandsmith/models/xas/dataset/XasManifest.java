package io.bandsmith.models.xas.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.ReducedFormula;
import io.bandsmith.models.xas.TopologicalClass;

/**
 * The optional CSV manifest of a spectra folder. A header names the columns; {@code material_id} is required,
 * {@code file}, {@code formula}, {@code space_group} and {@code label} are optional. A row with a {@code file}
 * assigns that spectrum file (path relative to the folder) to the material; the other columns override what the
 * spectrum files say. Labels: 0/1, trivial/topological or a catalogue class (ti, tci, case1, case3).
 */
public final class XasManifest {
    /** One material's entries. Empty optionals where the manifest is silent. */
    public record Entry(String materialId, Optional<ReducedFormula> formula, Optional<Integer> spaceGroup,
            Optional<TopologicalClass> label) {
    }

    private final Map<String, Entry> byMaterial;
    private final Map<String, String> materialByFile;

    private XasManifest(Map<String, Entry> byMaterial, Map<String, String> materialByFile) {
        this.byMaterial = byMaterial;
        this.materialByFile = materialByFile;
    }

    public static XasManifest empty() {
        return new XasManifest(Map.of(), Map.of());
    }

    public static XasManifest read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new InvalidInputException(csv, "cannot read manifest: " + e.getMessage());
        }
        List<String> rows = new ArrayList<>();
        for (String l : lines) {
            if (!l.isBlank() && !l.trim().startsWith("#")) {
                rows.add(l);
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(csv, "empty manifest (expected a header with material_id)");
        }
        String[] header = split(rows.get(0));
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            col.put(header[i].trim().toLowerCase(Locale.ROOT), i);
        }
        if (!col.containsKey("material_id")) {
            throw new InvalidInputException(csv, "manifest header has no material_id column (got "
                    + String.join(",", header) + ")");
        }
        Map<String, Entry> byMaterial = new HashMap<>();
        Map<String, String> byFile = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] f = split(rows.get(r));
            String where = "manifest line " + (r + 1) + ": ";
            String id = get(f, col, "material_id");
            if (id == null) {
                throw new InvalidInputException(csv, where + "empty material_id");
            }
            try {
                Optional<ReducedFormula> formula = Optional.ofNullable(get(f, col, "formula")).map(ReducedFormula::parse);
                Optional<Integer> sg = Optional.ofNullable(get(f, col, "space_group")).map(Integer::parseInt);
                if (sg.isPresent() && (sg.get() < 1 || sg.get() > 230)) {
                    throw new IllegalArgumentException("space group " + sg.get() + " not in 1..230");
                }
                Optional<TopologicalClass> label = Optional.ofNullable(get(f, col, "label"))
                        .map(TopologicalClass::parse);
                Entry prev = byMaterial.get(id);
                Entry e = new Entry(id, formula.or(() -> prev == null ? Optional.empty() : prev.formula()),
                        sg.or(() -> prev == null ? Optional.empty() : prev.spaceGroup()),
                        label.or(() -> prev == null ? Optional.empty() : prev.label()));
                byMaterial.put(id, e);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(csv, where + e.getMessage());
            }
            String file = get(f, col, "file");
            if (file != null) {
                byFile.put(file, id);
            }
        }
        return new XasManifest(byMaterial, byFile);
    }

    private static String[] split(String line) {
        String[] parts = line.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].trim();
            if (parts[i].length() >= 2 && parts[i].startsWith("\"") && parts[i].endsWith("\"")) {
                parts[i] = parts[i].substring(1, parts[i].length() - 1);
            }
        }
        return parts;
    }

    private static String get(String[] f, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null || i >= f.length || f[i].isEmpty()) {
            return null;
        }
        return f[i];
    }

    public Optional<Entry> entry(String materialId) {
        return Optional.ofNullable(byMaterial.get(materialId));
    }

    /** The material a file (path relative to the spectra folder, '/' separated) belongs to, if listed. */
    public Optional<String> materialOfFile(String relativePath) {
        return Optional.ofNullable(materialByFile.get(relativePath));
    }
}
