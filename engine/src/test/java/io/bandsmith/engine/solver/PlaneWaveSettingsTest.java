package io.bandsmith.engine.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The solver's settings check themselves where they are made, and the cutoff grows as Vmax^(1/3) above 256 E0. */
class PlaneWaveSettingsTest {
    @Test
    void settingsRefuseWhatTheSolverCannotUse() {
        assertThrows(IllegalArgumentException.class, () -> new PlaneWaveSettings(0, 6, 6, 3, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> new PlaneWaveSettings(-1, 6, 6, 3, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> new PlaneWaveSettings(60, 0, 0, 3, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> new PlaneWaveSettings(60, 6, 7, 3, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> new PlaneWaveSettings(60, 6, -1, 3, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> new PlaneWaveSettings(60, 6, 6, 0.5, 1e-7));
        // the edges that are allowed
        new PlaneWaveSettings(60, 1, 1, 1, 1e-7);
        new PlaneWaveSettings(60, 6, 0, 0, 1e-7);
        new PlaneWaveSettings(1e-9, 6, 6, 3, 1e-7);
    }

    @Test
    void correctionAndCutoffScaling() {
        PlaneWaveSettings d = PlaneWaveSettings.defaults();
        assertTrue(d.correctionEnabled());
        assertFalse(d.withCorrectionFactor(0).correctionEnabled());
        assertFalse(d.withCorrectionFactor(1).correctionEnabled(), "a factor of 1 adds no plane waves");
        assertTrue(d.withCorrectionFactor(1.01).correctionEnabled());
        assertEquals(80, d.withCutoff(80).cutoff());
        assertEquals(d.extraLevels(), d.withCutoff(80).extraLevels());
        assertEquals(d.correctionFactor(), d.withCutoff(80).correctionFactor());
        assertEquals(d.anchorExtra(), d.withCorrectionFactor(2).anchorExtra());
        assertEquals(d.degeneracyTolerance(), d.withCorrectionFactor(2).degeneracyTolerance());
        assertEquals(d.cutoff(), d.cutoffFor(256), 1e-12);
        assertEquals(d.cutoff(), d.cutoffFor(16), 1e-12, "never below the reference cutoff");
        assertEquals(2 * d.cutoff(), d.cutoffFor(8 * 256), 1e-9, "(8)^(1/3) = 2");
        assertTrue(PlaneWaveSettings.preview().cutoff() < d.cutoff());
    }
}
