package io.bandsmith.models.xas.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.ChemicalElement;

/**
 * A periodic structure as FEFF inputs carry it: lattice vectors (rows, Angstrom) and sites with element symbol and
 * fractional coordinates. Read from a VASP 5 {@code POSCAR} (species line required) or from the title lines
 * pymatgen writes into {@code feff.inp} ({@code TITLE abc:}, {@code TITLE angles:}, {@code * i El x y z}).
 */
record CrystalStructure(double[][] lattice, List<String> species, List<double[]> fractional) {
    CrystalStructure {
        if (species.size() != fractional.size() || species.isEmpty()) {
            throw new IllegalArgumentException("structure needs sites with one element each");
        }
        species = List.copyOf(species);
        fractional = List.copyOf(fractional);
        double[][] inv = inverse(lattice);
        for (int ax = 0; ax < 3; ax++) {
            double spacing = 1 / Math.sqrt(inv[0][ax] * inv[0][ax] + inv[1][ax] * inv[1][ax] + inv[2][ax] * inv[2][ax]);
            if (!(spacing >= MIN_PLANE_SPACING_ANGSTROM)) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "implausible lattice: "
                        + "lattice planes %.3g Angstrom apart along axis %d", spacing, ax + 1));
            }
        }
        for (double[] f : fractional) {
            for (double v : f) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("site coordinate " + v + " is not finite");
                }
            }
        }
    }

    /** Smallest accepted distance between lattice planes (no crystal has planes closer than about 1 Angstrom). */
    static final double MIN_PLANE_SPACING_ANGSTROM = 0.5;

    int size() {
        return species.size();
    }

    long count(String element) {
        return species.stream().filter(element::equals).count();
    }

    static CrystalStructure readPoscar(Path file, String text) {
        String[] lines = text.split("\r?\n");
        try {
            double scale = Double.parseDouble(lines[1].trim().split("\\s+")[0]);
            double[][] lat = new double[3][3];
            for (int i = 0; i < 3; i++) {
                String[] w = lines[2 + i].trim().split("\\s+");
                for (int j = 0; j < 3; j++) {
                    lat[i][j] = Double.parseDouble(w[j]);
                }
            }
            if (scale < 0) {
                double f = Math.cbrt(-scale / Math.abs(det(lat)));
                scaleBy(lat, f);
            } else {
                scaleBy(lat, scale);
            }
            String[] names = lines[5].trim().split("\\s+");
            if (!ChemicalElement.isSymbol(names[0])) {
                throw new InvalidInputException(file, "POSCAR line 6: expected element symbols (VASP 5 format), got '"
                        + lines[5].trim() + "'");
            }
            String[] counts = lines[6].trim().split("\\s+");
            if (counts.length != names.length) {
                throw new InvalidInputException(file, "POSCAR: " + names.length + " species but " + counts.length
                        + " counts");
            }
            int ln = 7;
            if (lines[ln].trim().toLowerCase(Locale.ROOT).startsWith("s")) {
                ln++;
            }
            String mode = lines[ln].trim().toLowerCase(Locale.ROOT);
            boolean cartesian = mode.startsWith("c") || mode.startsWith("k");
            ln++;
            List<String> sp = new ArrayList<>();
            List<double[]> fr = new ArrayList<>();
            double[][] inv = inverse(lat);
            for (int s = 0; s < names.length; s++) {
                int n = Integer.parseInt(counts[s]);
                for (int a = 0; a < n; a++, ln++) {
                    if (ln >= lines.length) {
                        throw new InvalidInputException(file, "POSCAR ends after " + fr.size() + " of the sites its "
                                + "counts announce (truncated file?)");
                    }
                    String[] w = lines[ln].trim().split("\\s+");
                    double[] v = {Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2])};
                    if (cartesian) {
                        double[] c = {v[0] * Math.abs(scale), v[1] * Math.abs(scale), v[2] * Math.abs(scale)};
                        v = mul(c, inv);
                    }
                    sp.add(ChemicalElement.ofSymbol(names[s]).symbol());
                    fr.add(v);
                }
            }
            return new CrystalStructure(lat, sp, fr);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new InvalidInputException(file, "not a readable POSCAR (ends early or a line has too few fields)");
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file, "not a readable POSCAR (not a number: " + e.getMessage()
                    .replace("For input string: ", "") + ")");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file, "POSCAR: " + e.getMessage());
        }
    }

    /** Lattice from a, b, c (Angstrom) and alpha, beta, gamma (degrees), a along x, b in the xy plane. */
    static double[][] latticeOf(double a, double b, double c, double alphaDeg, double betaDeg, double gammaDeg) {
        double al = Math.toRadians(alphaDeg);
        double be = Math.toRadians(betaDeg);
        double ga = Math.toRadians(gammaDeg);
        double cx = c * Math.cos(be);
        double cy = c * (Math.cos(al) - Math.cos(be) * Math.cos(ga)) / Math.sin(ga);
        double cz = Math.sqrt(Math.max(0, c * c - cx * cx - cy * cy));
        return new double[][] {{a, 0, 0}, {b * Math.cos(ga), b * Math.sin(ga), 0}, {cx, cy, cz}};
    }

    double[] cartesian(double[] f) {
        return mul(f, lattice);
    }

    /** Row vector times matrix. */
    static double[] mul(double[] v, double[][] m) {
        double[] r = new double[3];
        for (int j = 0; j < 3; j++) {
            r[j] = v[0] * m[0][j] + v[1] * m[1][j] + v[2] * m[2][j];
        }
        return r;
    }

    private static void scaleBy(double[][] m, double f) {
        for (double[] row : m) {
            for (int j = 0; j < 3; j++) {
                row[j] *= f;
            }
        }
    }

    static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    static double[][] inverse(double[][] m) {
        double d = det(m);
        if (!(Double.isFinite(d) && d != 0)) {
            throw new IllegalArgumentException("lattice vectors are linearly dependent or not finite");
        }
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (j + 1) % 3;
                int i2 = (j + 2) % 3;
                int j1 = (i + 1) % 3;
                int j2 = (i + 2) % 3;
                r[i][j] = (m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1]) / d;
            }
        }
        return r;
    }
}
