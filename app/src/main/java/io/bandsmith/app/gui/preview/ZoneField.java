package io.bandsmith.app.gui.preview;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;

/**
 * Bands over the whole Brillouin zone from their values on the irreducible wedge grid {@code wedge(n)} (n even, no
 * extra M point): a k point is folded into the first zone, rotated into the wedge Γ-K-K' by a multiple of 60° (p6
 * with time reversal makes every sixth of the zone equivalent), and the energy is interpolated linearly on the
 * triangle of grid points around it. Immutable.
 */
public final class ZoneField {
    private static final double SQRT3 = Math.sqrt(3);
    private static final KVector K = HexagonalLattice.K.k();
    private static final KVector KP = HexagonalLattice.K_PRIME;

    private final int n;
    private final double[][] energies;
    private final int bandCount;

    /**
     * @param wedgeBands bands on {@code KPointSet.hexagonalWedge(n)}, n even (so the set holds (n+1)(n+2)/2 points)
     */
    public ZoneField(BandStructure wedgeBands, int n) {
        if (n < 1 || n % 2 != 0) {
            throw new IllegalArgumentException("the zone field needs an even wedge subdivision, got " + n);
        }
        int expected = (n + 1) * (n + 2) / 2;
        if (wedgeBands.kpoints().size() != expected) {
            throw new IllegalArgumentException("wedge(" + n + ") has " + expected + " points, the bands "
                    + wedgeBands.kpoints().size());
        }
        this.n = n;
        this.energies = wedgeBands.energies();
        this.bandCount = wedgeBands.bandCount();
    }

    public int bandCount() {
        return bandCount;
    }

    public int divisions() {
        return n;
    }

    /** Index of wedge grid point (i, j) in the order of {@code hexagonalWedge}: i outer, j inner, i + j <= n. */
    public int index(int i, int j) {
        return i * (n + 1) - i * (i - 1) / 2 + j;
    }

    /** The energy of wedge grid point (i, j), E0. */
    public double gridEnergy(int i, int j, int band) {
        return energies[index(i, j)][band];
    }

    /** The energy of {@code band} (0-based) at any k (Cartesian, 1/a), E0. */
    public double energy(double kx, double ky, int band) {
        double[] w = toWedge(kx, ky);
        double a = snap(w[0] * n);
        double b = snap(w[1] * n);
        int i0 = (int) Math.floor(a);
        int j0 = (int) Math.floor(b);
        i0 = Math.max(0, Math.min(n, i0));
        j0 = Math.max(0, Math.min(n - i0, j0));
        double fa = a - i0;
        double fb = b - j0;
        if (i0 + j0 >= n) {
            return gridEnergy(i0, j0, band);
        }
        if (fa + fb <= 1 || i0 + j0 + 2 > n) {
            double e00 = gridEnergy(i0, j0, band);
            return e00 + fa * (gridEnergy(i0 + 1, j0, band) - e00) + fb * (gridEnergy(i0, j0 + 1, band) - e00);
        }
        // upper triangle (i0+1, j0), (i0, j0+1), (i0+1, j0+1): it exists because fa + fb > 1 needs i0 + j0 <= n - 2
        double e11 = gridEnergy(i0 + 1, j0 + 1, band);
        double e10 = gridEnergy(i0 + 1, j0, band);
        double e01 = gridEnergy(i0, j0 + 1, band);
        return e11 + (1 - fa) * (e01 - e11) + (1 - fb) * (e10 - e11);
    }

    private static double snap(double x) {
        double r = Math.rint(x);
        return Math.abs(x - r) < 1e-9 ? r : x;
    }

    /**
     * Wedge coordinates (s, t) with k ~ s K + t K', s, t >= 0, s + t <= 1, of the point equivalent to k under the
     * reciprocal lattice and C6.
     */
    public static double[] toWedge(double kx, double ky) {
        double[] f = firstZone(kx, ky);
        double x = f[0];
        double y = f[1];
        double angle = Math.atan2(y, x);
        if (angle < 0) {
            angle += 2 * Math.PI;
        }
        int sector = (int) Math.floor(angle / (Math.PI / 3));
        if (sector >= 6) {
            sector = 5;
        }
        double t = -sector * Math.PI / 3;
        double c = Math.cos(t);
        double s = Math.sin(t);
        double xr = c * x - s * y;
        double yr = s * x + c * y;
        // solve (xr, yr) = s K + t K' with K = (4π/3, 0), K' = (2π/3, 2π/√3)
        double tt = yr / KP.ky();
        double ss = (xr - tt * KP.kx()) / K.kx();
        ss = Math.max(0, ss);
        tt = Math.max(0, tt);
        double sum = ss + tt;
        if (sum > 1) {
            ss /= sum;
            tt /= sum;
        }
        return new double[] {ss, tt};
    }

    /** The point of the first Brillouin zone (the hexagon around Γ) equivalent to k. */
    public static double[] firstZone(double kx, double ky) {
        KVector b1 = HexagonalLattice.B1;
        KVector b2 = HexagonalLattice.B2;
        double x = kx;
        double y = ky;
        for (int iter = 0; iter < 8; iter++) {
            double bestX = x;
            double bestY = y;
            double best = x * x + y * y;
            for (int m1 = -1; m1 <= 1; m1++) {
                for (int m2 = -1; m2 <= 1; m2++) {
                    double cx = x - m1 * b1.kx() - m2 * b2.kx();
                    double cy = y - m1 * b1.ky() - m2 * b2.ky();
                    double d = cx * cx + cy * cy;
                    if (d < best - 1e-12) {
                        best = d;
                        bestX = cx;
                        bestY = cy;
                    }
                }
            }
            if (bestX == x && bestY == y) {
                break;
            }
            x = bestX;
            y = bestY;
        }
        return new double[] {x, y};
    }

    /** True when k (Cartesian) lies in the first Brillouin zone, the hexagon with corners at K and its rotations. */
    public static boolean inFirstZone(double kx, double ky) {
        double r = K.kx() * SQRT3 / 2; // distance from Γ to M
        for (int s = 0; s < 6; s++) {
            double t = Math.PI / 6 + s * Math.PI / 3; // directions of the M points
            if (kx * Math.cos(t) + ky * Math.sin(t) > r + 1e-12) {
                return false;
            }
        }
        return true;
    }
}
