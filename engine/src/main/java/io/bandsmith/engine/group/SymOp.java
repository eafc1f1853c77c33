package io.bandsmith.engine.group;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A space-group operation (W|t) in fractional coordinates: x -> W x + t with an integer matrix W (row-major,
 * dimension d) and a fractional translation t, and an antiunitary flag (time reversal combined with (W|t)).
 * Operations of a group are kept modulo lattice translations ({@link #reduced()} puts t into [0, 1)).
 *
 * <p>Names ({@link #pointName()}) follow the rotational part in 2D: "1", "2", "3+", "3-", "4+", "4-", "6+", "6-"
 * (sense from the sign of the rotation, +: counterclockwise), and "m[u,v]" for the mirror whose fixed line runs
 * along u a1 + v a2 (primitive integers, first non-zero entry positive).
 */
public final class SymOp {
    private static final double TOL = 1e-9;

    private final int dimension;
    private final int[] w;
    private final double[] t;
    private final boolean antiunitary;

    public SymOp(int[][] matrix, double[] translation, boolean antiunitary) {
        this.dimension = matrix.length;
        if (dimension < 1 || dimension > 3 || translation.length != dimension) {
            throw new IllegalArgumentException("an operation needs a d x d matrix and d translations, d = 1..3");
        }
        this.w = new int[dimension * dimension];
        for (int i = 0; i < dimension; i++) {
            if (matrix[i].length != dimension) {
                throw new IllegalArgumentException("the matrix of an operation must be square");
            }
            System.arraycopy(matrix[i], 0, w, i * dimension, dimension);
        }
        int det = determinant();
        if (det != 1 && det != -1) {
            throw new IllegalArgumentException("det W = " + det + ": not a lattice symmetry");
        }
        this.t = translation.clone();
        this.antiunitary = antiunitary;
    }

    private SymOp(int dimension, int[] w, double[] t, boolean antiunitary) {
        this.dimension = dimension;
        this.w = w;
        this.t = t;
        this.antiunitary = antiunitary;
    }

    /** The identity in d dimensions. */
    public static SymOp identity(int dimension) {
        int[] w = new int[dimension * dimension];
        for (int i = 0; i < dimension; i++) {
            w[i * dimension + i] = 1;
        }
        return new SymOp(dimension, w, new double[dimension], false);
    }

    public int dimension() {
        return dimension;
    }

    /** Entry W[row][col]. */
    public int w(int row, int col) {
        return w[row * dimension + col];
    }

    /** The rotational part W as a new array. */
    public int[][] matrix() {
        int[][] m = new int[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            System.arraycopy(w, i * dimension, m[i], 0, dimension);
        }
        return m;
    }

    public double[] translation() {
        return t.clone();
    }

    public boolean antiunitary() {
        return antiunitary;
    }

    public int determinant() {
        return switch (dimension) {
            case 1 -> w[0];
            case 2 -> w[0] * w[3] - w[1] * w[2];
            default -> w[0] * (w[4] * w[8] - w[5] * w[7]) - w[1] * (w[3] * w[8] - w[5] * w[6])
                    + w[2] * (w[3] * w[7] - w[4] * w[6]);
        };
    }

    public int trace() {
        int s = 0;
        for (int i = 0; i < dimension; i++) {
            s += w[i * dimension + i];
        }
        return s;
    }

    /** this ∘ other: x -> W1 (W2 x + t2) + t1. */
    public SymOp then(SymOp other) {
        return other.compose(this);
    }

    /** The product this · other (other acts first). */
    public SymOp compose(SymOp other) {
        requireSameDimension(other);
        int d = dimension;
        int[] m = new int[d * d];
        double[] tt = new double[d];
        for (int i = 0; i < d; i++) {
            double s = t[i];
            for (int j = 0; j < d; j++) {
                int acc = 0;
                for (int k = 0; k < d; k++) {
                    acc += w[i * d + k] * other.w[k * d + j];
                }
                m[i * d + j] = acc;
                s += w[i * d + j] * other.t[j];
            }
            tt[i] = s;
        }
        return new SymOp(d, m, tt, antiunitary ^ other.antiunitary);
    }

    /** The inverse (W⁻¹ | −W⁻¹ t), W⁻¹ from EJML and checked to be integer. */
    public SymOp inverse() {
        int[] inv = integerInverse();
        double[] tt = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            double s = 0;
            for (int j = 0; j < dimension; j++) {
                s -= inv[i * dimension + j] * t[j];
            }
            tt[i] = s;
        }
        return new SymOp(dimension, inv, tt, antiunitary);
    }

    private int[] integerInverse() {
        DMatrixRMaj m = new DMatrixRMaj(dimension, dimension);
        for (int i = 0; i < w.length; i++) {
            m.data[i] = w[i];
        }
        DMatrixRMaj inv = new DMatrixRMaj(dimension, dimension);
        if (!CommonOps_DDRM.invert(m, inv)) {
            throw new IllegalStateException("singular operation matrix");
        }
        int[] out = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (int) Math.rint(inv.data[i]);
            if (Math.abs(inv.data[i] - out[i]) > TOL) {
                throw new IllegalStateException("W⁻¹ is not an integer matrix");
            }
        }
        return out;
    }

    /** W x + t for fractional real-space coordinates x. */
    public double[] apply(double[] x) {
        double[] y = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            double s = t[i];
            for (int j = 0; j < dimension; j++) {
                s += w[i * dimension + j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    /**
     * The image of a wave vector in fractional reciprocal coordinates (k = Σ κ_i b_i): the rotation R maps k to Rk with
     * fractional coordinates W⁻ᵀ κ (since a_i · b_j = 2π δ_ij). Antiunitary operations also reverse k.
     */
    public double[] applyToReciprocal(double[] kappa) {
        int[] inv = integerInverse();
        double[] y = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            double s = 0;
            for (int j = 0; j < dimension; j++) {
                s += inv[j * dimension + i] * kappa[j];
            }
            y[i] = antiunitary ? -s : s;
        }
        return y;
    }

    /** The same operation with its translation reduced into [0, 1). */
    public SymOp reduced() {
        double[] tt = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            tt[i] = reduce(t[i]);
        }
        return new SymOp(dimension, w, tt, antiunitary);
    }

    /** The same operation with translation t + n. */
    public SymOp translatedBy(double[] n) {
        double[] tt = t.clone();
        for (int i = 0; i < dimension; i++) {
            tt[i] += n[i];
        }
        return new SymOp(dimension, w, tt, antiunitary);
    }

    /** Whether the rotational parts are equal. */
    public boolean sameRotation(SymOp other) {
        return dimension == other.dimension && Arrays.equals(w, other.w);
    }

    /** Whether two operations are equal modulo lattice translations. */
    public boolean equalsModLattice(SymOp other) {
        return sameRotation(other) && antiunitary == other.antiunitary && sameModLattice(t, other.t);
    }

    /** Whether the translation vanishes modulo the lattice. */
    public boolean isSymmorphicElement() {
        return sameModLattice(t, new double[dimension]);
    }

    /** The name of the rotational part (class doc); 2D only. */
    public String pointName() {
        if (dimension != 2) {
            throw new UnsupportedOperationException("operation names are defined for 2D groups");
        }
        int det = determinant();
        if (det == 1) {
            int tr = trace();
            String sense = w(1, 0) > 0 ? "+" : "-";
            return switch (tr) {
                case 2 -> "1";
                case -2 -> "2";
                case 1 -> "6" + sense;
                case 0 -> "4" + sense;
                case -1 -> "3" + sense;
                default -> throw new IllegalStateException("not a crystallographic rotation: trace " + tr);
            };
        }
        // mirror: the fixed direction d solves (W - 1) d = 0
        int a = w(0, 0) - 1;
        int b = w(0, 1);
        if (a == 0 && b == 0) {
            a = w(1, 0);
            b = w(1, 1) - 1;
        }
        int du = -b;
        int dv = a;
        int g = gcd(Math.abs(du), Math.abs(dv));
        du /= g;
        dv /= g;
        if (du < 0 || (du == 0 && dv < 0)) {
            du = -du;
            dv = -dv;
        }
        return "m[" + du + "," + dv + "]";
    }

    private static int gcd(int a, int b) {
        return b == 0 ? Math.max(a, 1) : gcd(b, a % b);
    }

    private void requireSameDimension(SymOp other) {
        if (other.dimension != dimension) {
            throw new IllegalArgumentException("operations of different dimensions");
        }
    }

    static double reduce(double x) {
        double r = x - Math.floor(x);
        return Math.abs(r - 1) < TOL || Math.abs(r) < TOL ? 0 : r;
    }

    /** Whether a - b is a lattice vector. */
    public static boolean sameModLattice(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            if (Math.abs(d - Math.rint(d)) > TOL) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SymOp s && s.dimension == dimension && s.antiunitary == antiunitary
                && Arrays.equals(s.w, w) && Arrays.equals(s.t, t);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w) * 31 + Arrays.hashCode(t) + (antiunitary ? 1 : 0);
    }

    @Override
    public String toString() {
        String name = dimension == 2 ? pointName() : Arrays.toString(w);
        return "{" + name + "|" + Arrays.toString(t) + "}" + (antiunitary ? "'" : "");
    }
}
