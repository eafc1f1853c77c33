package io.bandsmith.models.xas.dataset;

/** The energy range (eV) over which every spectrum of one absorbing element is resampled. */
public record EnergyWindow(double fromEv, double toEv) {
    public EnergyWindow {
        if (!Double.isFinite(fromEv) || !Double.isFinite(toEv) || !(toEv > fromEv)) {
            throw new IllegalArgumentException("energy window must be finite and increasing, got [" + fromEv + ", "
                    + toEv + "] eV");
        }
    }
}
