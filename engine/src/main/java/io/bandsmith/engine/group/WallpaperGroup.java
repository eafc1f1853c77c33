package io.bandsmith.engine.group;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ejml.data.Complex_F64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A wallpaper group as a value, made from a data entry ({@code io/bandsmith/engine/group/NAME.json}): the lattice, the
 * operations (closed from the generators by one routine for every group), time reversal, the maximal k points with
 * their little co-groups and character tables, the Wyckoff positions with site-symmetry irreps, the irreducible wedge
 * (its corners, fractional reciprocal coordinates) and the default path. Everything is checked when loaded: the
 * tables (see {@link CharacterTable}), the table elements against the computed little co-groups and site groups, the
 * Wyckoff multiplicities against the computed orbits. See docs/decisions/0008-group-layer.md.
 */
public final class WallpaperGroup {
    /** The groups with a data entry, in the order they were added. */
    public static final List<String> NAMES = List.of("p6", "p4", "p2", "p3", "p4mm", "p6mm");

    private static final int MAX_ORDER = 48;
    private static final Map<String, WallpaperGroup> CACHE = new ConcurrentHashMap<>();

    private final String name;
    private final double[][] realBasis;
    private final List<SymOp> operations;
    private final boolean timeReversal;
    private final List<MaximalKPoint> maximalPoints;
    private final List<WyckoffPosition> wyckoffPositions;
    private final List<double[]> wedgeCorners;
    private final List<String> defaultPath;

    private WallpaperGroup(String name, double[][] realBasis, List<SymOp> operations, boolean timeReversal,
            List<MaximalKPoint> maximalPoints, List<WyckoffPosition> wyckoffPositions, List<double[]> wedgeCorners,
            List<String> defaultPath) {
        this.name = name;
        this.realBasis = realBasis;
        this.operations = List.copyOf(operations);
        this.timeReversal = timeReversal;
        this.maximalPoints = List.copyOf(maximalPoints);
        this.wyckoffPositions = List.copyOf(wyckoffPositions);
        this.wedgeCorners = List.copyOf(wedgeCorners);
        this.defaultPath = List.copyOf(defaultPath);
    }

    /** The group with a data entry of that name ("p6", "p4", ...). */
    public static WallpaperGroup named(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown wallpaper group '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        }
        return CACHE.computeIfAbsent(name, WallpaperGroup::load);
    }

