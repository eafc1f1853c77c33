package io.bandsmith.engine.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.HighSymmetryPoint;
import io.bandsmith.engine.symmetry.IrrepLabel;
import io.bandsmith.engine.symmetry.SymmetryFingerprint;

class BandSetClassifierTest {
    private static HighSymmetryLevels levels(HighSymmetryPoint p, double[] e, String... symbols) {
        List<IrrepLabel> labels = new ArrayList<>();
        for (String s : symbols) {
            labels.add(IrrepLabel.parse(p, s));
        }
        return new HighSymmetryLevels(p, e, labels);
    }

    private static Map<String, HighSymmetryLevels> spectrum(HighSymmetryLevels g, HighSymmetryLevels k,
            HighSymmetryLevels m) {
        Map<String, HighSymmetryLevels> out = new LinkedHashMap<>();
        out.put("G", g);
        out.put("K", k);
        out.put("M", m);
        return out;
    }

    @Test
    void naiveSplitsAnOddParitySetThatTheParityRuleKeepsTogether() {
        // band 1: f at Γ, singlet at K, even at M -> nf + n- = 1 is odd: it cannot be isolated
        Map<String, HighSymmetryLevels> s = spectrum(
                levels(HexagonalLattice.GAMMA, new double[] {1, 2, 5, 5}, "f", "s", "p", "p"),
                levels(HexagonalLattice.K, new double[] {1, 2, 5, 5}, "0", "0", "1", "1"),
                levels(HexagonalLattice.M, new double[] {1, 2, 5, 6}, "+", "-", "-", "-"));
        BandSetClassifier c = BandSetClassifier.withDefaults();
        List<BandSet> naive = c.classify(s, 3, ConnectivityMethod.NAIVE, null);
        assertEquals(BandSetClass.FRAGILE, naive.get(0).classification(), BandSetClassifier.describe(naive));
        assertEquals(SymmetryFingerprint.of(new int[] {0, 0, 0, 1, 1, 1}), naive.get(0).fingerprint());
        assertEquals(BandSetClass.FRAGILE, naive.get(1).classification(), "(1,0,0,0,1,0) has odd parity too");
        List<BandSet> compat = c.classify(s, 3, ConnectivityMethod.COMPAT, null);
        assertEquals(1, compat.get(0).firstBand());
        assertEquals(2, compat.get(0).lastBand());
        assertEquals(BandSetClass.COMPOSITE, compat.get(0).classification());
        assertEquals(List.of("1a_s", "1a_f"), compat.get(0).ebrs());
        // band 3 is the lower member of a p pair at Γ: connected to band 4, beyond the 3 bands asked for
        assertEquals(BandSetClass.UNASSIGNED, compat.get(1).classification());
        assertEquals(3, compat.get(1).firstBand());
    }

    @Test
    void aDegeneratePairIsNeverSplitAndTouchingLevelsConnect() {
        Map<String, HighSymmetryLevels> s = spectrum(
                levels(HexagonalLattice.GAMMA, new double[] {1, 3, 3, 4}, "s", "p", "p", "s"),
                levels(HexagonalLattice.K, new double[] {1, 2, 2, 4}, "0", "1", "1", "0"),
                levels(HexagonalLattice.M, new double[] {2, 2, 3, 4}, "+", "-", "-", "+"));
        List<BandSet> sets = BandSetClassifier.withDefaults().classify(s, 3, ConnectivityMethod.NAIVE, null);
        // bands 1 and 2 touch at M (equal energies); the p pair at Γ binds 2 and 3
        assertEquals(1, sets.size());
        assertEquals(3, sets.get(0).lastBand());
        assertEquals(SymmetryFingerprint.of(new int[] {1, 1, 0, 0, 1, 1}), sets.get(0).fingerprint());
    }

    @Test
    void berryConnectionsMergeSetsAcrossOffSymmetryCones() {
        Map<String, HighSymmetryLevels> s = spectrum(
                levels(HexagonalLattice.GAMMA, new double[] {1, 2, 3}, "s", "s", "s"),
                levels(HexagonalLattice.K, new double[] {1, 2, 3}, "0", "0", "0"),
                levels(HexagonalLattice.M, new double[] {1, 2, 3}, "+", "+", "+"));
        BandSetClassifier c = BandSetClassifier.withDefaults();
        assertEquals(2, c.classify(s, 2, ConnectivityMethod.BERRY, new boolean[] {false, false}).size());
        List<BandSet> merged = c.classify(s, 2, ConnectivityMethod.BERRY, new boolean[] {true, false});
        assertEquals(1, merged.size());
        assertEquals(List.of("1a_s", "1a_s"), merged.get(0).ebrs());
    }
}
