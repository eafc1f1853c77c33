#!/usr/bin/env python3
"""Independent test fixtures for the engine (issue 19): potentials and their reference bands, made with numpy only.

Writes, into OUT (default engine/src/test/resources/fixtures):
  six-holes-R0.30.npy   uint8 mask (1 = Vmax): six holes (V = 0) of radius 0.12a at distance 0.30a (paper fig. 2)
  weak-cosine.npy       float64, E0: V(x) = 2 v sum_{3 pairs of the first star} cos(G.x), v = --cosine-amplitude
  random-a1-s1.npy      uint8 mask: step of the paper's random field (conventions.md), alpha = 1, numpy seed 1
  random-a05-s2.npy     uint8 mask: same, alpha = 1/2, numpy seed 2
  random-a1-s3.npy      uint8 mask: alpha = 1, seed 3      (used with s4, s5 for the shipped-model check)
  random-a1-s4.npy, random-a05-s5.npy
  reference.json        per potential: k points (wedge(3) + M), energies of the lowest --bands bands at each
                        (dense plane waves at two cutoffs, Richardson-extrapolated with error ~ Gc^-3, the scheme of
                        reference_planewave.py), and at Γ, K, M the energies and rotation labels of the lowest
                        --bands + 1 levels (reference_labels.py), with the gap of each level to its neighbours.

Nothing here calls the Java code: the potentials are rasterized and drawn from conventions.md, the bands come from
reference_planewave.py / reference_labels.py (written from the conventions, not from the solver).

usage: python3 benchmarks/make_fixtures.py [--out DIR] [--cutoffs 100,130] [--bands 7]
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_labels import POINTS, labels_at  # noqa: E402
from reference_planewave import B1, B2, SQ3, hex_form_factor  # noqa: E402

A1 = np.array([1.0, 0.0])
A2 = np.array([0.5, SQ3 / 2])
L = 100
VMAX = 256.0


def grid_points():
    i, j = np.meshgrid(np.arange(L), np.arange(L), indexing="ij")
    return i, j


def c6_symmetric(V):
    i, j = grid_points()
    return np.array_equal(V, V[(-j) % L, (i + j) % L])


def six_holes(R, r):
    """1 where V = Vmax; 0 inside the six discs (and their lattice images)."""
    i, j = grid_points()
    x = (i[..., None] / L) * A1 + (j[..., None] / L) * A2
    mask = np.ones((L, L), dtype=np.uint8)
    for m in range(6):
        t = np.pi / 3 * m
        c = R * np.array([np.cos(t), np.sin(t)])
        for s1 in (-1, 0, 1):
            for s2 in (-1, 0, 1):
                d = x - (c + s1 * A1 + s2 * A2)
                # closed discs: a pixel centre on a rim (36 of them at R = 0.30, r = 0.12) is in the hole
                mask[np.hypot(d[..., 0], d[..., 1]) <= r + 1e-9] = 0
    return mask


def by_orbit(field):
    """uint8 mask, 1 where the field averaged over the C6 orbit of the grid point is > 0 (exactly C6-symmetric)."""
    mask = np.zeros((L, L), dtype=np.uint8)
    done = np.zeros((L, L), dtype=bool)
    for a in range(L):
        for b in range(L):
            if done[a, b]:
                continue
            orbit = []
            x, y = a, b
            for _ in range(6):
                orbit.append((x, y))
                x, y = (-y) % L, (x + y) % L
            value = np.uint8(np.mean([field[p] for p in orbit]) > 0)
            for p in orbit:
                mask[p] = value
                done[p] = True
    return mask


def weak_cosine(v):
    i, j = grid_points()
    # first star: b1, b2, b1 + b2 and their negatives; G.x_ij = 2π (n1 i + n2 j) / L
    V = np.zeros((L, L))
    for n1, n2 in ((1, 0), (0, 1), (1, 1)):
        V += 2 * v * np.cos(2 * np.pi * (n1 * i + n2 * j) / L)
    # symmetric up to rounding (the three terms are summed in another order at a rotated point): one value per orbit
    out = np.zeros((L, L))
    done = np.zeros((L, L), dtype=bool)
    for a in range(L):
        for b in range(L):
            if not done[a, b]:
                orbit = orbit_of(a, b)
                value = V[a, b]
                for p in orbit:
                    out[p] = value
                    done[p] = True
    return out


def orbit_of(a, b):
    orbit = []
    x, y = a, b
    for _ in range(6):
        orbit.append((x, y))
        x, y = (-y) % L, (x + y) % L
    return orbit


def random_mask(alpha, seed, nmax=6, amplitude=2.0):
    """conventions.md: phi = sum_G A(G) cos(G.x), A constant on each C6 star, Gaussian with variance C/|G|^alpha."""
    rng = np.random.default_rng(seed)
    seen = set()
    stars = []
    for n1 in range(-nmax, nmax + 1):
        for n2 in range(-nmax, nmax + 1):
            if (n1, n2) == (0, 0) or max(abs(n1), abs(n2), abs(n1 - n2)) > nmax or (n1, n2) in seen:
                continue
            orbit = []
            a, b = n1, n2
            for _ in range(6):
                orbit.append((a, b))
                a, b = a - b, a  # C6 on reciprocal integer coordinates
            seen.update(orbit)
            stars.append(sorted(set(orbit)))
    i, j = grid_points()
    phi = np.zeros((L, L))
    for star in stars:
        n1, n2 = star[0]
        g = np.linalg.norm(n1 * B1 + n2 * B2)
        amp = rng.normal(0.0, np.sqrt(amplitude / g**alpha))
        for n1, n2 in star:
            phi += amp * np.cos(2 * np.pi * (n1 * i + n2 * j) / L)
    # exact C6 symmetry: phi is symmetric up to rounding, so decide each orbit of grid points once
    return by_orbit(phi), len(stars)


def wedge_with_m(n):
    K = np.array([4 * np.pi / 3, 0.0])
    Kp = np.array([2 * np.pi / 3, 2 * np.pi / SQ3])
    pts = [(i * K + j * Kp) / n for i in range(n + 1) for j in range(n + 1 - i)]
    if n % 2 == 1:
        pts.append(np.array([np.pi, np.pi / SQ3]))
    return np.array(pts)


class Table:
    """V(G) of reference_planewave.fourier_table, with the hexagon form factor computed once for every potential."""

    def __init__(self, nmax):
        self.nmax = nmax
        n = np.arange(-nmax, nmax + 1)
        self.n1, self.n2 = np.meshgrid(n, n, indexing="ij")
        q = self.n1[..., None] * B1 + self.n2[..., None] * B2
        self.form = hex_form_factor(q[..., 0], q[..., 1], L)

    def of(self, V):
        F = np.fft.fft2(V).real / L**2
        return F[self.n1 % L, self.n2 % L] * self.form


def bands(table, k, cutoff, nbands):
    """reference_planewave.bands with a precomputed table (same basis, same matrix)."""
    bound = int(np.ceil((cutoff + np.linalg.norm(k)) / (SQ3 / 2 * np.linalg.norm(B1)))) + 1
    n = np.arange(-bound, bound + 1)
    n1, n2 = [a.ravel() for a in np.meshgrid(n, n, indexing="ij")]
    G = n1[:, None] * B1 + n2[:, None] * B2
    keep = np.linalg.norm(G + k, axis=1) <= cutoff
    n1, n2, G = n1[keep], n2[keep], G[keep]
    off = table.shape[0] // 2
    H = table[n1[:, None] - n1[None, :] + off, n2[:, None] - n2[None, :] + off]
    H = H + np.diag(np.sum((G + k) ** 2, axis=1))
    return np.linalg.eigvalsh(H)[:nbands], len(n1)


def reference(V, ks, cutoffs, nbands, tables):
    c1, c2 = cutoffs
    rows = []
    sizes = None
    table = tables.of(V)
    for k in ks:
        e1, n1 = bands(table, k, c1, nbands)
        e2, n2 = bands(table, k, c2, nbands)
        rows.append(((e2 * c2**3 - e1 * c1**3) / (c2**3 - c1**3)).tolist())
        print(".", end="", file=sys.stderr, flush=True)
        sizes = [int(n1), int(n2)]
    hsp = {}
    for name, (k, order) in POINTS.items():
        count = nbands + 1
        w, lab = labels_at(V, k, order, cutoffs[0], count + 2)
        gaps = []
        for n in range(count):
            lo = w[n] - w[n - 1] if n > 0 else np.inf
            hi = w[n + 1] - w[n]
            # a degenerate partner (same label, < 1e-6 apart) does not count as a neighbour
            if n > 0 and lab[n - 1] == lab[n] and abs(w[n] - w[n - 1]) < 1e-6:
                lo = w[n] - w[n - 2] if n > 1 else np.inf
            if lab[n] == lab[n + 1] and abs(w[n + 1] - w[n]) < 1e-6:
                hi = w[n + 2] - w[n]
            gaps.append(float(min(lo, hi)))
        hsp[name] = {"energies": [float(x) for x in w[:count]], "labels": lab[:count],
                     "gap_to_neighbours": gaps, "cutoff": cutoffs[0]}
    return rows, hsp, sizes


def npy_files(out):
    """Small files written by numpy itself, for the engine's .npy reader (NumpyWrittenFilesTest)."""
    d = os.path.join(out, "npy")
    os.makedirs(d, exist_ok=True)
    np.save(os.path.join(d, "f8-4x4.npy"), 0.5 * np.arange(16.0).reshape(4, 4))
    np.save(os.path.join(d, "f4-batch-2x3x3.npy"), np.arange(18, dtype=np.float32).reshape(2, 3, 3) / 4)
    i, j = np.meshgrid(np.arange(4), np.arange(4), indexing="ij")
    np.save(os.path.join(d, "u1-batch-3x4x4.npy"), np.array([(i + 2 * j + s) % 2 for s in range(3)], dtype=np.uint8))
    np.save(os.path.join(d, "bool-4x4.npy"), (i < j))
    np.save(os.path.join(d, "f8-fortran-4x4.npy"), np.asfortranarray(np.arange(16.0).reshape(4, 4)))
    np.save(os.path.join(d, "i8-4x4.npy"), np.arange(16, dtype=np.int64).reshape(4, 4))
    np.save(os.path.join(d, "u1-mask-value-2.npy"), np.full((4, 4), 2, dtype=np.uint8))
    np.save(os.path.join(d, "f8-nan.npy"), np.where(i == 2, np.nan, 1.0))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(here, "..", "engine", "src", "test", "resources", "fixtures"))
    ap.add_argument("--cutoffs", default="100,130")
    ap.add_argument("--bands", type=int, default=7)
    ap.add_argument("--cosine-amplitude", type=float, default=2.0)
    ap.add_argument("--only-npy", action="store_true", help="write only the small files of npy/")
    ap.add_argument("--only", help="recompute just this potential and update its entry in reference.json")
    a = ap.parse_args()
    npy_files(a.out)
    if a.only_npy:
        return
    cutoffs = [float(c) for c in a.cutoffs.split(",")]
    os.makedirs(a.out, exist_ok=True)
    potentials = {}
    potentials["six-holes-R0.30"] = (six_holes(0.30, 0.12), "six holes (V = 0), closed discs of radius 0.12a at distance 0.30a")
    v = a.cosine_amplitude
    potentials["weak-cosine"] = (weak_cosine(v), f"V = 2 v sum cos(G.x) over the first star, v = {v} E0")
    for alpha, seed in ((1.0, 1), (0.5, 2), (1.0, 3), (1.0, 4), (0.5, 5)):
        mask, nstars = random_mask(alpha, seed)
        tag = "a1" if alpha == 1.0 else "a05"
        potentials[f"random-{tag}-s{seed}"] = (mask, f"step of the random field, alpha = {alpha}, numpy "
                                                     f"default_rng({seed}), {nstars} stars, C = 2")
    ks = wedge_with_m(3)
    tables = Table(2 * (int(np.ceil((cutoffs[1] + 5) / (SQ3 / 2 * np.linalg.norm(B1)))) + 1) + 1)
    doc = {"made_by": "python3 benchmarks/make_fixtures.py " + " ".join(sys.argv[1:]),
           "numpy": np.__version__, "units": {"energy": "E0", "k": "1/a"}, "vmax": VMAX, "size": L,
           "reference": f"dense plane waves at cutoffs {cutoffs[0]:g} and {cutoffs[1]:g} (1/a), extrapolated "
                        "with error ~ Gc^-3; labels from a dense ball of cutoff "
                        f"{cutoffs[0]:g} (benchmarks/reference_labels.py)",
           "kpoints": ks.tolist(), "potentials": {}}
    if a.only:
        with open(os.path.join(a.out, "reference.json")) as fh:
            old = json.load(fh)
        doc["potentials"] = old["potentials"]
        doc["made_by"] = old["made_by"] + "; then " + doc["made_by"]
        potentials = {a.only: potentials[a.only]}
    for name, (V, what) in potentials.items():
        if not c6_symmetric(V):
            raise SystemExit(f"{name}: not C6-symmetric")
        np.save(os.path.join(a.out, name + ".npy"), V)
        Ve = V.astype(float) * (VMAX if V.dtype == np.uint8 else 1.0)
        rows, hsp, sizes = reference(Ve, ks, cutoffs, a.bands, tables)
        entry = {"file": name + ".npy", "description": what, "energies": rows, "hsp": hsp,
                 "plane_waves": sizes}
        if name == "weak-cosine":
            g = np.linalg.norm(B1)
            entry["fourier_coefficient_first_star"] = float(v * hex_form_factor(np.array([g]), np.array([0.0]), L)[0])
        doc["potentials"][name] = entry
        print(f"{name}: done ({sizes[0]} and {sizes[1]} plane waves)", file=sys.stderr)
    with open(os.path.join(a.out, "reference.json"), "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
