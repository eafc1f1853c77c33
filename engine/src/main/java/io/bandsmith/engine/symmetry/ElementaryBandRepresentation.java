package io.bandsmith.engine.symmetry;

import java.util.List;

/**
 * An elementary band representation (EBR) of p6 with time reversal: orbitals of one site-symmetry irrep at one
 * Wyckoff position, and the symmetry fingerprint of the bands they induce (computed by
 * {@link BandRepresentationInduction}, not typed in).
 *
 * <p>The eight EBRs: Wyckoff 1a (C6 centre, site group C6): s, p, d, f; 2b (triangle centres (1/3, 1/3), (2/3, 2/3),
 * site group C3): A (m = 0) and the E pair (m = ±1); 3c (edge centres, site group C2): A (even) and B (odd).
 *
 * @param name "1a_s", "1a_p", "1a_d", "1a_f", "2b_A", "2b_E", "3c_A", "3c_B"
 * @param wyckoff "1a", "2b" or "3c"
 * @param siteIrrep the site-symmetry irrep ("s", "A", "E", "B", ...)
 * @param angularMomentum m of the orbital (its time-reversal partner -m is included)
 * @param fingerprint the induced fingerprint
 */
public record ElementaryBandRepresentation(String name, String wyckoff, String siteIrrep, int angularMomentum,
        SymmetryFingerprint fingerprint) {

    /** The eight EBRs of p6 with time reversal, in a fixed order (1a s, p, d, f; 2b A, E; 3c A, B). */
    public static final List<ElementaryBandRepresentation> P6_WITH_TIME_REVERSAL = List.of(
            induced("1a", "s", 0, 0, 0),
            induced("1a", "p", 0, 0, 1),
            induced("1a", "d", 0, 0, 2),
            induced("1a", "f", 0, 0, 3),
            induced("2b", "A", 1.0 / 3, 1.0 / 3, 0),
            induced("2b", "E", 1.0 / 3, 1.0 / 3, 1),
            induced("3c", "A", 0.5, 0, 0),
            induced("3c", "B", 0.5, 0, 1));

    private static ElementaryBandRepresentation induced(String wyckoff, String irrep, double u, double v, int m) {
        return new ElementaryBandRepresentation(wyckoff + "_" + irrep, wyckoff, irrep, m,
                BandRepresentationInduction.induce(u, v, m));
    }

    /** Number of bands of the EBR. */
    public int bandCount() {
        return fingerprint.bandCount();
    }

    /** The EBR with the given name ("3c_A", ...). */
    public static ElementaryBandRepresentation named(String name) {
        for (ElementaryBandRepresentation e : P6_WITH_TIME_REVERSAL) {
            if (e.name.equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no EBR named " + name);
    }

    @Override
    public String toString() {
        return name + fingerprint;
    }
}
