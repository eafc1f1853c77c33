package io.bandsmith.engine.tightbinding;

import java.util.List;

import io.bandsmith.engine.lattice.KVector;

/**
 * The constant matrices ∂H(k)/∂F_l of a tight-binding model at one wave vector, stored sparsely, so that
 * H(k) = Σ_l F_l ∂H/∂F_l is assembled in a few thousand multiply-adds and the Hellmann-Feynman expectation values
 * ⟨φ|∂H/∂F_l|φ⟩ are cheap. Immutable and thread-safe.
 */
public final class BlochOperators {
    private final KVector k;
    private final int dimension;
    private final int[] start;   // parameter l owns entries start[l] .. start[l+1]-1
    private final int[] row;
    private final int[] col;
    private final double[] re;
    private final double[] im;

    BlochOperators(TightBindingModel model, KVector k) {
        this(model, k, new double[] {k.kx(), k.ky()});
    }

    /** At a Cartesian wave vector of any dimension (3D models: {@code k2d} is null). */
    BlochOperators(TightBindingModel model, KVector k2d, double[] kc) {
        this.k = k2d;
        this.dimension = model.dimension();
        List<TightBindingParameter> params = model.parameters();
        int total = 0;
        for (TightBindingParameter p : params) {
            total += p.terms().size();
        }
        start = new int[params.size() + 1];
        row = new int[total];
        col = new int[total];
        re = new double[total];
        im = new double[total];
        int e = 0;
        int flat = 0; // index into the model's flattened terms (same order)
        for (int l = 0; l < params.size(); l++) {
            start[l] = e;
            // merge terms with the same (row, col): sum their Bloch phases
            java.util.Map<Long, double[]> merged = new java.util.LinkedHashMap<>();
            for (HoppingTerm t : params.get(l).terms()) {
                double ph = model.termPhase(kc, flat++);
                double c = Math.cos(ph);
                double sn = Math.sin(ph);
                double[] v = merged.computeIfAbsent((long) t.row() * dimension + t.col(), x -> new double[2]);
                v[0] += c * t.re() - sn * t.im();
                v[1] += c * t.im() + sn * t.re();
            }
            for (java.util.Map.Entry<Long, double[]> m : merged.entrySet()) {
                if (Math.abs(m.getValue()[0]) < 1e-15 && Math.abs(m.getValue()[1]) < 1e-15) {
                    continue;
                }
                row[e] = (int) (m.getKey() / dimension);
                col[e] = (int) (m.getKey() % dimension);
                re[e] = m.getValue()[0];
                im[e] = m.getValue()[1];
                e++;
            }
        }
        start[params.size()] = e;
    }

    /** The 2D wave vector (null for operators of a 3D model). */
    public KVector k() {
        return k;
    }

    public int dimension() {
        return dimension;
    }

    public int parameterCount() {
        return start.length - 1;
    }

    /** H(k) for parameters F: N x N, column-major, interleaved (re, im); {@code out} is overwritten. */
    public void assemble(double[] parameters, double[] out) {
        if (parameters.length != parameterCount()) {
            throw new IllegalArgumentException("model has " + parameterCount() + " parameters, got "
                    + parameters.length);
        }
        java.util.Arrays.fill(out, 0, 2 * dimension * dimension, 0);
        for (int l = 0; l < parameters.length; l++) {
            double f = parameters[l];
            if (f == 0) {
                continue;
            }
            for (int e = start[l]; e < start[l + 1]; e++) {
                int idx = 2 * (col[e] * dimension + row[e]);
                out[idx] += f * re[e];
                out[idx + 1] += f * im[e];
            }
        }
    }

    public double[] assemble(double[] parameters) {
        double[] out = new double[2 * dimension * dimension];
        assemble(parameters, out);
        return out;
    }

    /** ∂H(k)/∂F_l as a dense matrix (column-major, interleaved). */
    public double[] derivative(int l) {
        double[] out = new double[2 * dimension * dimension];
        for (int e = start[l]; e < start[l + 1]; e++) {
            int idx = 2 * (col[e] * dimension + row[e]);
            out[idx] += re[e];
            out[idx + 1] += im[e];
        }
        return out;
    }

    /**
     * Re ⟨a|∂H/∂F_l|b⟩ for columns a and b of an eigenvector array (column-major, interleaved, leading dimension N).
     * With a = b this is the Hellmann-Feynman derivative of a non-degenerate level.
     */
    public double expectation(int l, double[] vectors, int a, int b) {
        double sum = 0;
        int oa = 2 * a * dimension;
        int ob = 2 * b * dimension;
        for (int e = start[l]; e < start[l + 1]; e++) {
            double ar = vectors[oa + 2 * row[e]];
            double ai = vectors[oa + 2 * row[e] + 1];
            double br = vectors[ob + 2 * col[e]];
            double bi = vectors[ob + 2 * col[e] + 1];
            double mr = re[e] * br - im[e] * bi;
            double mi = re[e] * bi + im[e] * br;
            sum += ar * mr + ai * mi; // Re(conj(a) * m)
        }
        return sum;
    }

    /**
     * Adds Σ_n w_n ⟨φ_n|∂H/∂F_l|φ_n⟩ to {@code gradient[l]} for all l, for the first {@code weights.length} columns
     * of an eigenvector array (column-major, interleaved). One pass over the operators through the weighted density
     * matrix D = Σ_n w_n |φ_n⟩⟨φ_n|, instead of one pass per level.
     */
    public void addWeightedExpectations(double[] vectors, double[] weights, double[] gradient) {
        int n = dimension;
        double[] dr = new double[n * n];
        double[] di = new double[n * n];
        for (int level = 0; level < weights.length; level++) {
            double w = weights[level];
            if (w == 0) {
                continue;
            }
            int off = 2 * level * n;
            for (int r = 0; r < n; r++) {
                double war = w * vectors[off + 2 * r];
                double wai = w * vectors[off + 2 * r + 1];
                int rowOff = r * n;
                for (int c = 0; c < n; c++) {
                    double br = vectors[off + 2 * c];
                    double bi = vectors[off + 2 * c + 1];
                    dr[rowOff + c] += war * br + wai * bi;
                    di[rowOff + c] += war * bi - wai * br;
                }
            }
        }
        for (int l = 0; l < gradient.length; l++) {
            double sum = 0;
            for (int e = start[l]; e < start[l + 1]; e++) {
                int idx = row[e] * n + col[e];
                sum += re[e] * dr[idx] - im[e] * di[idx];
            }
            gradient[l] += sum;
        }
    }
}
