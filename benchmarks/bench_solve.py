#!/usr/bin/env python3
"""Benchmark of `./bandsmith solve` against the paper's baseline (scipy eigsh on the L=100 finite-difference grid),
with the accuracy of both against an independent extrapolated plane-wave reference. All figures of one run are
measured on the same machine in the same run; see docs/BENCHMARKS.md.

usage: python3 benchmarks/bench_solve.py [--potentials 20] [--baseline-potentials 2] [--out benchmarks/results/solve.json]
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BANDSMITH = os.path.join(ROOT, "bandsmith")
HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, env=None):
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr}")
    return time.perf_counter() - t, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--potentials", type=int, default=20)
    ap.add_argument("--baseline-potentials", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(HERE, "results", "solve.json"))
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="bandsmith-bench-")
    single = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    run([BANDSMITH, "--version"])  # build if needed, outside the timings
    results = {"machine": f"{platform.node()} {platform.processor() or platform.machine()}, {os.cpu_count()} cores",
               "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "n": a.potentials}
    for alpha, seed in [(1.0, 1000), (0.5, 2000)]:
        f = os.path.join(tmp, f"a{alpha}.npy")
        run([BANDSMITH, "generate", "random", "--count", str(a.potentials), "--alpha", str(alpha), "--seed",
             str(seed), "--out", f])
        r = {}
        for wedge in (79, 821):
            out = os.path.join(tmp, f"a{alpha}-{wedge}.json")
            t, _ = run([BANDSMITH, "solve", "--potential", f, "--wedge", str(wedge), "--out", out])
            r[f"whole_process_s_per_potential_{wedge}"] = t / a.potentials
        t1, _ = run([BANDSMITH, "solve", "--potential", f, "--wedge", "79", "--threads", "1", "--out",
                     os.path.join(tmp, "t1.json")])
        r["whole_process_s_per_potential_79_one_thread"] = t1 / a.potentials
        one = os.path.join(tmp, "one.npy")
        subprocess.run([sys.executable, "-c", f"import numpy as np; np.save('{one}', np.load('{f}')[:1])"], check=True)
        t, _ = run([BANDSMITH, "solve", "--potential", one, "--wedge", "79", "--out", os.path.join(tmp, "o.json")])
        r["single_potential_whole_process_s"] = t
        ref79 = os.path.join(tmp, f"a{alpha}-79.json")
        _, acc = run([sys.executable, os.path.join(HERE, "reference_planewave.py"), f, ref79, "--samples", "3",
                      "--points", "12"], env=single)
        r["accuracy_vs_reference"] = json.loads(acc)
        if a.baseline_potentials > 0:
            _, base = run([sys.executable, os.path.join(HERE, "fd_eigsh_baseline.py"), f, ref79, "--samples",
                           str(a.baseline_potentials)], env=single)
            b = json.loads(base)
            r["eigsh_fd"] = b
            r["speedup_79_whole_process"] = b["seconds_per_potential"] / r["whole_process_s_per_potential_79"]
            r["speedup_79_one_thread"] = b["seconds_per_potential"] / r["whole_process_s_per_potential_79_one_thread"]
            r["speedup_per_kpoint_821"] = b["seconds_per_kpoint"] * 821 / r["whole_process_s_per_potential_821"]
        results[f"alpha={alpha}"] = r
        print(json.dumps({f"alpha={alpha}": r}, indent=1), file=sys.stderr)
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w") as fh:
        json.dump(results, fh, indent=1)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
