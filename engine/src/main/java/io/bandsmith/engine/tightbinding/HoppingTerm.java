package io.bandsmith.engine.tightbinding;

/**
 * One matrix element ⟨row, 0| H |col, t⟩ = re + i im of a real-space tight-binding Hamiltonian, with the lattice
 * translation t = t1 a1 + t2 a2 (+ t3 a3 in 3D; t = 0: on-site). The Bloch Hamiltonian is
 * H(k)_{row,col} = Σ_t e^{ik·t} (re + i im) (the periodic convention: orbital positions inside the cell do not enter
 * the phases, so H(k + G) = H(k)).
 */
public record HoppingTerm(int row, int col, int t1, int t2, int t3, double re, double im) {
    /** A 2D term (t3 = 0). */
    public HoppingTerm(int row, int col, int t1, int t2, double re, double im) {
        this(row, col, t1, t2, 0, re, im);
    }
}
