package io.bandsmith.engine.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class GeometryTest {
    @Test
    void orbitsPartitionTheGridIntoC6Orbits() {
        for (int size : new int[] {100, 48, 7}) {
            int covered = 0;
            boolean[] seen = new boolean[size * size];
            for (int[] orbit : C6GridSymmetry.orbits(size)) {
                assertTrue(orbit.length == 1 || orbit.length == 2 || orbit.length == 3 || orbit.length == 6);
                for (int flat : orbit) {
                    assertFalse(seen[flat]);
                    seen[flat] = true;
                    covered++;
                }
            }
            assertEquals(size * size, covered);
        }
    }

    @Test
    void randomPotentialsAreExactlyC6SymmetricForBothDistributions() {
        for (double alpha : new double[] {1.0, 0.5}) {
            RandomPotentialGenerator gen = RandomPotentialGenerator.withAlpha(alpha);
            for (long seed = 0; seed < 5; seed++) {
                PotentialGrid step = gen.stepPotential(100, seed, 256);
                assertTrue(C6GridSymmetry.isSymmetric(step));
                assertTrue(step.isTwoValued());
                assertTrue(C6GridSymmetry.isSymmetric(gen.sigmoidPotential(100, seed, 3.0, 256)));
            }
        }
    }

    @Test
    void generatorUsesTwentyOneStarsOf126Vectors() {
        var stars = RandomPotentialGenerator.withAlpha(1).stars();
        assertEquals(21, stars.size());
        assertEquals(126, stars.stream().mapToInt(s -> s.members().length).sum());
        for (var s : stars) {
            assertEquals(6, s.members().length, "every star in p6 with this cutoff has 6 members");
        }
    }

    @Test
    void generatorIsDeterministicPerSeedAndVarianceFollowsThePowerLaw() {
        RandomPotentialGenerator gen = RandomPotentialGenerator.withAlpha(1);
        assertEquals(gen.stepPotential(100, 42, 256), gen.stepPotential(100, 42, 256));
        assertNotEquals(gen.stepPotential(100, 42, 256), gen.stepPotential(100, 43, 256));
        // <A²> = C/|G|^alpha per star: check the ratio between the first and last star over many draws
        var stars = gen.stars();
        int draws = 4000;
        double first = 0;
        double last = 0;
        for (int s = 0; s < draws; s++) {
            double[] a = gen.drawAmplitudes(s);
            first += a[0] * a[0];
            last += a[a.length - 1] * a[a.length - 1];
        }
        double expectedRatio = stars.get(stars.size() - 1).length() / stars.get(0).length();
        assertEquals(expectedRatio, first / last, 0.15 * expectedRatio);
        assertEquals(2.0 / stars.get(0).length(), first / draws, 0.1 * 2.0 / stars.get(0).length());
    }

    @Test
    void consecutiveSeedsGiveUnbiasedAmplitudes() {
        // the first (dominant) star amplitude over seeds 0..1999 must have mean 0 and variance C/|G|^alpha
        RandomPotentialGenerator gen = RandomPotentialGenerator.withAlpha(1);
        double expectedVariance = 2.0 / gen.stars().get(0).length();
        int n = 2000;
        double m = 0;
        double m2 = 0;
        for (int s = 0; s < n; s++) {
            double a = gen.drawAmplitudes(s)[0];
            m += a / n;
            m2 += a * a / n;
        }
        assertEquals(0, m / Math.sqrt(expectedVariance), 0.1, "mean of the first amplitude (in standard deviations)");
        assertEquals(1, (m2 - m * m) / expectedVariance, 0.12, "variance of the first amplitude (relative)");
    }

    @Test
    void symmetrizationIsExactAndIdempotent() {
        Random random = new Random(1);
        double[] v = new double[64 * 64];
        for (int i = 0; i < v.length; i++) {
            v[i] = 256 * random.nextDouble();
        }
        PotentialGrid raw = PotentialGrid.of(64, v, 256);
        assertFalse(C6GridSymmetry.isSymmetric(raw));
        PotentialGrid sym = C6GridSymmetry.symmetrize(raw);
        assertTrue(C6GridSymmetry.isSymmetric(sym));
        assertEquals(sym, C6GridSymmetry.symmetrize(sym));
        assertEquals(raw.mean(), sym.mean(), 1e-9, "averaging over orbits keeps the cell average");
        boolean[] mask = new boolean[64 * 64];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextBoolean();
        }
        boolean[] m1 = C6GridSymmetry.symmetrizeMask(mask, 64);
        assertArrayEquals(m1, C6GridSymmetry.symmetrizeMask(m1, 64));
        assertTrue(C6GridSymmetry.isSymmetric(PotentialGrid.fromMask(64, m1, 256)));
    }

    @Test
    void brokenSymmetryBeyondToleranceIsRejectedWithItsSize() {
        PotentialGrid g = RandomPotentialGenerator.withAlpha(1).stepPotential(100, 1, 256);
        double[] v = g.valuesE0();
        v[3 * 100 + 7] = v[3 * 100 + 7] == 0 ? 256 : 0;
        PotentialGrid broken = PotentialGrid.of(100, v, 256);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> C6GridSymmetry.requireSymmetric(broken, 1e-6));
        assertTrue(e.getMessage().contains("not C6-symmetric"), e.getMessage());
        // tiny rounding noise is symmetrized silently
        double[] w = g.valuesE0();
        w[5] += 1e-9;
        assertTrue(C6GridSymmetry.isSymmetric(C6GridSymmetry.requireSymmetric(PotentialGrid.of(100, w, 256), 1e-6)));
    }

    @Test
    void gridsRejectNanAndWrongShape() {
        double[] v = new double[9];
        v[4] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> PotentialGrid.of(3, v, 256));
        assertThrows(IllegalArgumentException.class, () -> PotentialGrid.of(4, new double[9], 256));
        assertThrows(IllegalArgumentException.class, () -> PotentialGrid.of(3, new double[9], -1));
    }

    @Test
    void shapesRasterizeSymmetricallyWithTheRightArea() {
        PotentialGrid holes = ShapeRasterizer.sixHoles(100, 0.30, 0.12, 256);
        assertTrue(C6GridSymmetry.isSymmetric(holes));
        double holeFraction = 1 - holes.mean() / 256;
        double exact = 6 * Math.PI * 0.12 * 0.12 / (Math.sqrt(3) / 2);
        assertEquals(exact, holeFraction, 0.02);
        PotentialGrid hexagons = ShapeRasterizer.rasterize(100, 0, List.of(new ShapeRasterizer.PaintedShape(
                new Shape.RegularPolygon(0.3, 0.1, 0.1, 6, 0.2), 1.0)), 256);
        assertTrue(C6GridSymmetry.isSymmetric(hexagons));
        double oneHexagon = 3 * Math.sqrt(3) / 2 * 0.1 * 0.1; // circumradius 0.1; six disjoint copies per cell
        assertEquals(6 * oneHexagon / (Math.sqrt(3) / 2), hexagons.mean() / 256, 0.02);
    }
}
