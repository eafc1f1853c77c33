package io.bandsmith.engine.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.linalg.Lapack;
import io.bandsmith.engine.linalg.SymmetricEigenpairs;

/**
 * The Hamiltonian of one potential projected on the span of low-energy eigenvectors at a few anchor points of the
 * irreducible wedge (and their C6 images inside it). On a fixed plane-wave set H(k) = H(0) + 2k·Ĝ + k², so the
 * projection is done once and H_r(k) = A0 + kx Ax + ky Ay + k² S for any k in the wedge costs one small
 * eigenproblem. The plane waves outside the span's support, up to a shell cutoff, are folded in by second-order
 * perturbation theory expanded to first order in k - k_c and in E (a generalized problem symmetrized with
 * (1 + D)^{-1/2} ≈ 1 - D/2). Immutable.
 */
final class ReducedWedgeModel {
    private final int dimension;
    private final double[] a0;
    private final double[] ax;
    private final double[] ay;
    private final double[] a2;

    private ReducedWedgeModel(int dimension, double[] a0, double[] ax, double[] ay, double[] a2) {
        this.dimension = dimension;
        this.a0 = a0;
        this.ax = ax;
        this.ay = ay;
        this.a2 = a2;
    }

    int dimension() {
        return dimension;
    }

    /** The lowest {@code count} energies at k (k must lie in the irreducible wedge). */
    double[] lowestEnergies(KVector k, int count) {
        int n = dimension;
        double[] h = new double[n * n];
        double kx = k.kx();
        double ky = k.ky();
        double k2 = k.normSquared();
        for (int i = 0; i < h.length; i++) {
            h[i] = a0[i] + kx * ax[i] + ky * ay[i] + k2 * a2[i];
        }
        return Lapack.lowestEigenpairs(h, n, Math.min(count, n), false).values();
    }

    /**
     * The potential-independent part: the support of the anchor vectors (the union of the anchor balls and of their
     * C6 images inside the wedge), where each anchor's waves land in it, and the perturbative shell around it.
     */
    static final class Plan {
        final PlaneWaveBasis support;
        /** For each included anchor image: the anchor's index and the support position of each of its waves. */
        final List<int[]> embeddingPositions = new ArrayList<>();
        final List<Integer> embeddingAnchor = new ArrayList<>();
        final int[] hamiltonianIndex;
        final double[] kinetic;
        final int shellSize;
        final int[] couplingIndex;
        final double[] shellT0;
        final double[] shellPx;
        final double[] shellPy;

        Plan(List<BallPlan> anchors, double shellCutoff, int nMax) {
            Map<Long, int[]> union = new LinkedHashMap<>();
            List<long[]> keysPerImage = new ArrayList<>();
            for (int a = 0; a < anchors.size(); a++) {
                BallPlan anchor = anchors.get(a);
                for (int steps = 0; steps < 6; steps++) {
                    KVector rotated = anchor.k.rotated(Math.PI / 3 * steps);
                    if (steps > 0 && (!inWedge(rotated) || rotated.distanceTo(anchor.k) < 1e-9)) {
                        continue;
                    }
                    PlaneWaveBasis basis = anchor.basis;
                    long[] keys = new long[basis.size()];
                    for (int i = 0; i < basis.size(); i++) {
                        int p = basis.n1(i);
                        int q = basis.n2(i);
                        for (int s = 0; s < steps; s++) {
                            int[] r = HexagonalLattice.rotateReciprocal(p, q);
                            p = r[0];
                            q = r[1];
                        }
                        keys[i] = PlaneWaveBasis.key(p, q);
                        union.putIfAbsent(keys[i], new int[] {p, q});
                    }
                    keysPerImage.add(keys);
                    embeddingAnchor.add(a);
                }
            }
            int[] s1 = new int[union.size()];
            int[] s2 = new int[union.size()];
            int c = 0;
            for (int[] g : union.values()) {
                s1[c] = g[0];
                s2[c] = g[1];
                c++;
            }
            support = PlaneWaveBasis.of(HexagonalLattice.WEDGE_CENTROID, s1, s2);
            for (long[] keys : keysPerImage) {
                int[] pos = new int[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    int[] g = union.get(keys[i]);
                    pos[i] = support.indexOf(g[0], g[1]);
                }
                embeddingPositions.add(pos);
            }
            int nb = support.size();
            int width = 2 * nMax + 1;
            hamiltonianIndex = new int[nb * nb];
            kinetic = new double[nb];
            for (int j = 0; j < nb; j++) {
                for (int i = 0; i < nb; i++) {
                    hamiltonianIndex[j * nb + i] = BallPlan.tableIndex(support.n1(i) - support.n1(j),
                            support.n2(i) - support.n2(j), nMax, width);
                }
                kinetic[j] = support.gx(j) * support.gx(j) + support.gy(j) * support.gy(j);
            }
            if (shellCutoff > 0) {
                KVector kc = HexagonalLattice.WEDGE_CENTROID;
                int[][] shell = PerturbativeShell.complement(new PlaneWaveBasis(kc, shellCutoff), support);
                shellSize = shell[0].length;
                couplingIndex = PerturbativeShell.couplingIndex(support, shell[0], shell[1], nMax);
                shellT0 = PerturbativeShell.kinetic(kc, shell[0], shell[1]);
                shellPx = new double[shellSize];
                shellPy = new double[shellSize];
                for (int g = 0; g < shellSize; g++) {
                    shellPx[g] = kc.kx() + PerturbativeShell.gx(shell[0][g], shell[1][g]);
                    shellPy[g] = kc.ky() + PerturbativeShell.gy(shell[0][g], shell[1][g]);
                }
            } else {
                shellSize = 0;
                couplingIndex = new int[0];
                shellT0 = new double[0];
                shellPx = new double[0];
                shellPy = new double[0];
            }
        }
    }

