package io.bandsmith.engine.tightbinding;

import java.util.ArrayList;
import java.util.List;

import io.bandsmith.engine.group.SymOp;
import io.bandsmith.engine.group.WallpaperGroup;

/**
 * The symmetry a tight-binding model is built with, as data: the lattice basis (2D or 3D, Cartesian, units of a),
 * the unitary space-group operations modulo lattice translations (SymOp (W|t) on fractional coordinates, any
 * nonsymmorphic translations included, the identity first), and the antiunitary symmetries: time reversal
 * (spinless, T² = +1, H(-k) = H(k)*, class AI) and/or particle-hole (C H C⁻¹ = -H, C² = +1, class D) with the
 * character χ that relates an orbital's irrep to its particle-hole partner's (ρ_partner = ρ* χ on the site group;
 * for the class-D p4 model χ = angular momentum -1, so m pairs with -1-m). Immutable.
 *
 * <p>The legacy 2D setting ({@link SymmetrySetting}: C_n about the origin) maps onto this with the operations
 * C_n^p in the order p = 0..n-1, so that operation index p is the power of the rotation.
 */
public final class TightBindingSymmetry {
    private static final double TOL = 1e-9;

    private final String name;
    private final int dimension;
    private final double[][] basis;     // basis[i] = a_i (Cartesian)
    private final double[][] toFrac;    // A⁻¹ (A has the a_i as columns)
    private final List<SymOp> operations;
    private final double[][][] rotations;
    private final boolean timeReversal;
    private final SiteIrrep particleHoleCharacter;
    private final SymmetrySetting setting;

    private TightBindingSymmetry(String name, double[][] basis, List<SymOp> operations, boolean timeReversal,
            SiteIrrep particleHoleCharacter, SymmetrySetting setting) {
        this.name = name;
        this.dimension = basis.length;
        if (dimension < 2 || dimension > 3) {
            throw new IllegalArgumentException("a tight-binding lattice is 2D or 3D");
        }
        this.basis = new double[dimension][];
        for (int i = 0; i < dimension; i++) {
            if (basis[i].length != dimension) {
                throw new IllegalArgumentException("basis vector " + i + " must have " + dimension + " components");
            }
            this.basis[i] = basis[i].clone();
        }
        this.toFrac = invert(columns(this.basis));
        if (operations.isEmpty() || !operations.get(0).equalsModLattice(SymOp.identity(dimension))) {
            throw new IllegalArgumentException("the operations must start with the identity");
        }
        for (SymOp g : operations) {
            if (g.dimension() != dimension) {
                throw new IllegalArgumentException("operation " + g + " is not " + dimension + "D");
            }
            if (g.antiunitary()) {
                throw new IllegalArgumentException("antiunitary symmetries are flags, not operations: " + g);
            }
        }
        // closure modulo lattice translations
        for (SymOp a : operations) {
            for (SymOp b : operations) {
                SymOp c = a.compose(b);
                if (operations.stream().noneMatch(o -> o.equalsModLattice(c))) {
                    throw new IllegalArgumentException("the operations are not a group: " + a + " · " + b);
                }
            }
        }
        this.operations = List.copyOf(operations);
        this.rotations = new double[operations.size()][][];
        for (int p = 0; p < operations.size(); p++) {
            rotations[p] = cartesianRotation(operations.get(p).matrix());
            checkOrthogonal(rotations[p], operations.get(p));
        }
        this.timeReversal = timeReversal;
        this.particleHoleCharacter = particleHoleCharacter;
        this.setting = setting;
    }

    /** The legacy 2D setting: C_n^p (p = 0..n-1) about the origin and optional time reversal. */
    public static TightBindingSymmetry of(SymmetrySetting s) {
        double[][] basis = {s.lattice().realBasis(0), s.lattice().realBasis(1)};
        List<SymOp> ops = new ArrayList<>();
        for (int p = 0; p < s.rotationOrder(); p++) {
            double[] e1 = s.rotateFractional(1, 0, p);
            double[] e2 = s.rotateFractional(0, 1, p);
            int[][] w = {{toInt(e1[0]), toInt(e2[0])}, {toInt(e1[1]), toInt(e2[1])}};
            ops.add(new SymOp(w, new double[2], false));
        }
        return new TightBindingSymmetry("C" + s.rotationOrder() + (s.timeReversal() ? "+T" : ""), basis, ops,
                s.timeReversal(), null, s);
    }

    /** A wallpaper group of the group layer, with its time reversal flag. */
    public static TightBindingSymmetry of(WallpaperGroup g) {
        double[][] basis = {g.realBasis(0), g.realBasis(1)};
        return new TightBindingSymmetry(g.name() + (g.timeReversal() ? "+T" : ""), basis, g.operations(),
                g.timeReversal(), null, null);
    }

