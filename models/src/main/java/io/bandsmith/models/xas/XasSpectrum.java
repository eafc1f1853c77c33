package io.bandsmith.models.xas;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * One X-ray absorption spectrum: absorption mu(E) of one element at one edge, on a strictly increasing energy grid
 * in eV. Checked where it is made: at least two points, equal lengths, finite values, strictly increasing energies.
 * The arrays are copied in and out, so the object is immutable.
 */
public final class XasSpectrum {
    private final ChemicalElement absorbingElement;
    private final AbsorptionEdge edge;
    private final SpectrumType type;
    private final double[] energiesEv;
    private final double[] intensities;
    private final OptionalInt absorbingSiteIndex;

    public XasSpectrum(ChemicalElement absorbingElement, AbsorptionEdge edge, SpectrumType type, double[] energiesEv,
            double[] intensities, OptionalInt absorbingSiteIndex) {
        if (absorbingElement == null || edge == null || type == null) {
            throw new IllegalArgumentException("absorbing element, edge and spectrum type are required");
        }
        if (energiesEv == null || intensities == null) {
            throw new IllegalArgumentException("energies and intensities are required");
        }
        if (energiesEv.length != intensities.length) {
            throw new IllegalArgumentException("energies (x) and intensities (y) differ in length: "
                    + energiesEv.length + " vs " + intensities.length);
        }
        if (energiesEv.length < 2) {
            throw new IllegalArgumentException("a spectrum needs at least 2 points, got " + energiesEv.length);
        }
        for (int i = 0; i < energiesEv.length; i++) {
            if (!Double.isFinite(energiesEv[i])) {
                throw new IllegalArgumentException("energy x[" + i + "] is " + energiesEv[i] + " (not finite)");
            }
            if (!Double.isFinite(intensities[i])) {
                throw new IllegalArgumentException("intensity y[" + i + "] is " + intensities[i] + " (not finite)");
            }
            if (i > 0 && !(energiesEv[i] > energiesEv[i - 1])) {
                throw new IllegalArgumentException("energies are not strictly increasing: x[" + (i - 1) + "] = "
                        + energiesEv[i - 1] + " eV, x[" + i + "] = " + energiesEv[i] + " eV");
            }
        }
        this.absorbingElement = absorbingElement;
        this.edge = edge;
        this.type = type;
        this.energiesEv = energiesEv.clone();
        this.intensities = intensities.clone();
        this.absorbingSiteIndex = absorbingSiteIndex == null ? OptionalInt.empty() : absorbingSiteIndex;
    }

    public ChemicalElement absorbingElement() {
        return absorbingElement;
    }

    public AbsorptionEdge edge() {
        return edge;
    }

    public SpectrumType type() {
        return type;
    }

    public double[] energiesEv() {
        return energiesEv.clone();
    }

    public double[] intensities() {
        return intensities.clone();
    }

    public int pointCount() {
        return energiesEv.length;
    }

    public double minEnergyEv() {
        return energiesEv[0];
    }

    public double maxEnergyEv() {
        return energiesEv[energiesEv.length - 1];
    }

    /** Present for a site-specific spectrum (the index of the absorbing site in the structure). */
    public OptionalInt absorbingSiteIndex() {
        return absorbingSiteIndex;
    }

    /**
     * mu(E) by linear interpolation; outside the measured range the end value is held (no extrapolation of
     * slopes).
     */
    public double intensityAt(double energyEv) {
        double[] x = energiesEv;
        if (energyEv <= x[0]) {
            return intensities[0];
        }
        int n = x.length;
        if (energyEv >= x[n - 1]) {
            return intensities[n - 1];
        }
        int i = Arrays.binarySearch(x, energyEv);
        if (i >= 0) {
            return intensities[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double t = (energyEv - x[lo]) / (x[hi] - x[lo]);
        return intensities[lo] + t * (intensities[hi] - intensities[lo]);
    }

    /**
     * The spectrum resampled at {@code points} evenly spaced energies from {@code fromEv} to {@code toEv}, after
     * shifting the spectrum by {@code shiftEv} (a spectrum shifted by +1 eV has its features 1 eV higher).
     */
    public double[] resample(double fromEv, double toEv, int points, double shiftEv) {
        if (points < 2 || !(toEv > fromEv)) {
            throw new IllegalArgumentException("resampling needs at least 2 points on an increasing range, got "
                    + points + " points on [" + fromEv + ", " + toEv + "]");
        }
        double[] out = new double[points];
        double step = (toEv - fromEv) / (points - 1);
        for (int i = 0; i < points; i++) {
            out[i] = intensityAt(fromEv + i * step - shiftEv);
        }
        return out;
    }

    /** Number of intensities that are zero or negative (FEFF can produce them; MP flags such spectra). */
    public int nonPositiveIntensityCount() {
        int c = 0;
        for (double v : intensities) {
            if (v <= 0) {
                c++;
            }
        }
        return c;
    }

    /** True when every intensity is below 1e-3 in magnitude (flat spectra were dropped by Andrejevic et al.). */
    public boolean isFlat() {
        for (double v : intensities) {
            if (Math.abs(v) >= 1e-3) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return absorbingElement + " " + edge.label() + " " + type + " (" + pointCount() + " points, " + minEnergyEv()
                + "-" + maxEnergyEv() + " eV)";
    }
}
