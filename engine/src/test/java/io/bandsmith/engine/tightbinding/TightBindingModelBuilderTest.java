package io.bandsmith.engine.tightbinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.HighSymmetryPoint;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.lattice.Lattice2D;

class TightBindingModelBuilderTest {
    @Test
    void genericShellEnumerationFindsThePaperCountForP6() {
        // the same 21 orbitals, but parameters found by enumerating all nearest-neighbour matrix elements:
        // (N_H² + N_H)/2 = 231 independent real hoppings must survive the projection (appendix C)
        TightBindingModelBuilder b = new TightBindingModelBuilder("p6 generic",
                new SymmetrySetting(HexagonalLattice.INSTANCE, 6, true));
        P6TimeReversalModel.angularMomentumOrbitals().forEach(b::addOrbital);
        b.addOnSiteEnergies();
        assertEquals(14, b.parameterCount());
        b.addHoppingShell("nn", 1.0);
        assertEquals(245, b.parameterCount());
        TightBindingModel generic = b.build(); // checked for Hermiticity, C6 and time reversal on the way
        assertEquals(21, generic.dimension());
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void withoutTimeReversalTheP6ModelHasTwiceAsManyHoppings() {
        // without T the hoppings in the TR basis may be complex: the imaginary parts add the antisymmetric
        // combinations, N_H² in total; on-site energies of +m and -m split (4 s + 2x4 p + 2x3 d + 3 f = 21)
        TightBindingModelBuilder b = new TightBindingModelBuilder("p6 no T",
                new SymmetrySetting(HexagonalLattice.INSTANCE, 6, false));
        P6TimeReversalModel.angularMomentumOrbitals().forEach(b::addOrbital);
        b.addOnSiteEnergies();
        assertEquals(21, b.parameterCount());
        b.addHoppingShell("nn", 1.0);
        assertEquals(21 + 21 * 21, b.parameterCount());
    }

    /** A square lattice for the p4 case study (test-only). */
    static final Lattice2D SQUARE = new Lattice2D() {
        @Override
        public double[] realBasis(int index) {
            return index == 0 ? new double[] {1, 0} : new double[] {0, 1};
        }

        @Override
        public KVector reciprocalBasis(int index) {
            return index == 0 ? new KVector(2 * Math.PI, 0) : new KVector(0, 2 * Math.PI);
        }

        @Override
        public List<HighSymmetryPoint> highSymmetryPoints() {
            return List.of(new HighSymmetryPoint("G", "Γ", KVector.ZERO, 4),
                    new HighSymmetryPoint("M", "M", new KVector(Math.PI, Math.PI), 4),
                    new HighSymmetryPoint("X", "X", new KVector(Math.PI, 0), 2));
        }

        @Override
        public List<HighSymmetryPoint> defaultPath() {
            return highSymmetryPoints();
        }

        @Override
        public double cellArea() {
            return 1;
        }
    };

    @Test
    void theSameBuilderMakesAP4Model() {
        TightBindingModelBuilder b = new TightBindingModelBuilder("p4 s,p,d", new SymmetrySetting(SQUARE, 4, true));
        b.addOrbital(OrbitalSpec.atOrigin("s", "s", 0));
        b.addOrbital(OrbitalSpec.atOrigin("p+", "p", 1));
        b.addOrbital(OrbitalSpec.atOrigin("p-", "p", -1));
        b.addOrbital(OrbitalSpec.atOrigin("d", "d", 2));
        b.addOnSiteEnergies();
        assertEquals(3, b.parameterCount());
        // nearest neighbours along a1: a real 4x4 matrix with J_l'l = ±J_ll' (C2 parity): (4² + 4)/2 = 10
        b.addHoppingShell("nn", 1.0);
        assertEquals(13, b.parameterCount());
        TightBindingModel m = b.build();
        Random r = new Random(2);
        double[] f = new double[m.parameterCount()];
        for (int l = 0; l < f.length; l++) {
            f[l] = r.nextGaussian();
        }
        assertTrue(m.symmetryViolation(f, new KVector(0.3, 1.1)) < 1e-12);
        // at Γ the p pair is degenerate (C4 eigenvalues e^{∓iπ/2} paired by time reversal)
        var g = m.highSymmetryLevels(f, SQUARE.highSymmetryPoints().get(0), 4);
        int pCount = 0;
        for (int n = 0; n < 4; n++) {
            pCount += g.label(n).absM() == 1 ? 1 : 0;
        }
        assertEquals(2, pCount);
    }

    @Test
    void symmetryForbiddenOrDependentSeedsAreRejected() {
        TightBindingModelBuilder b = new TightBindingModelBuilder("t",
                new SymmetrySetting(HexagonalLattice.INSTANCE, 6, true));
        b.addOrbital(OrbitalSpec.atOrigin("s", "s", 0));
        b.addOrbital(OrbitalSpec.atOrigin("f", "f", 3));
        // an on-site s-f mixing is forbidden by C6 (different irreps on the same site)
        assertThrows(IllegalArgumentException.class, () -> b.addParameter("sf", "onsite",
                List.of(new HoppingTerm(0, 1, 0, 0, 1, 0)), 1));
        b.addParameter("ss", "hopping", List.of(new HoppingTerm(0, 0, 1, 0, 1, 0)), 1);
        // the same bond seen from the other side is not a new parameter
        assertThrows(IllegalArgumentException.class, () -> b.addParameter("ss again", "hopping",
                List.of(new HoppingTerm(0, 0, -1, 0, 1, 0)), 1));
    }
}
