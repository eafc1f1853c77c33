package io.bandsmith.engine.solver;

import io.bandsmith.engine.lattice.KVector;

/**
 * The potential-independent part of one diagonalization around a k point: the plane-wave ball, the shell of waves
 * folded in perturbatively, and the positions in the Fourier table of every matrix element, so that each potential
 * only gathers numbers and calls LAPACK. Immutable and shared between threads.
 */
final class BallPlan {
    final KVector k;
    final PlaneWaveBasis basis;
    /** Table offsets of V(G_i - G_j), column-major n x n. */
    final int[] hamiltonianIndex;
    /** |k + G_i|². */
    final double[] kinetic;
    /** Shell waves (may be empty). */
    final int shellSize;
    /** Table offsets of V(g - G_i), column-major shellSize x n. */
    final int[] couplingIndex;
    /** |k + g|² of the shell waves. */
    final double[] shellKinetic;

    BallPlan(KVector k, double cutoff, double shellCutoff, int nMax) {
        this.k = k;
        this.basis = new PlaneWaveBasis(k, cutoff);
        int n = basis.size();
        int width = 2 * nMax + 1;
        hamiltonianIndex = new int[n * n];
        kinetic = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                hamiltonianIndex[j * n + i] = tableIndex(basis.n1(i) - basis.n1(j), basis.n2(i) - basis.n2(j), nMax,
                        width);
            }
            double x = k.kx() + basis.gx(j);
            double y = k.ky() + basis.gy(j);
            kinetic[j] = x * x + y * y;
        }
        if (shellCutoff > cutoff) {
            int[][] shell = PerturbativeShell.complement(new PlaneWaveBasis(k, shellCutoff), basis);
            shellSize = shell[0].length;
            couplingIndex = PerturbativeShell.couplingIndex(basis, shell[0], shell[1], nMax);
            shellKinetic = PerturbativeShell.kinetic(k, shell[0], shell[1]);
        } else {
            shellSize = 0;
            couplingIndex = new int[0];
            shellKinetic = new double[0];
        }
    }

    static int tableIndex(int d1, int d2, int nMax, int width) {
        if (Math.abs(d1) > nMax || Math.abs(d2) > nMax) {
            throw new IllegalStateException("Fourier table |n| <= " + nMax + " too small for (" + d1 + ", " + d2 + ")");
        }
        return (d1 + nMax) * width + (d2 + nMax);
    }

    /** H(k) for a potential, column-major. */
    double[] hamiltonian(FourierPotential fourier) {
        double[] table = fourier.table();
        int n = basis.size();
        double[] h = new double[n * n];
        for (int i = 0; i < h.length; i++) {
            h[i] = table[hamiltonianIndex[i]];
        }
        for (int j = 0; j < n; j++) {
            h[j * n + j] += kinetic[j];
        }
        return h;
    }
}
