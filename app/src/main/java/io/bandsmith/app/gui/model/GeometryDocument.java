package io.bandsmith.app.gui.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.Shape;
import io.bandsmith.engine.geometry.ShapeRasterizer;

/**
 * The geometry being edited, as three layers: a {@link GeometryBase}, parametric {@link ShapeSpec shapes} painted
 * over it in order, and brush strokes painted over both. Immutable: every edit returns a new document, which is
 * what makes undo/redo a list of documents and lets a document cross to the preview thread.
 *
 * <p>Every layer is exactly C6-symmetric, so {@link #grid()} is too: shapes are rasterized per C6 orbit and brush
 * dabs set whole orbits. The rasterized layers are cached and handed on to derived documents that share them, so a
 * brush dab costs one pass over the grid.
 */
public final class GeometryDocument {
    /** Brush layer codes: untouched, erased (V = 0), painted (V = Vmax). */
    public static final byte UNTOUCHED = 0;
    public static final byte ERASED = 1;
    public static final byte PAINTED = 2;

    /** Grid sizes offered by the editor. */
    public static final List<Integer> SIZES = List.of(24, 36, 48, 64, 100);
    public static final int DEFAULT_SIZE = 100;

    private static final Map<Integer, int[][]> ORBITS = new ConcurrentHashMap<>();

    private final int size;
    private final double vmax;
    private final GeometryBase base;
    private final List<ShapeSpec> shapes;
    private final byte[] brush;

    private volatile double[] baseCache;
    private volatile double[] shapesCache;
    private volatile PotentialGrid gridCache;

    private GeometryDocument(int size, double vmax, GeometryBase base, List<ShapeSpec> shapes, byte[] brush,
            double[] baseCache, double[] shapesCache) {
        if (size < 3 || size > 400) {
            throw new IllegalArgumentException("grid size L must be in 3..400, got " + size);
        }
        if (!(vmax > 0) || !Double.isFinite(vmax)) {
            throw new IllegalArgumentException("Vmax must be a positive number of E0, got " + vmax);
        }
        if (brush.length != size * size) {
            throw new IllegalArgumentException("brush layer needs " + size * size + " cells, got " + brush.length);
        }
        for (byte b : brush) {
            if (b != UNTOUCHED && b != ERASED && b != PAINTED) {
                throw new IllegalArgumentException("brush layer holds the code " + b + " (expected 0, 1 or 2)");
            }
        }
        this.size = size;
        this.vmax = vmax;
        this.base = base;
        this.shapes = List.copyOf(shapes);
        this.brush = brush;
        this.baseCache = baseCache;
        this.shapesCache = shapesCache;
    }

    /**
     * @param brushLayer one code per grid point ({@link #UNTOUCHED}, {@link #ERASED}, {@link #PAINTED}); copied and
     *     made C6-symmetric (a whole orbit takes the code of its first member) so that no file can break symmetry
     */
    public static GeometryDocument of(int size, double vmax, GeometryBase base, List<ShapeSpec> shapes,
            byte[] brushLayer) {
        byte[] b = brushLayer.clone();
        if (b.length == size * size) {
            for (int[] orbit : orbits(size)) {
                for (int flat : orbit) {
                    b[flat] = b[orbit[0]];
                }
            }
        }
        return new GeometryDocument(size, vmax, base, shapes, b, null, null);
    }

    public static GeometryDocument of(int size, double vmax, GeometryBase base, List<ShapeSpec> shapes) {
        return of(size, vmax, base, shapes, new byte[size * size]);
    }

    /** An empty cell of the default size. */
    public static GeometryDocument empty() {
        return of(DEFAULT_SIZE, PotentialGrid.DEFAULT_VMAX, new GeometryBase.Uniform(0), List.of());
    }

    public int size() {
        return size;
    }

    public double vmax() {
        return vmax;
    }

    public GeometryBase base() {
        return base;
    }

    public List<ShapeSpec> shapes() {
        return shapes;
    }

    /** A copy of the brush layer. */
    public byte[] brushLayer() {
        return brush.clone();
    }

    public boolean hasBrushStrokes() {
        for (byte b : brush) {
            if (b != UNTOUCHED) {
                return true;
            }
        }
        return false;
    }

    /** The potential: base, then shapes, then brush strokes. Exactly C6-symmetric. */
    public PotentialGrid grid() {
        PotentialGrid g = gridCache;
        if (g == null) {
            double[] f = shapesLayer().clone();
            for (int n = 0; n < f.length; n++) {
                if (brush[n] == ERASED) {
                    f[n] = 0;
                } else if (brush[n] == PAINTED) {
                    f[n] = 1;
                }
            }
            g = PotentialGrid.fromFractions(size, f, vmax);
            gridCache = g;
        }
        return g;
    }

