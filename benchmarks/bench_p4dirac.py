#!/usr/bin/env python3
"""Side-by-side benchmark of the p4-dirac exact solver (issue 13): scipy eigsh shift-invert vs ./bandsmith solve.

One run, one pattern, one machine:
  1. ./bandsmith solve --case p4-dirac --potential P --wedge 81 (wall time, JVM start included; and the solver's own
     time from its stderr line),
  2. scipy eigsh(H(k), k=10, sigma=0) (the paper's baseline; reference_p4dirac.py builds H from the conventions) at
     --eigsh-points of the 81 quarter(9) points (all 81 with --eigsh-points 81), extrapolated to 81 points, plus the
     three label points' eigenvector solves being part of the same count,
  3. ./bandsmith classify --case p4-dirac (bands + labels + Chern numbers on the 62 x 62 grid), wall time.
Also reports the largest energy difference between the two at the eigsh points.

usage: python3 benchmarks/bench_p4dirac.py [--potential P.npy] [--eigsh-points 9] [--threads 2] [--skip-classify]
"""
import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # the baseline as the physics notes measured it
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402
import scipy
import scipy.sparse.linalg as spla

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import reference_p4dirac as ref  # noqa: E402


def run(cmd):
    t = time.time()
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("failed: " + " ".join(cmd) + "\n" + p.stderr)
    return time.time() - t, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--potential", default=os.path.join(ROOT, "engine/src/test/resources/fixtures/p4dirac/n70-s7.npy"))
    ap.add_argument("--eigsh-points", type=int, default=9)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--skip-classify", action="store_true")
    a = ap.parse_args()
    mask = np.load(a.potential)
    ks = ref.quarter(9)
    tmp = tempfile.mkdtemp()
    out = os.path.join(tmp, "solve.json")
    run(["./bandsmith", "--version"])  # build outside the timing
    wall, err = run(["./bandsmith", "solve", "--case", "p4-dirac", "--potential", a.potential, "--wedge", "81",
                     "--threads", str(a.threads), "--out", out])
    inner = float(re.search(r"([0-9.]+) s in all", err).group(1))
    doc = json.load(open(out))
    pick = np.linspace(0, 80, a.eigsh_points).round().astype(int) if a.eigsh_points < 81 else np.arange(81)
    t_eigsh = 0.0
    diff = 0.0
    for idx in pick:
        H = ref.hamiltonian(mask, *ks[idx]).tocsc()
        t = time.time()
        w = spla.eigsh(H, k=10, sigma=0.0, which="LM", return_eigenvectors=True)[0]
        t_eigsh += time.time() - t
        w = np.sort(w)
        central = np.concatenate([w[w < 0][-4:], w[w >= 0][:4]])
        diff = max(diff, float(np.max(np.abs(central - np.array(doc["samples"][0]["energies"][idx])))))
    per_k = t_eigsh / len(pick)
    eigsh81 = per_k * 81
    res = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "machine": platform.processor() or
           platform.machine(), "cpus": os.cpu_count(), "load": os.getloadavg(), "numpy": np.__version__,
           "scipy": scipy.__version__, "potential": os.path.relpath(a.potential, ROOT),
           "eigsh_seconds_per_k": per_k, "eigsh_points_timed": len(pick), "eigsh_81_seconds": eigsh81,
           "bandsmith_solve_wall_seconds": wall, "bandsmith_solver_seconds": inner,
           "speedup_wall": eigsh81 / wall, "speedup_solver": eigsh81 / inner, "max_energy_difference_m": diff}
    if not a.skip_classify:
        cwall, cerr = run(["./bandsmith", "classify", "--case", "p4-dirac", "--potential", a.potential, "--threads",
                           str(a.threads), "--out", os.path.join(tmp, "classify.json")])
        res["bandsmith_classify_wall_seconds"] = cwall
        res["classify_stderr"] = cerr.strip().splitlines()[-2:]
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
