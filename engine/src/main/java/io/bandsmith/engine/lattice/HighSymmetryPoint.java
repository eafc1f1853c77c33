package io.bandsmith.engine.lattice;

/**
 * A maximal high-symmetry point of the Brillouin zone.
 *
 * @param name the short name used in files ("G" for Gamma, "K", "M")
 * @param displayName the name shown to people ("Γ", "K", "M")
 * @param k position in Cartesian coordinates (1/a)
 * @param rotationOrder order n of the rotation C_n that generates its little co-group (6 at Γ in p6, 3 at K, 2 at M)
 */
public record HighSymmetryPoint(String name, String displayName, KVector k, int rotationOrder) {
    public HighSymmetryPoint {
        if (rotationOrder < 1) {
            throw new IllegalArgumentException("rotation order must be >= 1, got " + rotationOrder);
        }
    }

    /** The rotation angle of the generating rotation C_n, counter-clockwise, in radians. */
    public double rotationAngle() {
        return 2 * Math.PI / rotationOrder;
    }
}
