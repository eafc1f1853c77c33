package io.bandsmith.engine.bands;

import java.util.List;

import io.bandsmith.engine.lattice.HighSymmetryPoint;
import io.bandsmith.engine.symmetry.IrrepLabel;

/**
 * The lowest levels at one maximal k point with their symmetry labels: {@code energies[n]} (E0, ascending) carries
 * {@code labels.get(n)}; both members of a degenerate pair carry the same label.
 */
public record HighSymmetryLevels(HighSymmetryPoint point, double[] energies, List<IrrepLabel> labels) {
    public HighSymmetryLevels {
        energies = energies.clone();
        labels = List.copyOf(labels);
        if (energies.length != labels.size()) {
            throw new IllegalArgumentException("at " + point.name() + ": " + energies.length + " energies but "
                    + labels.size() + " labels");
        }
        for (int n = 1; n < energies.length; n++) {
            if (energies[n] < energies[n - 1]) {
                throw new IllegalArgumentException("levels at " + point.name() + " must be ascending");
            }
        }
        for (IrrepLabel l : labels) {
            if (!l.point().equals(point.name())) {
                throw new IllegalArgumentException("label " + l + " of point " + l.point() + " given at " + point.name());
            }
        }
    }

    public int count() {
        return energies.length;
    }

    public double energy(int n) {
        return energies[n];
    }

    public IrrepLabel label(int n) {
        return labels.get(n);
    }

    @Override
    public double[] energies() {
        return energies.clone();
    }

    /** The first {@code n} levels. */
    public HighSymmetryLevels lowest(int n) {
        return new HighSymmetryLevels(point, java.util.Arrays.copyOf(energies, n), labels.subList(0, n));
    }
}
