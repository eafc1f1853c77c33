package io.bandsmith.app.gui.preview;

/** The class of an isolated set of bands, as the topology layer reports it, or that no classifier ran. */
public enum BandSetClass {
    EBR("EBR", "#2e7d32"),
    COMPOSITE("composite", "#1565c0"),
    FRAGILE("fragile", "#e65100"),
    UNASSIGNED("unassigned", "#757575"),
    NOT_CLASSIFIED("not classified", "#6d4c41");

    private final String label;
    private final String colour;

    BandSetClass(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    /** The colour of this class in plots, as a CSS hex string. */
    public String colour() {
        return colour;
    }
}
