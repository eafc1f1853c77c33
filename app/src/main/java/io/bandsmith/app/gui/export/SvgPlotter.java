package io.bandsmith.app.gui.export;

import java.util.Locale;

/** Collects drawing calls as an SVG document. */
public final class SvgPlotter implements Plotter {
    private final StringBuilder sb = new StringBuilder();
    private final double width;
    private final double height;

    public SvgPlotter(double width, double height) {
        this.width = width;
        this.height = height;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill, String stroke) {
        sb.append("  <rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(w))
                .append("\" height=\"").append(f(h)).append("\" fill=\"").append(fill == null ? "none" : fill)
                .append("\" stroke=\"").append(stroke == null ? "none" : stroke).append("\"/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String colour, double width) {
        sb.append("  <line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x2))
                .append("\" y2=\"").append(f(y2)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                .append(f(width)).append("\"/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, String colour, double width) {
        sb.append("  <polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(f(width))
                .append("\" stroke-linejoin=\"round\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            sb.append(i == 0 ? "" : " ").append(f(xs[i])).append(',').append(f(ys[i]));
        }
        sb.append("\"/>\n");
    }

    @Override
    public void polygon(double[] xs, double[] ys, String fill, double opacity) {
        sb.append("  <polygon stroke=\"none\" fill=\"").append(fill).append("\" fill-opacity=\"").append(f(opacity))
                .append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            sb.append(i == 0 ? "" : " ").append(f(xs[i])).append(',').append(f(ys[i]));
        }
        sb.append("\"/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, String fill) {
        sb.append("  <circle cx=\"").append(f(cx)).append("\" cy=\"").append(f(cy)).append("\" r=\"").append(f(r))
                .append("\" fill=\"").append(fill).append("\"/>\n");
    }

    @Override
    public void text(String s, double x, double y, String colour, double size, Anchor anchor) {
        String a = switch (anchor) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        sb.append("  <text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" fill=\"").append(colour)
                .append("\" font-family=\"sans-serif\" font-size=\"").append(f(size)).append("\" text-anchor=\"")
                .append(a).append("\">").append(escape(s)).append("</text>\n");
    }

    /** An embedded PNG image (a raster field inside a vector drawing). */
    public void image(double x, double y, double w, double h, byte[] png) {
        sb.append("  <image x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(w))
                .append("\" height=\"").append(f(h)).append("\" preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64,")
                .append(java.util.Base64.getEncoder().encodeToString(png)).append("\"/>\n");
    }

    /** A circle outline. */
    public void ring(double cx, double cy, double r, String colour, double width) {
        sb.append("  <circle cx=\"").append(f(cx)).append("\" cy=\"").append(f(cy)).append("\" r=\"").append(f(r))
                .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(f(width))
                .append("\"/>\n");
    }

    public String toSvg() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\""
                + f(width) + "\" height=\"" + f(height) + "\" viewBox=\"0 0 " + f(width) + " " + f(height) + "\">\n"
                + sb + "</svg>\n";
    }
}
