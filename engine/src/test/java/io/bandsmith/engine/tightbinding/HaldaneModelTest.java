package io.bandsmith.engine.tightbinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.topology.BerryFluxGrid;
import io.bandsmith.engine.topology.BlochHamiltonian;

/**
 * Haldane's model (PRL 61, 2015 (1988)) through the general builder, without time reversal: s orbitals on the two
 * honeycomb sites (Wyckoff 2b of p6), real nearest-neighbour hopping t1, next-nearest-neighbour hopping t2 e^{±iφ}
 * (+φ on sublattice A, -φ on B along the same lattice vector: zero net flux per cell) and a sublattice mass ±M, which
 * leaves C3 (about the hexagon centre). Closed forms: the gaps at K and K' are 2|M - 3√3 t2 sin φ| and
 * 2|M + 3√3 t2 sin φ|; the lower band has C = ±1 with the sign of sin φ when |M| < 3√3 |t2 sin φ| and C = 0 beyond.
 */
class HaldaneModelTest {
    private static final double T1 = 1.0;
    private static final double T2 = 0.2;
    private static final TightBindingModel MODEL = build();

    private static TightBindingModel build() {
        TightBindingModelBuilder b = new TightBindingModelBuilder("Haldane",
                new SymmetrySetting(HexagonalLattice.INSTANCE, 3, false));
        b.addOrbital(new OrbitalSpec("A", "A", 1.0 / 3, 1.0 / 3, 0));
        b.addOrbital(new OrbitalSpec("B", "B", 2.0 / 3, 2.0 / 3, 0));
        b.addOnSiteEnergies();
        b.addHoppingShell("nn", 1 / Math.sqrt(3));
        b.addHoppingShell("nnn", 1.0);
        return b.build();
    }

    /** The parameter vector of Haldane's (t1, t2, φ, M), set through the parameters' names. */
    static double[] parameters(double phi, double mass) {
        List<String> names = MODEL.parameterNames();
        double[] f = new double[names.size()];
        int set = 0;
        java.util.Set<String> nnnBonds = new java.util.HashSet<>();
        for (int l = 0; l < f.length; l++) {
            String n = names.get(l);
            if (n.equals("onsite A")) {
                f[l] = mass;
            } else if (n.equals("onsite B")) {
                f[l] = -mass;
            } else if (n.startsWith("nn[A,B,")) {
                f[l] = n.endsWith(".re") ? T1 : 0;
            } else if (n.startsWith("nnn[A,A,") || n.startsWith("nnn[B,B,")) {
                boolean a = n.startsWith("nnn[A,A,");
                f[l] = n.endsWith(".re") ? T2 * Math.cos(phi) : (a ? 1 : -1) * T2 * Math.sin(phi);
                nnnBonds.add(n.substring("nnn[A,A,".length()));
            } else {
                continue;
            }
            set++;
        }
        assertEquals(f.length, set, "every parameter is one of Haldane's: " + names);
        // both sublattices are seeded along the same lattice vector, so their phases are opposite
        assertEquals(2, nnnBonds.size(), "nnn seeds " + nnnBonds);
        return f;
    }

    @Test
    void theBuilderFindsExactlyHaldanesParameters() {
        // without T and with C3 only: two on-site energies, one complex A-B hopping (its phase is a gauge choice
        // here, but the builder cannot know it), one complex hopping per sublattice to next-nearest neighbours
        assertEquals(List.of("onsite", "onsite", "nn", "nn", "nnn", "nnn", "nnn", "nnn"),
                MODEL.parameters().stream().map(TightBindingParameter::kind).toList());
        assertEquals(2, MODEL.dimension());
    }

    @Test
    void gapsAtTheDiracPointsFollowTheClosedForm() {
        double phi = 0.7;
        double mass = 0.3;
        double[] f = parameters(phi, mass);
        double[] gaps = {gapAt(f, HexagonalLattice.K.k()), gapAt(f, HexagonalLattice.K_PRIME)};
        java.util.Arrays.sort(gaps);
        double[] expected = {2 * Math.abs(mass - 3 * Math.sqrt(3) * T2 * Math.sin(phi)),
                2 * Math.abs(mass + 3 * Math.sqrt(3) * T2 * Math.sin(phi))};
        java.util.Arrays.sort(expected);
        assertEquals(expected[0], gaps[0], 1e-12);
        assertEquals(expected[1], gaps[1], 1e-12);
        // the bands are centred at 2 t2 cos φ Σ cos(k·b_i) = -3 t2 cos φ at K
        double[] e = MODEL.diagonalize(f, HexagonalLattice.K.k(), 2, false).values();
        assertEquals(-3 * T2 * Math.cos(phi), 0.5 * (e[0] + e[1]), 1e-12);
    }

    private static double gapAt(double[] f, KVector k) {
        double[] e = MODEL.diagonalize(f, k, 2, false).values();
        return e[1] - e[0];
    }

    static int chern(double phi, double mass) {
        BerryFluxGrid g = BerryFluxGrid.compute(BlochHamiltonian.of(MODEL, parameters(phi, mass)), HexagonalLattice.B1,
                HexagonalLattice.B2, 24, 2);
        assertTrue(g.minimumGapAbove(0) > 0.05, "the bands stay apart");
        double total = g.totalFlux(0, 0);
        assertEquals(Math.rint(total / (2 * Math.PI)), total / (2 * Math.PI), 1e-9, "the flux is quantized");
        return g.chernNumber(0, 0);
    }

