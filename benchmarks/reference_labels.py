#!/usr/bin/env python3
"""Independent numpy check of the Γ/K/M symmetry labels of `./bandsmith solve` (cross-check only).

Dense plane waves in a ball centred on each point (cutoff 100/a), the rotation C_n applied to the eigenvectors as a
permutation of plane waves, |m| read from the eigenvalues of the symmetric part of the representation matrix on
each group of degenerate levels. Compares only levels separated from their neighbours by more than --gap (Vmax).

usage: reference_labels.py POTENTIALS.npy SOLVE_OUTPUT.json [--samples 10] [--gap 0.003]
"""
import argparse
import json

import numpy as np

from reference_planewave import B1, B2, SQ3, fourier_table, load_inputs

POINTS = {"G": (np.array([0.0, 0.0]), 6), "K": (np.array([4 * np.pi / 3, 0.0]), 3),
          "M": (np.array([np.pi, np.pi / SQ3]), 2)}
NAMES = {6: ["s", "p", "d", "f"], 3: ["0", "1"], 2: ["+", "-"]}


def labels_at(V, k, order, cutoff, count):
    bound = int(np.ceil((cutoff + np.linalg.norm(k)) / (SQ3 / 2 * np.linalg.norm(B1)))) + 1
    n = np.arange(-bound, bound + 1)
    n1, n2 = [a.ravel() for a in np.meshgrid(n, n, indexing="ij")]
    G = n1[:, None] * B1 + n2[:, None] * B2
    keep = np.linalg.norm(G + k, axis=1) <= cutoff
    n1, n2, G = n1[keep], n2[keep], G[keep]
    off = 2 * bound + 1
    table = fourier_table(V, off)
    H = table[n1[:, None] - n1[None, :] + off, n2[:, None] - n2[None, :] + off] + np.diag(np.sum((G + k) ** 2, 1))
    w, vec = np.linalg.eigh(H)
    # rotation by 2π/order: k + G -> R(k + G) = k + G'
    t = 2 * np.pi / order
    R = np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]])
    rotated = (R @ (G + k).T).T - k
    # back to integer coordinates: G = n1 b1 + n2 b2  =>  n = G . a / 2π
    a1, a2 = np.array([1.0, 0.0]), np.array([0.5, SQ3 / 2])
    r1 = np.rint(rotated @ a1 / (2 * np.pi)).astype(int)
    r2 = np.rint(rotated @ a2 / (2 * np.pi)).astype(int)
    index = {(x, y): i for i, (x, y) in enumerate(zip(n1, n2))}
    perm = np.array([index[(x, y)] for x, y in zip(r1, r2)])
    out = []
    i = 0
    while i < count:
        j = i + 1
        while j < len(w) and w[j] - w[j - 1] < 1e-6:
            j += 1
        sub = vec[:, i:j]
        D = sub[perm].T @ sub
        c = np.linalg.eigvalsh(0.5 * (D + D.T))
        for cv in np.sort(c)[::-1]:
            m = int(round(np.arccos(np.clip(cv, -1, 1)) * order / (2 * np.pi)))
            out.append(NAMES[order][m])
        i = j
    return w[:count], out[:count]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("potentials")
    ap.add_argument("solve_json")
    ap.add_argument("--samples", type=int, default=10)
    ap.add_argument("--gap", type=float, default=0.003)
    ap.add_argument("--vmax", type=float, default=256.0)
    ap.add_argument("--cutoff", type=float, default=100.0)
    a = ap.parse_args()
    pots, doc = load_inputs(a.potentials, a.solve_json, a.vmax)
    total = agree = 0
    for s in range(min(a.samples, len(pots))):
        for name, (k, order) in POINTS.items():
            ours = doc["samples"][s]["hsp"][name]
            count = len(ours["labels"])
            w, ref = labels_at(pots[s], k, order, a.cutoff, count + 2)
            for i in range(count):
                lo = w[i] - w[i - 1] if i > 0 else np.inf
                hi = w[i + 1] - w[i]
                # a pair counts as one separated level: look past the partner
                if i > 0 and ref[i - 1] == ref[i] and abs(w[i] - w[i - 1]) < 1e-6:
                    lo = w[i] - w[i - 2] if i > 1 else np.inf
                if ref[i] == ref[i + 1] and abs(w[i + 1] - w[i]) < 1e-6:
                    hi = w[i + 2] - w[i]
                if min(lo, hi) / a.vmax < a.gap:
                    continue
                total += 1
                agree += ref[i] == ours["labels"][i]
    print(json.dumps({"separated_levels": total, "agree": agree, "fraction": agree / max(total, 1)}))


if __name__ == "__main__":
    main()
