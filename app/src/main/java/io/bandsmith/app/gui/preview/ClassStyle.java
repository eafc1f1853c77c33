package io.bandsmith.app.gui.preview;

import io.bandsmith.engine.topology.BandSetClass;

/** How the workbench shows the engine's band-set classes: colours and names. */
public final class ClassStyle {
    private ClassStyle() {
    }

    /** The colour of a class in plots and charts, as a CSS hex string. */
    public static String colour(BandSetClass c) {
        return switch (c) {
            case EBR -> "#2e7d32";
            case COMPOSITE -> "#1565c0";
            case FRAGILE -> "#e65100";
            case UNASSIGNED -> "#757575";
        };
    }

    /** The name shown to users: "unassigned" (a set that is not isolated) reads "not isolated". */
    public static String displayName(BandSetClass c) {
        return c == BandSetClass.UNASSIGNED ? "not isolated" : c.label();
    }
}
