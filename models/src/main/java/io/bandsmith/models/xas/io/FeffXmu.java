package io.bandsmith.models.xas.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.AbsorptionEdge;

/**
 * The numbers of a FEFF {@code xmu.dat}: absorber Z and shell from the {@code # Abs Z=.. K shell} header line and the
 * columns omega (absolute energy, eV), e, k, mu, mu0, chi. Every data row must have as many columns as the first one
 * (a shorter row is a truncated file).
 */
record FeffXmu(int absorberZ, AbsorptionEdge edge, double[] omegaEv, double[] k, double[] mu, int columns) {
    private static final Pattern Z = Pattern.compile("Z=\\s*(\\d{1,3})");
    private static final Pattern SHELL = Pattern.compile("\\b(K|L1|L2|L3|M\\d?)\\s+shell");

    static FeffXmu parse(Path file, String text) {
        Integer z = null;
        AbsorptionEdge edge = null;
        List<double[]> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        int firstRowLine = -1;
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln].trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (!rows.isEmpty()) {
                    throw new InvalidInputException(file, "line " + (ln + 1) + ": header line inside the data rows");
                }
                String h = line.replaceAll("^#+\\s*#*\\s*", "");
                if (h.startsWith("Abs")) {
                    Matcher m = Z.matcher(h);
                    if (m.find()) {
                        z = Integer.parseInt(m.group(1));
                    }
                    Matcher s = SHELL.matcher(h);
                    if (s.find()) {
                        String shell = s.group(1);
                        edge = shell.startsWith("M") ? AbsorptionEdge.M : AbsorptionEdge.parse(shell);
                    }
                }
                continue;
            }
            String[] cols = line.split("\\s+");
            if (cols.length < 4) {
                throw new InvalidInputException(file, "line " + (ln + 1) + ": expected the FEFF xmu.dat columns "
                        + "omega e k mu mu0 chi, got " + cols.length + " column(s)"
                        + (rows.isEmpty() ? "" : " (truncated file?)"));
            }
            if (!rows.isEmpty() && cols.length != rows.get(0).length) {
                throw new InvalidInputException(file, "line " + (ln + 1) + ": " + cols.length + " column(s) where "
                        + "the first data row (line " + firstRowLine + ") has " + rows.get(0).length
                        + " (truncated file?)");
            }
            double[] row = new double[cols.length];
            for (int i = 0; i < cols.length; i++) {
                try {
                    row[i] = Double.parseDouble(cols[i]);
                } catch (NumberFormatException e) {
                    boolean cut = ln == lines.length - 1 && !text.endsWith("\n");
                    throw new InvalidInputException(file, "line " + (ln + 1) + ": not a number: " + line
                            + (cut ? " (last line, no line end: truncated file?)" : ""));
                }
            }
            if (rows.isEmpty()) {
                firstRowLine = ln + 1;
            }
            rows.add(row);
        }
        if (z == null) {
            throw new InvalidInputException(file, "FEFF header has no absorber line ('Abs Z= ...')");
        }
        if (edge == null) {
            throw new InvalidInputException(file, "FEFF header does not name the shell (e.g. 'K shell')");
        }
        if (rows.size() < 2) {
            throw new InvalidInputException(file, "fewer than 2 data rows" + (rows.isEmpty() ? " (truncated file?)"
                    : ""));
        }
        double[] omega = new double[rows.size()];
        double[] k = new double[rows.size()];
        double[] mu = new double[rows.size()];
        for (int i = 0; i < omega.length; i++) {
            omega[i] = rows.get(i)[0];
            k[i] = rows.get(i)[2];
            mu[i] = rows.get(i)[3];
        }
        return new FeffXmu(z, edge, omega, k, mu, rows.get(0).length);
    }
}
