package io.bandsmith.models.xas.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.AbsorptionEdge;
import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.ReducedFormula;
import io.bandsmith.models.xas.SpectrumType;
import io.bandsmith.models.xas.XasSpectrum;

/**
 * Reads an XAS Data Interchange file (XDI 1.x, the exchange format of the XAS community: XraySpectroscopy /
 * XAS-Data-Interchange {@code specification/spec.md} and {@code dictionary.md}).
 *
 * <p>What is read: the version line ({@code # XDI/1.N ...}); header fields {@code # Namespace.tag: value}
 * (case-insensitive, the last occurrence wins) up to the field-end line {@code # ///}; user comments from there to
 * the header-end line {@code # ---} (kept, not interpreted); the optional column-label line after it; the data rows.
 * Columns are named by the {@code Column.N} fields (first word = label, second = unit; an Epics suffix
 * {@code || PV} is dropped), else by the label line. The abscissa is the column labelled {@code energy} (eV or keV)
 * or {@code angle} (degrees or radians, converted with {@code Mono.d_spacing} by Bragg's law).
 *
 * <p>mu(E): a column {@code mutrans}, {@code mufluor}, {@code normtrans} or {@code normfluor} if present (in that
 * order), else computed from the raw detector columns as {@code ln(i0/itrans)} (transmission) or {@code ifluor/i0}
 * (fluorescence). The reference channel ({@code murefer}, {@code irefer}) is never used for the sample.
 */
public final class XdiReader {
    /** hc in eV * Angstrom (CODATA 2018), for angle to energy. */
    static final double HC_EV_ANGSTROM = 12398.419843320026;

