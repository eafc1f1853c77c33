package io.bandsmith.engine.io;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.bandsmith.engine.geometry.MaskOutline;

/**
 * Outlines of a design for lithography and CAD, in units of the lattice constant a: SVG (one even-odd filled path
 * of the regions where V = Vmax, plus the unit cell) and DXF R12 (closed POLYLINE entities on layer REGIONS, the
 * cell on layer CELL). Written by hand: both are a few lines of text, and no maintained Java library writes DXF
 * without bringing a CAD kernel (docs/decisions/0007-design-exports.md). Files are written atomically.
 */
public final class OutlineFiles {
    private OutlineFiles() {
    }

    private static final double SQRT3_2 = Math.sqrt(3) / 2;
    /** The unit cell: 0, a1, a1 + a2, a2. */
    private static final double[][] CELL = {{0, 0}, {1, 0}, {1.5, SQRT3_2}, {0.5, SQRT3_2}};

    /** SVG in units of a (y up in physics is y down in SVG: the y coordinate is negated). */
    public static void writeSvg(Path file, MaskOutline outline, String title) {
        StringBuilder d = new StringBuilder();
        for (double[][] loop : outline.loops()) {
            d.append('M');
            for (int n = 0; n < loop.length; n++) {
                d.append(n == 0 ? "" : " L").append(String.format(Locale.ROOT, "%.6f %.6f", loop[n][0], -loop[n][1]));
            }
            d.append(" Z ");
        }
        StringBuilder cell = new StringBuilder();
        for (double[] p : CELL) {
            cell.append(String.format(Locale.ROOT, "%.6f,%.6f ", p[0], -p[1]));
        }
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"170mm\" height=\"107mm\" "
                + "viewBox=\"-0.1 -0.966 1.7 1.066\">\n"
                + "  <title>" + escape(title) + " (units: lattice constant a)</title>\n"
                + "  <path id=\"regions\" fill=\"black\" fill-rule=\"evenodd\" stroke=\"none\" d=\"" + d.toString().trim()
                + "\"/>\n"
                + "  <polygon id=\"cell\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"0.004\" points=\""
                + cell.toString().trim() + "\"/>\n"
                + "</svg>\n";
        AtomicFiles.writeString(file, svg);
    }

    /** DXF R12 (ASCII) in units of a: regions on layer REGIONS, the unit cell on layer CELL. */
    public static void writeDxf(Path file, MaskOutline outline) {
        AtomicFiles.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
                pair(w, 0, "SECTION");
                pair(w, 2, "HEADER");
                pair(w, 9, "$ACADVER");
                pair(w, 1, "AC1009");
                pair(w, 9, "$INSUNITS");
                pair(w, 70, "0");
                pair(w, 0, "ENDSEC");
                pair(w, 0, "SECTION");
                pair(w, 2, "ENTITIES");
                for (double[][] loop : outline.loops()) {
                    polyline(w, "REGIONS", loop);
                }
                polyline(w, "CELL", CELL);
                pair(w, 0, "ENDSEC");
                pair(w, 0, "EOF");
            }
        });
    }

    private static void polyline(BufferedWriter w, String layer, double[][] points) throws java.io.IOException {
        pair(w, 0, "POLYLINE");
        pair(w, 8, layer);
        pair(w, 66, "1");
        pair(w, 10, "0.0");
        pair(w, 20, "0.0");
        pair(w, 30, "0.0");
        pair(w, 70, "1");
        for (double[] p : points) {
            pair(w, 0, "VERTEX");
            pair(w, 8, layer);
            pair(w, 10, String.format(Locale.ROOT, "%.8f", p[0]));
            pair(w, 20, String.format(Locale.ROOT, "%.8f", p[1]));
            pair(w, 30, "0.0");
        }
        pair(w, 0, "SEQEND");
        pair(w, 8, layer);
    }

    private static void pair(BufferedWriter w, int code, String value) throws java.io.IOException {
        w.write(String.format(Locale.ROOT, "%3d", code));
        w.write("\r\n");
        w.write(value);
        w.write("\r\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Polygons of layer {@code layer} read back from a DXF written here (for checks). */
    public static List<double[][]> readDxfPolylines(Path file, String layer) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            List<double[][]> out = new java.util.ArrayList<>();
            List<double[]> current = null;
            String currentLayer = null;
            boolean inVertex = false;
            double x = Double.NaN;
            for (int n = 0; n + 1 < lines.size(); n += 2) {
                int code = Integer.parseInt(lines.get(n).trim());
                String value = lines.get(n + 1).trim();
                if (code == 0 && value.equals("POLYLINE")) {
                    current = new java.util.ArrayList<>();
                    currentLayer = null;
                    inVertex = false;
                } else if (code == 0 && value.equals("SEQEND")) {
                    if (current != null && layer.equals(currentLayer)) {
                        out.add(current.toArray(new double[0][]));
                    }
                    current = null;
                    inVertex = false;
                } else if (code == 8 && current != null && current.isEmpty() && currentLayer == null) {
                    currentLayer = value;
                } else if (code == 0 && value.equals("VERTEX")) {
                    inVertex = true;
                    x = Double.NaN;
                } else if (code == 10 && current != null && inVertex) {
                    x = Double.parseDouble(value);
                } else if (code == 20 && current != null && inVertex && !Double.isNaN(x)) {
                    current.add(new double[] {x, Double.parseDouble(value)});
                }
            }
            return out;
        } catch (java.io.IOException | NumberFormatException e) {
            throw new InvalidInputException(file, "not a DXF outline written by Bandsmith (" + e.getMessage() + ")");
        }
    }
}
