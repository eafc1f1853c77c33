package io.bandsmith.models.design;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.MaskOutline;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.io.OutlineFiles;
import io.bandsmith.engine.io.PngFiles;
import io.bandsmith.engine.lattice.C6Stars;
import io.bandsmith.engine.symmetry.IrrepLabel;

/**
 * What a finished design is exported as: the report (JSON tree and a short Markdown verification report: network vs
 * exact loss, bands and labels), the mask (.npy uint8, PNG), the Fourier coefficients (JSON) and the outlines (SVG,
 * DXF) in units of the lattice constant. The project file is written by the app, which owns that format.
 */
public final class DesignExport {
    private DesignExport() {
    }

    /** The report of a run (plain maps and lists, ready for a JSON writer). */
    public static Map<String, Object> report(InverseDesign.Result result, DesignObjective objective,
            InverseDesign.Settings settings, double seconds) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("objective", objective.describe());
        boolean ms = objective.meanSquare();
        doc.put("units", ms ? "losses in Vmax^2: mean squared deviation over the 79 wedge points and the target bands "
                + "(rms = sqrt); energies in E0" : "losses in Vmax: minus the gap (gap = -loss); energies in E0");
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("trials", settings.trials());
        s.put("steps", settings.steps());
        s.put("beta", settings.beta());
        s.put("learning_rate", settings.learningRate());
        s.put("penalty_weight", settings.penaltyWeight());
        s.put("initial_amplitude", settings.initialAmplitude());
        s.put("successive_halving", settings.halving());
        s.put("verify_requested", settings.verify());
        // the designs really checked: fewer than asked when fewer trials survive (issue 11)
        s.put("verified_with_exact_solver", result.designs().stream().filter(d -> !Double.isNaN(d.exactLoss()))
                .count());
        s.put("seed", settings.seed());
        doc.put("settings", s);
        doc.put("seconds", Math.round(seconds * 10) / 10.0);
        doc.put("trial_steps", result.trialSteps());
        doc.put("cancelled", result.cancelled());
        InverseDesign.Design best = result.best();
        doc.put("best", design(best, true, ms));
        List<Object> others = new ArrayList<>();
        for (InverseDesign.Design d : result.designs()) {
            if (!Double.isNaN(d.exactLoss()) || others.size() < 10) {
                others.add(design(d, false, ms));
            }
        }
        doc.put("designs", others);
        doc.put("best_loss_history", result.bestHistory());
        return doc;
    }

    private static Map<String, Object> design(InverseDesign.Design d, boolean full, boolean meanSquare) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial", d.trial());
        m.put("network_loss", d.networkLoss());
        String measure = meanSquare ? "_rms_vmax" : "_gap_vmax";
        m.put("network" + measure, figure(d.networkLoss(), meanSquare));
        m.put("exact_loss", Double.isNaN(d.exactLoss()) ? null : d.exactLoss());
        m.put("exact" + measure, Double.isNaN(d.exactLoss()) ? null : figure(d.exactLoss(), meanSquare));
        m.put("smooth_loss", d.smoothLoss());
        int set = 0;
        for (boolean b : d.mask()) {
            set += b ? 1 : 0;
        }
        m.put("fill_fraction", (double) set / d.mask().length);
        if (full) {
            m.put("coefficients", d.coefficients());
            m.put("network_labels", labels(d.networkBands()));
            if (d.exactBands() != null) {
                m.put("exact_labels", labels(d.exactBands()));
            }
        }
        return m;
    }

    /** The rms of a mean-square loss, or the gap of a gap loss. */
    public static double figure(double loss, boolean meanSquare) {
        return meanSquare ? Math.sqrt(Math.max(0, loss)) : -loss;
    }

    private static Map<String, Object> labels(BandStructure bands) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, HighSymmetryLevels> e : bands.highSymmetry().entrySet()) {
            List<String> l = new ArrayList<>();
            List<Double> en = new ArrayList<>();
            HighSymmetryLevels levels = e.getValue();
            for (int n = 0; n < Math.min(bands.bandCount(), levels.count()); n++) {
                l.add(levels.label(n).symbol());
                en.add(levels.energy(n));
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("labels", l);
            p.put("energies", en);
            out.put(e.getKey(), p);
        }
        return out;
    }

    /** The Fourier description of a design: φ(x) = c0 + Σ_s c_s Σ_{G ∈ s} cos(G·x), V = Vmax where φ > 0. */
    public static Map<String, Object> fourier(InverseDesign.Design d, FourierGeometry geometry, double beta) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("definition", "phi(x) = c0 + sum_s c_s sum_{G in star s} cos(G.x), G = n1 b1 + n2 b2 "
                + "(conventions.md); the design is V = Vmax where phi > 0 (optimized with V = Vmax sigmoid(beta phi))");
        doc.put("beta", beta);
        doc.put("c0", d.coefficients()[0]);
        List<Object> stars = new ArrayList<>();
        List<C6Stars.Star> list = C6Stars.upTo(geometry.starCutoff());
        for (int s = 0; s < list.size(); s++) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("members", list.get(s).members());
            st.put("length", list.get(s).length());
            st.put("c", d.coefficients()[s + 1]);
            stars.add(st);
        }
        doc.put("stars", stars);
        return doc;
    }

    /** A short Markdown verification report. */
    public static String markdown(Map<String, Object> report, InverseDesign.Design best) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Bandsmith design report\n\n");
        sb.append("Objective: ").append(report.get("objective")).append("\n\n");
        boolean ms = !String.valueOf(report.get("units")).contains("gap");
        sb.append(String.format(Locale.ROOT, "| | loss | %s (Vmax) |%n|---|---|---|%n", ms ? "rms" : "gap"));
        sb.append(String.format(Locale.ROOT, "| network (two-valued design) | %.3e | %.3e |%n", best.networkLoss(),
                figure(best.networkLoss(), ms)));
        if (!Double.isNaN(best.exactLoss())) {
            sb.append(String.format(Locale.ROOT, "| exact solver | %.3e | %.3e |%n", best.exactLoss(),
                    figure(best.exactLoss(), ms)));
        }
        sb.append("\nLabels at the maximal k points (lowest bands, network / exact):\n\n");
        for (String p : best.networkBands().highSymmetry().keySet()) {
            sb.append("- ").append(p).append(": ").append(symbols(best.networkBands(), p));
            if (best.exactBands() != null) {
                sb.append(" / ").append(symbols(best.exactBands(), p));
            }
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%nRun: %s trials x %s steps, %s s; %s design(s) verified with the exact "
                + "solver.%n", ((Map<?, ?>) report.get("settings")).get("trials"),
                ((Map<?, ?>) report.get("settings")).get("steps"), report.get("seconds"),
                ((Map<?, ?>) report.get("settings")).get("verified_with_exact_solver")));
        return sb.toString();
    }

    private static String symbols(BandStructure bands, String point) {
        HighSymmetryLevels levels = bands.highSymmetry(point);
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < Math.min(bands.bandCount(), levels.count()); n++) {
            IrrepLabel l = levels.label(n);
            sb.append(n == 0 ? "" : " ").append(l.symbol());
        }
        return sb.toString();
    }

    /**
     * Writes PREFIX.npy (uint8 mask), PREFIX.png, PREFIX.svg, PREFIX.dxf, PREFIX.fourier.json and PREFIX.report.md,
     * each atomically.
     */
    public static List<Path> writeAll(Path prefix, InverseDesign.Result result, FourierGeometry geometry,
            InverseDesign.Settings settings, PotentialGrid grid, Map<String, Object> report,
            com.fasterxml.jackson.databind.ObjectMapper json, io.bandsmith.models.network.TightBindingNetwork network,
            DesignObjective objective, io.bandsmith.engine.bands.BandStructureSource exact) {
        InverseDesign.Design best = result.best();
        List<Path> written = new ArrayList<>();
        Path npy = sibling(prefix, ".npy");
        NpyFiles.writeMasks(npy, List.of(grid));
        written.add(npy);
        Path png = sibling(prefix, ".png");
        PngFiles.writeGrayscale(png, grid);
        written.add(png);
        MaskOutline outline = MaskOutline.of(best.mask(), geometry.size());
        Path svg = sibling(prefix, ".svg");
        OutlineFiles.writeSvg(svg, outline, "Bandsmith design");
        written.add(svg);
        Path dxf = sibling(prefix, ".dxf");
        OutlineFiles.writeDxf(dxf, outline);
        written.add(dxf);
        Path fourier = sibling(prefix, ".fourier.json");
        try {
            AtomicFiles.writeString(fourier, json.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(fourier(best, geometry, settings.beta())) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        written.add(fourier);
        Path md = sibling(prefix, ".report.md");
        AtomicFiles.writeString(md, markdown(report, best));
        written.add(md);
        Path bands = sibling(prefix, ".bands.png");
        writeBandsPicture(bands, network, grid, objective, exact);
        written.add(bands);
        return written;
    }

    /** Target, exact and network bands of a design along Γ-K-M-Γ as a PNG (written atomically). */
    public static void writeBandsPicture(Path file, io.bandsmith.models.network.TightBindingNetwork network,
            PotentialGrid grid, DesignObjective objective, io.bandsmith.engine.bands.BandStructureSource exact) {
        io.bandsmith.engine.lattice.KPointSet path = io.bandsmith.engine.lattice.KPointSet.path(List.of(
                io.bandsmith.engine.lattice.HexagonalLattice.GAMMA, io.bandsmith.engine.lattice.HexagonalLattice.K,
                io.bandsmith.engine.lattice.HexagonalLattice.M, io.bandsmith.engine.lattice.HexagonalLattice.GAMMA),
                24);
        int bands = objective.bands();
        double[][] exactBands = exact == null ? null : InverseDesign.inVmax(exact.compute(grid, path, bands));
        double[] params = network.denseEvaluator().parameters(network.features().of(grid));
        double[][] networkBands = new io.bandsmith.engine.tightbinding.TightBindingBandSolver(network.model(), path)
                .energies(params, bands);
        var img = bandsPicture(path, objective.targetAlong(path), exactBands, networkBands,
                "bands of the design along Γ-K-M-Γ");
        AtomicFiles.write(file, tmp -> javax.imageio.ImageIO.write(img, "png", tmp.toFile()));
    }

    /** PREFIX + suffix (PREFIX may carry directories). */
    public static Path sibling(Path prefix, String suffix) {
        return Path.of(prefix.toString() + suffix);
    }

    /**
     * The picture of a design's bands along Γ-K-M-Γ: target (thick, light), exact solver (black) and network (red,
     * dashed), energies in units of Vmax [k][band]; any of them may be null.
     */
    public static java.awt.image.BufferedImage bandsPicture(io.bandsmith.engine.lattice.KPointSet path,
            double[][] target, double[][] exact, double[][] network, String title) {
        int w = 760;
        int h = 520;
        int left = 70;
        int right = 20;
        int top = 40;
        int bottom = 50;
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] set : new double[][][] {target, exact, network}) {
            if (set != null) {
                for (double[] row : set) {
                    for (double e : row) {
                        lo = Math.min(lo, e);
                        hi = Math.max(hi, e);
                    }
                }
            }
        }
        double pad = 0.08 * (hi - lo + 1e-9);
        double eLo = lo - pad;
        double eHi = hi + pad;
        int nk = path.size();
        double[] xs = new double[nk];
        double total = 0;
        for (int k = 1; k < nk; k++) {
            total += path.get(k).distanceTo(path.get(k - 1));
            xs[k] = total;
        }
        java.util.function.DoubleUnaryOperator px = x -> left + (w - left - right) * x / xs[nk - 1];
        java.util.function.DoubleUnaryOperator py = e -> top + (h - top - bottom) * (eHi - e) / (eHi - eLo);
        g.setColor(java.awt.Color.LIGHT_GRAY);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
        for (io.bandsmith.engine.lattice.KPointSet.PathTick tick : path.pathTicks()) {
            int x = (int) px.applyAsDouble(xs[tick.index()]);
            g.setColor(java.awt.Color.LIGHT_GRAY);
            g.drawLine(x, top, x, h - bottom);
            g.setColor(java.awt.Color.BLACK);
            g.drawString(tick.name(), x - 4, h - bottom + 18);
        }
        g.setColor(java.awt.Color.BLACK);
        g.drawRect(left, top, w - left - right, h - top - bottom);
        for (int t = 0; t <= 4; t++) {
            double e = eLo + (eHi - eLo) * t / 4;
            int y = (int) py.applyAsDouble(e);
            g.drawString(String.format(Locale.ROOT, "%.3f", e), 8, y + 4);
        }
        g.drawString("E / Vmax", 8, top - 12);
        g.drawString(title, left, top - 12);
        Object[][] styles = {
            {target, new java.awt.Color(120, 190, 255), new java.awt.BasicStroke(6f), "target"},
            {exact, java.awt.Color.BLACK, new java.awt.BasicStroke(1.6f), "exact solver"},
            {network, new java.awt.Color(200, 30, 30), new java.awt.BasicStroke(1.4f, java.awt.BasicStroke.CAP_BUTT,
                java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f), "network"},
        };
        for (Object[] st : styles) {
            double[][] data = (double[][]) st[0];
            if (data == null) {
                continue;
            }
            g.setColor((java.awt.Color) st[1]);
            g.setStroke((java.awt.Stroke) st[2]);
            for (int b = 0; b < data[0].length; b++) {
                java.awt.geom.Path2D.Double line = new java.awt.geom.Path2D.Double();
                for (int k = 0; k < nk; k++) {
                    double x = px.applyAsDouble(xs[k]);
                    double y = py.applyAsDouble(data[k][b]);
                    if (k == 0) {
                        line.moveTo(x, y);
                    } else {
                        line.lineTo(x, y);
                    }
                }
                g.draw(line);
            }
        }
        int legendX = w - right - 150;
        int legendY = top + 22;
        g.setStroke(new java.awt.BasicStroke(1f));
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(legendX - 8, top + 6, 150, 62);
        g.setColor(java.awt.Color.GRAY);
        g.drawRect(legendX - 8, top + 6, 150, 62);
        for (Object[] st : styles) {
            if (st[0] == null) {
                continue;
            }
            g.setColor((java.awt.Color) st[1]);
            g.setStroke((java.awt.Stroke) st[2]);
            g.drawLine(legendX, legendY - 4, legendX + 30, legendY - 4);
            g.setStroke(new java.awt.BasicStroke(1f));
            g.setColor(java.awt.Color.BLACK);
            g.drawString((String) st[3], legendX + 38, legendY);
            legendY += 18;
        }
        g.dispose();
        return img;
    }
}
