package io.bandsmith.engine.cases;

import java.util.ArrayList;
import java.util.List;

import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.group.GroupGrid;
import io.bandsmith.engine.group.GroupRandomPotentials;
import io.bandsmith.engine.group.MaximalKPoint;
import io.bandsmith.engine.group.SymOp;
import io.bandsmith.engine.group.WallpaperGroup;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.HighSymmetryPoint;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;

/**
 * A case study as a value (docs/decisions/0008-group-layer.md): the wallpaper group, how a grid is read (hexagonal
 * or square pixels, conventions.md), the maximal k points, the k sets of the command line and the random-potential
 * distribution. {@code p6} (the main case; its solver and generator are the optimized p6 code) and {@code p4}
 * (square lattice, in progress: solver, labels, random potentials and k sets; not yet the network, topology or
 * workbench).
 */
public final class CaseStudy {
    /** How a grid value fills its pixel. */
    public enum PixelReading {
        HEXAGONAL, SQUARE
    }

    public static final List<String> NAMES = List.of("p6", "p4");
    private static final CaseStudy P6 = new CaseStudy("p6", PixelReading.HEXAGONAL, List.of(79, 821));
    private static final CaseStudy P4 = new CaseStudy("p4", PixelReading.SQUARE, List.of(91, 861));

    private final String name;
    private final WallpaperGroup group;
    private final PixelReading reading;
    private final List<Integer> wedgeCounts;
    private final List<HighSymmetryPoint> points;

    private CaseStudy(String name, PixelReading reading, List<Integer> wedgeCounts) {
        this.name = name;
        this.group = WallpaperGroup.named(name);
        this.reading = reading;
        this.wedgeCounts = wedgeCounts;
        this.points = name.equals("p6") ? HexagonalLattice.INSTANCE.highSymmetryPoints() : fromGroup(group);
    }

    /** The case of that name; unknown names give an IllegalArgumentException listing the known ones. */
    public static CaseStudy named(String name) {
        return switch (name) {
            case "p6" -> P6;
            case "p4" -> P4;
            default -> throw new IllegalArgumentException("unknown case '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }

    public static CaseStudy p6() {
        return P6;
    }

    private static List<HighSymmetryPoint> fromGroup(WallpaperGroup g) {
        List<HighSymmetryPoint> out = new ArrayList<>();
        for (MaximalKPoint p : g.maximalPoints()) {
            double[] k = g.cartesian(p.kappa());
            int order = 1;
            for (SymOp op : p.littleGroup()) {
                if (op.determinant() == 1) {
                    order = Math.max(order, rotationOrder(op));
                }
            }
            out.add(new HighSymmetryPoint(p.name(), p.displayName(), new KVector(k[0], k[1]), order));
        }
        return List.copyOf(out);
    }

    private static int rotationOrder(SymOp op) {
        SymOp p = op;
        for (int n = 1; n <= 6; n++) {
            if (p.sameRotation(SymOp.identity(2))) {
                return n;
            }
            p = p.compose(op);
        }
        throw new IllegalStateException("rotation of order > 6: " + op);
    }

    public String name() {
        return name;
    }

    public WallpaperGroup group() {
        return group;
    }

    public PixelReading reading() {
        return reading;
    }

    public boolean isP6() {
        return this == P6;
    }

    /** The maximal k points in the order the JSON reports them (p6: G, K, M; p4: G, X, M). */
    public List<HighSymmetryPoint> highSymmetryPoints() {
        return points;
    }

    public HighSymmetryPoint highSymmetryPoint(String pointName) {
        return points.stream().filter(p -> p.name().equals(pointName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no k point " + pointName));
    }

    /** The wedge grids the command line accepts (p6: 79, 821; p4: 91, 861). */
    public List<Integer> wedgeCounts() {
        return wedgeCounts;
    }

    /** The wedge grid with this many points (conventions.md). */
    public KPointSet wedge(int count) {
        if (isP6()) {
            return KPointSet.hexagonalWedgeWithCount(count);
        }
        for (int n = 1; n <= 400; n++) {
            int c = (n + 1) * (n + 2) / 2;
            if (c == count) {
                return squareWedge(n);
            }
            if (c > count) {
                break;
            }
        }
        throw new IllegalArgumentException("no " + name + " wedge grid has " + count + " points (use "
                + wedgeCounts.get(0) + " or " + wedgeCounts.get(1) + ")");
    }

    /** p4: k = (π i/n, π j/n), 0 ≤ j ≤ i ≤ n, i outer, j inner. */
    static KPointSet squareWedge(int n) {
        List<KVector> pts = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= i; j++) {
                pts.add(new KVector(Math.PI * i / n, Math.PI * j / n));
            }
        }
        return new KPointSet("square wedge(" + n + ")", pts, List.of());
    }

    /** The default path (p6 Γ-K-M-Γ, p4 Γ-X-M-Γ) with N points per segment. */
    public KPointSet path(int perSegment) {
        List<HighSymmetryPoint> corners = new ArrayList<>();
        for (String p : group.defaultPath()) {
            corners.add(highSymmetryPoint(p));
        }
        return KPointSet.path(corners, perSegment);
    }

    /** The grid, exactly symmetrized, when it has the case's symmetry to {@code relativeTolerance} × Vmax. */
    public PotentialGrid requireSymmetric(PotentialGrid grid, double relativeTolerance) {
        return isP6() ? C6GridSymmetry.requireSymmetric(grid, relativeTolerance)
                : GroupGrid.requireSymmetric(group, grid, relativeTolerance);
    }

    /** The case's random step potential for a seed (p6: the existing generator, unchanged). */
    public PotentialGrid randomStep(double alpha, int size, long seed, double vmax) {
        return isP6() ? RandomPotentialGenerator.withAlpha(alpha).stepPotential(size, seed, vmax)
                : GroupRandomPotentials.of(group, alpha).stepPotential(size, seed, vmax);
    }

    /** The case's random sigmoid potential. */
    public PotentialGrid randomSigmoid(double alpha, int size, long seed, double beta, double vmax) {
        return isP6() ? RandomPotentialGenerator.withAlpha(alpha).sigmoidPotential(size, seed, beta, vmax)
                : GroupRandomPotentials.of(group, alpha).sigmoidPotential(size, seed, beta, vmax);
    }

    @Override
    public String toString() {
        return name;
    }
}
