package io.bandsmith.engine.tightbinding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.HighSymmetryPoint;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.linalg.HermitianEigenpairs;
import io.bandsmith.engine.linalg.Lapack;

/**
 * Batched evaluation of a tight-binding model on a fixed set of k points: the matrices ∂H/∂F_l are precomputed once
 * per k point, then many parameter vectors are diagonalized (LAPACK zheevr, one matrix per task, tasks spread over
 * all cores with the common fork-join pool). Also the Hellmann-Feynman derivatives ⟨φ_n|∂H/∂F_l|φ_n⟩ (appendix B),
 * averaged over degenerate multiplets: within a multiplet only the sum is basis independent, so each level of a
 * multiplet gets Tr(P ∂H/∂F_l)/g, the derivative of the multiplet's mean energy. Immutable and thread-safe.
 */
public final class TightBindingBandSolver {
    /** Levels closer than this (relative to the spread of the spectrum, plus an absolute floor) form one multiplet. */
    public static final double MULTIPLET_TOLERANCE = 1e-9;

    private final TightBindingModel model;
    private final KPointSet kpoints;
    private final BlochOperators[] operators;

    public TightBindingBandSolver(TightBindingModel model, KPointSet kpoints) {
        this.model = model;
        this.kpoints = kpoints;
        this.operators = new BlochOperators[kpoints.size()];
        for (int k = 0; k < kpoints.size(); k++) {
            operators[k] = model.operatorsAt(kpoints.get(k));
        }
    }

    public TightBindingModel model() {
        return model;
    }

    public KPointSet kpoints() {
        return kpoints;
    }

    /** Eigenvalues [k][n] (lowest {@code bandCount}) for one parameter vector, parallel over k. */
    public double[][] energies(double[] params, int bandCount) {
        checkBands(bandCount);
        double[][] out = new double[kpoints.size()][];
        IntStream.range(0, kpoints.size()).parallel().forEach(k -> out[k] = eigenpairs(params, k, bandCount, false)
                .values());
        return out;
    }

    /** Eigenvalues [p][k][n] for many parameter vectors, parallel over (p, k). */
    public double[][][] energies(List<double[]> params, int bandCount) {
        checkBands(bandCount);
        int nk = kpoints.size();
        double[][][] out = new double[params.size()][nk][];
        IntStream.range(0, params.size() * nk).parallel().forEach(t -> {
            int p = t / nk;
            int k = t % nk;
            out[p][k] = eigenpairs(params.get(p), k, bandCount, false).values();
        });
        return out;
    }

    /** Eigenvalues and eigenvectors [p][k] for many parameter vectors, parallel over (p, k). */
    public HermitianEigenpairs[][] eigenpairs(List<double[]> params, int count) {
        checkBands(count);
        int nk = kpoints.size();
        HermitianEigenpairs[][] out = new HermitianEigenpairs[params.size()][nk];
        IntStream.range(0, params.size() * nk).parallel().forEach(t -> out[t / nk][t % nk] =
                eigenpairs(params.get(t / nk), t % nk, count, true));
        return out;
    }

    /** Eigenpairs at k point index {@code k}; vectors column-major interleaved. */
    public HermitianEigenpairs eigenpairs(double[] params, int k, int count, boolean vectors) {
        return Lapack.lowestEigenpairsHermitian(operators[k].assemble(params), model.dimension(), count, vectors);
    }

    /**
     * Hellmann-Feynman derivatives dE_n/dF_l at k point index {@code k} for the lowest {@code bandCount} levels,
     * multiplet-averaged: [n][l].
     */
    public double[][] derivatives(double[] params, int k, int bandCount) {
        checkBands(bandCount);
        int dim = model.dimension();
        HermitianEigenpairs e = eigenpairs(params, k, dim, true);
        double[] v = e.values();
        int[][] multiplets = multiplets(v);
        int nl = model.parameterCount();
        double[][] out = new double[bandCount][];
        for (int[] mult : multiplets) {
            if (mult[0] >= bandCount) {
                break;
            }
            double[] avg = new double[nl];
            for (int l = 0; l < nl; l++) {
                double s = 0;
                for (int n = mult[0]; n < mult[1]; n++) {
                    s += operators[k].expectation(l, e.vectors(), n, n);
                }
                avg[l] = s / (mult[1] - mult[0]);
            }
            for (int n = mult[0]; n < Math.min(mult[1], bandCount); n++) {
                out[n] = avg.clone();
            }
        }
        return out;
    }

    /**
     * Σ_k Σ_n weights[k][n] dE_{kn}/dF_l (multiplet-averaged), the vector v of appendix B when
     * weights = 2 (E - E_true) / (number of terms). Parallel over k.
     */
    public double[] weightedGradient(double[] params, double[][] weights) {
        int nl = model.parameterCount();
        int bands = weights[0].length;
        double[][] perK = new double[kpoints.size()][];
        IntStream.range(0, kpoints.size()).parallel().forEach(k -> {
            double[][] d = derivatives(params, k, bands);
            double[] g = new double[nl];
            for (int n = 0; n < bands; n++) {
                double w = weights[k][n];
                if (w != 0) {
                    for (int l = 0; l < nl; l++) {
                        g[l] += w * d[n][l];
                    }
                }
            }
            perK[k] = g;
        });
        double[] total = new double[nl];
        for (double[] g : perK) {
            for (int l = 0; l < nl; l++) {
                total[l] += g[l];
            }
        }
        return total;
    }

    /** Ranges [start, end) of degenerate levels. */
    static int[][] multiplets(double[] values) {
        double spread = Math.abs(values[values.length - 1] - values[0]);
        double tol = MULTIPLET_TOLERANCE * Math.max(1, spread);
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < values.length) {
            int j = i + 1;
            while (j < values.length && values[j] - values[j - 1] < tol) {
                j++;
            }
            out.add(new int[] {i, j});
            i = j;
        }
        return out.toArray(new int[0][]);
    }

    /**
     * A band structure on this solver's k points with labelled levels at Γ, K, M (bandCount + 1 levels where the
     * model has them, so that the gap above the last band is known).
     */
    public BandStructure bandStructure(double[] params, int bandCount, double vmax) {
        double[][] e = energies(params, bandCount);
        Map<String, HighSymmetryLevels> hsp = new LinkedHashMap<>();
        int levels = Math.min(model.dimension(), bandCount + 1);
        for (HighSymmetryPoint p : HexagonalLattice.INSTANCE.highSymmetryPoints()) {
            hsp.put(p.name(), model.highSymmetryLevels(params, p, levels));
        }
        return new BandStructure(kpoints, e, hsp, vmax, "tight-binding " + model.name());
    }

    private void checkBands(int bandCount) {
        if (bandCount < 1 || bandCount > model.dimension()) {
            throw new IllegalArgumentException("band count " + bandCount + " outside 1.." + model.dimension());
        }
    }
}
