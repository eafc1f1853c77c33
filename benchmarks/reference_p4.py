#!/usr/bin/env python3
"""Independent numpy reference for `./bandsmith solve --case p4` (cross-check only, never a runtime dependency).

Written from docs/conventions.md (case p4) without the Java code: square pixels,
V(G) = fft2(V)[n1 mod L, n2 mod L] / L^2 * sinc(Gx/2L) sinc(Gy/2L), G = 2pi (n1, n2); dense plane-wave
diagonalization (numpy eigh) in the ball |k+G| <= Gc for two cutoffs, extrapolated in Gc^-3 (physics-notes.md).
Labels at Gamma, X, M from the characters of C4 (C2 at X) on each group of degenerate levels:
n_s - n_d = chi(C4), n_s + n_d - 2 n_p = chi(C2) (p = the +-i pair), at X n_+ - n_- = chi(C2).

usage: reference_p4.py POTENTIALS.npy OUT.json [--vmax 256] [--cutoffs 100,140] [--bands 8] [--samples 2]
Writes {"cutoffs", "kpoints", "samples": [{"energies": [[...] per k], "labels": {"G": [...], "X": [...], "M": [...]}}]}
for the k points Gamma, X, M and five interior points of the Gamma-X-M wedge.
"""
import argparse
import json

import numpy as np

KPOINTS = [(0.0, 0.0), (np.pi, 0.0), (np.pi, np.pi), (np.pi / 2, 0.0), (np.pi, np.pi / 2), (np.pi / 2, np.pi / 2),
           (2 * np.pi / 3, np.pi / 3), (0.9 * np.pi, 0.2 * np.pi)]
NAMES = {0: "G", 1: "X", 2: "M"}


def fourier(V, nmax):
    L = V.shape[0]
    F = np.fft.fft2(V) / L**2
    n = np.arange(-nmax, nmax + 1)
    n1, n2 = np.meshgrid(n, n, indexing="ij")
    gx, gy = 2 * np.pi * n1, 2 * np.pi * n2
    ff = np.sinc(gx / (2 * L) / np.pi) * np.sinc(gy / (2 * L) / np.pi)  # np.sinc(x) = sin(pi x)/(pi x)
    return (F[n1 % L, n2 % L] * ff).real


def ball(k, gc):
    m = int(np.ceil((gc + 5) / (2 * np.pi))) + 1
    n = np.arange(-m, m + 1)
    n1, n2 = np.meshgrid(n, n, indexing="ij")
    n1, n2 = n1.ravel(), n2.ravel()
    kx, ky = k[0] + 2 * np.pi * n1, k[1] + 2 * np.pi * n2
    keep = kx**2 + ky**2 <= gc**2 * (1 + 1e-12)
    return n1[keep], n2[keep]


def solve(table, nmax, k, gc, levels):
    n1, n2 = ball(k, gc)
    d1 = n1[:, None] - n1[None, :] + nmax
    d2 = n2[:, None] - n2[None, :] + nmax
    H = table[d1, d2].copy()
    H[np.diag_indices_from(H)] += (k[0] + 2 * np.pi * n1) ** 2 + (k[1] + 2 * np.pi * n2) ** 2
    e, v = np.linalg.eigh(H)
    return e[:levels], v[:, :levels], n1, n2


def rotation_perm(k, n1, n2, quarter_turns):
    """perm[i] = index of G' with k + G' = R(k + G_i), R = rotation by quarter_turns * 90 degrees."""
    idx = {(a, b): i for i, (a, b) in enumerate(zip(n1, n2))}
    kf = np.array(k) / (2 * np.pi)
    perm = []
    for a, b in zip(n1, n2):
        x, y = kf[0] + a, kf[1] + b
        for _ in range(quarter_turns):
            x, y = -y, x
        perm.append(idx[(int(round(x - kf[0])), int(round(y - kf[1])))])
    return np.array(perm)


def labels(e, v, k, n1, n2, point, count, tol):
    out = []
    start = 0
    c4 = rotation_perm(k, n1, n2, 1) if point != "X" else None
    c2 = rotation_perm(k, n1, n2, 2)
    while start < count:
        end = start + 1
        while end < len(e) and e[end] - e[end - 1] < tol:
            end += 1
        sub = v[:, start:end]
        chi2 = float(np.sum(sub[c2, :] * sub))
        dim = end - start
        if point == "X":
            npl = int(round((dim + chi2) / 2))
            out += ["+"] * npl + ["-"] * (dim - npl)
        else:
            chi4 = float(np.sum(sub[c4, :] * sub))
            # dim = s + d + 2p, chi4 = s - d, chi2 = s + d - 2p
            npair = int(round((dim - chi2) / 4))
            ns = int(round((dim - 2 * npair + chi4) / 2))
            nd = dim - 2 * npair - ns
            out += ["s"] * ns + ["p"] * (2 * npair) + ["d"] * nd
        start = end
    return out[:count]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("potentials")
    ap.add_argument("out")
    ap.add_argument("--vmax", type=float, default=256.0)
    ap.add_argument("--cutoffs", default="100,140")
    ap.add_argument("--bands", type=int, default=8)
    ap.add_argument("--samples", type=int, default=2)
    a = ap.parse_args()
    V = np.load(a.potentials)
    if V.ndim == 2:
        V = V[None]
    cut = [float(c) for c in a.cutoffs.split(",")]
    nmax = int(np.ceil(2 * (max(cut) + 5) / (2 * np.pi))) + 2
    samples = []
    for s in range(min(a.samples, V.shape[0])):
        grid = V[s].astype(float) * (a.vmax if V.dtype in (np.uint8, np.bool_) else 1.0)
        table = fourier(grid, nmax)
        rows, labs = [], {}
        for i, k in enumerate(KPOINTS):
            es = []
            for gc in cut:
                e, v, n1, n2 = solve(table, nmax, k, gc, a.bands + 6)
                es.append(e[: a.bands])
                if i in NAMES and gc == cut[-1]:
                    labs[NAMES[i]] = labels(e, v, k, n1, n2, NAMES[i], a.bands, 1e-7 * a.vmax)
            # E(Gc) = E_inf + c Gc^-3
            w0, w1 = cut[0] ** -3, cut[1] ** -3
            rows.append(list((es[1] * w0 - es[0] * w1) / (w0 - w1)))
        samples.append({"energies": rows, "labels": labs})
        print(f"sample {s}: done", flush=True)
    with open(a.out, "w") as f:
        json.dump({"cutoffs": cut, "vmax": a.vmax, "kpoints": [list(k) for k in KPOINTS], "samples": samples}, f,
                  indent=1)


if __name__ == "__main__":
    main()