    private static WallpaperGroup load(String name) {
        String resource = name + ".json";
        try (InputStream in = WallpaperGroup.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no data entry " + resource);
            }
            return fromJson(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the data entry " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Makes and checks a group from its data entry (class doc for the format: the files beside this class). */
    public static WallpaperGroup fromJson(JsonNode doc) {
        String name = doc.path("name").asText();
        double[][] basis = {numbers(doc.at("/lattice/a1")), numbers(doc.at("/lattice/a2"))};
        List<SymOp> generators = new ArrayList<>();
        for (JsonNode g : doc.path("generators")) {
            JsonNode wNode = g.path("W");
            int[][] w = new int[wNode.size()][];
            for (int i = 0; i < w.length; i++) {
                w[i] = new int[wNode.get(i).size()];
                for (int j = 0; j < w[i].length; j++) {
                    w[i][j] = wNode.get(i).get(j).asInt();
                }
            }
            generators.add(new SymOp(w, numbers(g.path("t")), false));
        }
        List<SymOp> ops = close(generators, 2);
        boolean tr = doc.path("timeReversal").asBoolean(false);
        Map<String, JsonNode> tables = new LinkedHashMap<>();
        doc.path("tables").fields().forEachRemaining(e -> tables.put(e.getKey(), e.getValue()));

        List<MaximalKPoint> points = new ArrayList<>();
        for (JsonNode p : doc.path("kpoints")) {
            double[] kappa = numbers(p.path("kappa"));
            List<SymOp> little = new ArrayList<>();
            SymOp r0 = null;
            double[] minus = {-kappa[0], -kappa[1]};
            for (SymOp g : ops) {
                double[] gk = g.applyToReciprocal(kappa);
                if (SymOp.sameModLattice(gk, kappa)) {
                    little.add(g);
                }
                if (tr && r0 == null && SymOp.sameModLattice(gk, minus)) {
                    r0 = g;
                }
            }
            CharacterTable table = table(name, tables, p.path("table").asText(), little);
            points.add(new MaximalKPoint(p.path("name").asText(), p.path("display").asText(p.path("name").asText()),
                    kappa, little, table, table.coreps(r0)));
        }

        List<WyckoffPosition> wyckoff = new ArrayList<>();
        for (JsonNode w : doc.path("wyckoff")) {
            double[] q = numbers(w.path("position"));
            List<double[]> orbit = new ArrayList<>();
            List<SymOp> reps = new ArrayList<>();
            List<SymOp> site = new ArrayList<>();
            for (SymOp g : ops) {
                double[] gq = g.apply(q);
                double[] r = {SymOp.reduce(gq[0]), SymOp.reduce(gq[1])};
                if (orbit.stream().noneMatch(o -> SymOp.sameModLattice(o, r))) {
                    orbit.add(r);
                    reps.add(g.translatedBy(new double[] {r[0] - gq[0], r[1] - gq[1]}));
                }
                if (SymOp.sameModLattice(gq, q)) {
                    site.add(g.translatedBy(new double[] {q[0] - gq[0], q[1] - gq[1]}));
                }
            }
            CharacterTable table = table(name, tables, w.path("table").asText(), site);
            wyckoff.add(new WyckoffPosition(w.path("label").asText(), q, orbit, reps, site, table,
                    table.coreps(tr ? SymOp.identity(2) : null)));
        }
        List<double[]> wedge = new ArrayList<>();
        for (JsonNode c : doc.path("wedge")) {
            wedge.add(numbers(c));
        }
        List<String> path = new ArrayList<>();
        for (JsonNode s : doc.path("path")) {
            String n = s.asText();
            if (points.stream().noneMatch(p -> p.name().equals(n))) {
                throw new IllegalArgumentException(name + ": path point " + n + " is not a maximal k point");
            }
            path.add(n);
        }
        return new WallpaperGroup(name, basis, ops, tr, points, wyckoff, wedge, path);
    }

    private static CharacterTable table(String group, Map<String, JsonNode> tables, String key, List<SymOp> elements) {
        JsonNode t = tables.get(key);
        if (t == null) {
            throw new IllegalArgumentException(group + ": no table " + key);
        }
        List<String> names = new ArrayList<>();
        t.path("elements").forEach(e -> names.add(e.asText()));
        List<CharacterTable.Irrep> irreps = new ArrayList<>();
        for (JsonNode r : t.path("irreps")) {
            List<Complex_F64> chi = new ArrayList<>();
            r.path("chi").forEach(c -> chi.add(CharacterTable.parseCharacter(c.asText())));
            irreps.add(new CharacterTable.Irrep(r.path("name").asText(), r.path("label").asText(), chi));
        }
        return CharacterTable.of(group + "/" + key, names, irreps, elements);
    }

    /**
     * The group generated by the given operations, modulo lattice translations (translations in [0, 1)): the one
     * generator-to-group routine of the group layer.
     */
    public static List<SymOp> close(List<SymOp> generators, int dimension) {
        List<SymOp> ops = new ArrayList<>();
        ops.add(SymOp.identity(dimension));
        for (int i = 0; i < ops.size(); i++) {
            for (SymOp g : generators) {
                SymOp p = g.compose(ops.get(i)).reduced();
                if (ops.stream().noneMatch(o -> o.equalsModLattice(p))) {
                    ops.add(p);
                    if (ops.size() > MAX_ORDER) {
                        throw new IllegalArgumentException("the generators do not close into a finite group");
                    }
                }
            }
        }
        return ops;
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = array.get(i);
            if (v.isTextual()) {
                String[] pq = v.asText().split("/");
                out[i] = Double.parseDouble(pq[0]) / (pq.length > 1 ? Double.parseDouble(pq[1]) : 1);
            } else {
                out[i] = v.asDouble();
            }
        }
        return out;
    }

    public String name() {
        return name;
    }

    public int dimension() {
        return 2;
    }

    /** Real-space basis vector a_i (Cartesian, units of a). */
    public double[] realBasis(int i) {
        return realBasis[i].clone();
    }

    /** Reciprocal basis vector b_i (a_i · b_j = 2π δ_ij). */
    public double[] reciprocalBasis(int i) {
        double[] a1 = realBasis[0];
        double[] a2 = realBasis[1];
        double det = a1[0] * a2[1] - a1[1] * a2[0];
        double s = 2 * Math.PI / det;
        return i == 0 ? new double[] {s * a2[1], -s * a2[0]} : new double[] {-s * a1[1], s * a1[0]};
    }

    /** The operations modulo lattice translations (the identity first). */
    public List<SymOp> operations() {
        return operations;
    }

    public int pointGroupOrder() {
        return operations.size();
    }

    /** Whether every operation is a pure rotation or mirror (t = 0 modulo the lattice). */
    public boolean isSymmorphic() {
        return operations.stream().allMatch(SymOp::isSymmorphicElement);
    }

    public boolean timeReversal() {
        return timeReversal;
    }

    public List<MaximalKPoint> maximalPoints() {
        return maximalPoints;
    }

    public MaximalKPoint maximalPoint(String pointName) {
        for (MaximalKPoint p : maximalPoints) {
            if (p.name().equals(pointName)) {
                return p;
            }
        }
        throw new IllegalArgumentException(name + " has no maximal k point " + pointName);
    }

    public List<WyckoffPosition> wyckoffPositions() {
        return wyckoffPositions;
    }

    public WyckoffPosition wyckoffPosition(String label) {
        for (WyckoffPosition w : wyckoffPositions) {
            if (w.label().equals(label)) {
                return w;
            }
        }
        throw new IllegalArgumentException(name + " has no Wyckoff position " + label);
    }

    /** Corners of the irreducible wedge in fractional reciprocal coordinates. */
    public List<double[]> wedgeCorners() {
        return wedgeCorners.stream().map(double[]::clone).toList();
    }

    /** The default band-plot path as maximal-point names (closed paths repeat the first). */
    public List<String> defaultPath() {
        return defaultPath;
    }

    /** Cartesian k of fractional reciprocal coordinates κ. */
    public double[] cartesian(double[] kappa) {
        double[] b1 = reciprocalBasis(0);
        double[] b2 = reciprocalBasis(1);
        return new double[] {kappa[0] * b1[0] + kappa[1] * b2[0], kappa[0] * b1[1] + kappa[1] * b2[1]};
    }

    @Override
    public String toString() {
        return name;
    }
}
