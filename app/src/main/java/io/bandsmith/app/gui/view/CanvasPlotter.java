package io.bandsmith.app.gui.view;

import io.bandsmith.app.gui.export.Plotter;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** {@link Plotter} on a JavaFX canvas. */
final class CanvasPlotter implements Plotter {
    private final GraphicsContext g;

    CanvasPlotter(GraphicsContext g) {
        this.g = g;
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setTextBaseline(VPos.BASELINE);
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill, String stroke) {
        if (fill != null) {
            g.setFill(Color.web(fill));
            g.fillRect(x, y, w, h);
        }
        if (stroke != null) {
            g.setStroke(Color.web(stroke));
            g.setLineWidth(1);
            g.strokeRect(x, y, w, h);
        }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String colour, double width) {
        g.setStroke(Color.web(colour));
        g.setLineWidth(width);
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void polyline(double[] xs, double[] ys, String colour, double width) {
        g.setStroke(Color.web(colour));
        g.setLineWidth(width);
        g.strokePolyline(xs, ys, xs.length);
    }

    @Override
    public void polygon(double[] xs, double[] ys, String fill, double opacity) {
        Color c = Color.web(fill);
        g.setFill(new Color(c.getRed(), c.getGreen(), c.getBlue(), opacity));
        g.fillPolygon(xs, ys, xs.length);
    }

    @Override
    public void circle(double cx, double cy, double r, String fill) {
        g.setFill(Color.web(fill));
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void text(String s, double x, double y, String colour, double size, Anchor anchor) {
        g.setFill(Color.web(colour));
        g.setFont(Font.font("System", size));
        g.setTextAlign(switch (anchor) {
            case START -> TextAlignment.LEFT;
            case MIDDLE -> TextAlignment.CENTER;
            case END -> TextAlignment.RIGHT;
        });
        g.fillText(s, x, y);
    }
}
