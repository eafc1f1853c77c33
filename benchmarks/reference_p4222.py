#!/usr/bin/env python3
"""Independent numpy reference for `./bandsmith solve --case p4222-3d` (cross-check only, never a runtime dependency).

Written from docs/conventions.md (case p4222-3d) without the Java code:
- voxel reading V(G) = fftn(V)[n mod L] / L^3 * prod_d sinc(G_d len_d / 2L), G = 2pi (n1, n2, n3 / c), len = (1, 1, c);
- dense plane waves H_GG' = |k+G|^2 delta + V(G - G') in the ball |k+G| <= R centred on k (numpy eigh), for
  several radii; the converged value is extrapolated in R^-p with p fitted from the last three radii;
- labels from the characters of the five elements of the paper's Tables I-IV, with (g psi)(x) = psi(g^-1 x):
  a plane wave e^{i q.x} goes to e^{-i (Wq).t} e^{i (Wq).x}.

usage: reference_p4222.py POTENTIALS.npy OUT.json [--vmax 200] [--c 1] [--radii 40,50,60] [--bands 8]
                          [--samples N] [--first I] [--kpoints hsp|wedge75|CSV]
"""
import argparse
import json
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one thread: several references run side by side
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

# (W, t) in fractional coordinates, the order of conventions.md
OPS = [
    ((1, 0, 0, 0, 1, 0, 0, 0, 1), (0, 0, 0)),
    ((-1, 0, 0, 0, -1, 0, 0, 0, 1), (0, 0, 0)),
    ((0, -1, 0, 1, 0, 0, 0, 0, 1), (0, 0, 0.5)),
    ((0, 1, 0, -1, 0, 0, 0, 0, 1), (0, 0, 0.5)),
    ((-1, 0, 0, 0, 1, 0, 0, 0, -1), (0, 0, 0)),
    ((1, 0, 0, 0, -1, 0, 0, 0, -1), (0, 0, 0)),
    ((0, 1, 0, 1, 0, 0, 0, 0, -1), (0, 0, 0.5)),
    ((0, -1, 0, -1, 0, 0, 0, 0, -1), (0, 0, 0.5)),
]
OPS = [(np.array(w, dtype=float).reshape(3, 3), np.array(t, dtype=float)) for w, t in OPS]

# the table elements: (operation index, fractional translation used for the character)
ELEMENTS_422 = [(0, (0, 0, 0)), (1, (0, 0, 1)), (4, (0, 0, 0)), (6, (0, 0, -0.5)), (2, (0, 0, 0.5))]
ELEMENTS_222 = [(0, (0, 0, 0)), (1, (0, 0, 0)), (4, (0, 0, 0)), (5, (0, 0, 0))]
IRREPS = {
    "GM": {"A+": (1, 1, 1, 1, 1), "A-": (1, 1, 1, -1, -1), "B1+": (1, 1, -1, -1, 1), "B1-": (1, 1, -1, 1, -1),
           "E": (2, -2, 0, 0, 0)},
    "ZA": {"E": (2, -2, 0, 0, 0), "B2+": (1, 1, 1, 1, 1), "B2-": (1, 1, 1, -1, -1), "B3+": (1, 1, -1, -1, 1),
           "B3-": (1, 1, -1, 1, -1)},
    "XR": {"A": (1, 1, 1, 1), "B1": (1, 1, -1, -1), "B2": (1, -1, 1, -1), "B3": (1, -1, -1, 1)},
}


def points(c):
    p = np.pi
    return {"G": (0, 0, 0), "X": (p, 0, 0), "M": (p, p, 0), "Z": (0, 0, p / c), "R": (p, 0, p / c),
            "A": (p, p, p / c)}


def wedge3(n, c):
    out = []
    for i in range(n + 1):
        for j in range(i + 1):
            for l in range(n + 1):
                out.append((np.pi * i / n, np.pi * j / n, np.pi * l / (n * c)))
    return out