    /**
     * @param anchorEigenpairs eigenpairs of each anchor of the plan (vectors indexed by the anchor's ball)
     * @param vectorsPerAnchor how many of the lowest eigenvectors of each anchor enter the span
     */
    static ReducedWedgeModel build(FourierPotential fourier, Plan plan, List<SymmetricEigenpairs> anchorEigenpairs,
            int vectorsPerAnchor) {
        PlaneWaveBasis basis = plan.support;
        int nb = basis.size();
        int m = 0;
        for (int e = 0; e < plan.embeddingAnchor.size(); e++) {
            m += Math.min(vectorsPerAnchor, anchorEigenpairs.get(plan.embeddingAnchor.get(e)).count());
        }
        double[] x = new double[nb * m];
        int col = 0;
        for (int e = 0; e < plan.embeddingAnchor.size(); e++) {
            SymmetricEigenpairs eig = anchorEigenpairs.get(plan.embeddingAnchor.get(e));
            int[] pos = plan.embeddingPositions.get(e);
            for (int j = 0; j < Math.min(vectorsPerAnchor, eig.count()); j++) {
                for (int i = 0; i < pos.length; i++) {
                    x[col * nb + pos[i]] = eig.vector(j, i);
                }
                col++;
            }
        }
        // canonical orthonormalization of the anchor vectors
        double[] overlap = new double[m * m];
        Lapack.gemm(true, false, m, m, nb, 1.0, x, x, 0.0, overlap);
        SymmetricEigenpairs ov = Lapack.lowestEigenpairs(overlap, m, m, true);
        double largest = ov.values()[m - 1];
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            if (ov.values()[j] > 1e-10 * largest) {
                keep.add(j);
            }
        }
        int r = keep.size();
        double[] u = new double[m * r];
        for (int jj = 0; jj < r; jj++) {
            int j = keep.get(jj);
            double scale = 1 / Math.sqrt(ov.values()[j]);
            for (int i = 0; i < m; i++) {
                u[jj * m + i] = ov.vector(j, i) * scale;
            }
        }
        double[] q = new double[nb * r];
        Lapack.gemm(false, false, nb, r, m, 1.0, x, u, 0.0, q);

