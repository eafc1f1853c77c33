package io.bandsmith.app.gui.model;

import io.bandsmith.engine.geometry.Shape;
import io.bandsmith.engine.geometry.ShapeRasterizer;

/**
 * A parametric shape of the editor: a disc or a regular polygon, painted with a value (fraction of Vmax) and copied
 * by C6 and the lattice when rasterized. Immutable; lengths in units of a, the rotation in degrees.
 *
 * @param kind disc or polygon
 * @param cx centre x (a)
 * @param cy centre y (a)
 * @param size radius of a disc, circumradius of a polygon (a)
 * @param sides number of polygon sides (ignored for discs)
 * @param rotationDegrees polygon rotation (0: a vertex on +x from the centre)
 * @param valueFraction the potential inside, in units of Vmax (0: a hole, 1: a full step)
 */
public record ShapeSpec(Kind kind, double cx, double cy, double size, int sides, double rotationDegrees,
        double valueFraction) {
    public enum Kind {
        DISC("Disc"), POLYGON("Polygon");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public ShapeSpec {
        if (kind == null) {
            throw new IllegalArgumentException("shape kind is missing");
        }
        if (!Double.isFinite(cx) || !Double.isFinite(cy)) {
            throw new IllegalArgumentException("shape centre must be finite, got (" + cx + ", " + cy + ")");
        }
        if (!(size > 0 && size <= 2)) {
            throw new IllegalArgumentException("shape size must be in (0, 2] a, got " + size);
        }
        if (kind == Kind.POLYGON && (sides < 3 || sides > 24)) {
            throw new IllegalArgumentException("a polygon needs 3..24 sides, got " + sides);
        }
        if (!Double.isFinite(rotationDegrees)) {
            throw new IllegalArgumentException("rotation must be finite");
        }
        if (!(valueFraction >= 0 && valueFraction <= 1)) {
            throw new IllegalArgumentException("shape value must be between 0 and 1 Vmax, got " + valueFraction);
        }
    }

    public static ShapeSpec disc(double cx, double cy, double radius, double valueFraction) {
        return new ShapeSpec(Kind.DISC, cx, cy, radius, 6, 0, valueFraction);
    }

    public static ShapeSpec polygon(double cx, double cy, double circumradius, int sides, double rotationDegrees,
            double valueFraction) {
        return new ShapeSpec(Kind.POLYGON, cx, cy, circumradius, sides, rotationDegrees, valueFraction);
    }

    public Shape toShape() {
        return switch (kind) {
            case DISC -> new Shape.Disc(cx, cy, size);
            case POLYGON -> new Shape.RegularPolygon(cx, cy, size, sides, Math.toRadians(rotationDegrees));
        };
    }

    public ShapeRasterizer.PaintedShape painted() {
        return new ShapeRasterizer.PaintedShape(toShape(), valueFraction);
    }

    public ShapeSpec withCentre(double x, double y) {
        return new ShapeSpec(kind, x, y, size, sides, rotationDegrees, valueFraction);
    }

    public ShapeSpec withSize(double s) {
        return new ShapeSpec(kind, cx, cy, s, sides, rotationDegrees, valueFraction);
    }

    public ShapeSpec withSides(int n) {
        return new ShapeSpec(kind, cx, cy, size, n, rotationDegrees, valueFraction);
    }

    public ShapeSpec withRotation(double degrees) {
        return new ShapeSpec(kind, cx, cy, size, sides, degrees, valueFraction);
    }

    public ShapeSpec withValue(double fraction) {
        return new ShapeSpec(kind, cx, cy, size, sides, rotationDegrees, fraction);
    }

    public ShapeSpec withKind(Kind k) {
        return new ShapeSpec(k, cx, cy, size, Math.max(3, sides), rotationDegrees, valueFraction);
    }

    /** One line for lists: "Disc at (0.33, 0.00) r 0.12a, hole". */
    public String describe() {
        String what = kind == Kind.DISC ? String.format("Disc r %.3fa", size)
                : String.format("%d-gon R %.3fa, %.0f°", sides, size, rotationDegrees);
        String value = valueFraction == 0 ? "hole" : valueFraction == 1 ? "full step"
                : String.format("%.2f Vmax", valueFraction);
        return String.format("%s at (%.3f, %.3f), %s", what, cx, cy, value);
    }
}
