package io.bandsmith.models.xas;

import java.util.Locale;

/** The core level an X-ray absorption spectrum excites (pymatgen / Materials Project spelling in {@link #label()}). */
public enum AbsorptionEdge {
    K("K"), L1("L1"), L2("L2"), L3("L3"), L2_3("L2,3"), M("M");

    private final String label;

    AbsorptionEdge(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses "K", "L1", "L2", "L3", "L2,3" (also "L23", "L2_3"), "M"; case-insensitive. */
    public static AbsorptionEdge parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing absorption edge");
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        switch (t) {
            case "K":
                return K;
            case "L1":
                return L1;
            case "L2":
                return L2;
            case "L3":
                return L3;
            case "L2,3":
            case "L23":
            case "L2_3":
                return L2_3;
            case "M":
                return M;
            default:
                throw new IllegalArgumentException("unknown absorption edge '" + text + "'");
        }
    }
}
