#!/usr/bin/env python3
"""Levels at Γ of six-holes grids by the independent numpy reference (benchmarks/reference_planewave.py: hexagonal-
pixel Fourier coefficients, dense plane waves at cutoffs 100 and 130 /a, extrapolated as Gc^-3). The expected values
of BandInversionViewModelTest and DesignAreaViewTest come from this script.

usage: six_holes_levels.py HOLES-R.npy ... [--vmax 256]
  (make the grids with: ./bandsmith generate six-holes --distance R --radius 0.12 --out out/holes-R.npy)
"""
import argparse
import importlib.util
import os

import numpy as np

spec = importlib.util.spec_from_file_location("ref", os.path.join(os.path.dirname(__file__), "reference_planewave.py"))
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)

ap = argparse.ArgumentParser()
ap.add_argument("grids", nargs="+")
ap.add_argument("--vmax", type=float, default=256.0)
a = ap.parse_args()
for f in a.grids:
    arr = np.load(f)
    V = arr.astype(float) * (a.vmax if arr.dtype in (np.uint8, np.bool_) else 1.0)
    c1, c2 = 100.0, 130.0
    e1, _ = ref.bands(V, np.zeros(2), c1, 7)
    e2, _ = ref.bands(V, np.zeros(2), c2, 7)
    ext = (e2 * c2**3 - e1 * c1**3) / (c2**3 - c1**3)
    print(f, " ".join(f"{e:.4f}" for e in ext))
