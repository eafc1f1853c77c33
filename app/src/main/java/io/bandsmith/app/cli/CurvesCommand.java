package io.bandsmith.app.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.io.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./bandsmith curves}: learning curves from training logs (OUT.csv of {@code train}): validation and training
 * band rms (Vmax, log scale) against epochs, one colour per run, as a PNG, and all points in one CSV.
 */
@Command(name = "curves", mixinStandardHelpOptions = true,
        description = "Plot learning curves (training and validation band rms per epoch) of one or more training "
                + "runs from their CSV logs (the train command's OUT.csv) into a PNG, and collect them in one CSV.")
public final class CurvesCommand implements Callable<Integer> {
    @Option(names = "--log", required = true, paramLabel = "LABEL=FILE.csv",
            description = "A run's log with the label shown in the legend, e.g. 12k=runs/n12k.zip.csv (repeat).")
    List<String> logs;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The plot.")
    Path out;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "All curves in one CSV: "
            + "run,epoch,train_band_rms_vmax,validation_band_rms_vmax.")
    Path csv;

    @Option(names = "--title", defaultValue = "Learning curves (lowest 6 bands, 79 wedge points)")
    String title;

    /** One run: epochs with training and validation rms (NaN when not logged). */
    record Curve(String label, List<double[]> points) {
    }

    @Override
    public Integer call() {
        Map<String, Curve> curves = new LinkedHashMap<>();
        for (String spec : logs) {
            int eq = spec.indexOf('=');
            String label = eq > 0 ? spec.substring(0, eq) : spec;
            Path file = Path.of(eq > 0 ? spec.substring(eq + 1) : spec);
            curves.put(label, read(label, file));
        }
        AtomicFiles.write(out, tmp -> javax.imageio.ImageIO.write(render(new ArrayList<>(curves.values()), title),
                "png", tmp.toFile()));
        if (csv != null) {
            StringBuilder b = new StringBuilder("run,epoch,train_band_rms_vmax,validation_band_rms_vmax\n");
            for (Curve c : curves.values()) {
                for (double[] p : c.points()) {
                    b.append(String.format(Locale.ROOT, "%s,%d,%s,%s%n", csvText(c.label()), (int) p[0], num(p[1]),
                            num(p[2])));
                }
            }
            AtomicFiles.writeString(csv, b.toString());
        }
        System.err.println("curves: " + out + (csv != null ? ", " + csv : ""));
        return 0;
    }

    /** A CSV field: quoted when it holds a comma or a quote. */
    static String csvText(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6e", v);
    }

    static Curve read(String label, Path file) {
        io.bandsmith.engine.io.InputFiles.requireReadable(file, "training log");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new InvalidInputException(file, "cannot read the training log (" + e.getMessage() + ")");
        }
        if (lines.isEmpty()) {
            throw new InvalidInputException(file, "empty training log");
        }
        List<String> header = List.of(lines.get(0).split(","));
        int ep = header.indexOf("epoch");
        int val = header.indexOf("validation_band_rms_vmax");
        int tr = header.indexOf("train_band_rms_vmax");
        if (ep < 0 || val < 0) {
            throw new InvalidInputException(file, "not a training log (no epoch and validation_band_rms_vmax columns)");
        }
        List<double[]> points = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] row = lines.get(i).split(",", -1);
            try {
                double t = tr >= 0 && tr < row.length && !row[tr].isEmpty() ? Double.parseDouble(row[tr]) : Double.NaN;
                points.add(new double[] {Double.parseDouble(row[ep]), t, Double.parseDouble(row[val])});
            } catch (RuntimeException e) {
                throw new InvalidInputException(file, "line " + (i + 1) + " is not a log line: " + lines.get(i));
            }
        }
        if (points.isEmpty()) {
            throw new InvalidInputException(file, "no epochs logged yet");
        }
        return new Curve(label, points);
    }

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};

    static BufferedImage render(List<Curve> curves, String title) {
        int w = 900;
        int h = 600;
        int left = 90;
        int right = 30;
        int top = 50;
        int bottom = 70;
        double maxEpoch = 1;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (Curve c : curves) {
            for (double[] p : c.points()) {
                maxEpoch = Math.max(maxEpoch, p[0]);
                for (int i = 1; i <= 2; i++) {
                    if (p[i] > 0) {
                        lo = Math.min(lo, Math.log10(p[i]));
                        hi = Math.max(hi, Math.log10(p[i]));
                    }
                }
            }
        }
        if (lo > hi) {
            lo = -3;
            hi = -2;
        }
        double yMin = Math.floor(lo * 4) / 4;
        double yMax = Math.max(Math.ceil(hi * 4) / 4, yMin + 0.25);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int pw = w - left - right;
        int ph = h - top - bottom;
        double me = maxEpoch;
        double y0 = yMin;
        double y1 = yMax;
        java.util.function.DoubleUnaryOperator sx = e -> left + (e - 0) / me * pw;
        java.util.function.DoubleUnaryOperator sy = v -> top + (y1 - Math.log10(v)) / (y1 - y0) * ph;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        // grid and ticks: decades and their 2x, 5x
        for (int d = (int) Math.floor(y0); d <= Math.ceil(y1); d++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, d);
                double lv = Math.log10(v);
                if (lv < y0 - 1e-9 || lv > y1 + 1e-9) {
                    continue;
                }
                int y = (int) Math.round(sy.applyAsDouble(v));
                g.setColor(m == 1 ? new Color(0xcccccc) : new Color(0xeeeeee));
                g.drawLine(left, y, left + pw, y);
                g.setColor(Color.DARK_GRAY);
                String label = String.format(Locale.ROOT, "%de%d", m, d);
                g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 5);
            }
        }
        int step = niceStep(me);
        for (int e = 0; e <= me; e += step) {
            int x = (int) Math.round(sx.applyAsDouble(e));
            g.setColor(new Color(0xeeeeee));
            g.drawLine(x, top, x, top + ph);
            g.setColor(Color.DARK_GRAY);
            String label = Integer.toString(e);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, top + ph + 18);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, pw, ph);
        g.drawString("epoch", left + pw / 2 - 18, h - 25);
        g.rotate(-Math.PI / 2);
        g.drawString("band rms (Vmax)", -(top + ph / 2 + 50), 25);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        BasicStroke solid = new BasicStroke(2f);
        BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 5f},
                0f);
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            g.setColor(COLORS[c % COLORS.length]);
            for (int series = 2; series >= 1; series--) {
                Path2D path = new Path2D.Double();
                boolean started = false;
                for (double[] p : curve.points()) {
                    if (!(p[series] > 0)) {
                        continue;
                    }
                    double x = sx.applyAsDouble(p[0]);
                    double y = sy.applyAsDouble(p[series]);
                    if (started) {
                        path.lineTo(x, y);
                    } else {
                        path.moveTo(x, y);
                        started = true;
                    }
                    g.fillOval((int) x - 2, (int) y - 2, 5, 5);
                }
                g.setStroke(series == 2 ? solid : dashed);
                g.draw(path);
            }
            int widest = 0;
            for (Curve other : curves) {
                widest = Math.max(widest, g.getFontMetrics().stringWidth(other.label()));
            }
            int lx = left + pw - widest - 75;
            int ly = top + 38 + 20 * c;
            g.setStroke(solid);
            g.drawLine(lx, ly - 4, lx + 25, ly - 4);
            g.setStroke(dashed);
            g.drawLine(lx + 30, ly - 4, lx + 55, ly - 4);
            g.setColor(Color.BLACK);
            g.drawString(curve.label(), lx + 62, ly);
            if (c == 0) {
                g.drawString("validation (solid), training (dashed)", lx, top + 18);
            }
        }
        g.dispose();
        return img;
    }

    private static int niceStep(double max) {
        for (int s : new int[] {1, 2, 5, 10, 20, 50, 100, 200, 500}) {
            if (max / s <= 12) {
                return s;
            }
        }
        return 1000;
    }
}