        // projections of H(0) (kinetic |G|² + V) and of the k-linear terms 2 G_x, 2 G_y
        double[] h0 = PerturbativeShell.gather(fourier, plan.hamiltonianIndex);
        for (int j = 0; j < nb; j++) {
            h0[j * nb + j] += plan.kinetic[j];
        }
        double[] hq = new double[nb * r];
        Lapack.gemm(false, false, nb, r, nb, 1.0, h0, q, 0.0, hq);
        double[] a0 = new double[r * r];
        Lapack.gemm(true, false, r, r, nb, 1.0, q, hq, 0.0, a0);
        double[] gxq = new double[nb * r];
        double[] gyq = new double[nb * r];
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < nb; i++) {
                gxq[j * nb + i] = 2 * basis.gx(i) * q[j * nb + i];
                gyq[j * nb + i] = 2 * basis.gy(i) * q[j * nb + i];
            }
        }
        double[] ax = new double[r * r];
        double[] ay = new double[r * r];
        Lapack.gemm(true, false, r, r, nb, 1.0, q, gxq, 0.0, ax);
        Lapack.gemm(true, false, r, r, nb, 1.0, q, gyq, 0.0, ay);
        double[] a2 = identity(r);

        int no = plan.shellSize;
        if (no > 0) {
            KVector kc = HexagonalLattice.WEDGE_CENTROID;
            double[] vob = PerturbativeShell.gather(fourier, plan.couplingIndex);
            double[] w = new double[no * r];
            Lapack.gemm(false, false, no, r, nb, 1.0, vob, q, 0.0, w);
            // C(k, E) ≈ -Σ w wᵀ/T0 + 2 (k - kc)·Σ w wᵀ (kc + g)/T0² - E Σ w wᵀ/T0², T0 = |kc + g|²
            double[] wInv = new double[no * r];
            double[] wx = new double[no * r];
            double[] wy = new double[no * r];
            double[] w2 = new double[no * r];
            for (int g = 0; g < no; g++) {
                double t0 = plan.shellT0[g];
                double px = plan.shellPx[g];
                double py = plan.shellPy[g];
                for (int j = 0; j < r; j++) {
                    double val = w[j * no + g];
                    wInv[j * no + g] = val / t0;
                    wx[j * no + g] = 2 * val * px / (t0 * t0);
                    wy[j * no + g] = 2 * val * py / (t0 * t0);
                    w2[j * no + g] = val / (t0 * t0);
                }
            }
            double[] c0 = new double[r * r];
            double[] cx = new double[r * r];
            double[] cy = new double[r * r];
            double[] d = new double[r * r];
            Lapack.gemm(true, false, r, r, no, -1.0, w, wInv, 0.0, c0);
            Lapack.gemm(true, false, r, r, no, 1.0, w, wx, 0.0, cx);
            Lapack.gemm(true, false, r, r, no, 1.0, w, wy, 0.0, cy);
            Lapack.gemm(true, false, r, r, no, 1.0, w, w2, 0.0, d);
            symmetrize(c0, r);
            symmetrize(cx, r);
            symmetrize(cy, r);
            symmetrize(d, r);
            // H + C0 + (k-kc)·Cx,y : constant part A0 + C0 - kc·C, linear parts Ax + Cx, Ay + Cy
            for (int i = 0; i < r * r; i++) {
                a0[i] += c0[i] - kc.kx() * cx[i] - kc.ky() * cy[i];
                ax[i] += cx[i];
                ay[i] += cy[i];
            }
            // generalized problem H y = E (1 + D) y, symmetrized with L = 1 - D/2
            double[] l = identity(r);
            for (int i = 0; i < r * r; i++) {
                l[i] -= 0.5 * d[i];
            }
            a0 = sandwich(l, a0, r);
            ax = sandwich(l, ax, r);
            ay = sandwich(l, ay, r);
            a2 = sandwich(l, a2, r);
        }
        return new ReducedWedgeModel(r, a0, ax, ay, a2);
    }

    /** Whether k lies in the closed wedge Γ-K-K' (angle 0..60°, inside the zone). */
    static boolean inWedge(KVector k) {
        double angle = Math.atan2(k.ky(), k.kx());
        if (k.norm() < 1e-12) {
            return true;
        }
        if (angle < -1e-9 || angle > Math.PI / 3 + 1e-9) {
            return false;
        }
        return HexagonalLattice.foldToWedge(k).distanceTo(k) < 1e-9;
    }

    private static double[] identity(int r) {
        double[] id = new double[r * r];
        for (int i = 0; i < r; i++) {
            id[i * r + i] = 1;
        }
        return id;
    }

    private static void symmetrize(double[] a, int r) {
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (a[i * r + j] + a[j * r + i]);
                a[i * r + j] = m;
                a[j * r + i] = m;
            }
        }
    }

    /** L A L for symmetric L, A. */
    private static double[] sandwich(double[] l, double[] a, int r) {
        double[] t = new double[r * r];
        double[] out = new double[r * r];
        Lapack.gemm(false, false, r, r, r, 1.0, l, a, 0.0, t);
        Lapack.gemm(false, false, r, r, r, 1.0, t, l, 0.0, out);
        symmetrize(out, r);
        return out;
    }
}