    private static final Pattern VERSION = Pattern.compile("^#\\s*XDI/(\\d+)\\.(\\d+)(?:\\.\\d+)?(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("^#\\s*([A-Za-z][A-Za-z0-9_]*)\\.([A-Za-z0-9_-]+)\\s*:(.*)$");
    private static final Pattern FIELD_END = Pattern.compile("^#\\s*/{3,}\\s*$");
    private static final Pattern HEADER_END = Pattern.compile("^#\\s*-{3,}.*$");

    private XdiReader() {
    }

    /** True when the text starts with an XDI version line. */
    static boolean looksLikeXdi(String text) {
        String first = text.stripLeading();
        int nl = first.indexOf('\n');
        String line = (nl < 0 ? first : first.substring(0, nl)).trim();
        return VERSION.matcher(line).matches();
    }

    /** One named column: label in lower case, unit as written (may be empty). */
    record Column(String label, String unit) {
    }

    static XasDocument read(Path file, String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int ln = 0;
        while (ln < lines.length && lines[ln].isBlank()) {
            ln++;
        }
        Matcher v = ln < lines.length ? VERSION.matcher(lines[ln].trim()) : null;
        if (v == null || !v.matches()) {
            throw new InvalidInputException(file, "XDI: first line is not a version line '# XDI/1.0'");
        }
        List<String> warnings = new ArrayList<>();
        if (!v.group(1).equals("1")) {
            throw new InvalidInputException(file, "XDI: version " + v.group(1) + "." + v.group(2)
                    + " not supported (this reader follows XDI 1.x)");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> comments = new ArrayList<>();
        String labelLine = null;
        boolean inComments = false;
        boolean headerEnded = false;
        ln++;
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (; ln < lines.length; ln++) {
            String raw = lines[ln];
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (!rows.isEmpty()) {
                    throw new InvalidInputException(file, "XDI line " + (ln + 1) + ": comment line inside the data "
                            + "section");
                }
                if (headerEnded) {
                    // lines after the header-end: the last one before the data is the column-label line
                    labelLine = line.substring(1).trim();
                    continue;
                }
                if (HEADER_END.matcher(line).matches()) {
                    headerEnded = true;
                    continue;
                }
                if (FIELD_END.matcher(line).matches()) {
                    inComments = true;
                    continue;
                }
                Matcher f = FIELD.matcher(line);
                if (!inComments && f.matches()) {
                    fields.put((f.group(1) + "." + f.group(2)).toLowerCase(Locale.ROOT), f.group(3).trim());
                } else {
                    comments.add(line.substring(1).trim());
                }
                continue;
            }
            String[] cols = line.split("\\s+");
            double[] row = new double[cols.length];
            for (int i = 0; i < cols.length; i++) {
                try {
                    row[i] = Double.parseDouble(cols[i]);
                } catch (NumberFormatException e) {
                    boolean cut = ln == lines.length - 1 && !text.endsWith("\n");
                    throw new InvalidInputException(file, "XDI line " + (ln + 1) + ": '" + cols[i]
                            + "' is not a number" + (cut ? " (last line, no line end: truncated file?)" : ""));
                }
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new InvalidInputException(file, "XDI line " + (ln + 1) + ": " + row.length + " column(s) where "
                        + "the first data row (line " + rowLines.get(0) + ") has " + rows.get(0).length
                        + " (columns of unequal length; truncated file?)");
            }
            rows.add(row);
            rowLines.add(ln + 1);
        }
        if (!headerEnded) {
            warnings.add("no header-end line '# ---' (required by XDI 1.0)");
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(file, "XDI: no data rows");
        }
        int ncol = rows.get(0).length;
        Map<Integer, Column> columns = columns(file, fields, labelLine, ncol, warnings);

        String symbol = fields.get("element.symbol");
        if (symbol == null || symbol.isBlank()) {
            throw new InvalidInputException(file, "XDI: no 'Element.symbol' header (the absorbing element is "
                    + "required)");
        }
        symbol = symbol.split("\\s+")[0];
        if (symbol.length() <= 2 && !symbol.isEmpty()) {
            symbol = symbol.substring(0, 1).toUpperCase(Locale.ROOT) + symbol.substring(1).toLowerCase(Locale.ROOT);
        }
        if (!ChemicalElement.isSymbol(symbol)) {
            throw new InvalidInputException(file, "XDI: Element.symbol '" + symbol + "' is not an element");
        }
        String edgeText = fields.get("element.edge");
        if (edgeText == null || edgeText.isBlank()) {
            throw new InvalidInputException(file, "XDI: no 'Element.edge' header (the absorption edge is required)");
        }
        AbsorptionEdge edge = edge(file, edgeText.split("\\s+")[0]);

        int energyCol = -1;
        String abscissa = null;
        for (Map.Entry<Integer, Column> c : columns.entrySet()) {
            if (c.getValue().label().equals("energy")) {
                energyCol = c.getKey();
                abscissa = "energy";
                break;
            }
        }
        if (energyCol < 0) {
            for (Map.Entry<Integer, Column> c : columns.entrySet()) {
                if (c.getValue().label().equals("angle")) {
                    energyCol = c.getKey();
                    abscissa = "angle";
                    break;
                }
            }
        }
        if (energyCol < 0) {
            throw new InvalidInputException(file, "XDI: no energy column (no column labelled 'energy' or 'angle'; "
                    + "columns are " + labels(columns) + ")");
        }
        if (energyCol != 1) {
            warnings.add("abscissa '" + abscissa + "' is column " + energyCol + ", not column 1 as XDI requires");
        }
        double[] x = column(rows, energyCol);
        x = toElectronVolts(file, x, abscissa, columns.get(energyCol).unit(), fields, warnings);

        MuSource mu = mu(file, rows, columns);
        warnings.add("mu(E) from " + mu.description());
        if (x.length < 2) {
            throw new InvalidInputException(file, "XDI: fewer than 2 data rows");
        }
        double[] y = mu.values();
        if (x[x.length - 1] < x[0]) {
            reverse(x);
            reverse(y);
            warnings.add("energies were decreasing (scan downwards): order reversed");
        }
        int kept = 1;
        int merged = 0;
        double[] xs = x.clone();
        double[] ys = y.clone();
        int run = 1;
        for (int i = 1; i < x.length; i++) {
            if (x[i] == xs[kept - 1]) {
                // a repeated energy point: average the readings
                ys[kept - 1] = (ys[kept - 1] * run + y[i]) / (run + 1);
                run++;
                merged++;
            } else {
                xs[kept] = x[i];
                ys[kept] = y[i];
                kept++;
                run = 1;
            }
        }
        if (merged > 0) {
            x = java.util.Arrays.copyOf(xs, kept);
            y = java.util.Arrays.copyOf(ys, kept);
            warnings.add(merged + " repeated energy point(s) averaged");
        }
        double range = x[x.length - 1] - x[0];
        SpectrumType type = range <= FeffRunReader.XANES_MAX_RANGE_EV ? SpectrumType.XANES : SpectrumType.XAFS;
        warnings.add("spectrum type " + type + " inferred from the " + String.format(Locale.ROOT, "%.1f", range)
                + " eV range (XDI has no type field)");

        Optional<String> formulaText = Optional.ofNullable(fields.get("sample.formula"))
                .map(String::trim).filter(s -> !s.isEmpty());
        Optional<ReducedFormula> formula = Optional.empty();
        if (formulaText.isPresent()) {
            try {
                formula = Optional.of(ChemicalFormulas.parse(formulaText.get()));
            } catch (IllegalArgumentException e) {
                warnings.add("Sample.formula '" + formulaText.get() + "' has no exact reduced formula ("
                        + e.getMessage() + ")");
            }
        }
        XasSpectrum s;
        try {
            s = new XasSpectrum(ChemicalElement.ofSymbol(symbol), edge, type, x, y, OptionalInt.empty());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file, "XDI: " + e.getMessage());
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("xdi_version", v.group(1) + "." + v.group(2));
        extra.put("columns", labels(columns));
        extra.put("mu_from", mu.description());
        Optional.ofNullable(fields.get("sample.name")).ifPresent(n -> extra.put("sample_name", n));
        extra.put("comment_lines", comments.size());
        List<String> w = new ArrayList<>(warnings);
        w.addAll(XasClassifierRequirements.warnings(s));
        return new XasDocument(file, XasFileFormat.XDI, s, Optional.empty(), formula, Optional.empty(), w,
                formulaText, List.of(), extra);
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static AbsorptionEdge edge(Path file, String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.matches("M[1-5]?")) {
            return AbsorptionEdge.M;
        }
        try {
            return AbsorptionEdge.parse(t);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file, "XDI: Element.edge '" + text + "' is not an edge this program "
                    + "knows (K, L1, L2, L3, M1-M5)");
        }
    }

