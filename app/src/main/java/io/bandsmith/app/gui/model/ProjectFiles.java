package io.bandsmith.app.gui.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.engine.io.AtomicFiles;

/**
 * Projects as JSON (extension {@code .bandsmith.json}, any name works):
 *
 * <pre>
 * { "format": "bandsmith-project", "schemaVersion": 1, "name": "...",
 *   "geometry": { "gridSize": 100, "vmax": 256.0,
 *                 "base": {"kind": "uniform", "value": 0} | {"kind": "sixHoles", "distance": .., "holeRadius": ..}
 *                       | {"kind": "random", "alpha": .., "seed": .., "step": "sharp"|"sigmoid", "beta": ..}
 *                       | {"kind": "imported", "source": "..", "size": L, "fractionsBase64": float64 LE, row-major},
 *                 "shapes": [ {"kind": "disc"|"polygon", "cx", "cy", "size", "sides", "rotationDegrees", "value"} ],
 *                 "brushBase64": one byte per grid point (0 untouched, 1 erased, 2 painted), row-major },
 *   "preview": { "bandCount": 7, "gapLower": 1, "gapUpper": 2, "surfaceBands": [1, 2, 3] } }
 * </pre>
 *
 * Writing is atomic. Reading checks everything before anything is returned: a corrupt file, a file that is not a
 * project or one from a newer schema version raises {@link ProjectFormatException} with the reason, and nothing is
 * opened.
 */
