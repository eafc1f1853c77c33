package io.bandsmith.engine.tightbinding;

/**
 * One tight-binding orbital in the complex angular-momentum basis: a Wannier orbital of site-symmetry irrep m (the
 * rotation by θ about its centre multiplies it by e^{-imθ}) centred at fractional position (u, v) of the cell.
 *
 * <p>Orbitals of one {@code multiplet} belong together: a rotation maps an orbital to the orbital of the same
 * multiplet and the same m at the rotated position; time reversal maps it to the orbital of the same multiplet at the
 * same position with -m (mod the order of the site-symmetry group), for example p1+ (m = 1) and p1- (m = -1) of the
 * multiplet "p1", or the f orbital (m = 3 ≡ -3 at a C6 site) onto itself.
 *
 * @param name unique name, for example "p1+"
 * @param multiplet the principal-quantum-number family, for example "p1"
 * @param u fractional coordinate along a1
 * @param v fractional coordinate along a2
 * @param m angular momentum about the site
 */
public record OrbitalSpec(String name, String multiplet, double u, double v, int m) {
    public OrbitalSpec {
        if (name == null || name.isBlank() || multiplet == null || multiplet.isBlank()) {
            throw new IllegalArgumentException("an orbital needs a name and a multiplet");
        }
        if (!Double.isFinite(u) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("orbital " + name + " has a non-finite position");
        }
    }

    /** An orbital at the C6 centre (Wyckoff 1a). */
    public static OrbitalSpec atOrigin(String name, String multiplet, int m) {
        return new OrbitalSpec(name, multiplet, 0, 0, m);
    }
}
