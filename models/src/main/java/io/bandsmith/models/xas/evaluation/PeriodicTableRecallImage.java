package io.bandsmith.models.xas.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.models.xas.ChemicalElement;

/**
 * Fig. 3a as a PNG: the periodic table (f block in two rows below) with each element's cell coloured by its
 * recall on a white-to-blue scale and labelled with Z, symbol and recall; elements without test materials are grey.
 * Pure java.awt, runs headless.
 */
public final class PeriodicTableRecallImage {
    static final int CELL = 56;
    static final int MARGIN = 20;
    static final int TITLE = 36;
    /** Colour of elements with no test materials of the class. */
    public static final Color NO_DATA = new Color(225, 225, 225);

    private PeriodicTableRecallImage() {
    }

    public static BufferedImage render(Map<ChemicalElement, Double> recall, String title) {
        int width = 2 * MARGIN + 18 * CELL;
        int height = TITLE + 2 * MARGIN + 9 * CELL + CELL / 2 + 40;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString(title, MARGIN, MARGIN + 16);
            for (int z = 1; z <= ChemicalElement.count(); z++) {
                ChemicalElement e = ChemicalElement.ofAtomicNumber(z);
                int[] xy = cellOrigin(e);
                Double r = recall.get(e);
                g.setColor(r == null || r.isNaN() ? NO_DATA : colour(r));
                g.fillRect(xy[0], xy[1], CELL - 2, CELL - 2);
                g.setColor(Color.DARK_GRAY);
                g.setStroke(new BasicStroke(1f));
                g.drawRect(xy[0], xy[1], CELL - 2, CELL - 2);
                Color text = r != null && !r.isNaN() && r > 0.6 ? Color.WHITE : Color.BLACK;
                g.setColor(text);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                g.drawString(Integer.toString(z), xy[0] + 3, xy[1] + 11);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
                FontMetrics fm = g.getFontMetrics();
                g.drawString(e.symbol(), xy[0] + (CELL - 2 - fm.stringWidth(e.symbol())) / 2, xy[1] + 32);
                if (r != null && !r.isNaN()) {
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                    String s = String.format(Locale.ROOT, "%.2f", r);
                    fm = g.getFontMetrics();
                    g.drawString(s, xy[0] + (CELL - 2 - fm.stringWidth(s)) / 2, xy[1] + 48);
                }
            }
            int ly = height - 30;
            for (int i = 0; i <= 100; i++) {
                g.setColor(colour(i / 100.0));
                g.fillRect(MARGIN + 3 * i, ly, 3, 14);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString("0", MARGIN, ly + 26);
            g.drawString("recall 1", MARGIN + 290, ly + 26);
            g.setColor(NO_DATA);
            g.fillRect(MARGIN + 360, ly, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString("no test materials", MARGIN + 380, ly + 12);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Top-left pixel of an element's cell. */
    static int[] cellOrigin(ChemicalElement e) {
        int col;
        int row;
        if (e.isFBlock()) {
            col = 2 + e.fBlockColumn();
            row = e.atomicNumber() >= 89 ? 8 : 7;
            return new int[] {MARGIN + col * CELL, TITLE + MARGIN + row * CELL + CELL / 2};
        }
        col = e.group() - 1;
        row = e.period() - 1;
        return new int[] {MARGIN + col * CELL, TITLE + MARGIN + row * CELL};
    }

    /** White (0) to dark blue (1). */
    static Color colour(double r) {
        double t = Math.max(0, Math.min(1, r));
        int red = (int) Math.round(255 - t * (255 - 20));
        int green = (int) Math.round(255 - t * (255 - 70));
        int blue = (int) Math.round(255 - t * (255 - 160));
        return new Color(red, green, blue);
    }

    public static void write(Path file, Map<ChemicalElement, Double> recall, String title) {
        BufferedImage img = render(recall, title);
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
