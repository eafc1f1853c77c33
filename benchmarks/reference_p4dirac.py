#!/usr/bin/env python3
"""Independent numpy/scipy reference for the case p4-dirac (docs/conventions.md, eq. K1 of the paper).

Written from the conventions, not from the Java code: the half-BHZ lattice model on an N x N grid per unit cell,
energies in units of m, J = (N/10) m, M_j = -m where mask == 1 else +m, bonds crossing the cell carry e^{i k_d},
C4 about site (0, 0) with spinor diag(1, i). Mask axis 0 is jx, axis 1 is jy (as the p4 grid reading).

  central(mask, k)        the 8 central energies (4 highest negative, 4 lowest positive) and eigenvectors:
                          scipy eigsh shift-invert (sigma = 0) for N > 24, dense eigh for small N
  labels(mask, point)     labels s/p+/d/p- (G, M) or +/- (X) of the 8 central states
  chern(mask, n=62)       Fukui band Chern numbers of the 4 lowest positive bands on the n x n grid over the whole
                          zone (counterclockwise links, kx then ky), None where a band comes closer than 0.01 m to a
                          neighbour; dense diagonalization (small N only)

usage as a script: python3 benchmarks/reference_p4dirac.py MASK.npy [--wedge 81] [--chern]   (prints JSON)
"""
import argparse
import json
import sys
import time

import numpy as np
import scipy.linalg as sla
import scipy.sparse as sp
import scipy.sparse.linalg as spla

SZ = np.array([[1, 0], [0, -1]], dtype=complex)
SX = np.array([[0, 1], [1, 0]], dtype=complex)
SY = np.array([[0, -1j], [1j, 0]], dtype=complex)
U4 = np.diag([1.0, 1j])
LABEL_C4 = {0: "s", 1: "p+", 2: "d", 3: "p-"}   # m mod 4 from the eigenvalue e^{-i m pi/2}


def hamiltonian(mask, kx, ky):
    """Sparse H(k), dof index 2 * (jx * N + jy) + c, c = 0 (sigma_z = +1, s) or 1 (p-)."""
    mask = np.asarray(mask)
    n = mask.shape[0]
    J = n / 10.0
    M = np.where(mask.astype(bool), -1.0, 1.0)
    rows, cols, vals = [], [], []

    def put(block, a, b):
        for c1 in range(2):
            for c2 in range(2):
                if block[c1, c2] != 0:
                    rows.append(2 * a + c1)
                    cols.append(2 * b + c2)
                    vals.append(block[c1, c2])

    for jx in range(n):
        for jy in range(n):
            s = jx * n + jy
            put((M[jx, jy] + 2 * J) * SZ, s, s)
            for d, (dx, dy), sig, kd in ((0, (1, 0), SX, kx), (1, (0, 1), SY, ky)):
                tx, ty = jx + dx, jy + dy
                phase = 1.0
                if tx == n or ty == n:
                    # Bloch convention psi(x + a_d) = e^{i k_d} psi(x): the row at the cell's start sees the column
                    # at its end with e^{-i k_d}; the conjugate element (row at the end, column across) carries e^{i k_d}
                    phase = np.exp(-1j * kd)
                t = (tx % n) * n + (ty % n)
                hop = -(J / 2) * (SZ - 1j * sig) * phase      # <j + e_d| H |j>
                put(hop, t, s)
                put(hop.conj().T, s, t)
    return sp.csr_matrix((vals, (rows, cols)), shape=(2 * n * n, 2 * n * n))


def c4_apply(psi, n, kx, ky):
    """(C psi)(j) = U psi(R^-1 j) for a Bloch state at k (home-cell components); the image lives at Rk."""
    psi = psi.reshape(n, n, 2, *psi.shape[1:])
    out = np.empty_like(psi)
    for jx in range(n):
        for jy in range(n):
            # R^-1 (jx, jy) = (jy, -jx); fold -jx into the cell: psi(x - N e_y) = e^{-i k_y} psi(x)
            sy = (-jx) % n
            ph = np.exp(-1j * ky) if jx > 0 else 1.0
            out[jx, jy, 0] = psi[jy, sy, 0] * ph
            out[jx, jy, 1] = 1j * psi[jy, sy, 1] * ph
    return out.reshape(2 * n * n, *psi.shape[3:])


