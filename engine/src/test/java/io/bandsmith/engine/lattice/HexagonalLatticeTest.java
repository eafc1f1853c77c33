package io.bandsmith.engine.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class HexagonalLatticeTest {
    private static final HexagonalLattice LAT = HexagonalLattice.INSTANCE;

    @Test
    void realAndReciprocalBasesAreDual() {
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double[] a = LAT.realBasis(i);
                KVector b = LAT.reciprocalBasis(j);
                assertEquals(i == j ? 2 * Math.PI : 0, a[0] * b.kx() + a[1] * b.ky(), 1e-12);
            }
        }
    }

    @Test
    void highSymmetryPointsFollowConventions() {
        KVector b1 = HexagonalLattice.B1;
        KVector b2 = HexagonalLattice.B2;
        assertEquals(0, HexagonalLattice.K.k().distanceTo(b1.times(2).plus(b2).times(1.0 / 3)), 1e-12);
        assertEquals(0, HexagonalLattice.K_PRIME.distanceTo(b1.plus(b2.times(2)).times(1.0 / 3)), 1e-12);
        assertEquals(0, HexagonalLattice.M.k().distanceTo(b1.plus(b2).times(0.5)), 1e-12);
        // C6 maps K to K' and K' to K + reciprocal vector equivalent of -K... K' = C6 K
        assertEquals(0, HexagonalLattice.rotateK(HexagonalLattice.K.k()).distanceTo(HexagonalLattice.K_PRIME), 1e-12);
    }

    @Test
    void reciprocalRotationMatchesCartesianRotation() {
        for (int n1 = -4; n1 <= 4; n1++) {
            for (int n2 = -4; n2 <= 4; n2++) {
                int[] r = HexagonalLattice.rotateReciprocal(n1, n2);
                KVector rotated = HexagonalLattice.rotateK(LAT.reciprocalVector(n1, n2));
                assertEquals(0, rotated.distanceTo(LAT.reciprocalVector(r[0], r[1])), 1e-10);
            }
        }
    }

    @Test
    void fractionalRotationIsSixtyDegrees() {
        // (u, v) -> (-v, u + v) rotates x = u a1 + v a2 by +60°
        int[] r = HexagonalLattice.rotateFractional(1, 0);
        double[] a1 = LAT.realBasis(0);
        double[] a2 = LAT.realBasis(1);
        double x = r[0] * a1[0] + r[1] * a2[0];
        double y = r[0] * a1[1] + r[1] * a2[1];
        assertEquals(Math.cos(Math.PI / 3), x, 1e-12);
        assertEquals(Math.sin(Math.PI / 3), y, 1e-12);
    }

    @Test
    void wedgeGridsHaveTheContractSizesAndOrder() {
        KPointSet w79 = KPointSet.hexagonalWedgeWithCount(79);
        assertEquals(79, w79.size());
        assertEquals(0, w79.get(0).norm(), 0);
        // i outer, j inner: the second point is K'/11, the point after the first row (12 points) is K/11
        assertEquals(0, w79.get(1).distanceTo(HexagonalLattice.K_PRIME.times(1.0 / 11)), 1e-12);
        assertEquals(0, w79.get(12).distanceTo(HexagonalLattice.K.k().times(1.0 / 11)), 1e-12);
        assertEquals(0, w79.get(77).distanceTo(HexagonalLattice.K.k()), 1e-12);
        assertEquals(0, w79.get(78).distanceTo(HexagonalLattice.M.k()), 1e-12);
        assertEquals(821, KPointSet.hexagonalWedgeWithCount(821).size());
        assertEquals(66, KPointSet.hexagonalWedge(10).size(), "even n: no M appended");
    }

    @Test
    void pathThroughCornersHasTicks() {
        KPointSet p = KPointSet.path(LAT.defaultPath(), 10);
        assertEquals(31, p.size());
        assertEquals(List.of(0, 10, 20, 30), p.pathTicks().stream().map(KPointSet.PathTick::index).toList());
        assertEquals(0, p.get(20).distanceTo(HexagonalLattice.M.k()), 1e-12);
    }

    @Test
    void foldingMapsEveryPointIntoTheWedgeAndRespectsSymmetry() {
        Random random = new Random(3);
        for (int t = 0; t < 2000; t++) {
            KVector k = new KVector(20 * random.nextDouble() - 10, 20 * random.nextDouble() - 10);
            KVector w = HexagonalLattice.foldToWedge(k);
            double angle = Math.atan2(w.ky(), w.kx());
            assertTrue(w.norm() < 1e-12 || (angle >= -1e-9 && angle <= Math.PI / 3 + 1e-9), "angle " + angle);
            // inside the zone: not closer to any other reciprocal lattice point than to Γ
            for (int n1 = -1; n1 <= 1; n1++) {
                for (int n2 = -1; n2 <= 1; n2++) {
                    assertTrue(w.norm() <= w.minus(LAT.reciprocalVector(n1, n2)).norm() + 1e-9);
                }
            }
            // equivalent points fold to the same wedge point
            KVector image = HexagonalLattice.rotateK(k).plus(LAT.reciprocalVector(2, -1));
            assertEquals(0, HexagonalLattice.foldToWedge(image).distanceTo(w), 1e-9);
            assertEquals(0, HexagonalLattice.foldToWedge(k.times(-1)).distanceTo(w), 1e-9);
        }
    }
}
