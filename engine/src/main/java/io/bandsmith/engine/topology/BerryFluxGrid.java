package io.bandsmith.engine.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.linalg.HermitianEigenpairs;
import io.bandsmith.engine.linalg.Lapack;

/**
 * Bloch eigenvectors on an n x n grid covering the Brillouin zone, k_ij = ((i + o1) b1 + (j + o2) b2)/n, and the
 * Berry flux through each plaquette (Fukui-Hatsugai-Suzuki, eq. I1 of the paper): for a group of bands G,
 * Φ_ij = -arg[U_1(k_ij) U_2(k_i+1,j) U_1(k_i,j+1)^* U_2(k_ij)^*] with U(k, k') = det⟨u_a(k)|u_b(k')⟩_{a,b∈G},
 * i.e. the Berry phase around the plaquette traversed counter-clockwise (b1 × b2 > 0). Fluxes lie in (-π, π];
 * their sum over the zone is 2π times the Chern number of the group. With C2T symmetry the flux vanishes except in
 * plaquettes that hold a Dirac cone between the group and the next band, where |Φ| ≈ π (the π defects of section VI).
 *
 * <p>The default offset o = (0.5, 0.5)·(1 - 1/√5) keeps grid points off Γ, K, M. Immutable once computed.
 */
public final class BerryFluxGrid {
    /** Plaquettes with |Φ| above this are π defects. */
    public static final double DEFECT_THRESHOLD = Math.PI / 2;

    private final int n;
    private final int bands;
    private final int dim;
    private final KVector b1;
    private final KVector b2;
    private final double o1;
    private final double o2;
    private final double[][] vectors; // [i*n + j] -> lowest `bands` eigenvectors, column-major interleaved
    private final double[][] energies;

    private BerryFluxGrid(BlochHamiltonian h, KVector b1, KVector b2, int n, int bands, double o1, double o2) {
        if (n < 2) {
            throw new IllegalArgumentException("a Berry-flux grid needs n >= 2, got " + n);
        }
        this.n = n;
        this.b1 = b1;
        this.b2 = b2;
        this.o1 = o1;
        this.o2 = o2;
        this.dim = h.dimension();
        if (bands < 1 || bands > dim) {
            throw new IllegalArgumentException("bands " + bands + " outside 1.." + dim);
        }
        this.bands = bands;
        this.vectors = new double[n * n][];
        this.energies = new double[n * n][];
        IntStream.range(0, n * n).parallel().forEach(idx -> {
            HermitianEigenpairs e = Lapack.lowestEigenpairsHermitian(h.matrix(point(idx / n, idx % n)), dim, bands,
                    true);
            vectors[idx] = e.vectors();
            energies[idx] = e.values();
        });
    }

    /** Eigenvectors of the lowest {@code bands} bands on an n x n grid with the default offset. */
    public static BerryFluxGrid compute(BlochHamiltonian h, KVector b1, KVector b2, int n, int bands) {
        double o = 0.5 * (1 - 1 / Math.sqrt(5));
        return new BerryFluxGrid(h, b1, b2, n, bands, o, o * 0.7);
    }

    /** As {@link #compute(BlochHamiltonian, KVector, KVector, int, int)} with an explicit offset (grid units). */
    public static BerryFluxGrid compute(BlochHamiltonian h, KVector b1, KVector b2, int n, int bands, double o1,
            double o2) {
        return new BerryFluxGrid(h, b1, b2, n, bands, o1, o2);
    }

    public int size() {
        return n;
    }

    public int bandCount() {
        return bands;
    }

    /** The grid point (i, j) (indices taken mod n). */
    public KVector point(int i, int j) {
        double u = (Math.floorMod(i, n) + o1) / n;
        double v = (Math.floorMod(j, n) + o2) / n;
        return new KVector(u * b1.kx() + v * b2.kx(), u * b1.ky() + v * b2.ky());
    }

    /** Energy of band {@code band} (0-based) at grid point (i, j). */
    public double energy(int i, int j, int band) {
        return energies[Math.floorMod(i, n) * n + Math.floorMod(j, n)][band];
    }

    /** Smallest direct gap E_{band+1} - E_band over the grid (0-based band). */
    public double minimumGapAbove(int band) {
        if (band + 1 >= bands) {
            throw new IllegalArgumentException("the grid holds " + bands + " bands");
        }
        double min = Double.POSITIVE_INFINITY;
        for (double[] e : energies) {
            min = Math.min(min, e[band + 1] - e[band]);
        }
        return min;
    }

