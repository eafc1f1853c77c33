package io.bandsmith.app.gui.viewmodel;

import java.util.Locale;

/** Which band source the workbench uses (tool bar, {@code gui --source}). */
public enum SourceChoice {
    /** The trained network (the exact solver by itself outside the network's domain). */
    NN("nn", "network"),
    /** The exact plane-wave solver. */
    EXACT("exact", "exact solver"),
    /** The network for the live preview, and every settled geometry compared with the exact solver. */
    BOTH("both", "network + exact check");

    private final String cliName;
    private final String label;

    SourceChoice(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    public String cliName() {
        return cliName;
    }

    @Override
    public String toString() {
        return label;
    }

    public static SourceChoice parse(String s) {
        for (SourceChoice c : values()) {
            if (c.cliName.equals(s.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("--source must be nn, exact or both, got '" + s + "'");
    }
}