def fourier_table(V, c, nmax):
    L = V.shape[0]
    F = np.fft.fftn(V) / L**3
    n = np.arange(-nmax, nmax + 1)
    n1, n2, n3 = np.meshgrid(n, n, n, indexing="ij")
    g = [2 * np.pi * n1, 2 * np.pi * n2, 2 * np.pi * n3 / c]
    lens = [1.0, 1.0, c]
    ff = np.ones_like(g[0])
    for d in range(3):
        ff = ff * np.sinc(g[d] * lens[d] / (2 * L) / np.pi)  # np.sinc(x) = sin(pi x) / (pi x)
    return F[n1 % L, n2 % L, n3 % L] * ff


def ball(k, radius, c):
    m = int(np.ceil(radius / (2 * np.pi) * max(1, c))) + 2
    n = np.arange(-m, m + 1)
    n1, n2, n3 = [a.ravel() for a in np.meshgrid(n, n, n, indexing="ij")]
    q = np.stack([k[0] + 2 * np.pi * n1, k[1] + 2 * np.pi * n2, k[2] + 2 * np.pi * n3 / c], axis=1)
    keep = np.sum(q**2, axis=1) <= radius**2 * (1 + 1e-12)
    return np.stack([n1[keep], n2[keep], n3[keep]], axis=1), q[keep]


def solve(table, nmax, k, radius, c, count):
    n, q = ball(k, radius, c)
    d = n[:, None, :] - n[None, :, :] + nmax
    H = table[d[..., 0], d[..., 1], d[..., 2]]
    H[np.diag_indices_from(H)] += np.sum(q**2, axis=1)
    e, v = np.linalg.eigh(H)
    return e[:count], v[:, :count], n, q


def op_action(n, q, c, k, w, t):
    """perm[i] = index j with k + G_j = W (k + G_i), and phase[i] = e^{-i (k+G_j).t} (Cartesian t)."""
    idx = {tuple(x): i for i, x in enumerate(n)}
    kf = np.array([k[0] / (2 * np.pi), k[1] / (2 * np.pi), k[2] * c / (2 * np.pi)])
    perm = np.empty(len(n), dtype=int)
    phase = np.empty(len(n), dtype=complex)
    tc = np.array([t[0], t[1], t[2] * c])
    for i, x in enumerate(n):
        y = w @ (kf + x) - kf
        j = idx[tuple(int(round(v)) for v in y)]
        perm[i] = j
        phase[i] = np.exp(-1j * np.dot(q[j], tc))
    return perm, phase


def characters(v, n, q, c, k, elements):
    chis = []
    for op, t in elements:
        perm, phase = op_action(n, q, c, k, OPS[op][0], t)
        gv = np.zeros_like(v)
        gv[perm, :] = phase[:, None] * v  # (g c)_{perm[i]} = phase[i] c_i, phase[i] = e^{-i (k+G_perm[i]).t}
        chis.append(np.vdot(v.ravel(), gv.ravel()) if v.ndim == 1 else np.trace(v.conj().T @ gv))
    return np.array(chis)


