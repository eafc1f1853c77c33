package io.bandsmith.engine.tightbinding;

import java.util.Arrays;

/**
 * One tight-binding orbital: a Wannier orbital of a one-dimensional site-symmetry irrep centred at a fractional
 * position of the cell (2D or 3D), with a frame.
 *
 * <p>The frame is the rotational part W_α (fractional coordinates) of the coset representative g_α that made the
 * orbital from the orbital at the Wyckoff representative q (|α⟩ = ĝ_α|q⟩, appendix J: the second sublattice of
 * P4₂22 is made by the screw); the irrep is that of the orbital at q. An operation g that maps orbital i onto
 * orbital j (same multiplet and irrep, position g q_i = q_j + s) multiplies it by ρ(R_j⁻¹ R_g R_i), R the Cartesian
 * rotations of the frames and of g. With the identity frame (the default, and every orbital at 1a) the phase is
 * ρ(R_g): for angular momentum m the rotation by θ gives e^{-imθ} (conventions.md).
 *
 * <p>Orbitals of one {@code multiplet} belong together: an operation maps an orbital to the orbital of the same
 * multiplet and irrep at the image position; an antiunitary symmetry (time reversal, particle-hole) maps it to the
 * orbital of the same multiplet, position and frame whose irrep is the complex conjugate (times the particle-hole
 * character), for example p1+ (m = 1) and p1- (m = -1) of the multiplet "p1", or s and p- of a class-D pair.
 *
 * @param name unique name, for example "p1+"
 * @param multiplet the principal-quantum-number family, for example "p1"
 * @param position fractional coordinates (2 or 3)
 * @param irrep the site-symmetry irrep of the orbital at the Wyckoff representative
 * @param frame the rotational part of the coset representative (integer, fractional coordinates)
 */
public record OrbitalSpec(String name, String multiplet, double[] position, SiteIrrep irrep, int[][] frame) {
    public OrbitalSpec {
        if (name == null || name.isBlank() || multiplet == null || multiplet.isBlank()) {
            throw new IllegalArgumentException("an orbital needs a name and a multiplet");
        }
        if (position == null || position.length < 2 || position.length > 3) {
            throw new IllegalArgumentException("orbital " + name + " needs 2 or 3 fractional coordinates");
        }
        for (double x : position) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("orbital " + name + " has a non-finite position");
            }
        }
        if (irrep == null) {
            throw new IllegalArgumentException("orbital " + name + " needs a site irrep");
        }
        position = position.clone();
        int d = position.length;
        if (frame == null) {
            frame = new int[d][d];
            for (int i = 0; i < d; i++) {
                frame[i][i] = 1;
            }
        }
        if (frame.length != d) {
            throw new IllegalArgumentException("orbital " + name + ": frame must be " + d + " x " + d);
        }
        int[][] f = new int[d][];
        for (int i = 0; i < d; i++) {
            if (frame[i].length != d) {
                throw new IllegalArgumentException("orbital " + name + ": frame must be " + d + " x " + d);
            }
            f[i] = frame[i].clone();
        }
        frame = f;
    }

    /** A 2D orbital of angular momentum m at (u, v) with the identity frame. */
    public OrbitalSpec(String name, String multiplet, double u, double v, int m) {
        this(name, multiplet, new double[] {u, v}, new SiteIrrep.AngularMomentum(m), null);
    }

    /** An orbital at the C_n centre (Wyckoff 1a). */
    public static OrbitalSpec atOrigin(String name, String multiplet, int m) {
        return new OrbitalSpec(name, multiplet, 0, 0, m);
    }

    @Override
    public double[] position() {
        return position.clone();
    }

    @Override
    public int[][] frame() {
        int[][] f = new int[frame.length][];
        for (int i = 0; i < f.length; i++) {
            f[i] = frame[i].clone();
        }
        return f;
    }

    public int dimension() {
        return position.length;
    }

    /** Fractional coordinate along a1. */
    public double u() {
        return position[0];
    }

    /** Fractional coordinate along a2. */
    public double v() {
        return position[1];
    }

    /** Coordinate i (fractional). */
    public double coordinate(int i) {
        return position[i];
    }

    /** The angular momentum about the site (orbitals with an {@link SiteIrrep.AngularMomentum} irrep only). */
    public int m() {
        if (irrep instanceof SiteIrrep.AngularMomentum a) {
            return a.m();
        }
        throw new IllegalStateException("orbital " + name + " has irrep " + irrep + ", not an angular momentum");
    }

    boolean identityFrame() {
        for (int i = 0; i < frame.length; i++) {
            for (int j = 0; j < frame.length; j++) {
                if (frame[i][j] != (i == j ? 1 : 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrbitalSpec s && s.name.equals(name) && s.multiplet.equals(multiplet)
                && Arrays.equals(s.position, position) && s.irrep.equals(irrep)
                && Arrays.deepEquals(s.frame, frame);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(position);
    }

    @Override
    public String toString() {
        return name + "(" + multiplet + ", " + Arrays.toString(position) + ", " + irrep + ")";
    }
}
