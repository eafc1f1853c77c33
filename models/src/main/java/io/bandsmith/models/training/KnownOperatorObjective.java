package io.bandsmith.models.training;

import java.util.List;
import java.util.stream.IntStream;

import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.HighSymmetryPoint;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.linalg.HermitianEigenpairs;
import io.bandsmith.engine.linalg.Lapack;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.tightbinding.BlochOperators;
import io.bandsmith.engine.tightbinding.TightBindingModel;

/**
 * The band-structure cost of the paper (eq. 2 and appendix E) for the tight-binding parameters F the network
 * predicts, with its gradient dL/dF by Hellmann-Feynman (appendix B):
 *
 * <pre>
 * L = mean_{k,n} (E_n(k) - E_true,n(k))²  +  r · mean over labelled levels at Γ, K, M of (E_block - E_true,block)²
 * </pre>
 * in units of Vmax². The second term matches each irrep block of H at the maximal k points to the exact levels with
 * that label (the i-th tight-binding level of label X to the i-th exact level of label X). Gradients of degenerate
 * levels use the multiplet average, where only the sum is well defined. Thread-safe; a batch runs in parallel.
 */
public final class KnownOperatorObjective {
    private final TightBindingModel model;
    private final KPointSet kpoints;
    private final BlochOperators[] operators;
    private final int bands;
    private final double vmax;
    private final int[] hspIndex;
    private final List<HighSymmetryPoint> points = HexagonalLattice.INSTANCE.highSymmetryPoints();

    /** Loss and gradient of one sample. */
    public record Evaluation(double loss, double bandLoss, double blockLoss, double[] gradient) {
    }

    /**
     * @param kpoints the training k set; it must contain Γ, K and M
     * @param bands number of bands fitted (the paper: 6)
     */
    public KnownOperatorObjective(TightBindingModel model, KPointSet kpoints, int bands, double vmax) {
        this.model = model;
        this.kpoints = kpoints;
        this.bands = bands;
        this.vmax = vmax;
        operators = new BlochOperators[kpoints.size()];
        for (int k = 0; k < kpoints.size(); k++) {
            operators[k] = model.operatorsAt(kpoints.get(k));
        }
        hspIndex = new int[points.size()];
        for (int p = 0; p < points.size(); p++) {
            hspIndex[p] = -1;
            for (int k = 0; k < kpoints.size(); k++) {
                if (kpoints.get(k).distanceTo(points.get(p).k()) < 1e-9) {
                    hspIndex[p] = k;
                }
            }
            if (hspIndex[p] < 0) {
                throw new IllegalArgumentException("the training k set must contain " + points.get(p).displayName());
            }
        }
    }

    public int bands() {
        return bands;
    }

    /** Loss and gradient for a batch of parameter vectors (units of Vmax), in parallel. */
    public Evaluation[] evaluate(List<double[]> parameters, List<BandTarget> targets, double blockWeight) {
        return evaluate(parameters, targets, blockWeight, 0, 0);
    }

    /**
     * As {@link #evaluate(List, List, double)}, with the band term on a random subset of {@code kSubsample} k points
     * per sample (0: all) besides Γ, K, M — an unbiased estimate of the full band term at a fraction of the cost.
     */
    public Evaluation[] evaluate(List<double[]> parameters, List<BandTarget> targets, double blockWeight,
            int kSubsample, long seed) {
        Evaluation[] out = new Evaluation[parameters.size()];
        IntStream.range(0, parameters.size()).parallel().forEach(i -> out[i] = evaluate(parameters.get(i),
                targets.get(i), blockWeight, kSubsample <= 0 ? null : subset(kSubsample, seed * 1_000_003L + i)));
        return out;
    }

