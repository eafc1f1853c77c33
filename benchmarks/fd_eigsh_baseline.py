#!/usr/bin/env python3
"""The paper's baseline (appendix G): scipy eigsh (implicitly restarted Lanczos) on the L x L finite-difference
Hamiltonian of the hexagonal grid (7-point stencil, Bloch phases across the cell boundary), lowest bands at the given
k points. Benchmark only; never a runtime dependency of Bandsmith.

usage: fd_eigsh_baseline.py POTENTIALS.npy SOLVE_OUTPUT.json [--samples 2] [--bands 7] [--vmax 256]
Prints JSON: seconds per potential and per k point, and the deviation from the given solve output (Vmax).
"""
import argparse
import json
import time

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as sla

from reference_planewave import load_inputs

SQ3 = np.sqrt(3.0)
A1 = np.array([1.0, 0.0])
A2 = np.array([0.5, SQ3 / 2])


def fd_hamiltonian(V, k):
    L = V.shape[0]
    h = 1.0 / L
    idx = np.arange(L * L).reshape(L, L)
    rows, cols, vals = [], [], []
    c = 2.0 / (3.0 * h * h)  # triangular-lattice Laplacian: (2/3h^2) sum_j (psi_j - psi_i)
    for di, dj in [(1, 0), (0, 1), (-1, 1), (-1, 0), (0, -1), (1, -1)]:
        i = np.arange(L)[:, None].repeat(L, 1)
        j = np.arange(L)[None, :].repeat(L, 0)
        ti, tj = i + di, j + dj
        wrap_i, wrap_j = np.floor_divide(ti, L), np.floor_divide(tj, L)
        phase = np.exp(1j * (k[0] * (wrap_i * A1[0] + wrap_j * A2[0]) + k[1] * (wrap_i * A1[1] + wrap_j * A2[1])))
        rows.append(idx.ravel())
        cols.append(idx[ti % L, tj % L].ravel())
        vals.append((-c * phase).ravel())
    rows.append(idx.ravel())
    cols.append(idx.ravel())
    vals.append((6 * c + V).ravel().astype(complex))
    return sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(L * L, L * L))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("potentials")
    ap.add_argument("solve_json")
    ap.add_argument("--samples", type=int, default=2)
    ap.add_argument("--bands", type=int, default=7)
    ap.add_argument("--vmax", type=float, default=256.0)
    a = ap.parse_args()
    pots, doc = load_inputs(a.potentials, a.solve_json, a.vmax)
    ks = np.array(doc["kpoints"])
    diffs = []
    start = time.perf_counter()
    for s in range(min(a.samples, len(pots))):
        ours = np.array(doc["samples"][s]["energies"])
        for q, k in enumerate(ks):
            H = fd_hamiltonian(pots[s], k)
            w = np.sort(sla.eigsh(H, k=a.bands, which="SA", return_eigenvectors=False).real)
            diffs.append((w - ours[q][: a.bands]) / a.vmax)
    elapsed = time.perf_counter() - start
    n = min(a.samples, len(pots))
    d = np.array(diffs)
    print(json.dumps({"potentials": n, "kpoints": len(ks), "seconds_per_potential": elapsed / n,
                      "seconds_per_kpoint": elapsed / (n * len(ks)),
                      "fd_minus_planewave_rms_vmax": float(np.sqrt(np.mean(d**2))),
                      "fd_minus_planewave_mean_vmax": float(np.mean(d))}))


if __name__ == "__main__":
    main()
