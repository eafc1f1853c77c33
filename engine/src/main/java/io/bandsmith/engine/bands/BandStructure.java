package io.bandsmith.engine.bands;

import java.util.LinkedHashMap;
import java.util.Map;

import io.bandsmith.engine.lattice.KPointSet;

/**
 * Bands of one geometry: the lowest {@code bandCount} energies (E0, ascending) at every point of a k set, and the
 * labelled levels at the maximal k points. Produced by the exact solver and by the network, consumed by topology,
 * the command line and the workbench. Immutable.
 */
public final class BandStructure {
    private final KPointSet kpoints;
    private final double[][] energies;
    private final Map<String, HighSymmetryLevels> highSymmetry;
    private final double vmax;
    private final String source;

    /**
     * @param energies one row per k point, {@code bandCount} ascending values each, in E0 (copied)
     * @param highSymmetry levels by point name ("G", "K", "M"), in the lattice's order
     * @param vmax the step height of the geometry, E0
     * @param source a short description of how the bands were computed (solver, settings)
     */
    public BandStructure(KPointSet kpoints, double[][] energies, Map<String, HighSymmetryLevels> highSymmetry,
            double vmax, String source) {
        if (energies.length != kpoints.size()) {
            throw new IllegalArgumentException(kpoints.size() + " k points but " + energies.length + " energy rows");
        }
        int bands = energies.length == 0 ? 0 : energies[0].length;
        this.energies = new double[energies.length][];
        for (int k = 0; k < energies.length; k++) {
            if (energies[k].length != bands) {
                throw new IllegalArgumentException("row " + k + " has " + energies[k].length + " bands, expected " + bands);
            }
            for (int n = 0; n < bands; n++) {
                if (!Double.isFinite(energies[k][n])) {
                    throw new IllegalArgumentException("energy of band " + (n + 1) + " at k point " + k + " is "
                            + energies[k][n]);
                }
                if (n > 0 && energies[k][n] < energies[k][n - 1]) {
                    throw new IllegalArgumentException("energies at k point " + k + " are not ascending");
                }
            }
            this.energies[k] = energies[k].clone();
        }
        this.kpoints = kpoints;
        this.highSymmetry = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(highSymmetry));
        this.vmax = vmax;
        this.source = source;
    }

    public KPointSet kpoints() {
        return kpoints;
    }

    public int bandCount() {
        return energies.length == 0 ? 0 : energies[0].length;
    }

    /** Energy of band {@code band} (0-based) at k point {@code k}, E0. */
    public double energy(int k, int band) {
        return energies[k][band];
    }

    /** A copy of the energies, [k][band], E0. */
    public double[][] energies() {
        double[][] copy = new double[energies.length][];
        for (int k = 0; k < energies.length; k++) {
            copy[k] = energies[k].clone();
        }
        return copy;
    }

    public Map<String, HighSymmetryLevels> highSymmetry() {
        return highSymmetry;
    }

    public HighSymmetryLevels highSymmetry(String pointName) {
        HighSymmetryLevels l = highSymmetry.get(pointName);
        if (l == null) {
            throw new IllegalArgumentException("no levels at " + pointName);
        }
        return l;
    }

    public double vmax() {
        return vmax;
    }

    public String source() {
        return source;
    }
}
