#!/usr/bin/env python3
"""Numpy reference labels at Γ, K, M (benchmarks/reference_labels.py) of given potentials, as a test fixture.

For each NAME=FILE.npy: the lowest --levels levels at Γ, K and M from a dense plane-wave ball (cutoff --cutoff),
their rotation labels and each level's gap to its neighbours (a degenerate partner does not count).

usage: make_label_fixture.py NAME=FILE.npy [...] --out FIXTURE.json [--levels 8] [--cutoff 100] [--vmax 256]
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_labels import POINTS, labels_at  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--levels", type=int, default=8)
    ap.add_argument("--cutoff", type=float, default=100.0)
    ap.add_argument("--vmax", type=float, default=256.0)
    a = ap.parse_args()
    doc = {"made_by": "python3 benchmarks/make_label_fixture.py " + " ".join(sys.argv[1:]), "numpy": np.__version__,
           "cutoff": a.cutoff, "units": {"energy": "E0"}, "potentials": {}}
    for item in a.inputs:
        name, path = item.split("=", 1)
        arr = np.load(path)
        V = arr.astype(float) * (a.vmax if arr.dtype in (np.uint8, np.bool_) else 1.0)
        entry = {"file": os.path.basename(path)}
        for point, (k, order) in POINTS.items():
            w, lab = labels_at(V, k, order, a.cutoff, a.levels + 2)
            gaps = []
            for n in range(a.levels):
                lo = w[n] - w[n - 1] if n > 0 else np.inf
                hi = w[n + 1] - w[n]
                if n > 0 and lab[n - 1] == lab[n] and abs(w[n] - w[n - 1]) < 1e-6:
                    lo = w[n] - w[n - 2] if n > 1 else np.inf
                if lab[n] == lab[n + 1] and abs(w[n + 1] - w[n]) < 1e-6:
                    hi = w[n + 2] - w[n]
                gaps.append(float(min(lo, hi)))
            entry[point] = {"energies": [float(x) for x in w[:a.levels]], "labels": lab[:a.levels],
                            "gap_to_neighbours": gaps}
        doc["potentials"][name] = entry
        print(f"{name}: done", file=sys.stderr)
    with open(a.out, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