    private boolean[] subset(int count, long seed) {
        int nk = kpoints.size();
        boolean[] use = new boolean[nk];
        for (int k : hspIndex) {
            use[k] = true;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int chosen = 0;
        while (chosen < Math.min(count, nk - hspIndex.length)) {
            int k = random.nextInt(nk);
            if (!use[k]) {
                use[k] = true;
                chosen++;
            }
        }
        return use;
    }

    /**
     * Loss and gradient of one sample with the band term on {@code kSubsample} random k points besides Γ, K, M
     * (0: all); parameters in units of Vmax.
     */
    public Evaluation evaluate(double[] parametersVmax, BandTarget target, double blockWeight, int kSubsample,
            long seed) {
        return evaluate(parametersVmax, target, blockWeight, kSubsample <= 0 ? null : subset(kSubsample, seed));
    }

    /** Loss and gradient of one sample; parameters in units of Vmax. */
    public Evaluation evaluate(double[] parametersVmax, BandTarget target, double blockWeight) {
        return evaluate(parametersVmax, target, blockWeight, null);
    }

    private Evaluation evaluate(double[] parametersVmax, BandTarget target, double blockWeight, boolean[] use) {
        int nk = kpoints.size();
        int dim = model.dimension();
        int nl = model.parameterCount();
        double[][] weights = new double[nk][];
        HermitianEigenpairs[] eig = new HermitianEigenpairs[nk];
        double bandLoss = 0;
        int sampled = 0;
        for (int k = 0; k < nk; k++) {
            sampled += use != null && use[k] && !isHsp(k) ? 1 : 0;
        }
        // Γ, K, M enter with weight 1/nk; sampled points stand for all the others: (nk - 3)/(sampled nk) each
        double hspNorm = 1.0 / (nk * bands);
        double otherNorm = use == null ? hspNorm : (double) (nk - hspIndex.length) / (Math.max(1, sampled) * nk * bands);
        for (int k = 0; k < nk; k++) {
            if (use != null && !use[k]) {
                continue;
            }
            boolean hsp = isHsp(k);
            double norm = hsp ? hspNorm : otherNorm;
            int count = hsp ? dim : Math.min(dim, bands + 1);
            eig[k] = Lapack.lowestEigenpairsHermitian(operators[k].assemble(parametersVmax), dim, count, true);
            weights[k] = new double[count];
            for (int n = 0; n < bands; n++) {
                double r = eig[k].values()[n] - target.energies()[k][n] / vmax;
                bandLoss += r * r * norm;
                weights[k][n] += 2 * r * norm;
            }
        }
        double blockLoss = 0;
        if (blockWeight > 0) {
            int matched = 0;
            double[][] residual = new double[points.size()][];
            int[][] tbIndex = new int[points.size()][];
            for (int p = 0; p < points.size(); p++) {
                HighSymmetryLevels tb = model.highSymmetryLevels(parametersVmax, points.get(p), dim);
                byte[] labels = target.hspLabels()[p];
                double[] exact = target.hspEnergies()[p];
                residual[p] = new double[labels.length];
                tbIndex[p] = new int[labels.length];
                // the i-th exact level of each label is matched to the i-th tight-binding level of that label
                int[] seenExact = new int[8];
                for (int n = 0; n < labels.length; n++) {
                    int m = labels[n];
                    int want = seenExact[m]++;
                    int found = -1;
                    for (int t = 0, c = 0; t < dim; t++) {
                        if (tb.label(t).absM() == m && c++ == want) {
                            found = t;
                            break;
                        }
                    }
                    tbIndex[p][n] = found;
                    if (found >= 0) {
                        residual[p][n] = tb.energy(found) - exact[n] / vmax;
                        matched++;
                    }
                }
            }
            double blockNorm = blockWeight / Math.max(1, matched);
            for (int p = 0; p < points.size(); p++) {
                int k = hspIndex[p];
                for (int n = 0; n < residual[p].length; n++) {
                    if (tbIndex[p][n] >= 0) {
                        double r = residual[p][n];
                        blockLoss += r * r * blockNorm;
                        weights[k][tbIndex[p][n]] += 2 * r * blockNorm;
                    }
                }
            }
        }
        double[] gradient = new double[nl];
        for (int k = 0; k < nk; k++) {
            if (weights[k] == null) {
                continue;
            }
            double[] w = weights[k];
            double[] e = eig[k].values();
            double[] effective = new double[w.length];
            int n = 0;
            while (n < w.length) {
                int end = n + 1;
                double tol = 1e-9 * Math.max(1, Math.abs(e[n]));
                while (end < e.length && end < w.length && e[end] - e[end - 1] < tol) {
                    end++;
                }
                if (end == w.length && end < dim && w.length < dim) {
                    // a multiplet cut by the number of computed levels: the partner carries no weight
                    end = Math.max(end, n + 1);
                }
                double mean = 0;
                for (int j = n; j < end; j++) {
                    mean += w[j];
                }
                mean /= end - n;
                for (int j = n; j < end; j++) {
                    effective[j] = mean;
                }
                n = end;
            }
            operators[k].addWeightedExpectations(eig[k].vectors(), effective, gradient);
        }
        return new Evaluation(bandLoss + blockLoss, bandLoss, blockLoss, gradient);
    }

    private boolean isHsp(int k) {
        for (int i : hspIndex) {
            if (i == k) {
                return true;
            }
        }
        return false;
    }

    /** The training k set's Γ, K, M positions (for tests). */
    int[] highSymmetryIndices() {
        return hspIndex.clone();
    }

}
