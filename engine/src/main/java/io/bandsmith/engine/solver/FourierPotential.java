package io.bandsmith.engine.solver;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.HexagonalLattice;

/**
 * Exact Fourier coefficients V(G) of a grid read as hexagonal pixels (conventions.md): every grid point owns its
 * Wigner–Seitz hexagon of the triangular grid, V is constant on it, so
 * {@code V(G) = DFT(V)[n1 mod L, n2 mod L] / L² · F_hex(G)} with the hexagon form factor
 * {@code F_hex(G) = (1/A_hex) ∫_hex e^{-iG·y} d²y}.
 *
 * <p>The form factor is computed in closed form by splitting the hexagon into three rhombi spanned by pairs of its
 * vertex vectors: for a rhombus spanned by u, w, {@code ∫ e^{-iq·y} = A e^{-iq·(u+w)/2} sinc(q·u/2) sinc(q·w/2)}.
 *
 * <p>For a C2-symmetric grid (every C6-symmetric one) the coefficients are real and V(-G) = V(G); only the real part
 * is kept. Coefficients are tabulated for |n1|, |n2| ≤ nMax.
 */
public final class FourierPotential {
    private final int nMax;
    private final int width;
    private final double[] coefficients;
    private final double mean;

    /**
     * @param grid the potential (should be C6-symmetric; the imaginary part of its transform is dropped)
     * @param nMax largest |n1|, |n2| tabulated
     */
    public FourierPotential(PotentialGrid grid, int nMax) {
        if (nMax < 0) {
            throw new IllegalArgumentException("nMax must be >= 0");
        }
        this.nMax = nMax;
        this.width = 2 * nMax + 1;
        int size = grid.size();
        double[] v = grid.valuesE0();
        double[] cosTable = new double[size];
        double[] sinTable = new double[size];
        for (int n = 0; n < size; n++) {
            cosTable[n] = Math.cos(2 * Math.PI * n / size);
            sinTable[n] = Math.sin(2 * Math.PI * n / size);
        }
        // first stage over i (axis 0, along a1): X[n1][j] = sum_i V[i,j] e^{-2πi n1 i / L}
        double[][] xc = new double[width][size];
        double[][] xs = new double[width][size];
        for (int a = 0; a < width; a++) {
            int n1 = a - nMax;
            double[] rc = xc[a];
            double[] rs = xs[a];
            for (int i = 0; i < size; i++) {
                int idx = Math.floorMod(n1 * i, size);
                double c = cosTable[idx];
                double s = sinTable[idx];
                int row = i * size;
                for (int j = 0; j < size; j++) {
                    double val = v[row + j];
                    rc[j] += val * c;
                    rs[j] += val * s;
                }
            }
        }
        // second stage over j: Re D[n1,n2] = sum_j Xc cos(2π n2 j/L) - Xs sin(2π n2 j/L)
        coefficients = new double[width * width];
        double norm = 1.0 / ((double) size * size);
        HexagonFormFactor hex = new HexagonFormFactor(size);
        for (int a = 0; a < width; a++) {
            for (int b = 0; b < width; b++) {
                int n2 = b - nMax;
                double re = 0;
                for (int j = 0; j < size; j++) {
                    int idx = Math.floorMod(n2 * j, size);
                    re += xc[a][j] * cosTable[idx] - xs[a][j] * sinTable[idx];
                }
                int n1 = a - nMax;
                coefficients[a * width + b] = re * norm * hex.value(n1, n2);
            }
        }
        this.mean = coefficients[nMax * width + nMax];
    }

    /** V(G) for G = n1 b1 + n2 b2, E0; zero outside the tabulated range is NOT assumed: out of range throws. */
    public double coefficient(int n1, int n2) {
        if (Math.abs(n1) > nMax || Math.abs(n2) > nMax) {
            throw new IndexOutOfBoundsException("V(G) tabulated for |n| <= " + nMax + ", asked (" + n1 + ", " + n2 + ")");
        }
        return coefficients[(n1 + nMax) * width + (n2 + nMax)];
    }

    /** Whether (n1, n2) lies in the tabulated range. */
    public boolean covers(int n1, int n2) {
        return Math.abs(n1) <= nMax && Math.abs(n2) <= nMax;
    }

    public int nMax() {
        return nMax;
    }

    /** The cell average V(0), E0. */
    public double mean() {
        return mean;
    }

    /** Raw table, index (n1 + nMax) * (2 nMax + 1) + (n2 + nMax). For hot loops. */
    public double[] table() {
        return coefficients;
    }

    int width() {
        return width;
    }

    /**
     * The hexagonal-pixel form factor F_hex(G) of an L x L grid for G = n1 b1 + n2 b2: V(G) is the grid's discrete
     * transform times this factor. Invariant under C6 (the pixel is a regular hexagon).
     */
    public static double pixelFormFactor(int size, int n1, int n2) {
        return new HexagonFormFactor(size).value(n1, n2);
    }

    /** The form factor of the Wigner–Seitz hexagon of the triangular grid with spacing 1/L. */
    static final class HexagonFormFactor {
        private final double[][] rhombi;

        HexagonFormFactor(int size) {
            double r = 1.0 / (size * Math.sqrt(3)); // vertex distance of the hexagon
            double[][] vertex = new double[6][];
            for (int k = 0; k < 6; k++) {
                double t = Math.PI / 6 + Math.PI / 3 * k;
                vertex[k] = new double[] {r * Math.cos(t), r * Math.sin(t)};
            }
            rhombi = new double[][] {
                {vertex[0][0], vertex[0][1], vertex[2][0], vertex[2][1]},
                {vertex[2][0], vertex[2][1], vertex[4][0], vertex[4][1]},
                {vertex[4][0], vertex[4][1], vertex[0][0], vertex[0][1]},
            };
        }

        double value(int n1, int n2) {
            double qx = n1 * HexagonalLattice.B1.kx() + n2 * HexagonalLattice.B2.kx();
            double qy = n1 * HexagonalLattice.B1.ky() + n2 * HexagonalLattice.B2.ky();
            return value(qx, qy);
        }

        double value(double qx, double qy) {
            double sum = 0;
            for (double[] rh : rhombi) {
                double qu = qx * rh[0] + qy * rh[1];
                double qw = qx * rh[2] + qy * rh[3];
                sum += Math.cos((qu + qw) / 2) * sinc(qu / 2) * sinc(qw / 2);
            }
            return sum / 3;
        }

        private static double sinc(double x) {
            return Math.abs(x) < 1e-8 ? 1 - x * x / 6 : Math.sin(x) / x;
        }
    }
}