def labels(e, v, n, q, c, k, name, tol):
    elements = ELEMENTS_222 if name in ("X", "R") else ELEMENTS_422
    table = IRREPS["XR" if name in ("X", "R") else ("GM" if name in ("G", "M") else "ZA")]
    out = []
    start = 0
    while start < len(e):
        end = start + 1
        while end < len(e) and e[end] - e[end - 1] < tol:
            end += 1
        if end == len(e):  # the last level may be cut: leave it out
            if end - start == 1 and name not in ("X", "R"):
                chi = characters(v[:, start:end], n, q, c, k, elements)
                best = min(table, key=lambda s: np.abs(np.array(table[s]) - chi).max())
                out.append(best if table[best][0] == 1 else "?")
            break
        chi = characters(v[:, start:end], n, q, c, k, elements)
        best = min(table, key=lambda s: np.abs(np.array(table[s]) - chi).max())
        if np.abs(np.array(table[best]) - chi).max() > 1e-6 or table[best][0] != end - start:
            best = "?"
        out.extend([best] * (end - start))
        start = end
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("potentials")
    ap.add_argument("out")
    ap.add_argument("--vmax", type=float, default=200.0)
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--radii", default="40,50,60")
    ap.add_argument("--bands", type=int, default=8)
    ap.add_argument("--samples", type=int, default=100)
    ap.add_argument("--first", type=int, default=0, help="index of the first potential")
    ap.add_argument("--kpoints", default="hsp", help="hsp (the six maximal points + 3 interior), wedge75, or a CSV")
    a = ap.parse_args()
    arr = np.load(a.potentials)
    if arr.ndim == 3:
        arr = arr[None]
    if arr.dtype in (np.uint8, np.bool_):
        arr = arr.astype(float) * a.vmax
    c = a.c
    radii = [float(x) for x in a.radii.split(",")]
    pts = points(c)
    if a.kpoints == "hsp":
        ks = list(pts.values()) + [(0.3 * np.pi, 0.1 * np.pi, 0.7 * np.pi / c), (0.8 * np.pi, 0.5 * np.pi, 0.2 * np.pi / c),
                                   (0.5 * np.pi, 0.5 * np.pi, 1.0 * np.pi / c)]
    elif a.kpoints == "wedge75":
        ks = wedge3(4, c)
    else:
        ks = [tuple(map(float, line.split(","))) for line in open(a.kpoints) if line.strip()]
    names = {}
    for nm, p in pts.items():
        for i, k in enumerate(ks):
            if np.allclose(k, p):
                names[i] = nm
    nmax = int(np.ceil(2 * max(radii) / (2 * np.pi) * max(1, c))) + 3
    samples = []
    for s in range(a.first, min(a.first + a.samples, len(arr))):
        V = arr[s]
        table = fourier_table(V, c, nmax)
        per_radius = []
        hsp = {}
        t0 = time.time()
        for r in radii:
            rows = []
            for i, k in enumerate(ks):
                e, v, n, q = solve(table, nmax, k, r, c, a.bands + 2)
                rows.append(e[:a.bands])
                if r == radii[-1] and i in names:
                    hsp[names[i]] = {"energies": e[:a.bands].tolist(),
                                     "labels": labels(e, v, n, q, c, k, names[i], 1e-6 * a.vmax)[:a.bands]}
            per_radius.append(np.array(rows))
        E = per_radius[-1]
        if len(radii) >= 3:
            # E(R) = E_inf + B R^-p through the last three radii (p fitted per level; fall back to p = 3)
            e1, e2, e3 = per_radius[-3:]
            r1, r2, r3 = radii[-3:]
            ext = np.empty_like(e3)
            for idx in np.ndindex(e3.shape):
                d12, d23 = e1[idx] - e2[idx], e2[idx] - e3[idx]
                p = 3.0
                if d12 > 0 and d23 > 0:
                    p = np.log(d12 / d23) / np.log(r2 / r1) if d23 < d12 else 3.0
                    p = min(max(p, 1.5), 6.0)
                b = (e2[idx] - e3[idx]) / (r2**-p - r3**-p)
                ext[idx] = e3[idx] - b * r3**-p
            E = ext
        samples.append({"energies": E.tolist(), "radius_energies": {str(r): x.tolist() for r, x in zip(radii, per_radius)},
                        "hsp": hsp, "seconds": time.time() - t0})
        print(f"sample {s}: {time.time() - t0:.1f} s", flush=True)
    json.dump({"case": "p4222-3d", "vmax": a.vmax, "c": c, "radii": radii, "kpoints": [list(k) for k in ks],
               "samples": samples}, open(a.out, "w"))


if __name__ == "__main__":
    main()
