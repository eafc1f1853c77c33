package io.bandsmith.engine.tightbinding;

/**
 * One matrix element ⟨row, 0| H |col, t⟩ = re + i im of a real-space tight-binding Hamiltonian, with the lattice
 * translation t = t1 a1 + t2 a2 (t = 0: on-site). The Bloch Hamiltonian is H(k)_{row,col} = Σ_t e^{ik·t} (re + i im)
 * (the periodic convention: orbital positions inside the cell do not enter the phases, so H(k + G) = H(k)).
 */
public record HoppingTerm(int row, int col, int t1, int t2, double re, double im) {
}