    private double[] baseLayer() {
        double[] b = baseCache;
        if (b == null) {
            b = base.fractions(size);
            baseCache = b;
        }
        return b;
    }

    private double[] shapesLayer() {
        double[] s = shapesCache;
        if (s == null) {
            double[] b = baseLayer();
            if (shapes.isEmpty()) {
                s = b;
            } else {
                s = b.clone();
                List<ShapeRasterizer.PaintedShape> painted = new ArrayList<>();
                for (ShapeSpec spec : shapes) {
                    painted.add(spec.painted());
                }
                for (int[] orbit : orbits(size)) {
                    int i = orbit[0] / size;
                    int j = orbit[0] % size;
                    double value = b[orbit[0]];
                    for (ShapeRasterizer.PaintedShape ps : painted) {
                        if (ShapeRasterizer.coveredWithSymmetry(ps.shape(), (double) i / size, (double) j / size)) {
                            value = ps.valueFraction();
                        }
                    }
                    for (int flat : orbit) {
                        s[flat] = value;
                    }
                }
            }
            shapesCache = s;
        }
        return s;
    }

    public GeometryDocument withBase(GeometryBase newBase) {
        return new GeometryDocument(size, vmax, newBase, shapes, brush, null, null);
    }

    public GeometryDocument withShapes(List<ShapeSpec> newShapes) {
        return new GeometryDocument(size, vmax, base, newShapes, brush, baseCache, null);
    }

    public GeometryDocument withShape(int index, ShapeSpec spec) {
        List<ShapeSpec> list = new ArrayList<>(shapes);
        list.set(index, spec);
        return withShapes(list);
    }

    public GeometryDocument withAddedShape(ShapeSpec spec) {
        List<ShapeSpec> list = new ArrayList<>(shapes);
        list.add(spec);
        return withShapes(list);
    }

    public GeometryDocument withoutShape(int index) {
        List<ShapeSpec> list = new ArrayList<>(shapes);
        list.remove(index);
        return withShapes(list);
    }

    public GeometryDocument withVmax(double newVmax) {
        return new GeometryDocument(size, newVmax, base, shapes, brush, baseCache, shapesCache);
    }

    /** The same geometry on another grid: layers are rasterized again, brush strokes resampled (nearest point). */
    public GeometryDocument withSize(int newSize) {
        if (newSize == size) {
            return this;
        }
        byte[] b = new byte[newSize * newSize];
        for (int i = 0; i < newSize; i++) {
            for (int j = 0; j < newSize; j++) {
                int si = Math.floorMod((int) Math.round((double) i * size / newSize), size);
                int sj = Math.floorMod((int) Math.round((double) j * size / newSize), size);
                b[i * newSize + j] = brush[si * size + sj];
            }
        }
        return of(newSize, vmax, base, shapes, b);
    }

    public GeometryDocument withoutBrushStrokes() {
        return new GeometryDocument(size, vmax, base, shapes, new byte[size * size], baseCache, shapesCache);
    }

    /**
     * One dab of the round brush at Cartesian (x, y) (units of a), copied by C6 and the lattice: every grid point
     * within {@code radius} of any of the six rotated centres (or their periodic images) takes the code.
     *
     * @param paint true paints the full step (V = Vmax), false erases (V = 0)
     */
    public GeometryDocument withDab(double x, double y, double radius, boolean paint) {
        Shape disc = new Shape.Disc(x, y, radius);
        byte code = paint ? PAINTED : ERASED;
        byte[] b = brush.clone();
        boolean changed = false;
        for (int[] orbit : orbits(size)) {
            int i = orbit[0] / size;
            int j = orbit[0] % size;
            if (b[orbit[0]] == code) {
                continue;
            }
            if (ShapeRasterizer.coveredWithSymmetry(disc, (double) i / size, (double) j / size)) {
                for (int flat : orbit) {
                    b[flat] = code;
                }
                changed = true;
            }
        }
        if (!changed) {
            return this;
        }
        return new GeometryDocument(size, vmax, base, shapes, b, baseCache, shapesCache);
    }

    /** The C6 orbits of an L x L grid as flat indices, cached per size. */
    public static int[][] orbits(int size) {
        return ORBITS.computeIfAbsent(size, s -> C6GridSymmetry.orbits(s).toArray(new int[0][]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeometryDocument d && d.size == size && d.vmax == vmax && d.base.equals(base)
                && d.shapes.equals(shapes) && Arrays.equals(d.brush, brush);
    }

    @Override
    public int hashCode() {
        return ((size * 31 + Double.hashCode(vmax)) * 31 + base.hashCode()) * 31 + shapes.hashCode();
    }

    @Override
    public String toString() {
        return "GeometryDocument[L=" + size + ", Vmax=" + vmax + ", " + base.describe() + ", " + shapes.size()
                + " shapes]";
    }
}
