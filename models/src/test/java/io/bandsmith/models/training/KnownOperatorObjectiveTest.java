package io.bandsmith.models.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.engine.tightbinding.P6TimeReversalModel;
import io.bandsmith.engine.tightbinding.TightBindingBandSolver;

class KnownOperatorObjectiveTest {
    private static final KPointSet KS = KPointSet.hexagonalWedgeWithCount(79);
    private static final KnownOperatorObjective OBJECTIVE = new KnownOperatorObjective(P6TimeReversalModel.model(), KS,
            6, 256);

    static double[] randomParameters(long seed) {
        Random r = new Random(seed);
        double[] p = new double[P6TimeReversalModel.PARAMETERS];
        for (int l = 0; l < p.length; l++) {
            p[l] = l < P6TimeReversalModel.ON_SITE_PARAMETERS ? 0.3 + 0.8 * r.nextDouble() : 0.03 * r.nextGaussian();
        }
        return p;
    }

    static BandTarget exactTarget(long seed) {
        BandStructure b = PlaneWaveSolver.withDefaults().compute(RandomPotentialGenerator.withAlpha(1)
                .stepPotential(100, seed, 256), KS, 7);
        double[][] he = new double[3][];
        byte[][] hl = new byte[3][7];
        String[] pts = {"G", "K", "M"};
        for (int p = 0; p < 3; p++) {
            he[p] = b.highSymmetry(pts[p]).energies();
            for (int n = 0; n < 7; n++) {
                hl[p][n] = (byte) b.highSymmetry(pts[p]).label(n).absM();
            }
        }
        return new BandTarget(b.energies(), he, hl);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        BandTarget target = exactTarget(3);
        double[] p = randomParameters(1);
        KnownOperatorObjective.Evaluation e = OBJECTIVE.evaluate(p, target, 1.0);
        Random r = new Random(2);
        int checked = 0;
        for (int t = 0; t < 12; t++) {
            int l = t < 4 ? r.nextInt(P6TimeReversalModel.ON_SITE_PARAMETERS) : r.nextInt(p.length);
            double h = 1e-6;
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[l] += h;
            minus[l] -= h;
            double numeric = (OBJECTIVE.evaluate(plus, target, 1.0).loss() - OBJECTIVE.evaluate(minus, target, 1.0)
                    .loss()) / (2 * h);
            assertEquals(numeric, e.gradient()[l], 1e-5 * Math.max(1, Math.abs(numeric)), "parameter " + l);
            checked++;
        }
        assertEquals(12, checked);
    }

    @Test
    void lossVanishesForItsOwnBandsAndIsPositiveOtherwise() {
        double[] p = randomParameters(5);
        // the target made from the model itself (in E0): zero loss and zero gradient
        BandStructure own = new TightBindingBandSolver(P6TimeReversalModel.model(), KS).bandStructure(
                scale(p, 256), 7, 256);
        double[][] he = new double[3][];
        byte[][] hl = new byte[3][7];
        String[] pts = {"G", "K", "M"};
        for (int q = 0; q < 3; q++) {
            he[q] = java.util.Arrays.copyOf(own.highSymmetry(pts[q]).energies(), 7);
            for (int n = 0; n < 7; n++) {
                hl[q][n] = (byte) own.highSymmetry(pts[q]).label(n).absM();
            }
        }
        KnownOperatorObjective.Evaluation e = OBJECTIVE.evaluate(p, new BandTarget(own.energies(), he, hl), 1.0);
        assertEquals(0, e.loss(), 1e-20);
        for (double g : e.gradient()) {
            assertEquals(0, g, 1e-9);
        }
        assertTrue(OBJECTIVE.evaluate(randomParameters(6), new BandTarget(own.energies(), he, hl), 1.0).loss() > 1e-4);
    }

    @Test
    void subsampledBandTermIsAnUnbiasedEstimateOfTheFullOne() {
        BandTarget target = exactTarget(4);
        double[] p = randomParameters(9);
        double full = OBJECTIVE.evaluate(p, target, 0).bandLoss();
        int draws = 400;
        double mean = 0;
        java.util.List<double[]> ps = java.util.Collections.nCopies(draws, p);
        java.util.List<BandTarget> ts = java.util.Collections.nCopies(draws, target);
        for (KnownOperatorObjective.Evaluation e : OBJECTIVE.evaluate(ps, ts, 0, 16, 7)) {
            mean += e.bandLoss() / draws;
        }
        assertEquals(full, mean, 0.05 * full, "mean of the subsampled band loss");
    }

    private static double[] scale(double[] p, double s) {
        double[] out = p.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= s;
        }
        return out;
    }
}
