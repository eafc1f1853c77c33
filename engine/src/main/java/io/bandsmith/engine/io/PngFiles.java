package io.bandsmith.engine.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import io.bandsmith.engine.geometry.PotentialGrid;

/**
 * Potentials as grayscale PNG: pixel (column i, row j) holds V[i, j] (axis 0 along a1 to the right, axis 1 along a2,
 * drawn upwards, so row 0 of the image is j = L-1). Black is V = 0, white is V = Vmax.
 */
public final class PngFiles {
    private PngFiles() {
    }

    public static void writeGrayscale(Path file, PotentialGrid grid) {
        int size = grid.size();
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double f = Math.max(0, Math.min(1, grid.value(i, j) / grid.vmax()));
                int g = (int) Math.round(255 * f);
                img.setRGB(i, size - 1 - j, 0xff000000 | g << 16 | g << 8 | g);
            }
        }
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** Reads a square PNG as a potential: gray level g in 0..255 gives V = Vmax g/255 (color images use luminance). */
    public static PotentialGrid readGrayscale(Path file, double vmax) {
        BufferedImage img;
        try {
            InputFiles.requireReadable(file, "file");
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file, "cannot read image: " + e.getMessage());
        }
        if (img == null) {
            throw new InvalidInputException(file, "not a PNG image");
        }
        if (img.getWidth() != img.getHeight() || img.getWidth() < 3) {
            throw new InvalidInputException(file, "image must be square (L x L), got " + img.getWidth() + "x"
                    + img.getHeight());
        }
        int size = img.getWidth();
        double[] f = new double[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                int rgb = img.getRGB(i, size - 1 - j);
                double lum = (0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff)) / 255.0;
                f[i * size + j] = Math.round(lum * 255) / 255.0;
            }
        }
        return PotentialGrid.fromFractions(size, f, vmax);
    }
}
