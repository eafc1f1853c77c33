package io.bandsmith.engine.topology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.tightbinding.P6TimeReversalModel;
import io.bandsmith.engine.tightbinding.TightBindingModel;

/**
 * Two independent routes to connectivity must agree with the physics of section VI: on random p6 + TR tight-binding
 * models, every set that the Berry-flux method finds isolated (no π defect between it and its neighbours) has even
 * C2 parity nf + n-, and naive sets of odd parity are always joined to a neighbour by a Dirac cone.
 */
class BerryParityRuleTest {
    private static final TightBindingModel MODEL = P6TimeReversalModel.model();

    private static double[] randomModel(long seed) {
        Random r = new Random(seed);
        double[] f = new double[MODEL.parameterCount()];
        for (int l = 0; l < f.length; l++) {
            f[l] = l < 14 ? 3 * r.nextGaussian() : 0.6 * r.nextGaussian();
        }
        return f;
    }

    @Test
    void setsIsolatedByBerryFluxHaveEvenParity() {
        check(3, 40);
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void setsIsolatedByBerryFluxHaveEvenParityOnManyModels() {
        check(30, 80);
    }

    private static void check(int models, int grid) {
        TightBindingClassifier c = new TightBindingClassifier(BandSetClassifier.withDefaults(), grid);
        int oddNaive = 0;
        for (long seed = 1; seed <= models; seed++) {
            double[] f = randomModel(seed);
            List<BandSet> berry = c.classify(MODEL, f, 6, ConnectivityMethod.BERRY);
            for (BandSet s : berry) {
                if (s.classification() != BandSetClass.UNASSIGNED) {
                    assertTrue(s.fingerprint().hasEvenC2Parity(), "seed " + seed + ": "
                            + BandSetClassifier.describe(berry));
                }
            }
            for (BandSet s : c.classify(MODEL, f, 6, ConnectivityMethod.NAIVE)) {
                if (s.classification() != BandSetClass.UNASSIGNED && !s.fingerprint().hasEvenC2Parity()) {
                    oddNaive++;
                }
            }
        }
        assertTrue(oddNaive > 0, "the sample should contain naive sets of odd parity (cones away from Γ, K, M)");
    }
}
