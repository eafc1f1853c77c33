#!/usr/bin/env python3
"""Independent numpy reference for `./bandsmith solve` (benchmark and cross-check only, never a runtime dependency).

Dense plane-wave diagonalization with the hexagonal-pixel Fourier coefficients of conventions.md, written from the
conventions without the Java code: V(G) = fft2(V)[n1 mod L, n2 mod L] / L^2 * F_hex(G), F_hex computed by numerical
quadrature over the hexagon (not the closed form the Java code uses). Energies are extrapolated in the cutoff
(the error falls as Gc^-3, physics-notes.md).

usage: reference_planewave.py POTENTIALS.npy SOLVE_OUTPUT.json [--cutoffs 100,130] [--samples 3] [--points 12]
"""
import argparse
import json
import sys

import numpy as np

SQ3 = np.sqrt(3.0)
B1 = 2 * np.pi * np.array([1.0, -1 / SQ3])
B2 = 2 * np.pi * np.array([0.0, 2 / SQ3])


def hex_form_factor(qx, qy, L, order=24):
    """(1/A) * integral over the Wigner-Seitz hexagon of the grid of exp(-i q.y), by Gauss-Legendre over 6 triangles."""
    R = 1.0 / (L * SQ3)
    xs, ws = np.polynomial.legendre.leggauss(order)
    u = 0.5 * (xs + 1)
    wu = 0.5 * ws
    total = np.zeros_like(qx, dtype=float)
    area = 0.0
    for k in range(6):
        t0 = np.pi / 6 + np.pi / 3 * k
        t1 = t0 + np.pi / 3
        v0 = R * np.array([np.cos(t0), np.sin(t0)])
        v1 = R * np.array([np.cos(t1), np.sin(t1)])
        jac = abs(v0[0] * v1[1] - v0[1] * v1[0])
        # triangle (0, v0, v1): y = s*(v0 + t*(v1 - v0)), s,t in [0,1], dA = s * jac ds dt
        for s, wsv in zip(u, wu):
            for t, wt in zip(u, wu):
                y = s * (v0 + t * (v1 - v0))
                w = wsv * wt * s * jac
                total += w * np.cos(qx * y[0] + qy * y[1])
                area += w
    return total / area


def fourier_table(V, nmax):
    L = V.shape[0]
    F = np.fft.fft2(V).real / L**2
    n = np.arange(-nmax, nmax + 1)
    n1, n2 = np.meshgrid(n, n, indexing="ij")
    q = n1[..., None] * B1 + n2[..., None] * B2
    return F[n1 % L, n2 % L] * hex_form_factor(q[..., 0], q[..., 1], L)


def bands(V, k, cutoff, nbands):
    bound = int(np.ceil((cutoff + np.linalg.norm(k)) / (SQ3 / 2 * np.linalg.norm(B1)))) + 1
    n = np.arange(-bound, bound + 1)
    n1, n2 = np.meshgrid(n, n, indexing="ij")
    n1 = n1.ravel()
    n2 = n2.ravel()
    G = n1[:, None] * B1 + n2[:, None] * B2
    keep = np.linalg.norm(G + k, axis=1) <= cutoff
    n1, n2, G = n1[keep], n2[keep], G[keep]
    table = fourier_table(V, 2 * bound + 1)
    off = 2 * bound + 1
    H = table[n1[:, None] - n1[None, :] + off, n2[:, None] - n2[None, :] + off]
    H = H + np.diag(np.sum((G + k) ** 2, axis=1))
    return np.linalg.eigvalsh(H)[:nbands], len(n1)


def load_inputs(potentials, solve_json, vmax):
    """Potentials in E0 as an (N, L, L) float array (masks scaled by vmax) and the solve JSON document."""
    arr = np.load(potentials)
    if arr.ndim == 2:
        arr = arr[None]
    pots = arr.astype(float) * (vmax if arr.dtype in (np.uint8, np.bool_) else 1.0)
    with open(solve_json) as fh:
        return pots, json.load(fh)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("potentials")
    ap.add_argument("solve_json")
    ap.add_argument("--cutoffs", default="100,130")
    ap.add_argument("--samples", type=int, default=3)
    ap.add_argument("--points", type=int, default=12)
    ap.add_argument("--vmax", type=float, default=256.0)
    a = ap.parse_args()
    pots, doc = load_inputs(a.potentials, a.solve_json, a.vmax)
    ks = np.array(doc["kpoints"])
    nb = len(doc["samples"][0]["energies"][0])
    c1, c2 = [float(c) for c in a.cutoffs.split(",")]
    rng = np.random.default_rng(0)
    idx = sorted(set([0, len(ks) - 1] + list(rng.choice(len(ks), size=min(a.points, len(ks)), replace=False))))
    diffs = []
    for s in range(min(a.samples, len(pots))):
        ours = np.array(doc["samples"][s]["energies"])
        for q in idx:
            e1, n1 = bands(pots[s], ks[q], c1, nb)
            e2, n2 = bands(pots[s], ks[q], c2, nb)
            # Richardson extrapolation with error ~ Gc^-3
            ext = (e2 * c2**3 - e1 * c1**3) / (c2**3 - c1**3)
            diffs.append((ours[q] - ext) / a.vmax)
        print(f"sample {s}: {len(idx)} k points compared (reference bases {n1} and {n2} plane waves)", file=sys.stderr)
    d = np.array(diffs)
    print(json.dumps({"rms_vmax": float(np.sqrt(np.mean(d**2))), "max_vmax": float(np.max(np.abs(d))),
                      "mean_vmax": float(np.mean(d)), "compared": int(d.size)}))


if __name__ == "__main__":
    main()
