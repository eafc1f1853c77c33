#!/usr/bin/env python3
"""Independent check of an exported design (benchmark and cross-check only, never a runtime dependency).

Solves the mask with the numpy plane-wave reference (reference_planewave.py: dense diagonalization, numerically
integrated hexagonal-pixel form factor, Richardson extrapolation in the cutoff) at the 79 wedge points of
conventions.md and compares the lowest 6 bands with the appendix M six-site model, built here from its definition
(sites at distance a/3 from the C6 centre; nearest neighbours J inside the cell, J0 between cells; next-nearest L, L0),
not from the Java code.

usage: check_design.py MASK.npy [--omega0 0.6 --J 0.035 --J0 0.038 --L -0.002 --L0 0.002] [--cutoffs 100,130]
"""
import argparse
import itertools
import json
import sys

import numpy as np

from reference_planewave import bands, load_inputs

SQ3 = np.sqrt(3.0)
A1 = np.array([1.0, 0.0])
A2 = np.array([0.5, SQ3 / 2])
K = np.array([4 * np.pi / 3, 0.0])
KP = np.array([2 * np.pi / 3, 2 * np.pi / SQ3])
M = np.array([np.pi, np.pi / SQ3])


def wedge79():
    n = 11
    pts = [(i * K + j * KP) / n for i in range(n + 1) for j in range(n + 1 - i)]
    return np.array(pts + [M])


def six_site_bands(k, omega0, J, J0, L, L0):
    sites = [np.array([np.cos(j * np.pi / 3), np.sin(j * np.pi / 3)]) / 3 for j in range(6)]
    H = np.eye(6, dtype=complex) * omega0
    for a, b in itertools.product(range(6), range(6)):
        for t1, t2 in itertools.product(range(-2, 3), range(-2, 3)):
            R = t1 * A1 + t2 * A2
            d = np.linalg.norm(sites[b] + R - sites[a])
            same = t1 == 0 and t2 == 0
            if abs(d - 1 / 3) < 1e-9:
                t = J if same else J0
            elif abs(d - 1 / SQ3) < 1e-9:
                t = L if same else L0
            else:
                continue
            H[a, b] -= t * np.exp(1j * k @ (sites[b] + R - sites[a]))
    return np.linalg.eigvalsh(H)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mask")
    ap.add_argument("--omega0", type=float, default=0.6)
    ap.add_argument("--J", type=float, default=0.035)
    ap.add_argument("--J0", type=float, default=0.038)
    ap.add_argument("--L", type=float, default=-0.002)
    ap.add_argument("--L0", type=float, default=0.002)
    ap.add_argument("--cutoffs", default="100,130")
    ap.add_argument("--vmax", type=float, default=256.0)
    a = ap.parse_args()
    arr = np.load(a.mask)
    if arr.dtype != np.uint8 or arr.shape != (100, 100):
        print(f"{a.mask}: expected a 100x100 uint8 mask, got {arr.dtype} {arr.shape}", file=sys.stderr)
        return 2
    V = arr.astype(float) * a.vmax
    c1, c2 = [float(c) for c in a.cutoffs.split(",")]
    diffs = []
    for k in wedge79():
        e1, _ = bands(V, k, c1, 6)
        e2, _ = bands(V, k, c2, 6)
        ext = (e2 * c2**3 - e1 * c1**3) / (c2**3 - c1**3) / a.vmax
        diffs.append(ext - six_site_bands(k, a.omega0, a.J, a.J0, a.L, a.L0))
    d = np.array(diffs)
    print(json.dumps({"rms_vmax": float(np.sqrt(np.mean(d**2))), "max_vmax": float(np.max(np.abs(d))),
                      "per_band_rms_vmax": np.sqrt(np.mean(d**2, axis=0)).tolist(),
                      "symmetric": bool(np.array_equal(arr, arr[(-np.arange(100)[None, :]) % 100,
                                                              (np.arange(100)[:, None] + np.arange(100)[None, :]) % 100]))}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
