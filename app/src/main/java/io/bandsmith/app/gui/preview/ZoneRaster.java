package io.bandsmith.app.gui.preview;

/**
 * The zone map as pixels (ARGB ints), computed off the FX thread: the gap between two bands or the Berry flux per
 * plaquette on every pixel of the first Brillouin zone, coloured through a lookup table (no colour parsing or
 * interpolation per pixel). Pixels outside the zone are transparent. Immutable once made.
 *
 * <p>The pixel grid: {@code px x py} pixels, pixel (x, y) at k = ((x - px/2) / scale, (py/2 - y) / scale) in 1/a.
 *
 * @param width pixels per row
 * @param height rows
 * @param argb the pixels, row by row
 * @param min the smallest value shown (the gap: over the zone; the flux: -π)
 * @param max the largest value shown
 */
public record ZoneRaster(int width, int height, int[] argb, double min, double max) {
    /** Entries of a colour table. */
    public static final int TABLE_SIZE = 1024;
    /** The gap scale, dark (smallest gap) to bright (largest): the "plasma" stops. */
    public static final int[] GAP_STOPS = {0x0d0887, 0x6a00a8, 0xb12a90, 0xe16462, 0xfca636, 0xf0f921};
    /** The Berry-flux scale, blue (-π) through white (0) to red (+π): ColorBrewer RdBu. */
    public static final int[] FLUX_STOPS = {0x2166ac, 0x67a9cf, 0xd1e5f0, 0xffffff, 0xfddbc7, 0xef8a62, 0xb2182b};
    public static final int[] GAP_TABLE = table(GAP_STOPS, TABLE_SIZE);
    public static final int[] FLUX_TABLE = table(FLUX_STOPS, TABLE_SIZE);
    private static final int GRID_LINE = 0x9a9a9a;

    /** A colour table of {@code n} opaque ARGB entries, linear in RGB between equally spaced stops (0xRRGGBB). */
    public static int[] table(int[] stops, int n) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            double x = (double) i / (n - 1) * (stops.length - 1);
            int s = Math.min(stops.length - 2, (int) Math.floor(x));
            t[i] = mix(stops[s], stops[s + 1], x - s);
        }
        return t;
    }

    /** (1 - f) a + f b per channel, opaque. */
    public static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return 0xff000000 | (r << 16) | (g << 8) | bl;
    }

    /** The table entry for t in [0, 1] (clamped). */
    public static int lookup(int[] table, double t) {
        double c = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        return table[(int) Math.round(c * (table.length - 1))];
    }

    /**
     * The smallest and largest gap E_upper - E_lower (0-based bands) over the zone: those of the wedge grid points,
     * since the field is linear on every grid triangle.
     */
    public static double[] gapRange(ZoneField zone, int lower, int upper) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = zone.divisions();
        for (int i = 0; i <= n; i++) {
            for (int j = 0; i + j <= n; j++) {
                double g = zone.gridEnergy(i, j, upper) - zone.gridEnergy(i, j, lower);
                min = Math.min(min, g);
                max = Math.max(max, g);
            }
        }
        return new double[] {min, max};
    }

    /**
     * The gap on every pixel, coloured from {@code min} (darkest) to {@code max} (brightest); a range below
     * {@code flat} is drawn in one colour.
     */
    public static ZoneRaster gap(ZoneField zone, int lower, int upper, int px, int py, double scale, double min,
            double max, double flat) {
        int[] argb = new int[px * py];
        double range = max - min;
        for (int y = 0; y < py; y++) {
            double ky = (py / 2.0 - y) / scale;
            for (int x = 0; x < px; x++) {
                double kx = (x - px / 2.0) / scale;
                if (!ZoneField.inFirstZone(kx, ky)) {
                    continue;
                }
                double gap = zone.energy(kx, ky, upper) - zone.energy(kx, ky, lower);
                argb[y * px + x] = lookup(GAP_TABLE, range > flat ? (gap - min) / range : 0);
            }
        }
        return new ZoneRaster(px, py, argb, min, max);
    }

    /** The Berry flux per plaquette on every pixel, -π (blue) to +π (red), with faint plaquette edges. */
    public static ZoneRaster berryFlux(BerryFluxMap m, int px, int py, double scale) {
        int[] argb = new int[px * py];
        int[] above = new int[px];
        java.util.Arrays.fill(above, -1);
        for (int y = 0; y < py; y++) {
            double ky = (py / 2.0 - y) / scale;
            int left = -1;
            for (int x = 0; x < px; x++) {
                double kx = (x - px / 2.0) / scale;
                if (!ZoneField.inFirstZone(kx, ky)) {
                    left = -1;
                    above[x] = -1;
                    continue;
                }
                int[] p = m.plaquetteAt(kx, ky);
                int id = p[0] * m.size() + p[1];
                int c = lookup(FLUX_TABLE, (m.flux(p[0], p[1]) / Math.PI + 1) / 2);
                if ((left >= 0 && left != id) || (above[x] >= 0 && above[x] != id)) {
                    c = mix(c, GRID_LINE, 0.22);
                }
                argb[y * px + x] = c;
                left = id;
                above[x] = id;
            }
        }
        return new ZoneRaster(px, py, argb, -Math.PI, Math.PI);
    }
}
