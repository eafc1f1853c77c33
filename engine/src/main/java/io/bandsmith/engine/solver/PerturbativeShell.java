package io.bandsmith.engine.solver;

import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.linalg.Lapack;
import io.bandsmith.engine.linalg.SymmetricEigenpairs;

/**
 * Second-order (Löwdin) folding of the plane waves just beyond the cutoff. The truncation error of a plane-wave
 * basis for a step potential falls only as cutoff⁻³ because V(G) decays slowly; but beyond the cutoff the kinetic
 * energy (≥ cutoff² ≈ 50 Vmax at the defaults) dwarfs the potential, so those waves act on the low states through
 * H_eff = H_BB + V_BO (E - T_O)⁻¹ V_OB to excellent accuracy. Within the m computed levels:
 * {@code M_nm = E_n δ_nm - Σ_g w_gn w_gm / (|k+g|² - (E_n + E_m)/2)}, with {@code w = V_OB C}; M is diagonalized and
 * the eigenvectors rotated accordingly. The correction commutes with the point's rotations, so labels are kept.
 */
final class PerturbativeShell {
    private PerturbativeShell() {
    }

    /** Fourier-table offsets of V(g - G_i) (column-major |shell| x |basis|). */
    static int[] couplingIndex(PlaneWaveBasis basis, int[] shellN1, int[] shellN2, int nMax) {
        int no = shellN1.length;
        int nb = basis.size();
        int width = 2 * nMax + 1;
        int[] index = new int[no * nb];
        for (int i = 0; i < nb; i++) {
            int a = basis.n1(i);
            int b = basis.n2(i);
            for (int g = 0; g < no; g++) {
                index[i * no + g] = BallPlan.tableIndex(shellN1[g] - a, shellN2[g] - b, nMax, width);
            }
        }
        return index;
    }

    /** Gathers a coupling matrix from the Fourier table. */
    static double[] gather(FourierPotential fourier, int[] index) {
        double[] table = fourier.table();
        double[] v = new double[index.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = table[index[i]];
        }
        return v;
    }

    static double[] kinetic(KVector k, int[] n1, int[] n2) {
        double[] t = new double[n1.length];
        for (int g = 0; g < t.length; g++) {
            double x = k.kx() + gx(n1[g], n2[g]);
            double y = k.ky() + gy(n1[g], n2[g]);
            t[g] = x * x + y * y;
        }
        return t;
    }

    /** Corrects the eigenpairs of a ball (see the class comment). */
    static SymmetricEigenpairs correct(FourierPotential fourier, BallPlan plan, SymmetricEigenpairs eig) {
        int no = plan.shellSize;
        int nb = plan.basis.size();
        int m = eig.count();
        if (no == 0) {
            return eig;
        }
        double[] vob = gather(fourier, plan.couplingIndex);
        double[] w = new double[no * m];
        Lapack.gemm(false, false, no, m, nb, 1.0, vob, eig.vectors(), 0.0, w);
        double[] kinetic = plan.shellKinetic;
        double[] e = eig.values();
        double[] mat = new double[m * m];
        for (int p = 0; p < m; p++) {
            for (int q = 0; q <= p; q++) {
                double mean = 0.5 * (e[p] + e[q]);
                double sum = 0;
                int op = p * no;
                int oq = q * no;
                for (int g = 0; g < no; g++) {
                    sum += w[op + g] * w[oq + g] / (kinetic[g] - mean);
                }
                mat[q * m + p] = -sum;
                mat[p * m + q] = -sum;
            }
            mat[p * m + p] += e[p];
        }
        SymmetricEigenpairs small = Lapack.lowestEigenpairs(mat, m, m, true);
        double[] vectors = new double[nb * m];
        Lapack.gemm(false, false, nb, m, m, 1.0, eig.vectors(), small.vectors(), 0.0, vectors);
        return new SymmetricEigenpairs(nb, small.values(), vectors);
    }

    /** The waves of {@code outer} that are not in {@code inner}: {n1[], n2[]}. */
    static int[][] complement(PlaneWaveBasis outer, PlaneWaveBasis inner) {
        int count = 0;
        for (int i = 0; i < outer.size(); i++) {
            if (inner.indexOf(outer.n1(i), outer.n2(i)) < 0) {
                count++;
            }
        }
        int[] a = new int[count];
        int[] b = new int[count];
        int c = 0;
        for (int i = 0; i < outer.size(); i++) {
            if (inner.indexOf(outer.n1(i), outer.n2(i)) < 0) {
                a[c] = outer.n1(i);
                b[c] = outer.n2(i);
                c++;
            }
        }
        return new int[][] {a, b};
    }

    static double gx(int a, int b) {
        return a * HexagonalLattice.B1.kx() + b * HexagonalLattice.B2.kx();
    }

    static double gy(int a, int b) {
        return a * HexagonalLattice.B1.ky() + b * HexagonalLattice.B2.ky();
    }
}
