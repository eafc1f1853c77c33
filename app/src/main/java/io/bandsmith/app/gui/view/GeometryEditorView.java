package io.bandsmith.app.gui.view;

import io.bandsmith.app.gui.model.GeometryDocument;
import io.bandsmith.app.gui.model.ShapeSpec;
import io.bandsmith.app.gui.viewmodel.EditorViewModel;
import io.bandsmith.engine.geometry.PotentialGrid;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Affine;

/**
 * The unit cell in real space: the rhombus spanned by a1 = (1, 0) and a2 = (1/2, √3/2) with its neighbours tiled
 * faintly around it, the C6 centre (the origin) marked, the selected shape's C6 copies outlined. Painting: drag with
 * the primary button (the brush's mode), the secondary button erases; every dab is copied six times by C6.
 */
public final class GeometryEditorView extends CanvasPane {
    private static final double SQRT3 = Math.sqrt(3);
    private static final Color EMPTY = Color.web("#f6f1e4");
    private static final Color FULL = Color.web("#23395b");
    /** EMPTY (V = 0) to FULL (V = Vmax) in 256 steps, ARGB. */
    private static final int[] SHADES = io.bandsmith.app.gui.preview.ZoneRaster.table(new int[] {0xf6f1e4, 0x23395b},
            256);

    private final EditorViewModel vm;
    private WritableImage image;
    private PotentialGrid imageGrid;
    private double scale;
    private double originX;
    private double originY;
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;

    public GeometryEditorView(EditorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("geometry-editor");
        setId("geometryEditor");
        vm.documentProperty().addListener((o, a, b) -> draw());
        vm.selectedShapeSpecProperty().addListener((o, a, b) -> draw());
        vm.brushRadiusProperty().addListener((o, a, b) -> draw());
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(e -> {
            vm.endStroke();
            if (e.getButton() == MouseButton.SECONDARY) {
                vm.brushPaintsProperty().set(restorePaints);
            }
        });
        canvas.setOnMouseMoved(e -> {
            mouseX = e.getX();
            mouseY = e.getY();
            draw();
        });
        canvas.setOnMouseExited(e -> {
            mouseX = Double.NaN;
            draw();
        });
    }

    private boolean restorePaints = true;

    private void pressed(MouseEvent e) {
        restorePaints = vm.brushPaintsProperty().get();
        if (e.getButton() == MouseButton.SECONDARY) {
            vm.brushPaintsProperty().set(false);
        }
        vm.beginStroke();
        dragged(e);
    }

    private void dragged(MouseEvent e) {
        mouseX = e.getX();
        mouseY = e.getY();
        double[] c = toCartesian(e.getX(), e.getY());
        vm.dab(c[0], c[1]);
        draw();
    }

    /** Canvas pixel to Cartesian coordinates (units of a). */
    public double[] toCartesian(double px, double py) {
        return new double[] {(px - originX) / scale, (originY - py) / scale};
    }

    /** Cartesian coordinates (units of a) to canvas pixels. */
    public double[] toCanvas(double x, double y) {
        return new double[] {originX + scale * x, originY - scale * y};
    }

