package io.bandsmith.app.gui.preview;

import io.bandsmith.engine.bands.BandStructure;

/**
 * Classifies isolated band sets (EBR / composite / fragile / unassigned) from their symmetry fingerprint. The
 * workbench's plug for the topology layer ({@code io.bandsmith.engine.topology}); until that layer is on the
 * classpath, {@link #unavailable()} says so for every set. Implementations are thread-safe (called on the preview
 * thread).
 */
public interface BandSetClassifier {
    /** A short name for the status line. */
    String name();

    /** False when this classifier cannot classify anything (the topology layer is missing). */
    boolean available();

    Classification classify(BandSet set, BandStructure bands);

    /** The classifier used while no topology layer exists: every set is "not classified", and the note says why. */
    static BandSetClassifier unavailable() {
        return new BandSetClassifier() {
            @Override
            public String name() {
                return "none (topology layer not yet available)";
            }

            @Override
            public boolean available() {
                return false;
            }

            @Override
            public Classification classify(BandSet set, BandStructure bands) {
                return new Classification(BandSetClass.NOT_CLASSIFIED, "—",
                        "EBR classification not yet available");
            }
        };
    }
}
