package io.bandsmith.engine.tightbinding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.lattice.HighSymmetryPoint;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.linalg.HermitianEigenpairs;
import io.bandsmith.engine.linalg.Lapack;
import io.bandsmith.engine.symmetry.IrrepLabel;

/**
 * A symmetry-enhanced tight-binding model: orbitals, symmetry, and independent real parameters F_l with constant
 * real-space matrices, so that H(k) = Σ_l F_l ∂H(k)/∂F_l is linear in the parameters (appendix B, C). Immutable;
 * made by {@link TightBindingModelBuilder}, which checks here that H(k) is Hermitian, C_n covariant and (if imposed)
 * time-reversal invariant for random parameters.
 *
 * <p>Conventions (docs/topology.md): periodic Bloch sums |k, i⟩ = Σ_t e^{ik·t} |i, t⟩; a rotation acts as
 * R̂|k, i⟩ = D(k)_{perm(i), i} |Rk, perm(i)⟩ with D(k)_{perm(i), i} = e^{-i m_i θ} e^{-i (Rk)·s_i}, so that
 * H(Rk) = D(k) H(k) D(k)^†; time reversal maps |k, i⟩ to |-k, partner(i)⟩ and H(-k)_{τi,τj} = conj(H(k)_{ij}).
 */
public final class TightBindingModel {
    /** Tolerance of the build-time checks, relative to the largest matrix element. */
    public static final double SYMMETRY_TOLERANCE = 1e-10;

    private final String name;
    private final TightBindingSymmetry group;
    private final List<OrbitalSpec> orbitals;
    private final List<TightBindingParameter> parameters;
    private final OrbitalAction action;
    // all terms flattened for direct assembly of H(k): parameter index, matrix index, Cartesian t, value
    private final int[] termParameter;
    private final int[] termIndex;
    private final double[] termTx;
    private final double[] termTy;
    private final double[] termTz;
    private final int[] termTranslation;  // index of the term's translation among the distinct ones
    private final double[] translationX;
    private final double[] translationY;
    private final double[] translationZ;
    private final double[] termRe;
    private final double[] termIm;

    TightBindingModel(String name, SymmetrySetting symmetry, List<OrbitalSpec> orbitals,
            List<TightBindingParameter> parameters) {
        this(name, TightBindingSymmetry.of(symmetry), orbitals, parameters);
    }

    TightBindingModel(String name, TightBindingSymmetry group, List<OrbitalSpec> orbitals,
            List<TightBindingParameter> parameters) {
        this.name = name;
        this.group = group;
        this.orbitals = List.copyOf(orbitals);
        this.parameters = List.copyOf(parameters);
        this.action = new OrbitalAction(group, this.orbitals);
        int total = 0;
        for (TightBindingParameter p : this.parameters) {
            total += p.terms().size();
        }
        termParameter = new int[total];
        termIndex = new int[total];
        termTx = new double[total];
        termTy = new double[total];
        termTz = new double[total];
        termRe = new double[total];
        termIm = new double[total];
        int e = 0;
        int n = this.orbitals.size();
        for (int l = 0; l < this.parameters.size(); l++) {
            for (HoppingTerm t : this.parameters.get(l).terms()) {
                double[] c = group.cartesian(new int[] {t.t1(), t.t2(), t.t3()});
                termParameter[e] = l;
                termIndex[e] = t.col() * n + t.row();
                termTx[e] = c[0];
                termTy[e] = c[1];
                termTz[e] = c.length > 2 ? c[2] : 0;
                termRe[e] = t.re();
                termIm[e] = t.im();
                e++;
            }
        }
        termTranslation = new int[total];
        java.util.Map<java.util.List<Double>, Integer> distinct = new java.util.LinkedHashMap<>();
        for (int x = 0; x < total; x++) {
            java.util.List<Double> key = java.util.List.of(termTx[x], termTy[x], termTz[x]);
            Integer idx = distinct.get(key);
            if (idx == null) {
                idx = distinct.size();
                distinct.put(key, idx);
            }
            termTranslation[x] = idx;
        }
        translationX = new double[distinct.size()];
        translationY = new double[distinct.size()];
        translationZ = new double[distinct.size()];
        for (java.util.Map.Entry<java.util.List<Double>, Integer> d : distinct.entrySet()) {
            translationX[d.getValue()] = d.getKey().get(0);
            translationY[d.getValue()] = d.getKey().get(1);
            translationZ[d.getValue()] = d.getKey().get(2);
        }
        verifySymmetry(new Random(12345));
    }

    public String name() {
        return name;
    }

