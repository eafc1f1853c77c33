package io.bandsmith.app.gui.view;

import io.bandsmith.engine.geometry.PotentialGrid;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Small pictures of a geometry for lists and galleries: a window of the crystal around the C6 centre (± 0.9 a), so
 * that the hexagonal pattern reads at a glance, in the editor's colours (light V = 0, dark V = Vmax).
 */
public final class GeometryThumbnails {
    private static final Color EMPTY = Color.web("#f6f1e4");
    private static final Color FULL = Color.web("#23395b");
    private static final double HALF_WIDTH = 0.9;

    private GeometryThumbnails() {
    }

    /** A {@code px} x {@code px} image; Cartesian x to the right, y up, origin in the middle. */
    public static WritableImage render(PotentialGrid grid, int px) {
        WritableImage img = new WritableImage(px, px);
        PixelWriter w = img.getPixelWriter();
        int n = grid.size();
        double sqrt3 = Math.sqrt(3);
        for (int py = 0; py < px; py++) {
            double y = HALF_WIDTH * (1 - 2.0 * (py + 0.5) / px);
            for (int pxx = 0; pxx < px; pxx++) {
                double x = HALF_WIDTH * (2.0 * (pxx + 0.5) / px - 1);
                // r = u a1 + v a2 with a1 = (1, 0), a2 = (1/2, √3/2); grid point (i, j) at (i/L, j/L)
                double v = 2 * y / sqrt3;
                double u = x - v / 2;
                int i = Math.floorMod((int) Math.round(u * n), n);
                int j = Math.floorMod((int) Math.round(v * n), n);
                double f = Math.max(0, Math.min(1, grid.value(i, j) / grid.vmax()));
                w.setColor(pxx, py, EMPTY.interpolate(FULL, f));
            }
        }
        return img;
    }
}
