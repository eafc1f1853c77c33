package io.bandsmith.engine.space3d;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import io.bandsmith.engine.io.AtomicFiles;

/**
 * The gap maps of a cut as one PNG (fig. 4(e) style): the first three gaps side by side, each an N x N map
 * (axis 1 to the right, axis 2 upwards) scaled up to about 200 pixels, black = 0 (a band touching), white = the
 * largest gap of the three maps; a one-pixel white line separates the panels.
 */
public final class GapMapPng {
    private GapMapPng() {
    }

    /** gaps[k][g] for the k points of the cut (axis 1 outer), g = 0..2. */
    public static void write(Path file, int resolution, double[][] gaps) {
        int scale = Math.max(1, 200 / resolution);
        int side = resolution * scale;
        int panels = 3;
        BufferedImage img = new BufferedImage(panels * side + panels - 1, side, BufferedImage.TYPE_INT_RGB);
        double max = 1e-12;
        for (double[] g : gaps) {
            for (double x : g) {
                max = Math.max(max, x);
            }
        }
        for (int p = 0; p < panels; p++) {
            for (int i = 0; i < resolution; i++) {
                for (int j = 0; j < resolution; j++) {
                    double[] g = gaps[i * resolution + j];
                    double f = p < g.length ? Math.max(0, Math.min(1, g[p] / max)) : 0;
                    // a blue-to-yellow ramp (viridis-like ends) so a closed gap stands out in dark blue
                    int r = (int) Math.round(255 * f);
                    int gr = (int) Math.round(40 + 200 * f);
                    int b = (int) Math.round(120 * (1 - f));
                    int rgb = r << 16 | gr << 8 | b;
                    for (int a = 0; a < scale; a++) {
                        for (int c = 0; c < scale; c++) {
                            img.setRGB(p * (side + 1) + i * scale + a, side - 1 - (j * scale + c), rgb);
                        }
                    }
                }
            }
            if (p + 1 < panels) {
                for (int y = 0; y < side; y++) {
                    img.setRGB(p * (side + 1) + side, y, 0xffffff);
                }
            }
        }
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