public final class ProjectFiles {
    public static final String FORMAT = "bandsmith-project";
    public static final int SCHEMA_VERSION = 1;
    public static final String EXTENSION = ".bandsmith.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProjectFiles() {
    }

    public static void write(Path file, Project project) {
        AtomicFiles.writeString(file, toJson(project));
    }

    public static String toJson(Project project) {
        try {
            return JSON.writeValueAsString(toTree(project)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode project: " + e.getMessage(), e);
        }
    }

    public static ObjectNode toTree(Project project) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("name", project.name());
        GeometryDocument g = project.geometry();
        ObjectNode geo = root.putObject("geometry");
        geo.put("gridSize", g.size());
        geo.put("vmax", g.vmax());
        ObjectNode base = geo.putObject("base");
        GeometryBase gb = g.base();
        if (gb instanceof GeometryBase.Uniform u) {
            base.put("kind", "uniform");
            base.put("value", u.fraction());
        } else if (gb instanceof GeometryBase.SixHoles h) {
            base.put("kind", "sixHoles");
            base.put("distance", h.distance());
            base.put("holeRadius", h.holeRadius());
        } else if (gb instanceof GeometryBase.RandomField r) {
            base.put("kind", "random");
            base.put("alpha", r.alpha());
            base.put("seed", r.seed());
            base.put("step", r.sigmoid() ? "sigmoid" : "sharp");
            base.put("beta", r.beta());
        } else if (gb instanceof GeometryBase.Imported m) {
            base.put("kind", "imported");
            base.put("source", m.sourceName());
            base.put("size", m.size());
            double[] f = m.gridFractions();
            ByteBuffer buf = ByteBuffer.allocate(8 * f.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (double v : f) {
                buf.putDouble(v);
            }
            base.put("fractionsBase64", Base64.getEncoder().encodeToString(buf.array()));
        }
        ArrayNode shapes = geo.putArray("shapes");
        for (ShapeSpec s : g.shapes()) {
            ObjectNode o = shapes.addObject();
            o.put("kind", s.kind() == ShapeSpec.Kind.DISC ? "disc" : "polygon");
            o.put("cx", s.cx());
            o.put("cy", s.cy());
            o.put("size", s.size());
            o.put("sides", s.sides());
            o.put("rotationDegrees", s.rotationDegrees());
            o.put("value", s.valueFraction());
        }
        if (g.hasBrushStrokes()) {
            geo.put("brushBase64", Base64.getEncoder().encodeToString(g.brushLayer()));
        }
        ObjectNode preview = root.putObject("preview");
        PreviewSettings p = project.settings();
        preview.put("bandCount", p.bandCount());
        preview.put("gapLower", p.gapLower());
        preview.put("gapUpper", p.gapUpper());
        ArrayNode sb = preview.putArray("surfaceBands");
        p.surfaceBands().forEach(sb::add);
        return root;
    }

    public static Project read(Path file) throws ProjectFormatException {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new ProjectFormatException(file, "is a directory, not a project file");
            }
            if (!Files.isRegularFile(file)) {
                throw new ProjectFormatException(file, "no such file");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ProjectFormatException(file, "cannot read the file (" + e.getMessage() + ")", e);
        }
        return parse(file, text);
    }

    public static Project parse(Path file, String text) throws ProjectFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProjectFormatException(file, "not valid JSON (" + e.getOriginalMessage() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new ProjectFormatException(file, "not a Bandsmith project (expected a JSON object)");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new ProjectFormatException(file, "not a Bandsmith project (\"format\" is not \"" + FORMAT + "\")");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new ProjectFormatException(file, "the schemaVersion is missing or not a number");
        }
        if (version.asInt() > SCHEMA_VERSION) {
            throw new ProjectFormatException(file, "written by a newer Bandsmith (schema version " + version.asInt()
                    + "; this version reads up to " + SCHEMA_VERSION + ")");
        }
        if (version.asInt() < 1) {
            throw new ProjectFormatException(file, "unknown schema version " + version.asInt());
        }
        try {
            JsonNode geo = required(root, "geometry");
            int size = requiredInt(geo, "gridSize");
            if (size < 3 || size > 400) {
                throw new IllegalArgumentException("gridSize must be in 3..400, got " + size);
            }
            double vmax = requiredDouble(geo, "vmax");
            GeometryBase base = readBase(required(geo, "base"));
            List<ShapeSpec> shapes = new ArrayList<>();
            JsonNode shapeArray = geo.path("shapes");
            if (!shapeArray.isMissingNode() && !shapeArray.isArray()) {
                throw new IllegalArgumentException("\"shapes\" must be a list");
            }
            for (JsonNode s : shapeArray) {
                String kind = requiredText(s, "kind");
                ShapeSpec.Kind k = switch (kind) {
                    case "disc" -> ShapeSpec.Kind.DISC;
                    case "polygon" -> ShapeSpec.Kind.POLYGON;
                    default -> throw new IllegalArgumentException("unknown shape kind \"" + kind + "\"");
                };
                shapes.add(new ShapeSpec(k, requiredDouble(s, "cx"), requiredDouble(s, "cy"),
                        requiredDouble(s, "size"), s.path("sides").asInt(6), s.path("rotationDegrees").asDouble(0),
                        requiredDouble(s, "value")));
            }
            byte[] brush = new byte[size * size];
            if (geo.hasNonNull("brushBase64")) {
                brush = Base64.getDecoder().decode(geo.get("brushBase64").asText());
                if (brush.length != size * size) {
                    throw new IllegalArgumentException("the brush layer has " + brush.length + " cells, the grid "
                            + size * size);
                }
            }
            if (size < 3 || size > 400) {
                throw new IllegalArgumentException("gridSize must be in 3..400, got " + size);
            }
            GeometryDocument doc = GeometryDocument.of(size, vmax, base, shapes, brush);
            PreviewSettings settings = PreviewSettings.DEFAULT;
            JsonNode p = root.path("preview");
            if (p.isObject()) {
                List<Integer> surf = new ArrayList<>();
                for (JsonNode b : p.path("surfaceBands")) {
                    surf.add(b.asInt());
                }
                settings = new PreviewSettings(p.path("bandCount").asInt(7), p.path("gapLower").asInt(1),
                        p.path("gapUpper").asInt(2), surf);
            }
            return new Project(root.path("name").asText("Untitled"), doc, settings);
        } catch (RuntimeException e) {
            throw new ProjectFormatException(file, "invalid project: " + (e.getMessage() == null ? "damaged"
                    : e.getMessage().replace('\n', ' ')), e);
        }
    }

    private static GeometryBase readBase(JsonNode b) {
        String kind = requiredText(b, "kind");
        return switch (kind) {
            case "uniform" -> new GeometryBase.Uniform(requiredDouble(b, "value"));
            case "sixHoles" -> new GeometryBase.SixHoles(requiredDouble(b, "distance"), requiredDouble(b, "holeRadius"));
            case "random" -> {
                String step = b.path("step").asText("sharp");
                if (!step.equals("sharp") && !step.equals("sigmoid")) {
                    throw new IllegalArgumentException("random step must be \"sharp\" or \"sigmoid\", got \"" + step
                            + "\"");
                }
                JsonNode seed = required(b, "seed");
                if (!seed.canConvertToLong()) {
                    throw new IllegalArgumentException("\"seed\" must be an integer");
                }
                yield new GeometryBase.RandomField(requiredDouble(b, "alpha"), seed.asLong(), step.equals("sigmoid"),
                        b.path("beta").asDouble(10));
            }
            case "imported" -> {
                int size = requiredInt(b, "size");
                if (size < 3 || size > 400) {
                    // as on the command line: a grid needs L >= 3 (issue 18)
                    throw new IllegalArgumentException("imported grid size must be in 3..400, got " + size);
                }
                byte[] raw = Base64.getDecoder().decode(requiredText(b, "fractionsBase64"));
                if (raw.length != 8L * size * size) {
                    throw new IllegalArgumentException("imported grid holds " + raw.length / 8 + " values, expected "
                            + size * size);
                }
                ByteBuffer buf = ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                double[] f = new double[size * size];
                for (int n = 0; n < f.length; n++) {
                    f[n] = buf.getDouble();
                    if (!Double.isFinite(f[n])) {
                        throw new IllegalArgumentException("imported grid holds " + f[n]);
                    }
                }
                yield new GeometryBase.Imported(b.path("source").asText("grid"), size, f);
            }
            default -> throw new IllegalArgumentException("unknown base kind \"" + kind + "\"");
        };
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return v;
    }

    private static String requiredText(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be text");
        }
        return v.asText();
    }

    private static double requiredDouble(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number");
        }
        return v.asDouble();
    }

    private static int requiredInt(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an integer");
        }
        return v.asInt();
    }
}