    private void layoutCell() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        scale = Math.min(w / 2.25, h / 1.6);
        originX = w / 2 - scale * 0.75;
        originY = h / 2 + scale * SQRT3 / 4;
    }

    private void updateImage(PotentialGrid grid) {
        if (grid == imageGrid) {
            return;
        }
        int n = grid.size();
        if (image == null || (int) image.getWidth() != n) {
            image = new WritableImage(n, n);
        }
        // a colour table instead of a colour interpolation per cell
        double vmax = grid.vmax();
        int[] argb = new int[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double f = Math.max(0, Math.min(1, grid.value(i, j) / vmax));
                argb[j * n + i] = SHADES[(int) Math.round(f * (SHADES.length - 1))];
            }
        }
        image.getPixelWriter().setPixels(0, 0, n, n, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0,
                n);
        imageGrid = grid;
    }

    @Override
    void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(new Affine());
        g.setGlobalAlpha(1);
        g.setFill(Color.web("#d9d9d9"));
        g.fillRect(0, 0, w, h);
        layoutCell();
        GeometryDocument doc = vm.getDocument();
        updateImage(doc.grid());
        int n = doc.size();
        g.setImageSmoothing(false);
        for (int n1 = -2; n1 <= 2; n1++) {
            for (int n2 = -2; n2 <= 2; n2++) {
                boolean main = n1 == 0 && n2 == 0;
                g.setGlobalAlpha(main ? 1.0 : 0.38);
                double ox = n1 + 0.5 * n2;
                double oy = SQRT3 / 2 * n2;
                double[] o = toCanvas(ox, oy);
                // image pixel (i, j) sits at (i/L) a1 + (j/L) a2
                g.setTransform(new Affine(scale / n, scale / (2.0 * n), o[0], 0, -scale * SQRT3 / (2.0 * n), o[1]));
                g.drawImage(image, -0.5, -0.5);
            }
        }
        g.setTransform(new Affine());
        g.setGlobalAlpha(1);
        // faint outlines of the neighbours, the cell in strong colour
        g.setLineWidth(1);
        g.setStroke(Color.web("#ffffff", 0.55));
        for (int n1 = -2; n1 <= 2; n1++) {
            for (int n2 = -2; n2 <= 2; n2++) {
                strokeCell(g, n1, n2);
            }
        }
        g.setStroke(Color.web("#e8a317"));
        g.setLineWidth(2.5);
        strokeCell(g, 0, 0);
        drawSelectedShape(g);
        drawC6Centre(g);
        drawBrush(g);
        g.setFill(Color.web("#333333"));
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.format("%s · L = %d · Vmax = %.0f E0", doc.base().describe(), n, doc.vmax()), 8, 6);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("drag: paint (right button: erase), copied by C6 · a1 →, a2 ↗", 8, h - 4);
    }

    private void strokeCell(GraphicsContext g, int n1, int n2) {
        double ox = n1 + 0.5 * n2;
        double oy = SQRT3 / 2 * n2;
        double[][] corners = {{ox, oy}, {ox + 1, oy}, {ox + 1.5, oy + SQRT3 / 2}, {ox + 0.5, oy + SQRT3 / 2}};
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int k = 0; k < 4; k++) {
            double[] p = toCanvas(corners[k][0], corners[k][1]);
            xs[k] = p[0];
            ys[k] = p[1];
        }
        g.strokePolygon(xs, ys, 4);
    }

    private void drawC6Centre(GraphicsContext g) {
        double[] o = toCanvas(0, 0);
        double r = 9;
        double[] xs = new double[6];
        double[] ys = new double[6];
        for (int k = 0; k < 6; k++) {
            xs[k] = o[0] + r * Math.cos(Math.PI / 3 * k);
            ys[k] = o[1] - r * Math.sin(Math.PI / 3 * k);
        }
        g.setFill(Color.web("#c62828"));
        g.fillPolygon(xs, ys, 6);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        g.strokePolygon(xs, ys, 6);
        g.setFill(Color.web("#c62828"));
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 13));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("C6", o[0] - 8, o[1] + 6);
    }

    private void drawSelectedShape(GraphicsContext g) {
        ShapeSpec s = vm.selectedShapeSpecProperty().get();
        if (s == null) {
            return;
        }
        g.setLineWidth(1.5);
        g.setLineDashes(5, 4);
        for (int k = 0; k < 6; k++) {
            double t = Math.PI / 3 * k;
            double c = Math.cos(t);
            double sn = Math.sin(t);
            double cx = c * s.cx() - sn * s.cy();
            double cy = sn * s.cx() + c * s.cy();
            g.setStroke(k == 0 ? Color.web("#00a0e0") : Color.web("#00a0e0", 0.6));
            if (s.kind() == ShapeSpec.Kind.DISC) {
                double[] p = toCanvas(cx, cy);
                double r = s.size() * scale;
                g.strokeOval(p[0] - r, p[1] - r, 2 * r, 2 * r);
            } else {
                double[] xs = new double[s.sides()];
                double[] ys = new double[s.sides()];
                for (int v = 0; v < s.sides(); v++) {
                    double a = Math.toRadians(s.rotationDegrees()) + 2 * Math.PI * v / s.sides() + t;
                    double[] p = toCanvas(cx + s.size() * Math.cos(a), cy + s.size() * Math.sin(a));
                    xs[v] = p[0];
                    ys[v] = p[1];
                }
                g.strokePolygon(xs, ys, s.sides());
            }
        }
        g.setLineDashes();
    }

    private void drawBrush(GraphicsContext g) {
        if (Double.isNaN(mouseX)) {
            return;
        }
        double[] c = toCartesian(mouseX, mouseY);
        double r = vm.brushRadiusProperty().get() * scale;
        g.setLineWidth(1.2);
        for (int k = 0; k < 6; k++) {
            double t = Math.PI / 3 * k;
            double x = Math.cos(t) * c[0] - Math.sin(t) * c[1];
            double y = Math.sin(t) * c[0] + Math.cos(t) * c[1];
            // bring the copy into the drawn cell: fractional coordinates modulo 1
            double v = y / (SQRT3 / 2);
            double u = x - 0.5 * v;
            u -= Math.floor(u);
            v -= Math.floor(v);
            double[] p = k == 0 ? new double[] {mouseX, mouseY} : toCanvas(u + 0.5 * v, SQRT3 / 2 * v);
            g.setStroke(k == 0 ? Color.web("#ff5722") : Color.web("#ff5722", 0.7));
            g.strokeOval(p[0] - r, p[1] - r, 2 * r, 2 * r);
        }
    }
}
