package io.bandsmith.engine.tightbinding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.lattice.HexagonalLattice;

class SixSiteTargetModelTest {
    private static final TightBindingModel MODEL = SixSiteTargetModel.model();

    @Test
    void hasFiveParametersAndSixSites() {
        assertEquals(6, MODEL.dimension());
        assertEquals(List.of("onsite ring", "J", "J0", "L", "L0"), MODEL.parameterNames());
    }

    private static List<Double> energiesWithLabel(HighSymmetryLevels l, String symbol) {
        List<Double> out = new ArrayList<>();
        for (int n = 0; n < l.count(); n++) {
            if (l.label(n).symbol().equals(symbol)) {
                out.add(l.energy(n));
            }
        }
        return out;
    }

    @Test
    void closedFormsAtGammaKMHoldForRandomParameters() {
        Random r = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            double[] p = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), 0.5 * r.nextGaussian(),
                    0.5 * r.nextGaussian()};
            HighSymmetryLevels g = MODEL.highSymmetryLevels(p, HexagonalLattice.GAMMA, 6);
            double[] eg = SixSiteTargetModel.gammaEnergies(p);
            String[] names = {"s", "p", "d", "f"};
            for (int m = 0; m < 4; m++) {
                List<Double> e = energiesWithLabel(g, names[m]);
                assertEquals(m == 1 || m == 2 ? 2 : 1, e.size());
                assertEquals(eg[m], e.get(0), 1e-12, names[m] + " at Γ");
            }
            HighSymmetryLevels k = MODEL.highSymmetryLevels(p, HexagonalLattice.K, 6);
            double[][] ek = SixSiteTargetModel.kEnergies(p);
            List<Double> singlets = energiesWithLabel(k, "0");
            List<Double> pairs = energiesWithLabel(k, "1");
            assertEquals(ek[0][0], singlets.get(0), 1e-12, "E_{0,0}");
            assertEquals(ek[0][1], singlets.get(1), 1e-12, "E_{1,0}");
            assertEquals(ek[1][0], pairs.get(0), 1e-12, "E_{0,1}");
            assertEquals(ek[1][1], pairs.get(2), 1e-12, "E_{1,1}");
            HighSymmetryLevels m = MODEL.highSymmetryLevels(p, HexagonalLattice.M, 6);
            double[][] em = SixSiteTargetModel.mEnergies(p);
            double[] odd = em[0].clone();
            double[] even = em[1].clone();
            Arrays.sort(odd);
            Arrays.sort(even);
            List<Double> minus = energiesWithLabel(m, "-");
            List<Double> plus = energiesWithLabel(m, "+");
            for (int i = 0; i < 3; i++) {
                assertEquals(odd[i], minus.get(i), 1e-12, "odd states at M");
                assertEquals(even[i], plus.get(i), 1e-12, "even states at M");
            }
        }
    }

    @Test
    void gammaEnergiesInMeanAndImbalanceForm() {
        double w = 0.3;
        double jBar = 1.1;
        double dJ = 0.4;
        double lBar = 0.07;
        double dL = -0.05;
        double[] e = SixSiteTargetModel.gammaEnergies(SixSiteTargetModel.fromMeanAndImbalance(w, jBar, dJ, lBar, dL));
        assertEquals(w - 3 * jBar + dJ / 2 - 6 * lBar - dL, e[0], 1e-12, "E_s (sign of the J terms derived here)");
        assertEquals(w + dJ + 3 * lBar + dL / 2, e[1], 1e-12, "E_p");
        assertEquals(w - dJ + 3 * lBar + dL / 2, e[2], 1e-12, "E_d");
        assertEquals(w + 3 * jBar - dJ / 2 - 6 * lBar - dL, e[3], 1e-12, "E_f");
    }

    @Test
    void foldedGrapheneHasTripleDegeneraciesAtK() {
        // δJ = δL = 0: E_{0,0} = E_{0,1} and E_{1,0} = E_{1,1} (three-fold levels at K)
        double[] p = SixSiteTargetModel.fromMeanAndImbalance(0, 1, 0, 0.1, 0);
        double[] e = MODEL.highSymmetryLevels(p, HexagonalLattice.K, 6).energies();
        assertEquals(e[0], e[2], 1e-12);
        assertEquals(e[3], e[5], 1e-12);
    }
}
