package io.bandsmith.models.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class XasSpectrumTest {
    private static XasSpectrum line(double[] x, double a, double b) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = a + b * x[i];
        }
        return new XasSpectrum(ChemicalElement.ofSymbol("Ti"), AbsorptionEdge.K, SpectrumType.XANES, x, y,
                OptionalInt.empty());
    }

    @Test
    void resamplingAStraightLineIsExactInsideTheRange() {
        double[] x = {100, 100.7, 103, 110, 111.5, 130};
        XasSpectrum s = line(x, 2, 0.5);
        double[] r = s.resample(101, 129, 200, 0);
        for (int i = 0; i < 200; i++) {
            double e = 101 + i * 28.0 / 199;
            assertEquals(2 + 0.5 * e, r[i], 1e-9);
        }
    }

    @Test
    void shiftMovesFeaturesUpInEnergy() {
        double[] x = {100, 101, 102, 103, 104, 105};
        XasSpectrum s = line(x, 0, 1);
        double[] plain = s.resample(101, 104, 4, 0);
        double[] shifted = s.resample(101, 104, 4, 1.0);
        for (int i = 0; i < 4; i++) {
            assertEquals(plain[i] - 1, shifted[i], 1e-12);
        }
    }

    @Test
    void endValuesAreHeldOutsideTheRange() {
        XasSpectrum s = line(new double[] {10, 20}, 1, 1);
        assertEquals(11, s.intensityAt(0), 0);
        assertEquals(21, s.intensityAt(50), 0);
    }

    @Test
    void invariantsAreCheckedWhereMade() {
        assertThrows(IllegalArgumentException.class, () -> line(new double[] {1}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> line(new double[] {1, 1}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> line(new double[] {2, 1}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> line(new double[] {1, Double.NaN}, 0, 1));
    }

    @Test
    void arraysAreCopied() {
        double[] x = {1, 2, 3};
        XasSpectrum s = line(x, 0, 1);
        x[0] = 99;
        s.energiesEv()[1] = 99;
        assertEquals(1, s.minEnergyEv(), 0);
        assertEquals(2, s.energiesEv()[1], 0);
    }
}