    private static Map<Integer, Column> columns(Path file, Map<String, String> fields, String labelLine, int ncol,
            List<String> warnings) {
        Map<Integer, Column> columns = new TreeMap<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (!f.getKey().startsWith("column.")) {
                continue;
            }
            String n = f.getKey().substring("column.".length());
            int index;
            try {
                index = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                warnings.add("ignored header field Column." + n + " (not a column number)");
                continue;
            }
            String value = f.getValue();
            int pv = value.indexOf("||");
            if (pv >= 0) {
                value = value.substring(0, pv);
            }
            String[] words = value.trim().split("\\s+");
            if (words[0].isEmpty()) {
                warnings.add("ignored empty header field Column." + index);
                continue;
            }
            if (index < 1 || index > ncol) {
                throw new InvalidInputException(file, "XDI: header Column." + index + " (" + words[0] + ") but the "
                        + "data rows have " + ncol + " column(s)");
            }
            columns.put(index, new Column(words[0].toLowerCase(Locale.ROOT), words.length > 1 ? words[1] : ""));
        }
        if (columns.isEmpty() && labelLine != null) {
            String[] words = labelLine.split("\\s+");
            if (words.length != ncol) {
                throw new InvalidInputException(file, "XDI: no Column.N headers, and the column-label line has "
                        + words.length + " label(s) for " + ncol + " data column(s)");
            }
            for (int i = 0; i < words.length; i++) {
                columns.put(i + 1, new Column(words[i].toLowerCase(Locale.ROOT), ""));
            }
            warnings.add("columns named from the label line (no Column.N headers)");
        }
        if (columns.isEmpty()) {
            throw new InvalidInputException(file, "XDI: no column names (no Column.N headers and no label line)");
        }
        return columns;
    }

    private static String labels(Map<Integer, Column> columns) {
        List<String> l = new ArrayList<>();
        columns.values().forEach(c -> l.add(c.label()));
        return String.join(", ", l);
    }

    private static double[] column(List<double[]> rows, int oneBased) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i)[oneBased - 1];
        }
        return v;
    }

    private static double[] toElectronVolts(Path file, double[] x, String abscissa, String unit,
            Map<String, String> fields, List<String> warnings) {
        String u = unit.toLowerCase(Locale.ROOT);
        double[] e = x.clone();
        if (abscissa.equals("energy")) {
            if (u.equals("ev")) {
                return e;
            }
            if (u.equals("kev")) {
                for (int i = 0; i < e.length; i++) {
                    e[i] *= 1000;
                }
                return e;
            }
            if (u.isEmpty()) {
                double max = 0;
                for (double value : x) {
                    max = Math.max(max, Math.abs(value));
                }
                boolean kev = max < 200;
                warnings.add("energy column has no unit; assumed " + (kev ? "keV (all values below 200)" : "eV"));
                if (kev) {
                    for (int i = 0; i < e.length; i++) {
                        e[i] *= 1000;
                    }
                }
                return e;
            }
            throw new InvalidInputException(file, "XDI: energy unit '" + unit + "' not understood (eV or keV)");
        }
        String ds = fields.get("mono.d_spacing");
        if (ds == null) {
            throw new InvalidInputException(file, "XDI: the abscissa is a monochromator angle but there is no "
                    + "Mono.d_spacing header to convert it to energy");
        }
        double d;
        try {
            d = Double.parseDouble(ds.trim().split("\\s+")[0]);
        } catch (NumberFormatException ex) {
            throw new InvalidInputException(file, "XDI: Mono.d_spacing '" + ds + "' is not a number");
        }
        if (!(d > 0)) {
            throw new InvalidInputException(file, "XDI: Mono.d_spacing is " + d + ", not positive");
        }
        boolean degrees = u.isEmpty() || u.startsWith("deg");
        if (!degrees && !u.startsWith("rad")) {
            throw new InvalidInputException(file, "XDI: angle unit '" + unit + "' not supported (degrees or "
                    + "radians; motor steps need beamline calibration)");
        }
        for (int i = 0; i < e.length; i++) {
            double theta = degrees ? Math.toRadians(x[i]) : x[i];
            e[i] = HC_EV_ANGSTROM / (2 * d * Math.sin(theta));
        }
        warnings.add("energy computed from the monochromator angle with d = " + d + " A (Bragg's law)");
        return e;
    }

    record MuSource(double[] values, String description) {
    }

    private static MuSource mu(Path file, List<double[]> rows, Map<Integer, Column> columns) {
        Map<String, Integer> byLabel = new LinkedHashMap<>();
        columns.forEach((i, c) -> byLabel.putIfAbsent(c.label(), i));
        for (String direct : new String[] {"mutrans", "mufluor", "normtrans", "normfluor"}) {
            Integer c = byLabel.get(direct);
            if (c != null) {
                return new MuSource(column(rows, c), "column " + direct);
            }
        }
        for (String loose : new String[] {"mu", "xmu"}) {
            Integer c = byLabel.get(loose);
            if (c != null) {
                return new MuSource(column(rows, c), "column " + loose + " (not an XDI dictionary label; taken as "
                        + "mu)");
            }
        }
        Integer i0 = byLabel.get("i0");
        Integer it = byLabel.containsKey("itrans") ? byLabel.get("itrans") : byLabel.get("i1");
        Integer iflu = byLabel.containsKey("ifluor") ? byLabel.get("ifluor") : byLabel.get("if");
        if (i0 != null && it != null) {
            double[] a = column(rows, i0);
            double[] b = column(rows, it);
            double[] mu = new double[a.length];
            for (int k = 0; k < mu.length; k++) {
                if (!(a[k] > 0) || !(b[k] > 0)) {
                    throw new InvalidInputException(file, "XDI: data row " + (k + 1) + ": i0 = " + a[k]
                            + ", itrans = " + b[k] + "; ln(i0/itrans) needs both positive");
                }
                mu[k] = Math.log(a[k] / b[k]);
            }
            return new MuSource(mu, "ln(i0/itrans) (transmission)");
        }
        if (i0 != null && iflu != null) {
            double[] a = column(rows, i0);
            double[] b = column(rows, iflu);
            double[] mu = new double[a.length];
            for (int k = 0; k < mu.length; k++) {
                if (a[k] == 0) {
                    throw new InvalidInputException(file, "XDI: data row " + (k + 1) + ": i0 = 0; ifluor/i0 "
                            + "undefined");
                }
                mu[k] = b[k] / a[k];
            }
            return new MuSource(mu, "ifluor/i0 (fluorescence)");
        }
        throw new InvalidInputException(file, "XDI: no absorption column: need mutrans, mufluor, normtrans or "
                + "normfluor, or i0 with itrans or ifluor (columns are " + labels(columns) + ")");
    }
}
