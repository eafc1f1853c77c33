package io.bandsmith.engine.geometry;

/**
 * A region of the plane (Cartesian coordinates in units of a). Rasterized with C6 symmetry and periodicity by
 * {@link ShapeRasterizer}.
 */
public sealed interface Shape permits Shape.Disc, Shape.RegularPolygon, Shape.Polygon {
    boolean contains(double x, double y);

    /** A disc (a hole or a rod) of the given radius centred at (cx, cy). */
    record Disc(double cx, double cy, double radius) implements Shape {
        public Disc {
            if (!(radius > 0) || !Double.isFinite(radius)) {
                throw new IllegalArgumentException("disc radius must be positive, got " + radius);
            }
        }

        @Override
        public boolean contains(double x, double y) {
            double dx = x - cx;
            double dy = y - cy;
            return dx * dx + dy * dy <= radius * radius;
        }
    }

    /**
     * A regular polygon with the given number of sides, circumradius and rotation (radians; 0 puts a vertex on the
     * +x axis from the centre).
     */
    record RegularPolygon(double cx, double cy, double circumradius, int sides, double rotation) implements Shape {
        public RegularPolygon {
            if (sides < 3) {
                throw new IllegalArgumentException("a polygon needs at least 3 sides, got " + sides);
            }
            if (!(circumradius > 0)) {
                throw new IllegalArgumentException("polygon size must be positive, got " + circumradius);
            }
        }

        public Polygon asPolygon() {
            double[] xs = new double[sides];
            double[] ys = new double[sides];
            for (int k = 0; k < sides; k++) {
                double t = rotation + 2 * Math.PI * k / sides;
                xs[k] = cx + circumradius * Math.cos(t);
                ys[k] = cy + circumradius * Math.sin(t);
            }
            return new Polygon(xs, ys);
        }

        @Override
        public boolean contains(double x, double y) {
            return asPolygon().contains(x, y);
        }
    }

    /** A simple polygon given by its vertices (even-odd rule). */
    record Polygon(double[] xs, double[] ys) implements Shape {
        public Polygon {
            if (xs.length != ys.length || xs.length < 3) {
                throw new IllegalArgumentException("a polygon needs at least 3 vertices with x and y");
            }
            xs = xs.clone();
            ys = ys.clone();
        }

        @Override
        public boolean contains(double x, double y) {
            boolean inside = false;
            int n = xs.length;
            for (int a = 0, b = n - 1; a < n; b = a++) {
                if ((ys[a] > y) != (ys[b] > y) && x < (xs[b] - xs[a]) * (y - ys[a]) / (ys[b] - ys[a]) + xs[a]) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }
}