    /** The legacy 2D setting (C_n about the origin) the model was built with; throws for other symmetries. */
    public SymmetrySetting symmetry() {
        if (group.setting() == null) {
            throw new IllegalStateException("model " + name + " is built on " + group + ", not on a C_n setting");
        }
        return group.setting();
    }

    /** The symmetry as data (operations, time reversal, particle-hole). */
    public TightBindingSymmetry group() {
        return group;
    }

    /** Lattice dimension (2 or 3). */
    public int latticeDimension() {
        return group.dimension();
    }

    /** k · t for a Cartesian k and the translation of flattened term e (parameters and their terms in order). */
    double termPhase(double[] k, int e) {
        double ph = k[0] * termTx[e] + k[1] * termTy[e];
        return k.length > 2 ? ph + k[2] * termTz[e] : ph;
    }

    public List<OrbitalSpec> orbitals() {
        return orbitals;
    }

    public List<TightBindingParameter> parameters() {
        return parameters;
    }

    public int dimension() {
        return orbitals.size();
    }

    public int parameterCount() {
        return parameters.size();
    }

    /** Index of the time-reversal partner of orbital i. */
    public int timeReversalPartner(int i) {
        return action.partner[i];
    }

    /** Index of the antiunitary partner (time reversal or particle-hole) of orbital i. */
    public int antiunitaryPartner(int i) {
        return action.partner[i];
    }

    /** The sparse matrices ∂H/∂F_l at k (precompute once per k point and reuse for many parameter vectors). */
    public BlochOperators operatorsAt(KVector k) {
        return new BlochOperators(this, k);
    }

    /** The sparse matrices ∂H/∂F_l at a Cartesian wave vector (any dimension). */
    public BlochOperators operatorsAt(double[] k) {
        checkK(k);
        return new BlochOperators(this, k.length == 2 ? new KVector(k[0], k[1]) : null, k.clone());
    }

    private void checkK(double[] k) {
        if (k.length != group.dimension()) {
            throw new IllegalArgumentException("model " + name + " is " + group.dimension() + "D, k has " + k.length
                    + " components");
        }
    }

    /** H(k) for a Cartesian wave vector of the lattice's dimension (column-major, interleaved). */
    public double[] hamiltonian(double[] params, double[] k) {
        checkK(k);
        return hamiltonian(params, k[0], k[1], k.length > 2 ? k[2] : 0);
    }

    /**
     * H(k) for the given parameters, column-major interleaved (direct assembly; for many parameter vectors at the
     * same k, {@link #operatorsAt} is faster).
     */
    public double[] hamiltonian(double[] params, KVector k) {
        if (group.dimension() != 2) {
            throw new IllegalArgumentException("model " + name + " is 3D: give a 3D wave vector");
        }
        return hamiltonian(params, k.kx(), k.ky(), 0);
    }

    private double[] hamiltonian(double[] params, double kx, double ky, double kz) {
        if (params.length != parameters.size()) {
            throw new IllegalArgumentException("model " + name + " has " + parameters.size() + " parameters, got "
                    + params.length);
        }
        int n = dimension();
        double[] out = new double[2 * n * n];
        // e^{ik·t} once per distinct translation (a handful), not once per term
        int nt = translationX.length;
        double[] cosT = new double[nt];
        double[] sinT = new double[nt];
        for (int t = 0; t < nt; t++) {
            double ph = kx * translationX[t] + ky * translationY[t];
            if (kz != 0) {
                ph += kz * translationZ[t];
            }
            cosT[t] = Math.cos(ph);
            sinT[t] = Math.sin(ph);
        }
        for (int e = 0; e < termIndex.length; e++) {
            double f = params[termParameter[e]];
            if (f == 0) {
                continue;
            }
            double c = cosT[termTranslation[e]];
            double s = sinT[termTranslation[e]];
            out[2 * termIndex[e]] += f * (c * termRe[e] - s * termIm[e]);
            out[2 * termIndex[e] + 1] += f * (c * termIm[e] + s * termRe[e]);
        }
        return out;
    }

    /**
     * The matrix D(k) of the rotation C_n^power on the Bloch sums (dense, column-major, interleaved): it maps the
     * space at k onto the space at R^power k. (Operation index = power for models built on a C_n setting.)
     */
    public double[] rotationRepresentation(int power, KVector k) {
        int p = Math.floorMod(power, group.operationCount());
        return representation(p, new double[] {k.kx(), k.ky()});
    }

    /** D(k) of operation p of {@link #group()} (Cartesian k): maps the space at k onto the space at R_p k. */
    public double[] representation(int p, double[] k) {
        checkK(k);
        return representation(action.perm[p], action.shift[p], action.phaseRe[p], action.phaseIm[p],
                group.rotateK(p, k));
    }

