package io.bandsmith.models.network;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.io.InvalidInputException;

/**
 * Several tight-binding networks trained from different seeds, kept together in one file (docs/decisions/0015): a
 * zip holding {@code bandsmith-ensemble.json} and the members' model zips {@code member-0.zip}, .... The manifest
 * names the member that is best on validation, how the ensemble predicts ({@link Mode}) and the factor by which the
 * spread over members (sample standard deviation) is scaled so that it is calibrated on validation data.
 *
 * @param members at least two networks
 * @param names where each member came from (its file name when trained)
 * @param best index of the member best on validation
 * @param mode the prediction: the mean of the members' bands, or the best member's
 * @param spreadScale factor applied to the standard deviation over members (1: raw)
 * @param summary how the mode and the scale were chosen (validation figures)
 */
public record NetworkEnsemble(List<TightBindingNetwork> members, List<String> names, int best, Mode mode,
        double spreadScale, ObjectNode summary) {
    public static final String FORMAT = "bandsmith-tb-ensemble";
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "bandsmith-ensemble.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the ensemble predicts bands. */
    public enum Mode {
        /** The mean of the members' bands (chosen when it is more accurate on validation than the best member). */
        MEAN,
        /** The best member's bands and labels; the members still give the spread. */
        BEST
    }

    public NetworkEnsemble {
        members = List.copyOf(members);
        names = List.copyOf(names);
        if (members.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least two members, got " + members.size());
        }
        if (names.size() != members.size()) {
            throw new IllegalArgumentException(members.size() + " members but " + names.size() + " names");
        }
        if (best < 0 || best >= members.size()) {
            throw new IllegalArgumentException("best member " + best + " is not one of " + members.size());
        }
        if (!(spreadScale > 0) || !Double.isFinite(spreadScale)) {
            throw new IllegalArgumentException("spread scale must be positive, got " + spreadScale);
        }
        summary = summary == null ? JSON.createObjectNode() : summary.deepCopy();
    }

    public int size() {
        return members.size();
    }

    /** Whether a file is an ensemble (a zip with the ensemble manifest) rather than a single network. */
    public static boolean isEnsemble(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(MANIFEST) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the ensemble atomically. */
    public void save(Path file) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("format_version", FORMAT_VERSION);
        manifest.put("best", best);
        manifest.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
        manifest.put("spread_scale", spreadScale);
        var list = manifest.putArray("members");
        for (int m = 0; m < members.size(); m++) {
            list.addObject().put("entry", entry(m)).put("name", names.get(m));
        }
        manifest.set("summary", summary);
        AtomicFiles.write(file, tmp -> {
            Path dir = Files.createTempDirectory("bandsmith-ensemble");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                out.putNextEntry(new ZipEntry(MANIFEST));
                out.write(manifest.toPrettyString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
                for (int m = 0; m < members.size(); m++) {
                    Path member = dir.resolve(entry(m));
                    members.get(m).save(member);
                    out.putNextEntry(new ZipEntry(entry(m)));
                    Files.copy(member, out);
                    out.closeEntry();
                    Files.delete(member);
                }
            } finally {
                Files.deleteIfExists(dir);
            }
        });
    }

    private static String entry(int m) {
        return "member-" + m + ".zip";
    }

    /** Loads an ensemble; every problem is one clear message naming the file. */
    public static NetworkEnsemble load(Path file) {
        io.bandsmith.engine.io.InputFiles.requireReadable(file, "ensemble file");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry m = zip.getEntry(MANIFEST);
            if (m == null) {
                throw new InvalidInputException(file, "not a Bandsmith network ensemble (no " + MANIFEST + ")");
            }
            ObjectNode manifest;
            try (InputStream in = zip.getInputStream(m)) {
                manifest = (ObjectNode) JSON.readTree(in);
            }
            if (!FORMAT.equals(manifest.path("format").asText())) {
                throw new InvalidInputException(file, "not a Bandsmith network ensemble");
            }
            if (manifest.path("format_version").asInt() > FORMAT_VERSION) {
                throw new InvalidInputException(file, "ensemble format " + manifest.path("format_version").asInt()
                        + " is newer than this Bandsmith (" + FORMAT_VERSION + ")");
            }
            List<TightBindingNetwork> members = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (var node : manifest.path("members")) {
                String name = node.path("entry").asText();
                ZipEntry e = zip.getEntry(name);
                if (e == null) {
                    throw new InvalidInputException(file, "member " + name + " listed in the manifest is missing");
                }
                Path tmp = Files.createTempFile("bandsmith-member", ".zip");
                try {
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    try {
                        members.add(TightBindingNetwork.load(tmp));
                    } catch (InvalidInputException bad) {
                        throw new InvalidInputException(file, "member " + name + ": " + bad.getMessage()
                                .replace(tmp.toString() + ": ", ""));
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
                names.add(node.path("name").asText(name));
            }
            Mode mode;
            try {
                mode = Mode.valueOf(manifest.path("mode").asText("mean").toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(file, "unknown ensemble mode '" + manifest.path("mode").asText() + "'");
            }
            try {
                return new NetworkEnsemble(members, names, manifest.path("best").asInt(0), mode,
                        manifest.path("spread_scale").asDouble(1.0),
                        manifest.has("summary") ? (ObjectNode) manifest.get("summary") : null);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(file, "damaged ensemble manifest: " + e.getMessage());
            }
        } catch (IOException | ClassCastException e) {
            throw new InvalidInputException(file, "not a readable ensemble zip (truncated, damaged, or another kind "
                    + "of file)");
        }
    }
}
