#!/usr/bin/env python3
"""Independent classification of the lowest band sets of p6 potentials (cross-check of `classify` and of the
workbench's `gui --dump-state`; shares no code with the Java engine).

Levels and their C_n labels at Γ, K, M from the dense numpy plane-wave reference (reference_labels.labels_at),
the compat connectivity rule (a set ends after band n when bands n and n+1 are apart at Γ, K and M, n does not split
a degenerate pair, and bands 1..n hold an even number of f (Γ) and - (M) labels: even C2 parity), fingerprints
(ns, np, nd, nf, n0, n+), and a brute-force search for non-negative integer sums of the eight EBRs of p6 with time
reversal (docs/topology.md; the paper's appendix I): one EBR -> EBR, several -> composite, none -> fragile. A set not
closed within the computed levels is unassigned.

usage: reference_classify.py POTENTIAL.npy [...] [--bands 6] [--vmax 256] [--cutoff 100]
       reference_classify.py --compare-dumps DIR_OR_FILES...  (dump JSONs named dump-<stem>-<source>.json)
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_labels import POINTS, labels_at  # noqa: E402

EBRS = {  # (ns, np, nd, nf, n0, n+)
    "1a_s": (1, 0, 0, 0, 1, 1), "1a_p": (0, 1, 0, 0, 0, 0), "1a_d": (0, 0, 1, 0, 0, 2), "1a_f": (0, 0, 0, 1, 1, 0),
    "2b_A": (1, 0, 0, 1, 0, 1), "2b_E": (0, 1, 1, 0, 2, 2), "3c_A": (1, 0, 1, 0, 1, 1), "3c_B": (0, 1, 0, 1, 1, 2),
}


def decompositions(fp):
    """The decomposition with the fewest EBRs (depth-first over the EBRs, pruned when a count overshoots)."""
    names = list(EBRS)
    best = [None]

    def search(i, rest, chosen):
        if all(r == 0 for r in rest):
            if chosen and (best[0] is None or len(chosen) < len(best[0])):
                best[0] = list(chosen)
            return
        if i == len(names):
            return
        e = EBRS[names[i]]
        k = 0
        r = list(rest)
        while all(x >= 0 for x in r):
            search(i + 1, r, chosen + [names[i]] * k)
            k += 1
            r = [x - y for x, y in zip(r, e)]

    search(0, list(fp), [])
    return best[0]


def potential_grid(path, vmax):
    a = np.load(path)
    if a.ndim == 3:
        a = a[0]
    return a.astype(float) * vmax if a.dtype in (np.uint8, np.bool_) else a.astype(float)


def classify(V, bands, vmax, cutoff):
    levels = {}
    for name, (k, order) in POINTS.items():
        w, lab = labels_at(V, k, order, cutoff, bands + 1)
        levels[name] = (w, lab)
    tol = 1e-7

    def closes_pair(lab, w, n):  # level index n (0-based) ends a degenerate pair or is a singlet
        if lab[n] in ("p", "d", "1"):
            # members of a pair come together; the second member closes it
            start = n
            while start > 0 and lab[start - 1] == lab[n] and abs(w[start - 1] - w[n]) < 1e-6 * vmax:
                start -= 1
            return (n - start) % 2 == 1
        return True

    sets = []
    start = 0
    odd = 0
    for n in range(bands):
        g, m = levels["G"][1][n], levels["M"][1][n]
        odd += (g == "f") + (m == "-")
        sep = all(levels[p][0][n + 1] - levels[p][0][n] > tol * max(1, abs(levels[p][0][n]))
                  and closes_pair(levels[p][1], levels[p][0], n) for p in levels)
        if sep and odd % 2 == 0:
            sets.append((start, n))
            start = n + 1
    out = []
    for first, last in sets:
        cg = {c: 0 for c in "spdf"}
        ck = {"0": 0, "1": 0}
        cm = {"+": 0, "-": 0}
        for n in range(first, last + 1):
            cg[levels["G"][1][n]] += 1
            ck[levels["K"][1][n]] += 1
            cm[levels["M"][1][n]] += 1
        fp = (cg["s"], cg["p"] // 2, cg["d"] // 2, cg["f"], ck["0"], cm["+"])
        d = decompositions(fp)
        cls = "fragile" if d is None else "EBR" if len(d) == 1 else "composite"
        out.append({"bands": [first + 1, last + 1], "class": cls, "fingerprint": list(fp),
                    "ebrs": d or []})
    if start < bands:
        out.append({"bands": [start + 1, bands], "class": "unassigned", "fingerprint": None, "ebrs": []})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("potentials", nargs="*")
    ap.add_argument("--bands", type=int, default=6)
    ap.add_argument("--vmax", type=float, default=256.0)
    ap.add_argument("--cutoff", type=float, default=100.0)
    ap.add_argument("--compare-dumps", metavar="DIR", help="compare dump-<stem>-<source>.json in DIR with the "
                    "reference classes of the potentials given")
    a = ap.parse_args()
    rows = []
    for p in a.potentials:
        ref = classify(potential_grid(p, a.vmax), a.bands, a.vmax, a.cutoff)
        row = {"potential": os.path.basename(p), "reference": ref}
        if a.compare_dumps:
            stem = os.path.splitext(os.path.basename(p))[0]
            for src in ("exact", "nn"):
                f = os.path.join(a.compare_dumps, f"dump-{stem}-{src}.json")
                if not os.path.exists(f):
                    continue
                sets = json.load(open(f))["sets"]
                agree = all(i < len(sets) and i < len(ref) and sets[i]["bands"] == ref[i]["bands"]
                            and sets[i]["class"] == ref[i]["class"] for i in range(2))
                false_fragile = any(s["class"] == "fragile" and not any(
                    r["bands"] == s["bands"] and r["class"] == "fragile" for r in ref) for s in sets
                    if s["bands"][1] <= a.bands)
                row[src] = {"first_two_agree": agree, "false_fragile": false_fragile,
                            "sets": [(s["bands"], s["class"]) for s in sets[:2]]}
        rows.append(row)
        print(json.dumps(row), flush=True)
    if a.compare_dumps:
        for src in ("exact", "nn"):
            have = [r for r in rows if src in r]
            print(json.dumps({"source": src, "potentials": len(have),
                              "first_two_agree": sum(r[src]["first_two_agree"] for r in have),
                              "false_fragile": sum(r[src]["false_fragile"] for r in have)}))


if __name__ == "__main__":
    main()
