package io.bandsmith.app.gui.preview;

/**
 * The symmetry fingerprint (ns, np, nd, nf, n0, n+) of a set of bands (conventions.md): states per label at Γ, K and
 * M, pairs counted once for p, d. n- and n1 follow from the compatibility relations.
 */
public record SymmetryFingerprint(int ns, int np, int nd, int nf, int n0, int nPlus) {
    public int bandCount() {
        return ns + 2 * (np + nd) + nf;
    }

    public int nMinus() {
        return bandCount() - nPlus;
    }

    public int n1() {
        return (bandCount() - n0) / 2;
    }

    @Override
    public String toString() {
        return "(" + ns + ", " + np + ", " + nd + ", " + nf + ", " + n0 + ", " + nPlus + ")";
    }
}
