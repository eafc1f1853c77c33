package io.bandsmith.engine.space3d;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The six maximal k points of P4_222 and the irreps of their little groups, named by their characters on the
 * elements of the paper's Tables I-IV exactly as conventions.md lists them (28 irreps). The operation g = (R|t) acts
 * on Bloch functions as (ĝψ)(x) = ψ(g⁻¹x); the translations of the elements matter at kz = π/c (Z, R, A).
 */
public final class LittleGroupIrreps {
    /** A maximal point: name, fractional position (k in units of (2π, 2π, 2π/c)), elements and irreps. */
    public record Point(String name, double[] kFractional, List<SpaceGroup93.Operation> elements,
            Map<String, int[]> irreps) {
        /** Cartesian k (1/a) for vertical constant c. */
        public double[] k(double c) {
            return new double[] {2 * Math.PI * kFractional[0], 2 * Math.PI * kFractional[1],
                    2 * Math.PI * kFractional[2] / c};
        }

        public int dimension(String irrep) {
            return irreps.get(irrep)[0];
        }
    }

    private static final List<SpaceGroup93.Operation> OPS = SpaceGroup93.OPERATIONS;

    /** E, {C2z|a3}, {C2y|0}, {C2(x+y)|-a3/2}, {C4z|a3/2}. */
    static final List<SpaceGroup93.Operation> ELEMENTS_422 = List.of(OPS.get(0),
            OPS.get(SpaceGroup93.C2Z).withTranslation("{C2z|a3}", 0, 0, 1), OPS.get(SpaceGroup93.C2Y),
            OPS.get(SpaceGroup93.C2XY).withTranslation("{C2(x+y)|-a3/2}", 0, 0, -0.5), OPS.get(SpaceGroup93.C4Z));
    /** E, C2z, C2y, C2x (no translations). */
    static final List<SpaceGroup93.Operation> ELEMENTS_222 = List.of(OPS.get(0), OPS.get(SpaceGroup93.C2Z),
            OPS.get(SpaceGroup93.C2Y), OPS.get(SpaceGroup93.C2X));

    private static Map<String, int[]> table(Object... nameAndCharacters) {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndCharacters.length; i += 2) {
            m.put((String) nameAndCharacters[i], (int[]) nameAndCharacters[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static final Map<String, int[]> GM = table("A+", new int[] {1, 1, 1, 1, 1}, "A-",
            new int[] {1, 1, 1, -1, -1}, "B1+", new int[] {1, 1, -1, -1, 1}, "B1-", new int[] {1, 1, -1, 1, -1}, "E",
            new int[] {2, -2, 0, 0, 0});
    private static final Map<String, int[]> ZA = table("E", new int[] {2, -2, 0, 0, 0}, "B2+",
            new int[] {1, 1, 1, 1, 1}, "B2-", new int[] {1, 1, 1, -1, -1}, "B3+", new int[] {1, 1, -1, -1, 1}, "B3-",
            new int[] {1, 1, -1, 1, -1});
    private static final Map<String, int[]> XR = table("A", new int[] {1, 1, 1, 1}, "B1", new int[] {1, 1, -1, -1},
            "B2", new int[] {1, -1, 1, -1}, "B3", new int[] {1, -1, -1, 1});

    /** Γ, X, M, Z, R, A in the order of the JSON. */
    public static final List<Point> POINTS = List.of(
            new Point("G", new double[] {0, 0, 0}, ELEMENTS_422, GM),
            new Point("X", new double[] {0.5, 0, 0}, ELEMENTS_222, XR),
            new Point("M", new double[] {0.5, 0.5, 0}, ELEMENTS_422, GM),
            new Point("Z", new double[] {0, 0, 0.5}, ELEMENTS_422, ZA),
            new Point("R", new double[] {0.5, 0, 0.5}, ELEMENTS_222, XR),
            new Point("A", new double[] {0.5, 0.5, 0.5}, ELEMENTS_422, ZA));

    private LittleGroupIrreps() {
    }

    public static Point point(String name) {
        return POINTS.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("p4222-3d has no maximal point " + name));
    }

    /** The maximal point at this Cartesian k (within 1e-9), or null. */
    public static Point at(double[] k, double c) {
        for (Point p : POINTS) {
            double[] q = p.k(c);
            if (Math.abs(q[0] - k[0]) < 1e-9 && Math.abs(q[1] - k[1]) < 1e-9 && Math.abs(q[2] - k[2]) < 1e-9) {
                return p;
            }
        }
        return null;
    }

    /** The irrep whose characters are within {@code tolerance} of these (real parts), or null. */
    public static String match(Point p, double[] characters, double tolerance) {
        for (Map.Entry<String, int[]> e : p.irreps().entrySet()) {
            int[] chi = e.getValue();
            boolean ok = chi.length == characters.length;
            for (int i = 0; ok && i < chi.length; i++) {
                ok = Math.abs(chi[i] - characters[i]) <= tolerance;
            }
            if (ok) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * A decomposition of the characters of a reducible level (dimension = characters[0]) into the point's irreps:
     * the names, 2D irreps once, in the table's order; null when no non-negative integer combination matches.
     */
    public static List<String> decompose(Point p, double[] characters, double tolerance) {
        List<String> names = new ArrayList<>(p.irreps().keySet());
        int dim = (int) Math.round(characters[0]);
        List<String> out = new ArrayList<>();
        return search(p, names, 0, characters.clone(), dim, tolerance, out) ? out : null;
    }

    private static boolean search(Point p, List<String> names, int from, double[] rest, int dim, double tol,
            List<String> out) {
        if (dim == 0) {
            for (double r : rest) {
                if (Math.abs(r) > tol) {
                    return false;
                }
            }
            return true;
        }
        for (int n = from; n < names.size(); n++) {
            int[] chi = p.irreps().get(names.get(n));
            if (chi[0] > dim) {
                continue;
            }
            for (int i = 0; i < rest.length; i++) {
                rest[i] -= chi[i];
            }
            out.add(names.get(n));
            if (search(p, names, n, rest, dim - chi[0], tol, out)) {
                return true;
            }
            out.remove(out.size() - 1);
            for (int i = 0; i < rest.length; i++) {
                rest[i] += chi[i];
            }
        }
        return false;
    }
}
