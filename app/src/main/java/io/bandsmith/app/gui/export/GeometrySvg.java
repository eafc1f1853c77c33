package io.bandsmith.app.gui.export;

import java.nio.file.Path;
import java.util.Locale;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.AtomicFiles;

/**
 * The outline of the regions of a geometry as SVG, for fabrication drawings. The grid is read as hexagonal pixels
 * (conventions.md): grid point x_ij owns its Wigner-Seitz hexagon, so the boundary between V >= Vmax/2 and V < Vmax/2
 * is made of exact hexagon edges. Lengths in the file: 1 a = {@link #PIXELS_PER_A} user units; y points up in the
 * physics and down in SVG, so the drawing is flipped accordingly. The unit cell is drawn as a thin grey rhombus.
 */
public final class GeometrySvg {
    public static final double PIXELS_PER_A = 400;
    private static final double SQRT3 = Math.sqrt(3);
    /** Triangular-lattice neighbour directions in grid steps (di, dj), at 0°, 60°, ..., 300°. */
    private static final int[][] DIRS = {{1, 0}, {0, 1}, {-1, 1}, {-1, 0}, {0, -1}, {1, -1}};

    private GeometrySvg() {
    }

    public static String outline(PotentialGrid grid) {
        int n = grid.size();
        double half = grid.vmax() / 2;
        double margin = 20;
        double width = 1.5 * PIXELS_PER_A + 2 * margin;
        double height = SQRT3 / 2 * PIXELS_PER_A + 2 * margin;
        StringBuilder path = new StringBuilder();
        int segments = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (grid.value(i, j) < half) {
                    continue;
                }
                for (int k = 0; k < 6; k++) {
                    int[] d = DIRS[k];
                    if (grid.value(i + d[0], j + d[1]) >= half) {
                        continue;
                    }
                    int[] prev = DIRS[(k + 5) % 6];
                    int[] next = DIRS[(k + 1) % 6];
                    // the shared hexagon edge joins the centroids of the two triangles on either side of the bond
                    double ai = i + (d[0] + prev[0]) / 3.0;
                    double aj = j + (d[1] + prev[1]) / 3.0;
                    double bi = i + (d[0] + next[0]) / 3.0;
                    double bj = j + (d[1] + next[1]) / 3.0;
                    path.append("M").append(x(ai, aj, n, margin)).append(' ').append(y(aj, n, height, margin))
                            .append("L").append(x(bi, bj, n, margin)).append(' ').append(y(bj, n, height, margin));
                    segments++;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.1f\" height=\"%.1f\""
                + " viewBox=\"0 0 %.1f %.1f\">%n", width, height, width, height));
        sb.append(String.format(Locale.ROOT, "  <!-- Bandsmith geometry outline: L = %d hexagonal pixels, boundary of "
                + "V >= Vmax/2 (Vmax = %.6g E0), %d edges; 1 a = %.0f units; x along a1, y up -->%n", n, grid.vmax(),
                segments, PIXELS_PER_A));
        sb.append(String.format(Locale.ROOT, "  <polygon points=\"%s,%s %s,%s %s,%s %s,%s\" fill=\"none\" "
                + "stroke=\"#999999\" stroke-width=\"1\"/>%n", x(0, 0, 1, margin), y(0, 1, height, margin),
                x(1, 0, 1, margin), y(0, 1, height, margin), x(1, 1, 1, margin), y(1, 1, height, margin),
                x(0, 1, 1, margin), y(1, 1, height, margin)));
        if (segments > 0) {
            sb.append("  <path fill=\"none\" stroke=\"#000000\" stroke-width=\"1.2\" stroke-linecap=\"round\" d=\"")
                    .append(path).append("\"/>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    public static void write(Path file, PotentialGrid grid) {
        AtomicFiles.writeString(file, outline(grid));
    }

    private static String x(double i, double j, int n, double margin) {
        return String.format(Locale.ROOT, "%.3f", margin + PIXELS_PER_A * (i + 0.5 * j) / n);
    }

    private static String y(double j, int n, double height, double margin) {
        return String.format(Locale.ROOT, "%.3f", height - margin - PIXELS_PER_A * SQRT3 / 2 * j / n);
    }
}
