#!/usr/bin/env python3
"""Speed benchmark of the p4222-3d exact solver against dense LAPACK on a large plane-wave basis, in one run.

Dense side: numpy eigh (LAPACK zheevd, one thread) of the full plane-wave Hamiltonian in the ball |k+G| <= R centred
on k (the independent reading of benchmarks/reference_p4222.py) at `--dense-kpoints` of the 75 wedge3(4) points,
spread over the list; the per-potential cost is that mean times 75. Solver side: `./bandsmith solve --case p4222-3d
--wedge 75 --threads 1` on the same potential (wall clock, JVM start included), which also labels the six maximal
points. Prints one JSON line with both costs and their ratio.

usage: bench_p4222.py POTENTIALS.npy [--radius 50] [--dense-kpoints 4] [--index 0]
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_p4222 import ball, fourier_table, wedge3  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("potentials")
    ap.add_argument("--radius", type=float, default=50.0)
    ap.add_argument("--dense-kpoints", type=int, default=4)
    ap.add_argument("--index", type=int, default=0)
    a = ap.parse_args()
    arr = np.load(a.potentials)
    if arr.ndim == 3:
        arr = arr[None]
    V = arr[a.index].astype(float) * (200.0 if arr.dtype in (np.uint8, np.bool_) else 1.0)
    ks = wedge3(4, 1.0)
    pick = np.linspace(0, len(ks) - 1, a.dense_kpoints).round().astype(int)
    nmax = int(np.ceil(2 * a.radius / (2 * np.pi))) + 3
    t0 = time.perf_counter()
    table = fourier_table(V, 1.0, nmax)
    sizes = []
    for i in pick:
        k = ks[i]
        n, q = ball(k, a.radius, 1.0)
        d = n[:, None, :] - n[None, :, :] + nmax
        H = table[d[..., 0], d[..., 1], d[..., 2]]
        H[np.diag_indices_from(H)] += np.sum(q**2, axis=1)
        np.linalg.eigh(H)
        sizes.append(len(n))
    dense_per_k = (time.perf_counter() - t0) / len(pick)
    dense = dense_per_k * len(ks)

    with tempfile.TemporaryDirectory() as tmp:
        one = os.path.join(tmp, "one.npy")
        np.save(one, arr[a.index])
        out = os.path.join(tmp, "out.json")
        t1 = time.perf_counter()
        subprocess.run([os.path.join(ROOT, "bandsmith"), "solve", "--case", "p4222-3d", "--potential", one, "--wedge",
                        "75", "--threads", "1", "--out", out], check=True)
        solver = time.perf_counter() - t1
        source = json.load(open(out))["source"]
    print(json.dumps({
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
        "dense": {"radius": a.radius, "waves": int(np.mean(sizes)), "kpoints_timed": len(pick),
                  "seconds_per_k": round(dense_per_k, 2), "seconds_per_potential_75k": round(dense, 1)},
        "solver": {"command": "./bandsmith solve --case p4222-3d --wedge 75 --threads 1", "source": source,
                   "seconds_per_potential_75k": round(solver, 1)},
        "ratio": round(dense / solver, 1)}))


if __name__ == "__main__":
    main()