def central(mask, k, nev=8, vectors=False):
    n = np.asarray(mask).shape[0]
    H = hamiltonian(mask, k[0], k[1])
    if 2 * n * n <= 1200:
        w, v = np.linalg.eigh(H.toarray())
    else:
        w, v = spla.eigsh(H.tocsc(), k=nev + 4, sigma=0.0, which="LM", tol=1e-12)
        o = np.argsort(w)
        w, v = w[o], v[:, o]
    neg = np.where(w < 0)[0][-nev // 2:]
    pos = np.where(w >= 0)[0][:nev // 2]
    idx = np.concatenate([neg, pos])
    return (w[idx], v[:, idx]) if vectors else w[idx]


POINTS = {"G": (0.0, 0.0), "X": (np.pi, 0.0), "M": (np.pi, np.pi)}


def labels(mask, name, tol=1e-6):
    n = np.asarray(mask).shape[0]
    k = POINTS[name]
    w, v = central(mask, k, vectors=True)
    cv = c4_apply(v, n, *k)
    if name == "X":   # C2 = C^2: the image of X under C is Y; apply twice
        cv = c4_apply(cv, n, -k[1], k[0])
    out = [None] * len(w)
    i = 0
    while i < len(w):
        j = i
        while j + 1 < len(w) and abs(w[j + 1] - w[i]) < tol:
            j += 1
        block = v[:, i:j + 1].conj().T @ cv[:, i:j + 1]
        ev = np.linalg.eigvals(block)
        ev = sorted(ev, key=lambda z: np.angle(z))
        for t, z in enumerate(ev):
            if name == "X":
                out[i + t] = "+" if z.real > 0 else "-"
            else:
                m = int(round(-np.angle(z) / (np.pi / 2))) % 4
                out[i + t] = LABEL_C4[m]
        i = j + 1
    return w, out


def quarter(nq):
    return [(np.pi * i / (nq - 1), np.pi * j / (nq - 1)) for i in range(nq) for j in range(nq)]


def chern(mask, n=62, gap=0.01):
    """Dense (small N): the 8 central bands at every grid point, Fukui on the 4 lowest positive."""
    es = np.empty((n, n, 8))
    vs = [[None] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            w, v = central(mask, (2 * np.pi * i / n, 2 * np.pi * j / n), vectors=True)
            es[i, j] = w
            vs[i][j] = v[:, 4:8]
    out = []
    for b in range(4):
        band = 4 + b
        lo = np.min(es[:, :, band] - es[:, :, band - 1]) if band > 0 else np.inf
        hi = np.min(es[:, :, band + 1] - es[:, :, band]) if band < 7 else np.inf
        if min(lo, hi) < gap:
            out.append(None)
            continue
        total = 0.0
        for i in range(n):
            for j in range(n):
                a = vs[i][j][:, b]
                bb = vs[(i + 1) % n][j][:, b]
                c = vs[(i + 1) % n][(j + 1) % n][:, b]
                d = vs[i][(j + 1) % n][:, b]
                prod = np.vdot(a, bb) * np.vdot(bb, c) * np.vdot(c, d) * np.vdot(d, a)
                total += np.angle(prod)
        out.append(int(round(total / (2 * np.pi))))
    return out


def homogeneous_negative_chern(n, sign, grid=24):
    """Fukui Chern number of the sum of all negative bands of the homogeneous model (sign = mass sign)."""
    mask = np.full((n, n), 1 if sign < 0 else 0, dtype=np.uint8)
    half = n * n
    vs = {}
    for i in range(grid):
        for j in range(grid):
            H = hamiltonian(mask, 2 * np.pi * i / grid, 2 * np.pi * j / grid).toarray()
            w, v = np.linalg.eigh(H)
            vs[i, j] = v[:, :half]
    total = 0.0
    for i in range(grid):
        for j in range(grid):
            a, b = vs[i, j], vs[(i + 1) % grid, j]
            c, d = vs[(i + 1) % grid, (j + 1) % grid], vs[i, (j + 1) % grid]
            prod = (np.linalg.det(a.conj().T @ b) * np.linalg.det(b.conj().T @ c)
                    * np.linalg.det(c.conj().T @ d) * np.linalg.det(d.conj().T @ a))
            total += np.angle(prod)
    return total / (2 * np.pi)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mask")
    ap.add_argument("--wedge", type=int, default=81)
    ap.add_argument("--chern", action="store_true")
    a = ap.parse_args()
    mask = np.load(a.mask)
    nq = int(round(np.sqrt(a.wedge)))
    t0 = time.time()
    ks = quarter(nq)
    energies = [central(mask, k).tolist() for k in ks]
    hsp = {}
    for p in ("G", "X", "M"):
        w, lab = labels(mask, p)
        hsp[p] = {"energies": w.tolist(), "labels": lab}
    doc = {"units": {"energy": "m", "k": "1/a"}, "case": "p4-dirac", "kpoints": [list(k) for k in ks],
           "samples": [{"energies": energies, "hsp": hsp}], "seconds": time.time() - t0}
    if a.chern:
        doc["samples"][0]["chern"] = chern(mask)
    json.dump(doc, sys.stdout)


if __name__ == "__main__":
    main()


def random_pattern(n, rng, alpha=1.0, amplitude=2.0, cutoff=6):
    """The p4 random field on the n x n grid (42 C4 stars |n1|, |n2| <= 6), topological where phi > 0 (numpy RNG)."""
    seen = set()
    stars = []
    for a in range(-cutoff, cutoff + 1):
        for b in range(-cutoff, cutoff + 1):
            if (a, b) == (0, 0) or (a, b) in seen:
                continue
            members = [(a, b), (-b, a), (-a, -b), (b, -a)]
            uniq = list(dict.fromkeys(members))
            seen.update(uniq)
            stars.append(uniq)
    i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    phi = np.zeros((n, n))
    for st in stars:
        g = 2 * np.pi * np.hypot(*st[0])
        amp = np.sqrt(amplitude / g ** alpha) * rng.standard_normal()
        phi += amp * sum(np.cos(2 * np.pi * (p * i + q * j) / n) for p, q in st)
    return (phi > 0).astype(np.uint8)
