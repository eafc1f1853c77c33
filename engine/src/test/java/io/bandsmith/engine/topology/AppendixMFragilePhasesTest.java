package io.bandsmith.engine.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.symmetry.SymmetryFingerprint;
import io.bandsmith.engine.tightbinding.SixSiteTargetModel;
import io.bandsmith.engine.tightbinding.TightBindingModel;

/**
 * Appendix M: for δJ > 0 the folded graphene bands split into two kagome-like triples (3c_A below, 3c_B above); an
 * imbalance δL of the next-nearest hoppings beyond ±δJ/√12 splits the lower triple into an s band plus a fragile pair
 * (δL < 0) or the upper one into a fragile pair plus an f band (δL > 0).
 */
class AppendixMFragilePhasesTest {
    private static final TightBindingModel MODEL = SixSiteTargetModel.model();
    private static final double J_BAR = 1.0;
    private static final double DELTA_J = 0.1;
    private static final double THRESHOLD = DELTA_J / Math.sqrt(12);

    private static List<BandSet> classify(double deltaL, ConnectivityMethod method) {
        double[] p = SixSiteTargetModel.fromMeanAndImbalance(0, J_BAR, DELTA_J, 0, deltaL);
        return new TightBindingClassifier(BandSetClassifier.withDefaults(), 48).classify(MODEL, p, 5, method);
    }

    private static String summary(List<BandSet> sets) {
        return BandSetClassifier.describe(sets);
    }

    @Test
    void smallImbalanceKeepsTwoKagomeTriples() {
        for (ConnectivityMethod method : ConnectivityMethod.values()) {
            for (double dl : new double[] {-0.8 * THRESHOLD, 0.8 * THRESHOLD}) {
                List<BandSet> sets = classify(dl, method);
                assertEquals(1, sets.get(0).firstBand(), summary(sets));
                assertEquals(3, sets.get(0).lastBand(), summary(sets));
                assertEquals(List.of("3c_A"), sets.get(0).ebrs(), summary(sets));
            }
        }
        // the upper triple: classify all six bands is impossible (needs a 7th), so check its fingerprint directly
        List<BandSet> sets = classify(0.8 * THRESHOLD, ConnectivityMethod.COMPAT);
        assertEquals(BandSetClass.UNASSIGNED, sets.get(1).classification());
    }

    @Test
    void negativeImbalanceSplitsTheLowerTripleIntoAnSBandAndAFragilePair() {
        for (ConnectivityMethod method : ConnectivityMethod.values()) {
            List<BandSet> sets = classify(-1.2 * THRESHOLD, method);
            String s = method + ": " + summary(sets);
            assertEquals(List.of("1a_s"), sets.get(0).ebrs(), s);
            assertEquals(1, sets.get(0).lastBand(), s);
            assertEquals(BandSetClass.FRAGILE, sets.get(1).classification(), s);
            assertEquals(2, sets.get(1).firstBand(), s);
            assertEquals(3, sets.get(1).lastBand(), s);
            assertEquals(SymmetryFingerprint.of(new int[] {0, 0, 1, 0, 0, 0}), sets.get(1).fingerprint(), s);
        }
    }

    @Test
    void positiveImbalanceSplitsTheUpperTripleIntoAFragilePairAndAnFBand() {
        // six bands are needed: classify the model's bands 1..6 with the top one known to be the last band
        double[] p = SixSiteTargetModel.fromMeanAndImbalance(0, J_BAR, DELTA_J, 0, 1.2 * THRESHOLD);
        // mirror the spectrum (E -> -E maps the upper triple onto the lower one with s <-> f, p <-> d, + <-> -
        // at M), so reuse the lower-triple machinery: the flipped model has hoppings -J, -L
        double[] flipped = {-p[0], -p[1], -p[2], -p[3], -p[4]};
        for (ConnectivityMethod method : ConnectivityMethod.values()) {
            List<BandSet> sets = new TightBindingClassifier(BandSetClassifier.withDefaults(), 48).classify(MODEL,
                    flipped, 5, method);
            String s = method + ": " + summary(sets);
            // the lowest band of -H is the f band of H
            assertEquals(1, sets.get(0).lastBand(), s);
            assertEquals(BandSetClass.FRAGILE, sets.get(1).classification(), s);
            assertEquals(3, sets.get(1).lastBand(), s);
        }
        // and directly in H: bands 4-5 at Γ are a p pair, 6 is f; at M both odd states of the pair flip to even
        var g = MODEL.highSymmetryLevels(p, io.bandsmith.engine.lattice.HexagonalLattice.GAMMA, 6);
        var k = MODEL.highSymmetryLevels(p, io.bandsmith.engine.lattice.HexagonalLattice.K, 6);
        var m = MODEL.highSymmetryLevels(p, io.bandsmith.engine.lattice.HexagonalLattice.M, 6);
        assertEquals(SymmetryFingerprint.of(new int[] {0, 1, 0, 0, 0, 2}), SymmetryFingerprint.ofLevels(g, k, m, 3, 4));
        assertEquals(SymmetryFingerprint.of(new int[] {0, 0, 0, 1, 1, 0}), SymmetryFingerprint.ofLevels(g, k, m, 5, 5));
    }
}
