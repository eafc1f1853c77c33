package io.bandsmith.engine.geometry;

import java.util.List;

/**
 * Rasterizes parametric geometries onto the L x L grid of the conventions with exact C6 symmetry: a grid point
 * belongs to a shape when any of its six rotated copies, or any periodic image of those, contains it. The test is
 * made once per C6 orbit of grid points and copied to the orbit, so the grid is exactly symmetric.
 */
public final class ShapeRasterizer {
    private static final double SQRT3 = Math.sqrt(3);

    private ShapeRasterizer() {
    }

    /** A shape painted with a value, in units of Vmax (0 = no potential, 1 = full step). */
    public record PaintedShape(Shape shape, double valueFraction) {
    }

    /**
     * @param background value outside every shape, in units of Vmax
     * @param shapes painted in order (later shapes cover earlier ones)
     */
    public static PotentialGrid rasterize(int size, double background, List<PaintedShape> shapes, double vmax) {
        double[] f = new double[size * size];
        for (int[] orbit : C6GridSymmetry.orbits(size)) {
            int i = orbit[0] / size;
            int j = orbit[0] % size;
            double value = background;
            for (PaintedShape ps : shapes) {
                if (coveredWithSymmetry(ps.shape(), (double) i / size, (double) j / size)) {
                    value = ps.valueFraction();
                }
            }
            for (int flat : orbit) {
                f[flat] = value;
            }
        }
        return PotentialGrid.fromFractions(size, f, vmax);
    }

    /** Whether the point with fractional coordinates (u, v) lies in any C6 copy or periodic image of the shape. */
    public static boolean coveredWithSymmetry(Shape shape, double u, double v) {
        double x = u + 0.5 * v;
        double y = SQRT3 / 2 * v;
        for (int k = 0; k < 6; k++) {
            // rotate the point by -60° k instead of the shape by +60° k
            double t = -Math.PI / 3 * k;
            double c = Math.cos(t);
            double s = Math.sin(t);
            double xr = c * x - s * y;
            double yr = s * x + c * y;
            for (int n1 = -2; n1 <= 2; n1++) {
                for (int n2 = -2; n2 <= 2; n2++) {
                    if (shape.contains(xr + n1 + 0.5 * n2, yr + SQRT3 / 2 * n2)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The paper's fig. 2 family: six circular holes (V = 0) of the given radius at distance R from the C6 centre,
     * along a1 and its rotations, in a background of V = Vmax.
     */
    public static PotentialGrid sixHoles(int size, double distance, double holeRadius, double vmax) {
        return rasterize(size, 1.0, List.of(new PaintedShape(new Shape.Disc(distance, 0, holeRadius), 0.0)), vmax);
    }
}
