package io.bandsmith.engine.tightbinding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.symmetry.ElementaryBandRepresentation;
import io.bandsmith.engine.symmetry.SymmetryFingerprint;

/**
 * The EBR table from a second route: tight-binding models with orbitals on the 2b and 3c Wyckoff positions, built by
 * the generic builder; all their bands together carry the induced representation, read off from the labels of the
 * eigenstates at Γ, K, M.
 */
class InductionCrossCheckTest {
    private static SymmetryFingerprint allBands(double[][] positions, int m, int siteOrder) {
        SymmetrySetting sym = new SymmetrySetting(HexagonalLattice.INSTANCE, 6, true);
        TightBindingModelBuilder b = new TightBindingModelBuilder("test", sym);
        int i = 0;
        for (double[] q : positions) {
            b.addOrbital(new OrbitalSpec("o" + i + "+", "o", q[0], q[1], m));
            if (Math.floorMod(2 * m, siteOrder) != 0) {
                b.addOrbital(new OrbitalSpec("o" + i + "-", "o", q[0], q[1], -m));
            }
            i++;
        }
        b.addOnSiteEnergies();
        b.addHoppingShell("nn", 1 / Math.sqrt(3));
        b.addHoppingShell("nn2", 0.5);
        b.addHoppingShell("a", 1);
        TightBindingModel model = b.build();
        Random r = new Random(1);
        double[] f = new double[model.parameterCount()];
        for (int l = 0; l < f.length; l++) {
            f[l] = r.nextGaussian();
        }
        int n = model.dimension();
        HighSymmetryLevels g = model.highSymmetryLevels(f, HexagonalLattice.GAMMA, n);
        HighSymmetryLevels k = model.highSymmetryLevels(f, HexagonalLattice.K, n);
        HighSymmetryLevels mm = model.highSymmetryLevels(f, HexagonalLattice.M, n);
        return SymmetryFingerprint.ofLevels(g, k, mm, 0, n - 1);
    }

    @Test
    void honeycombOrbitalsInduce2bRepresentations() {
        double[][] b = {{1.0 / 3, 1.0 / 3}, {2.0 / 3, 2.0 / 3}};
        assertEquals(ElementaryBandRepresentation.named("2b_A").fingerprint(), allBands(b, 0, 3));
        assertEquals(ElementaryBandRepresentation.named("2b_E").fingerprint(), allBands(b, 1, 3));
    }

    @Test
    void kagomeOrbitalsInduce3cRepresentations() {
        double[][] c = {{0.5, 0}, {0, 0.5}, {0.5, 0.5}};
        assertEquals(ElementaryBandRepresentation.named("3c_A").fingerprint(), allBands(c, 0, 2));
        // odd orbitals at a C2 site, written with m = 3 so that C6 maps them with the real phase -1
        assertEquals(ElementaryBandRepresentation.named("3c_B").fingerprint(), allBands(c, 3, 2));
    }
}
