package io.bandsmith.models.xas.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import io.bandsmith.engine.io.AtomicFiles;

/**
 * The PCA + k-means views of {@link SpectraComparison} as one PNG, one panel per view: reference spectra as circles
 * coloured by group, the other set as red triangles, the k-means centroids as black crosses. java.awt, headless.
 */
public final class SpectraComparisonImage {
    static final int PANEL = 560;
    static final int MARGIN = 60;
    static final int TOP = 70;
    private static final Color[] GROUP_COLOURS = {new Color(70, 110, 200), new Color(240, 150, 30),
        new Color(60, 160, 90), new Color(150, 90, 180)};
    private static final Color OTHER = new Color(210, 30, 30);

    private SpectraComparisonImage() {
    }

    public static BufferedImage render(String title, List<SpectraComparison.View> views) {
        int width = views.size() * (PANEL + MARGIN) + MARGIN;
        int height = TOP + PANEL + 2 * MARGIN + 30;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
            g.drawString(title, MARGIN, 28);
            Map<String, Color> colours = new LinkedHashMap<>();
            for (int v = 0; v < views.size(); v++) {
                panel(g, views.get(v), MARGIN + v * (PANEL + MARGIN), TOP, colours);
            }
            legend(g, colours, MARGIN, TOP + PANEL + MARGIN + 10);
        } finally {
            g.dispose();
        }
        return img;
    }

    public static void write(Path file, String title, List<SpectraComparison.View> views) {
        BufferedImage img = render(title, views);
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static void panel(Graphics2D g, SpectraComparison.View view, int x0, int y0, Map<String, Color> colours) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (SpectraComparison.Point p : view.points()) {
            minX = Math.min(minX, p.pc1());
            maxX = Math.max(maxX, p.pc1());
            minY = Math.min(minY, p.pc2());
            maxY = Math.max(maxY, p.pc2());
        }
        double padX = 0.05 * Math.max(maxX - minX, 1e-9);
        double padY = 0.05 * Math.max(maxY - minY, 1e-9);
        final double ax = minX - padX;
        final double bx = maxX + padX;
        final double ay = minY - padY;
        final double by = maxY + padY;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(view.title(), x0, y0 - 12);
        g.setColor(new Color(245, 245, 245));
        g.fillRect(x0, y0, PANEL, PANEL);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, y0, PANEL, PANEL);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int t = 0; t <= 4; t++) {
            double vx = ax + (bx - ax) * t / 4;
            double vy = ay + (by - ay) * t / 4;
            int px = x0 + PANEL * t / 4;
            int py = y0 + PANEL - PANEL * t / 4;
            g.setColor(Color.GRAY);
            g.drawLine(px, y0 + PANEL, px, y0 + PANEL + 4);
            g.drawLine(x0 - 4, py, x0, py);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.3g", vx), px - 12, y0 + PANEL + 17);
            g.drawString(String.format(Locale.ROOT, "%.3g", vy), x0 - 48, py + 4);
        }
        g.setColor(Color.BLACK);
        g.drawString(view.xLabel(), x0 + PANEL / 2 - 60, y0 + PANEL + 36);
        AffineTransform old = g.getTransform();
        g.rotate(-Math.PI / 2, x0 - 50, y0 + PANEL / 2.0 + 60);
        g.drawString(view.yLabel(), x0 - 50, y0 + PANEL / 2 + 60);
        g.setTransform(old);
        // reference first, the other set on top
        List<SpectraComparison.Point> ordered = new ArrayList<>();
        view.points().stream().filter(p -> !p.other()).forEach(ordered::add);
        view.points().stream().filter(SpectraComparison.Point::other).forEach(ordered::add);
        for (SpectraComparison.Point p : ordered) {
            int px = x0 + (int) Math.round((p.pc1() - ax) / (bx - ax) * PANEL);
            int py = y0 + PANEL - (int) Math.round((p.pc2() - ay) / (by - ay) * PANEL);
            if (p.other()) {
                colours.putIfAbsent(p.group(), OTHER);
                g.setColor(OTHER);
                g.fillPolygon(new int[] {px - 5, px + 5, px}, new int[] {py + 4, py + 4, py - 6}, 3);
            } else {
                Color c = colours.computeIfAbsent(p.group(),
                        k -> GROUP_COLOURS[(int) colours.values().stream().filter(v -> v != OTHER).count()
                                % GROUP_COLOURS.length]);
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
                g.fillOval(px - 4, py - 4, 8, 8);
            }
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3f));
        for (double[] c : view.centroids()) {
            int px = x0 + (int) Math.round((c[0] - ax) / (bx - ax) * PANEL);
            int py = y0 + PANEL - (int) Math.round((c[1] - ay) / (by - ay) * PANEL);
            g.drawLine(px - 8, py - 8, px + 8, py + 8);
            g.drawLine(px - 8, py + 8, px + 8, py - 8);
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void legend(Graphics2D g, Map<String, Color> colours, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int cx = x;
        for (Map.Entry<String, Color> e : colours.entrySet()) {
            g.setColor(e.getValue());
            if (e.getValue() == OTHER) {
                g.fillPolygon(new int[] {cx, cx + 10, cx + 5}, new int[] {y + 4, y + 4, y - 6}, 3);
            } else {
                g.fillOval(cx, y - 6, 10, 10);
            }
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), cx + 16, y + 4);
            cx += 30 + g.getFontMetrics().stringWidth(e.getKey());
        }
        g.drawLine(cx, y - 6, cx + 10, y + 4);
        g.drawLine(cx, y + 4, cx + 10, y - 6);
        g.drawString("k-means centroid (k = 2)", cx + 16, y + 4);
    }
}
