package io.bandsmith.engine.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.solver.FourierPotential;
import io.bandsmith.engine.solver.PlaneWaveSolver;

/**
 * The mirror through Γ and M as free training data: the exact solver on a random potential and on its mirror image
 * gives the same bands under the k permutation of the wedge grid (E'(k) = E(σk)) and the same labelled levels at Γ,
 * K, M, while the potential itself is not mirror symmetric (so the image is new data, not a copy).
 */
class HexagonalMirrorTest {
    private static final PlaneWaveSolver SOLVER = PlaneWaveSolver.withDefaults();

    @Test
    void theMirrorSwapsKAndKPrimeAndFixesGammaAndM() {
        assertEquals(0, HexagonalMirror.apply(HexagonalLattice.K.k()).distanceTo(HexagonalLattice.K_PRIME), 1e-12);
        assertEquals(0, HexagonalMirror.apply(HexagonalLattice.M.k()).distanceTo(HexagonalLattice.M.k()), 1e-12);
        KVector k = new KVector(0.7, -1.3);
        assertEquals(0, HexagonalMirror.apply(HexagonalMirror.apply(k)).distanceTo(k), 1e-12, "an involution");
        assertEquals(k.norm(), HexagonalMirror.apply(k).norm(), 1e-12, "orthogonal");
    }

    @ParameterizedTest
    @CsvSource({"11", "39", "4"})
    void theWedgeGridMapsOntoItselfBySwappingTheCoordinatesOfKAndKPrime(int n) {
        KPointSet wedge = KPointSet.hexagonalWedge(n);
        int[] p = HexagonalMirror.permutation(wedge);
        // index of (i, j) in the conventions' order: i outer, j inner, i + j <= n
        int q = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; i + j <= n; j++) {
                int expected = 0;
                for (int ii = 0; ii < j; ii++) {
                    expected += n + 1 - ii;
                }
                expected += i;
                assertEquals(expected, p[q], "(" + i + ", " + j + ") -> (" + j + ", " + i + ")");
                q++;
            }
        }
        if (n % 2 == 1) {
            assertEquals(q, p[q], "M is fixed");
        }
    }

    @Test
    void oneDiagonalizationInAMirrorSymmetricBallAgreesToRoundOff() {
        // the plane-wave ball |k + G| <= cutoff is mapped onto the ball at σk, so a single diagonalization (no
        // reduced basis) gives E'(k) = E(σk) to round-off
        PotentialGrid v = RandomPotentialGenerator.withAlpha(1.0).stepPotential(100, 5, 256);
        PotentialGrid mirrored = HexagonalMirror.apply(v);
        FourierPotential f = new FourierPotential(v, 24);
        FourierPotential fm = new FourierPotential(mirrored, 24);
        KPointSet wedge = KPointSet.hexagonalWedge(11);
        for (int q : new int[] {7, 30, 51}) {
            KVector k = wedge.get(q);
            double[] e = PlaneWaveSolver.solveBall(f, HexagonalMirror.apply(k), 30, 0, 7).eigenpairs().values();
            double[] em = PlaneWaveSolver.solveBall(fm, k, 30, 0, 7).eigenpairs().values();
            for (int n = 0; n < 7; n++) {
                assertEquals(e[n], em[n], 1e-9 * 256, "k point " + q + ", band " + n);
            }
        }
    }

    @Test
    void aKSetThatIsNotClosedIsRefused() {
        KPointSet path = KPointSet.path(List.of(HexagonalLattice.GAMMA, HexagonalLattice.K), 5);
        assertThrows(IllegalArgumentException.class, () -> HexagonalMirror.permutation(path));
    }

    @ParameterizedTest
    @CsvSource({"1.0, 3", "0.5, 8"})
    void theExactSolverGivesTheMirrorImagesBandsByThePermutation(double alpha, long seed) {
        PotentialGrid v = RandomPotentialGenerator.withAlpha(alpha).stepPotential(100, seed, 256);
        PotentialGrid mirrored = HexagonalMirror.apply(v);
        assertTrue(C6GridSymmetry.isSymmetric(mirrored), "the image is C6-symmetric");
        assertTrue(!mirrored.equals(v), "a random p6 potential is not mirror symmetric");
        KPointSet wedge = KPointSet.hexagonalWedgeWithCount(79);
        int[] p = HexagonalMirror.permutation(wedge);
        BandStructure b = SOLVER.compute(v, wedge, 7);
        BandStructure bm = SOLVER.compute(mirrored, wedge, 7);
        double worst = 0;
        double squares = 0;
        double unpermuted = 0;
        for (int q = 0; q < wedge.size(); q++) {
            for (int n = 0; n < 7; n++) {
                double d = bm.energy(q, n) - b.energy(p[q], n);
                worst = Math.max(worst, Math.abs(d));
                squares += d * d;
                unpermuted = Math.max(unpermuted, Math.abs(bm.energy(q, n) - b.energy(q, n)));
            }
        }
        double rms = Math.sqrt(squares / (7 * wedge.size()));
        // the solver's reduced wedge basis is built on anchor points that are not mirror symmetric, so the two agree
        // to its accuracy (docs/solver.md: ~3e-5 Vmax rms, below 3e-4 Vmax max), while the bands without the
        // permutation differ by far more
        assertTrue(rms < 3e-5 * 256 && worst < 3e-4 * 256, "E'(k) = E(σk): rms " + rms + ", max " + worst + " E0");
        assertTrue(unpermuted > 100 * worst, "without the permutation the bands differ (" + unpermuted
                + " E0): the wedge is not mirror symmetric for this potential");
        for (String point : List.of("G", "K", "M")) {
            HighSymmetryLevels a = b.highSymmetry(point);
            HighSymmetryLevels m = bm.highSymmetry(point);
            for (int n = 0; n < 7; n++) {
                assertEquals(a.energy(n), m.energy(n), 1e-6 * 256, point + " level " + n);
                assertEquals(a.label(n), m.label(n), point + " label " + n);
            }
        }
    }
}
