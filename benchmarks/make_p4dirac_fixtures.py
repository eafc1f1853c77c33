#!/usr/bin/env python3
"""Independent fixtures for the p4-dirac exact solver (engine/src/test/resources/fixtures/p4dirac), numpy/scipy only.

Every number comes from reference_p4dirac.py (eq. K1 built from docs/conventions.md, dense eigh for small N, scipy
eigsh shift-invert for N = 70), never from the Java code. Writes:
  n10-s21.npy, n10-s22.npy   uint8 10 x 10 masks of the p4 random field (numpy seeds 21, 22)
  n70-s7.npy                               uint8 70 x 70 mask (numpy seed 7), the case's size
  reference.json   per file: k points, the 8 central energies at each (quarter(9) for N = 10; for N = 70, where each
                   eigsh takes seconds to minutes, G, X, M and two interior points),
                   energies and labels at G, X, M, and for N = 10 the band Chern numbers of the 4 lowest positive bands
                   on the 62 x 62 grid (null where a band comes within 0.01 m of a neighbour) with the minimal gaps.

usage: python3 benchmarks/make_p4dirac_fixtures.py [--out DIR] [--skip70]
"""
import argparse
import json
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # threaded BLAS on small matrices thrashes a loaded machine
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_p4dirac as ref  # noqa: E402


def chern_with_gaps(mask, n=62, gap=0.01):
    """Dense eigenvectors on the quarter [0, pi]^2 of the grid; the other grid points get the C4 images of those
    states (reference_p4dirac.c4_apply, Bloch phases included), then plain Fukui sums over the whole grid."""
    N = mask.shape[0]
    es = np.empty((n, n, 10))
    vs = {}
    h = n // 2
    for i in range(h + 1):
        for j in range(h + 1):
            H = ref.hamiltonian(mask, 2 * np.pi * i / n, 2 * np.pi * j / n).toarray()
            w, v = np.linalg.eigh(H)
            fp = int(np.searchsorted(w, 0.0))
            es[i, j] = w[fp - 5:fp + 5]
            vs[i, j] = v[:, fp:fp + 4]
    for i in range(n):
        for j in range(n):
            if (i, j) in vs:
                continue
            q, r = (i, j), 0
            while not (q[0] <= h and q[1] <= h):
                q, r = (q[1], (-q[0]) % n), r + 1        # R^-1 (i, j) = (j, -i)
            v = vs[q]
            k = (2 * np.pi * q[0] / n, 2 * np.pi * q[1] / n)
            for _ in range(r):
                v = ref.c4_apply(v, N, *k)
                k = (-k[1], k[0])
            vs[i, j] = v
            es[i, j] = es[q]
    out, gaps = [], []
    for b in range(4):
        band = 5 + b
        g = float(min(np.min(es[:, :, band] - es[:, :, band - 1]), np.min(es[:, :, band + 1] - es[:, :, band])))
        gaps.append(g)
        total = 0.0
        for i in range(n):
            for j in range(n):
                a = vs[i, j][:, b]
                bb = vs[(i + 1) % n, j][:, b]
                c = vs[(i + 1) % n, (j + 1) % n][:, b]
                d = vs[i, (j + 1) % n][:, b]
                total += np.angle(np.vdot(a, bb) * np.vdot(bb, c) * np.vdot(c, d) * np.vdot(d, a))
        out.append(None if g < gap else int(round(total / (2 * np.pi))))
    return out, gaps


def entry(mask, ks, with_chern):
    hsp = {}
    for p in ("G", "X", "M"):
        w, lab = ref.labels(mask, p)
        hsp[p] = {"energies": w.tolist(), "labels": lab}
    known = {tuple(ref.POINTS[p]): hsp[p]["energies"] for p in hsp}
    energies = [known[tuple(k)] if tuple(k) in known else ref.central(mask, k).tolist() for k in ks]
    e = {"kpoints": [list(k) for k in ks], "energies": energies, "hsp": hsp}
    if with_chern:
        c, g = chern_with_gaps(mask)
        e["chern"] = c
        e["min_gap"] = g
    return e


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "engine", "src",
                                                  "test", "resources", "fixtures", "p4dirac"))
    ap.add_argument("--skip70", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    doc = {"units": {"energy": "m", "k": "1/a"}, "case": "p4-dirac", "generator": "benchmarks/make_p4dirac_fixtures.py",
           "files": {}}
    for seed in (21, 22):
        mask = ref.random_pattern(10, np.random.default_rng(seed))
        name = "n10-s%d.npy" % seed
        np.save(os.path.join(a.out, name), mask)
        doc["files"][name] = entry(mask, ref.quarter(9), True)
        print(name, doc["files"][name]["chern"], doc["files"][name]["min_gap"], flush=True)
        write(a.out, doc)
    if not a.skip70:
        mask = ref.random_pattern(70, np.random.default_rng(7))
        name = "n70-s7.npy"
        np.save(os.path.join(a.out, name), mask)
        ks = [(0.0, 0.0), (np.pi, 0.0), (np.pi, np.pi), (np.pi / 2, np.pi / 4), (np.pi / 8, 3 * np.pi / 4)]
        doc["files"][name] = entry(mask, ks, False)
        print(name, "done", flush=True)
        write(a.out, doc)


def write(out, doc):
    tmp = os.path.join(out, "reference.json.tmp")
    with open(tmp, "w") as f:
        json.dump(doc, f, indent=1)
    os.replace(tmp, os.path.join(out, "reference.json"))


if __name__ == "__main__":
    main()