    /**
     * D(k) of any operation g of the group with its own translation (for example {C2z|a3} of P4₂22): the matrix
     * of ĝ, (ĝψ)(x) = ψ(g⁻¹x), from the Bloch sums at k to those at R_g k. For g in the little group of k it
     * commutes with H(k) (periodic gauge: H(k + G) = H(k)), and D(g1, k) D(g2, k) = D(g1 g2, k).
     */
    public double[] representation(io.bandsmith.engine.group.SymOp g, double[] k) {
        checkK(k);
        OrbitalAction.Monomial m = action.actionOf(g, "operation " + g);
        double[] rk = TightBindingSymmetry.multiply(group.cartesianRotation(g.matrix()), k);
        return representation(m.perm(), m.shift(), m.phaseRe(), m.phaseIm(), rk);
    }

    private double[] representation(int[] perm, int[][] shift, double[] phRe, double[] phIm, double[] rk) {
        int n = dimension();
        double[] d = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            int j = perm[i];
            double[] s = group.cartesian(shift[i]);
            double ph = 0;
            for (int x = 0; x < s.length; x++) {
                ph -= rk[x] * s[x];
            }
            double cr = Math.cos(ph);
            double ci = Math.sin(ph);
            double fr = phRe[i];
            double fi = phIm[i];
            d[2 * (i * n + j)] = fr * cr - fi * ci;
            d[2 * (i * n + j) + 1] = fr * ci + fi * cr;
        }
        return d;
    }

    /** Largest violation of Hermiticity, C_n covariance and time reversal at k, relative to max |H|. */
    public double symmetryViolation(double[] params, KVector k) {
        return symmetryViolation(params, new double[] {k.kx(), k.ky()});
    }

    /**
     * Largest violation at a Cartesian k of Hermiticity, H(R_p k) = D H(k) D† for every operation p, and the
     * antiunitary symmetry (H(-k)_{τi,τj} = ± conj H(k)_{ij}, + for time reversal, - for particle-hole), relative to
     * max |H|.
     */
    public double symmetryViolation(double[] params, double[] k) {
        int n = dimension();
        double[] h = hamiltonian(params, k);
        double scale = Math.max(1e-300, ComplexMatrices.maxAbs(h));
        double worst = ComplexMatrices.maxDifference(h, ComplexMatrices.adjoint(h, n));
        for (int p = 1; p < group.operationCount(); p++) {
            double[] d = representation(p, k);
            double[] rotated = ComplexMatrices.multiply(ComplexMatrices.multiply(d, h, n),
                    ComplexMatrices.adjoint(d, n), n);
            worst = Math.max(worst, ComplexMatrices.maxDifference(hamiltonian(params, group.rotateK(p, k)),
                    rotated));
        }
        if (group.antiunitary()) {
            double sign = group.particleHole() ? -1 : 1;
            double[] mk = k.clone();
            for (int x = 0; x < mk.length; x++) {
                mk[x] = -mk[x];
            }
            double[] hm = hamiltonian(params, mk);
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    int ti = action.partner[i];
                    int tj = action.partner[j];
                    double dr = hm[2 * (tj * n + ti)] - sign * h[2 * (j * n + i)];
                    double di = hm[2 * (tj * n + ti) + 1] + sign * h[2 * (j * n + i) + 1];
                    worst = Math.max(worst, Math.hypot(dr, di));
                }
            }
        }
        return worst / scale;
    }

    private void verifySymmetry(Random rnd) {
        if (parameters.isEmpty()) {
            return;
        }
        double[] f = new double[parameterCount()];
        for (int l = 0; l < f.length; l++) {
            f[l] = rnd.nextGaussian();
        }
        for (int trial = 0; trial < 3; trial++) {
            double[] k = new double[group.dimension()];
            for (int x = 0; x < k.length; x++) {
                k[x] = 4 * rnd.nextDouble() - 2;
            }
            double v = symmetryViolation(f, k);
            if (!(v < SYMMETRY_TOLERANCE)) {
                throw new IllegalStateException("tight-binding model " + name + " breaks Hermiticity or symmetry: "
                        + "relative violation " + v + " at k = " + java.util.Arrays.toString(k) + " (tolerance " + SYMMETRY_TOLERANCE + ")");
            }
        }
    }

    /** All eigenvalues (ascending) and, if asked, eigenvectors of H(k). */
    public HermitianEigenpairs diagonalize(double[] params, KVector k, int count, boolean vectors) {
        return Lapack.lowestEigenpairsHermitian(hamiltonian(params, k), dimension(), count, vectors);
    }

    /**
     * The lowest {@code count} levels at a maximal k point with their labels, from the block structure: H(k)
     * commutes with the rotation D that generates the little co-group (C_n^(n/n_k)); each eigenspace of D is
     * diagonalized separately, so the labels are exact even at accidental degeneracies.
     */
    public HighSymmetryLevels highSymmetryLevels(double[] params, HighSymmetryPoint point, int count) {
        SymmetrySetting symmetry = symmetry();
        int n = dimension();
        int order = point.rotationOrder();
        if (symmetry.rotationOrder() % order != 0) {
            throw new IllegalArgumentException(point.name() + " needs C" + order + ", model has C"
                    + symmetry.rotationOrder());
        }
        if (count > n) {
            throw new IllegalArgumentException("asked for " + count + " levels of a " + n + "-orbital model");
        }
        if (!symmetry.timeReversal() && order > 2) {
            throw new UnsupportedOperationException("labels by |m| pair m and -m, which needs time reversal");
        }
        int power = symmetry.rotationOrder() / order;
        KVector k = point.k();
        double[] d = rotationRepresentation(power, k);
        double[][] powers = new double[order][];
        powers[0] = ComplexMatrices.identity(n);
        for (int j = 1; j < order; j++) {
            powers[j] = ComplexMatrices.multiply(d, powers[j - 1], n);
        }
        if (ComplexMatrices.maxDifference(ComplexMatrices.multiply(d, powers[order - 1], n),
                ComplexMatrices.identity(n)) > 1e-9) {
            throw new IllegalStateException("the rotation does not leave " + point.name() + " invariant");
        }
        double[] h = hamiltonian(params, k);
        List<double[]> levels = new ArrayList<>(); // {energy, |m|}
        for (int m = 0; 2 * m <= order; m++) {
            double[] basis = eigenspace(powers, m, n);
            int r = basis.length / (2 * n);
            if (r == 0) {
                continue;
            }
            double[] block = ComplexMatrices.project(h, basis, n, r);
            double[] e = Lapack.lowestEigenpairsHermitian(block, r, r, false).values();
            boolean pair = m > 0 && 2 * m < order;
            for (double v : e) {
                levels.add(new double[] {v, m});
                if (pair) {
                    levels.add(new double[] {v, m});
                }
            }
        }
        if (levels.size() != n) {
            throw new IllegalStateException("blocks at " + point.name() + " hold " + levels.size() + " of " + n
                    + " states");
        }
        levels.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] energies = new double[count];
        List<IrrepLabel> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            energies[i] = levels.get(i)[0];
            labels.add(IrrepLabel.of(point, (int) levels.get(i)[1]));
        }
        return new HighSymmetryLevels(point, energies, labels);
    }

    /** Orthonormal basis (n x r) of the eigenspace of D with eigenvalue e^{-2πim/order}, by Gram-Schmidt. */
    static double[] eigenspace(double[][] powers, int m, int n) {
        int order = powers.length;
        double[] proj = new double[2 * n * n];
        for (int j = 0; j < order; j++) {
            double a = 2 * Math.PI * m * j / order;
            double cr = Math.cos(a) / order;
            double ci = Math.sin(a) / order;
            for (int x = 0; x < n * n; x++) {
                double pr = powers[j][2 * x];
                double pi = powers[j][2 * x + 1];
                proj[2 * x] += cr * pr - ci * pi;
                proj[2 * x + 1] += cr * pi + ci * pr;
            }
        }
        List<double[]> cols = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            double[] v = Arrays.copyOfRange(proj, 2 * c * n, 2 * (c + 1) * n);
            for (int pass = 0; pass < 2; pass++) {
                for (double[] u : cols) {
                    double sr = 0;
                    double si = 0;
                    for (int i = 0; i < n; i++) {
                        sr += u[2 * i] * v[2 * i] + u[2 * i + 1] * v[2 * i + 1];
                        si += u[2 * i] * v[2 * i + 1] - u[2 * i + 1] * v[2 * i];
                    }
                    for (int i = 0; i < n; i++) {
                        v[2 * i] -= sr * u[2 * i] - si * u[2 * i + 1];
                        v[2 * i + 1] -= sr * u[2 * i + 1] + si * u[2 * i];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm > 1e-6) {
                for (int i = 0; i < v.length; i++) {
                    v[i] /= norm;
                }
                cols.add(v);
            }
        }
        double[] out = new double[2 * n * cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            System.arraycopy(cols.get(c), 0, out, 2 * c * n, 2 * n);
        }
        return out;
    }

    /** Names of the parameters, in order. */
    public List<String> parameterNames() {
        List<String> out = new ArrayList<>();
        for (TightBindingParameter p : parameters) {
            out.add(p.name());
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return name + " (" + dimension() + " orbitals, " + parameterCount() + " parameters)";
    }
}
