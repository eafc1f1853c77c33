package io.bandsmith.engine.dirac;

import java.util.ArrayList;
import java.util.List;

/**
 * Labels of the central states at the maximal k points of p4-dirac (docs/conventions.md): at Γ and M the C4
 * eigenvalue e^{−imπ/2} gives s, p+, d, p− for m = 0, 1, 2, −1; at X the C2 = Ĉ² eigenvalue gives + or −. A group
 * of levels degenerate to {@link #DEGENERATE} m is labelled by the multiplicities of the eigenvalues in it (traces
 * of the powers of the rotation restricted to the group, which needs no eigenvectors of the rotation), in the order
 * s, p+, d, p− (Γ, M) or +, − (X).
 */
public final class DiracSymmetry {
    public static final double DEGENERATE = 1e-6;
    private static final String[] C4_LABELS = {"s", "p+", "d", "p-"};

    private DiracSymmetry() {
    }

    /** The maximal point's k: G (0, 0), X (π, 0), M (π, π). */
    public static double[] point(String name) {
        return switch (name) {
            case "G" -> new double[] {0, 0};
            case "X" -> new double[] {Math.PI, 0};
            case "M" -> new double[] {Math.PI, Math.PI};
            default -> throw new IllegalArgumentException("p4-dirac has no maximal point " + name);
        };
    }

    /** Labels of states (dim x cols, energies ascending) at the point. */
    public static List<String> labels(DiracHamiltonian h, String pointName, double[] energies, double[] states) {
        double[] k = point(pointName);
        int dim = h.dimension();
        int cols = energies.length;
        double[] c = new double[states.length];
        h.rotate(k[0], k[1], states, c, cols);
        if (pointName.equals("X")) {
            double[] c2 = new double[states.length];
            h.rotate(-k[1], k[0], c, c2, cols);
            c = c2;
        }
        double[] block = ComplexBlocks.adjointTimes(states, dim, cols, c, cols);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < cols) {
            int j = i;
            while (j + 1 < cols && energies[j + 1] - energies[i] < DEGENERATE) {
                j++;
            }
            int g = j - i + 1;
            double[] sub = new double[2 * g * g];
            for (int a = 0; a < g; a++) {
                for (int b = 0; b < g; b++) {
                    sub[2 * (b * g + a)] = block[2 * ((i + b) * cols + i + a)];
                    sub[2 * (b * g + a) + 1] = block[2 * ((i + b) * cols + i + a) + 1];
                }
            }
            out.addAll(pointName.equals("X") ? c2Labels(sub, g) : c4Labels(sub, g));
            i = j + 1;
        }
        return out;
    }

    private static List<String> c2Labels(double[] b, int g) {
        double tr = trace(b, g)[0];
        int plus = (int) Math.round((g + tr) / 2);
        plus = Math.max(0, Math.min(g, plus));
        List<String> out = new ArrayList<>();
        for (int a = 0; a < g; a++) {
            out.add(a < plus ? "+" : "-");
        }
        return out;
    }

    private static List<String> c4Labels(double[] b, int g) {
        // n_m = (1/4) Σ_j e^{i j m π/2} tr(B^j)
        double[][] tr = new double[4][];
        double[] p = identity(g);
        for (int j = 0; j < 4; j++) {
            tr[j] = trace(p, g);
            p = ComplexBlocks.times(p, g, g, b, g);
        }
        List<String> out = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            double re = 0;
            for (int j = 0; j < 4; j++) {
                double ang = j * m * Math.PI / 2;
                re += Math.cos(ang) * tr[j][0] - Math.sin(ang) * tr[j][1];
            }
            int count = (int) Math.round(re / 4);
            for (int c = 0; c < count; c++) {
                out.add(C4_LABELS[m]);
            }
        }
        while (out.size() < g) {
            out.add("?");
        }
        return out.subList(0, g);
    }

    private static double[] identity(int g) {
        double[] m = new double[2 * g * g];
        for (int a = 0; a < g; a++) {
            m[2 * (a * g + a)] = 1;
        }
        return m;
    }

    private static double[] trace(double[] m, int g) {
        double re = 0;
        double im = 0;
        for (int a = 0; a < g; a++) {
            re += m[2 * (a * g + a)];
            im += m[2 * (a * g + a) + 1];
        }
        return new double[] {re, im};
    }
}