    @Test
    void chernNumberFollowsTheSignOfTheFluxAndVanishesBeyondTheTransition() {
        double critical = 3 * Math.sqrt(3) * T2 * Math.sin(Math.PI / 2); // |M| at the transition for φ = π/2
        int plus = chern(Math.PI / 2, 0);
        assertEquals(1, Math.abs(plus), "topological at M = 0");
        assertEquals(-plus, chern(-Math.PI / 2, 0), "reversing the flux reverses the Chern number");
        // the sign is that of sin φ, whatever cos φ (the cos φ part only shifts the bands)
        assertEquals(plus, chern(Math.PI / 4, 0.2));
        assertEquals(plus, chern(3 * Math.PI / 4, -0.2));
        assertEquals(-plus, chern(-Math.PI / 4, -0.2));
        // inside the transition the mass does not matter, beyond it the insulator is trivial, either sign of M
        assertEquals(plus, chern(Math.PI / 2, 0.8 * critical));
        assertEquals(plus, chern(Math.PI / 2, -0.8 * critical));
        assertEquals(0, chern(Math.PI / 2, 1.25 * critical));
        assertEquals(0, chern(Math.PI / 2, -1.25 * critical));
        assertEquals(0, chern(-Math.PI / 2, 1.25 * critical));
        // φ = 0 keeps time reversal: trivial for any mass
        assertEquals(0, chern(0, 0.3));
    }

    @Test
    void theFluxGridSamplesTheZoneWhereItSaysAndSumsTheGroupsFlux() {
        double[] f = parameters(Math.PI / 2, 0.2);
        BlochHamiltonian h = BlochHamiltonian.of(MODEL, f);
        int n = 12;
        BerryFluxGrid g = BerryFluxGrid.compute(h, HexagonalLattice.B1, HexagonalLattice.B2, n, 2, 0.25, 0.5);
        assertEquals(n, g.size());
        assertEquals(2, g.bandCount());
        // point (i, j) = ((i + o1) b1 + (j + o2) b2) / n, indices mod n
        KVector p = g.point(3, 5);
        double u = 3.25 / n;
        double v = 5.5 / n;
        assertEquals(u * HexagonalLattice.B1.kx() + v * HexagonalLattice.B2.kx(), p.kx(), 1e-12);
        assertEquals(u * HexagonalLattice.B1.ky() + v * HexagonalLattice.B2.ky(), p.ky(), 1e-12);
        assertEquals(p.kx(), g.point(3 + n, 5 - n).kx(), 1e-12);
        assertEquals(p.ky(), g.point(3 - n, 5 + 2 * n).ky(), 1e-12);
        double[] e = MODEL.diagonalize(f, p, 2, false).values();
        assertEquals(e[0], g.energy(3, 5, 0), 1e-12);
        assertEquals(e[1], g.energy(3 + n, 5, 1), 1e-12);
        double minGap = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                minGap = Math.min(minGap, g.energy(i, j, 1) - g.energy(i, j, 0));
            }
        }
        assertEquals(minGap, g.minimumGapAbove(0), 0.0);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> g.minimumGapAbove(1));
        // the total flux of the lower band is 2π C, of both bands 0 (a complete set is trivial)
        double[][] flux = g.flux(0, 0);
        double sum = 0;
        for (double[] row : flux) {
            for (double x : row) {
                sum += x;
                assertTrue(Math.abs(x) < BerryFluxGrid.DEFECT_THRESHOLD, "a gapped band has no π plaquette");
            }
        }
        assertEquals(sum, g.totalFlux(0, 0), 1e-12);
        assertEquals(2 * Math.PI * g.chernNumber(0, 0), sum, 1e-9);
        assertEquals(0, g.totalFlux(0, 1), 1e-9);
        assertEquals(0, g.chernNumber(0, 1));
        assertEquals(-g.chernNumber(0, 0), g.chernNumber(1, 1), "the bands' Chern numbers add to zero");
        assertTrue(g.piDefects(0, 0).isEmpty());
        assertTrue(g.piDefectsOfLowestGroups(1).get(0).isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> BerryFluxGrid.compute(h, HexagonalLattice.B1, HexagonalLattice.B2, 1, 2));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> BerryFluxGrid.compute(h, HexagonalLattice.B1, HexagonalLattice.B2, 4, 3));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> BerryFluxGrid.compute(h, HexagonalLattice.B1, HexagonalLattice.B2, 4, 0));
    }

    @Test
    void atTheTransitionTheConeShowsAsOnePiDefect() {
        // |M| = 3√3 t2 sin φ closes the gap at one Dirac point only: one π plaquette
        double critical = 3 * Math.sqrt(3) * T2;
        BlochHamiltonian h = BlochHamiltonian.of(MODEL, parameters(Math.PI / 2, critical));
        BerryFluxGrid g = BerryFluxGrid.compute(h, HexagonalLattice.B1, HexagonalLattice.B2, 30, 2);
        assertEquals(1, g.piDefects(0, 0).size(), "one cone");
        assertEquals(1, g.piDefectsOfLowestGroups(1).get(0).size());
        assertTrue(g.minimumGapAbove(0) < 1, "the gap nearly closes on the grid (4.2 at the other Dirac point)");
        // the lattice (Fukui-Hatsugai-Suzuki) sum of principal-value plaquette fluxes is an integer times 2π on the
        // torus even here: the cone's ±π lands on one side
        double total = g.totalFlux(0, 0) / (2 * Math.PI);
        assertEquals(Math.rint(total), total, 1e-9);
    }
}
