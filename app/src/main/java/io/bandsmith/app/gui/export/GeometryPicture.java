package io.bandsmith.app.gui.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import io.bandsmith.app.gui.preview.ZoneRaster;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.AtomicFiles;

/**
 * The unit cell as a picture, oriented as in the editor and in {@link GeometrySvg}: x along a1, y up, the rhombus
 * a1, a2 in its bounding box (1.5 a x √3/2 a, white outside the cell), each point coloured by the value of the
 * grid point whose hexagonal pixel it lies in (light: V = 0, dark blue: V = Vmax, the editor's colours). The raw
 * L x L grid (axis 0 along a1 as image x, axis 1 along a2 as image y, no shear) is the other PNG export, the one
 * that imports back.
 */
public final class GeometryPicture {
    private static final int[] SHADES = ZoneRaster.table(new int[] {0xf6f1e4, 0x23395b}, 256);
    private static final double SQRT3 = Math.sqrt(3);

    private GeometryPicture() {
    }

    /** The picture {@code width} pixels wide (the height follows the cell's aspect ratio). */
    public static BufferedImage render(PotentialGrid grid, int width) {
        int n = grid.size();
        int height = (int) Math.round(width * (SQRT3 / 2) / 1.5);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        double perA = width / 1.5;
        for (int py = 0; py < height; py++) {
            double y = (height - py - 0.5) / perA;
            for (int px = 0; px < width; px++) {
                double x = (px + 0.5) / perA;
                double v = y / (SQRT3 / 2);
                double u = x - 0.5 * v;
                if (u < 0 || u >= 1 || v < 0 || v >= 1) {
                    img.setRGB(px, py, 0xffffffff);
                    continue;
                }
                // the nearest grid point on the triangular grid (its hexagonal pixel), via cube rounding
                int[] ij = nearest(u * n, v * n);
                double f = Math.max(0, Math.min(1, grid.value(Math.floorMod(ij[0], n), Math.floorMod(ij[1], n))
                        / grid.vmax()));
                img.setRGB(px, py, SHADES[(int) Math.round(f * 255)]);
            }
        }
        return img;
    }

    /** The triangular-lattice point (i, j) (x = i a1 + j a2 in grid steps) nearest to (a, b). */
    static int[] nearest(double a, double b) {
        int i0 = (int) Math.floor(a);
        int j0 = (int) Math.floor(b);
        int[] best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (int di = 0; di <= 1; di++) {
            for (int dj = 0; dj <= 1; dj++) {
                double da = a - (i0 + di);
                double db = b - (j0 + dj);
                // |da a1 + db a2|² with a1·a2 = 1/2
                double d = da * da + db * db + da * db;
                if (d < bestD) {
                    bestD = d;
                    best = new int[] {i0 + di, j0 + dj};
                }
            }
        }
        return best;
    }

    public static void write(Path file, PotentialGrid grid, int width) {
        BufferedImage img = render(grid, width);
        AtomicFiles.write(file, tmp -> javax.imageio.ImageIO.write(img, "png", tmp.toFile()));
    }
}