    /** Any 2D or 3D group: basis vectors (Cartesian), the operations modulo lattice translations (identity first). */
    public static TightBindingSymmetry of(String name, double[][] basis, List<SymOp> operations, boolean timeReversal) {
        return new TightBindingSymmetry(name, basis, operations, timeReversal, null, null);
    }

    /** The same symmetry plus particle-hole symmetry C (C² = +1, class D) with partner character χ. */
    public TightBindingSymmetry withParticleHole(SiteIrrep character) {
        if (character == null) {
            throw new IllegalArgumentException("particle-hole symmetry needs a partner character");
        }
        if (timeReversal) {
            throw new UnsupportedOperationException("time reversal together with particle-hole symmetry (chiral "
                    + "classes) is not supported");
        }
        return new TightBindingSymmetry(name + "+C", basis, operations, false, character, setting);
    }

    public String name() {
        return name;
    }

    public int dimension() {
        return dimension;
    }

    /** Basis vector a_i (Cartesian). */
    public double[] basis(int i) {
        return basis[i].clone();
    }

    public List<SymOp> operations() {
        return operations;
    }

    public int operationCount() {
        return operations.size();
    }

    public boolean timeReversal() {
        return timeReversal;
    }

    public boolean particleHole() {
        return particleHoleCharacter != null;
    }

    /** χ of the particle-hole pairing (null without particle-hole symmetry). */
    public SiteIrrep particleHoleCharacter() {
        return particleHoleCharacter;
    }

    /** Whether an antiunitary symmetry (T or C) is imposed. */
    public boolean antiunitary() {
        return timeReversal || particleHoleCharacter != null;
    }

    /** The legacy 2D setting this was made from, or null. */
    public SymmetrySetting setting() {
        return setting;
    }

    /** Cartesian position of fractional coordinates. */
    public double[] cartesian(double[] frac) {
        double[] c = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            for (int d = 0; d < dimension; d++) {
                c[d] += frac[i] * basis[i][d];
            }
        }
        return c;
    }

    /** Cartesian vector of an integer lattice translation. */
    public double[] cartesian(int[] t) {
        double[] c = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            for (int d = 0; d < dimension; d++) {
                c[d] += t[i] * basis[i][d];
            }
        }
        return c;
    }

    /** Fractional coordinates of a Cartesian point. */
    public double[] fractional(double[] cart) {
        return multiply(toFrac, cart);
    }

    /** Cartesian rotation matrix of operation p. */
    public double[][] rotation(int p) {
        double[][] r = rotations[p];
        double[][] out = new double[dimension][];
        for (int i = 0; i < dimension; i++) {
            out[i] = r[i].clone();
        }
        return out;
    }

    /** Cartesian rotation R = A W A⁻¹ of an integer fractional matrix W. */
    public double[][] cartesianRotation(int[][] w) {
        double[][] a = columns(basis);
        double[][] out = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                double s = 0;
                for (int k = 0; k < dimension; k++) {
                    for (int l = 0; l < dimension; l++) {
                        s += a[i][k] * w[k][l] * toFrac[l][j];
                    }
                }
                out[i][j] = Math.abs(s - Math.rint(s)) < 1e-12 ? Math.rint(s) : s;
            }
        }
        return out;
    }

    /** R_p k for a Cartesian wave vector. */
    public double[] rotateK(int p, double[] k) {
        return multiply(rotations[p], k);
    }

    /** The index of the operation with the same rotational part as g (modulo lattice translations only if exact). */
    public int indexOfRotation(SymOp g) {
        for (int p = 0; p < operations.size(); p++) {
            if (operations.get(p).sameRotation(g)) {
                return p;
            }
        }
        throw new IllegalArgumentException("operation " + g + " is not in " + name);
    }

    static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += m[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i][k] * b[k][j];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    static double[][] transpose(double[][] a) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = a[j][i];
            }
        }
        return c;
    }

    private static double[][] columns(double[][] basis) {
        int d = basis.length;
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int r = 0; r < d; r++) {
                a[r][i] = basis[i][r];
            }
        }
        return a;
    }

    private static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            if (Math.abs(m[piv][c]) < 1e-12) {
                throw new IllegalArgumentException("the basis vectors are linearly dependent");
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            double p = m[c][c];
            for (int j = 0; j < 2 * n; j++) {
                m[c][j] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != c && m[r][c] != 0) {
                    double f = m[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }

    private static void checkOrthogonal(double[][] r, SymOp g) {
        double[][] p = multiply(r, transpose(r));
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (Math.abs(p[i][j] - (i == j ? 1 : 0)) > 1e-9) {
                    throw new IllegalArgumentException("operation " + g + " is not an isometry of the lattice");
                }
            }
        }
    }

    private static int toInt(double x) {
        if (Math.abs(x - Math.rint(x)) > TOL) {
            throw new IllegalArgumentException("the rotation does not map the lattice onto itself");
        }
        return (int) Math.rint(x);
    }

    @Override
    public String toString() {
        return name;
    }
}
