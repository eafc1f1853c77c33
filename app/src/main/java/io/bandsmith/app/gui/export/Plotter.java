package io.bandsmith.app.gui.export;

/**
 * A minimal drawing surface (pixels, y down, colours as CSS hex strings), so that one painter draws the band
 * diagram on a JavaFX canvas and into an SVG file alike. Text is placed by its baseline.
 */
public interface Plotter {
    enum Anchor { START, MIDDLE, END }

    void rect(double x, double y, double w, double h, String fill, String stroke);

    void line(double x1, double y1, double x2, double y2, String colour, double width);

    void polyline(double[] xs, double[] ys, String colour, double width);

    void circle(double cx, double cy, double r, String fill);

    /** A filled polygon (no outline) with the given opacity (0..1), e.g. an uncertainty band. */
    void polygon(double[] xs, double[] ys, String fill, double opacity);

    void text(String s, double x, double y, String colour, double size, Anchor anchor);
}
