package io.bandsmith.app.gui.viewmodel;

/** What the zone map shows. */
public enum ZoneMapMode {
    /** The gap between two chosen bands (any band source). */
    GAP("gap"),
    /** The Berry flux per plaquette of a band group (tight-binding sources only: it needs eigenvectors). */
    BERRY_FLUX("Berry flux");

    private final String label;

    ZoneMapMode(String label) {
        this.label = label;
    }

    /** The text of the mode switch. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
