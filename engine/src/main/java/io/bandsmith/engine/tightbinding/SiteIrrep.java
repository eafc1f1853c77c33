package io.bandsmith.engine.tightbinding;

/**
 * A one-dimensional irrep ρ of a site-symmetry group, as data: the phase ρ(h) by which a site-group element h (given
 * by its Cartesian rotation matrix, acting about the orbital's centre in the orbital's own frame) multiplies the
 * orbital, (ĥφ)(x) = φ(h⁻¹x) = ρ(h) φ(x). Two kinds cover the case studies:
 * <ul>
 *   <li>{@link AngularMomentum}: rotations about the z axis (2D rotations), ρ = e^{-imθ} (p6, p4, the class-D p4
 *       model; conventions.md);</li>
 *   <li>{@link AxisParities}: groups of twofold rotations about the Cartesian axes (D2, C2), ρ = the parity of the
 *       orbital under C2x, C2y, C2z (the orbitals A, B1, B2, B3 of appendix J: s, p_z, p_y, p_x).</li>
 * </ul>
 * Value equality means "the same orbital type"; {@link #phase} throws for an element outside the irrep's domain.
 */
public sealed interface SiteIrrep permits SiteIrrep.AngularMomentum, SiteIrrep.AxisParities {
    /** ρ(h) = {re, im} for the Cartesian rotation matrix R of h (2 x 2 or 3 x 3). */
    double[] phase(double[][] rotation);

    /** Angular momentum m about the z axis: ρ(R_θ) = e^{-imθ}; defined for proper rotations about z. */
    record AngularMomentum(int m) implements SiteIrrep {
        @Override
        public double[] phase(double[][] r) {
            if (r.length == 3 && (Math.abs(r[2][2] - 1) > 1e-9 || Math.abs(r[0][2]) > 1e-9
                    || Math.abs(r[1][2]) > 1e-9)) {
                throw new IllegalArgumentException("angular momentum m = " + m + " is defined for rotations about z, "
                        + "not for this site-group element");
            }
            double det = r[0][0] * r[1][1] - r[0][1] * r[1][0];
            if (Math.abs(det - 1) > 1e-9) {
                throw new IllegalArgumentException("angular momentum m = " + m + " is defined for proper rotations");
            }
            double theta = Math.atan2(r[1][0], r[0][0]);
            return new double[] {Math.cos(-m * theta), Math.sin(-m * theta)};
        }

        @Override
        public String toString() {
            return "m=" + m;
        }
    }

    /**
     * A 1D irrep of a group of twofold rotations about x, y, z: the parities (±1) under C2x, C2y, C2z. For D2 the
     * product of the three is +1 (A: +++, B1 (p_z): --+, B2 (p_y): -+-, B3 (p_x): +--).
     */
    record AxisParities(String name, int x, int y, int z) implements SiteIrrep {
        public AxisParities {
            if (Math.abs(x) != 1 || Math.abs(y) != 1 || Math.abs(z) != 1) {
                throw new IllegalArgumentException("parities must be +1 or -1");
            }
        }

        public static final AxisParities A = new AxisParities("A", 1, 1, 1);
        public static final AxisParities B1 = new AxisParities("B1", -1, -1, 1);
        public static final AxisParities B2 = new AxisParities("B2", -1, 1, -1);
        public static final AxisParities B3 = new AxisParities("B3", 1, -1, -1);

        @Override
        public double[] phase(double[][] r) {
            if (r.length != 3) {
                throw new IllegalArgumentException("axis parities need 3D rotations");
            }
            int[] d = new int[3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    if (i != j && Math.abs(r[i][j]) > 1e-9) {
                        throw new IllegalArgumentException(name + " is defined for twofold rotations about the axes");
                    }
                }
                d[i] = (int) Math.rint(r[i][i]);
                if (Math.abs(d[i]) != 1 || Math.abs(r[i][i] - d[i]) > 1e-9) {
                    throw new IllegalArgumentException(name + " is defined for twofold rotations about the axes");
                }
            }
            int p;
            if (d[0] == 1 && d[1] == 1 && d[2] == 1) {
                p = 1;
            } else if (d[0] == 1 && d[1] == -1 && d[2] == -1) {
                p = x;
            } else if (d[0] == -1 && d[1] == 1 && d[2] == -1) {
                p = y;
            } else if (d[0] == -1 && d[1] == -1 && d[2] == 1) {
                p = z;
            } else {
                throw new IllegalArgumentException(name + " is defined for proper rotations");
            }
            return new double[] {p, 0};
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