    /** Berry flux [i][j] of the band group first..last (0-based, inclusive). */
    public double[][] flux(int first, int last) {
        checkGroup(first, last);
        double[][] out = new double[n][n];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j < n; j++) {
                out[i][j] = plaquetteFlux(i, j, first, last);
            }
        });
        return out;
    }

    /** Chern number of the band group first..last (0-based, inclusive): the total flux over 2π, rounded. */
    public int chernNumber(int first, int last) {
        double total = totalFlux(first, last);
        long c = Math.round(total / (2 * Math.PI));
        if (Math.abs(total / (2 * Math.PI) - c) > 0.05) {
            throw new ArithmeticException("Berry flux of bands " + first + ".." + last + " sums to "
                    + total / (2 * Math.PI) + " x 2π: the group is not isolated or the grid is too coarse");
        }
        return (int) c;
    }

    /** Total Berry flux of the group (2π C for an isolated group). */
    public double totalFlux(int first, int last) {
        double s = 0;
        for (double[] row : flux(first, last)) {
            for (double f : row) {
                s += f;
            }
        }
        return s;
    }

    /** Plaquettes with |Φ| > π/2 for the group first..last: Dirac cones between band last and last + 1. */
    public List<PlaquetteDefect> piDefects(int first, int last) {
        double[][] f = flux(first, last);
        List<PlaquetteDefect> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (Math.abs(f[i][j]) > DEFECT_THRESHOLD) {
                    KVector a = point(i, j);
                    double du = 0.5 / n;
                    KVector c = new KVector(a.kx() + du * (b1.kx() + b2.kx()), a.ky() + du * (b1.ky() + b2.ky()));
                    out.add(new PlaquetteDefect(i, j, c, f[i][j]));
                }
            }
        }
        return out;
    }

    /**
     * π defects of the groups of the lowest bands, 0..n-1 for n = 1..maxGroup, in one pass: each link's overlap
     * matrix is computed once and the determinants of its leading blocks give every group's link. Entry n-1 lists
     * the Dirac cones between band n-1 and band n (0-based).
     */
    public List<List<PlaquetteDefect>> piDefectsOfLowestGroups(int maxGroup) {
        checkGroup(0, maxGroup - 1);
        double[][][] along1 = new double[n * n][][];
        double[][][] along2 = new double[n * n][][];
        IntStream.range(0, n * n).parallel().forEach(idx -> {
            int i = idx / n;
            int j = idx % n;
            along1[idx] = leadingLinks(i, j, i + 1, j, maxGroup);
            along2[idx] = leadingLinks(i, j, i, j + 1, maxGroup);
        });
        List<List<PlaquetteDefect>> out = new ArrayList<>();
        for (int g = 0; g < maxGroup; g++) {
            List<PlaquetteDefect> defects = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double[] u1 = along1[i * n + j][g];
                    double[] u2 = along2[Math.floorMod(i + 1, n) * n + j][g];
                    double[] u3 = conj(along1[i * n + Math.floorMod(j + 1, n)][g]);
                    double[] u4 = conj(along2[i * n + j][g]);
                    double[] p = mul(mul(u1, u2), mul(u3, u4));
                    double flux = -Math.atan2(p[1], p[0]);
                    if (Math.abs(flux) > DEFECT_THRESHOLD) {
                        KVector a = point(i, j);
                        double du = 0.5 / n;
                        defects.add(new PlaquetteDefect(i, j, new KVector(a.kx() + du * (b1.kx() + b2.kx()),
                                a.ky() + du * (b1.ky() + b2.ky())), flux));
                    }
                }
            }
            out.add(defects);
        }
        return out;
    }

    /** det of the leading g x g blocks (g = 1..maxGroup) of ⟨u_a(k)|u_b(k')⟩. */
    private double[][] leadingLinks(int i, int j, int i2, int j2, int maxGroup) {
        double[] a = vectors[Math.floorMod(i, n) * n + Math.floorMod(j, n)];
        double[] b = vectors[Math.floorMod(i2, n) * n + Math.floorMod(j2, n)];
        double[] full = overlap(a, b, 0, maxGroup, dim);
        double[][] out = new double[maxGroup][];
        for (int g = 1; g <= maxGroup; g++) {
            double[] block = new double[2 * g * g];
            for (int x = 0; x < g; x++) {
                System.arraycopy(full, 2 * x * maxGroup, block, 2 * x * g, 2 * g);
            }
            out[g - 1] = determinant(block, g);
        }
        return out;
    }

    /**
     * The g x g overlap matrix ⟨u_x(k)|u_y(k')⟩ of the band columns first..first+g-1 of two eigenvector arrays
     * (column-major, interleaved), row-major in (x, y), interleaved.
     */
    private static double[] overlap(double[] a, double[] b, int first, int g, int dim) {
        double[] m = new double[2 * g * g];
        for (int x = 0; x < g; x++) {
            int oa = 2 * (first + x) * dim;
            for (int y = 0; y < g; y++) {
                int ob = 2 * (first + y) * dim;
                double sr = 0;
                double si = 0;
                for (int c = 0; c < dim; c++) {
                    double ar = a[oa + 2 * c];
                    double ai = a[oa + 2 * c + 1];
                    double br = b[ob + 2 * c];
                    double bi = b[ob + 2 * c + 1];
                    sr += ar * br + ai * bi;
                    si += ar * bi - ai * br;
                }
                m[2 * (x * g + y)] = sr;
                m[2 * (x * g + y) + 1] = si;
            }
        }
        return m;
    }

    private static double[] conj(double[] z) {
        return new double[] {z[0], -z[1]};
    }

    private void checkGroup(int first, int last) {
        if (first < 0 || last < first || last >= bands) {
            throw new IllegalArgumentException("band group " + first + ".." + last + " outside the " + bands
                    + " computed bands");
        }
    }

    private double plaquetteFlux(int i, int j, int first, int last) {
        double[] u1 = link(i, j, i + 1, j, first, last);
        double[] u2 = link(i + 1, j, i + 1, j + 1, first, last);
        double[] u3 = link(i + 1, j + 1, i, j + 1, first, last);
        double[] u4 = link(i, j + 1, i, j, first, last);
        double[] p = mul(mul(u1, u2), mul(u3, u4));
        return -Math.atan2(p[1], p[0]);
    }

    /** det⟨u_a(k)|u_b(k')⟩ over the group. */
    private double[] link(int i, int j, int i2, int j2, int first, int last) {
        double[] a = vectors[Math.floorMod(i, n) * n + Math.floorMod(j, n)];
        double[] b = vectors[Math.floorMod(i2, n) * n + Math.floorMod(j2, n)];
        int g = last - first + 1;
        double[] m = overlap(a, b, first, g, dim);
        return determinant(m, g);
    }

    /** Determinant of a g x g complex matrix (row-major, interleaved) by Gaussian elimination with pivoting. */
    static double[] determinant(double[] m, int g) {
        double dr = 1;
        double di = 0;
        for (int c = 0; c < g; c++) {
            int piv = c;
            double best = -1;
            for (int r = c; r < g; r++) {
                double mag = Math.hypot(m[2 * (r * g + c)], m[2 * (r * g + c) + 1]);
                if (mag > best) {
                    best = mag;
                    piv = r;
                }
            }
            if (best == 0) {
                return new double[] {0, 0};
            }
            if (piv != c) {
                for (int x = 0; x < g; x++) {
                    double tr = m[2 * (c * g + x)];
                    double ti = m[2 * (c * g + x) + 1];
                    m[2 * (c * g + x)] = m[2 * (piv * g + x)];
                    m[2 * (c * g + x) + 1] = m[2 * (piv * g + x) + 1];
                    m[2 * (piv * g + x)] = tr;
                    m[2 * (piv * g + x) + 1] = ti;
                }
                dr = -dr;
                di = -di;
            }
            double pr = m[2 * (c * g + c)];
            double pi = m[2 * (c * g + c) + 1];
            double nr = dr * pr - di * pi;
            double ni = dr * pi + di * pr;
            dr = nr;
            di = ni;
            double den = pr * pr + pi * pi;
            for (int r = c + 1; r < g; r++) {
                double er = m[2 * (r * g + c)];
                double ei = m[2 * (r * g + c) + 1];
                double fr = (er * pr + ei * pi) / den;
                double fi = (ei * pr - er * pi) / den;
                for (int x = c; x < g; x++) {
                    double xr = m[2 * (c * g + x)];
                    double xi = m[2 * (c * g + x) + 1];
                    m[2 * (r * g + x)] -= fr * xr - fi * xi;
                    m[2 * (r * g + x) + 1] -= fr * xi + fi * xr;
                }
            }
        }
        return new double[] {dr, di};
    }

    private static double[] mul(double[] a, double[] b) {
        return new double[] {a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
    }
}
