package io.bandsmith.models.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.HexagonalMirror;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.models.dataset.Dataset;
import io.bandsmith.models.dataset.DatasetSpec;
import io.bandsmith.models.network.StarFeatures;

/**
 * Mirror augmentation of the training set: the features of the mirror image computed from the mirrored grid agree
 * with the permuted features (two methods), and the targets attached to the mirror images are what the exact solver
 * gives for the mirrored potentials (to its accuracy), labels included.
 */
class MirrorAugmentationTest {
    @TempDir
    Path dir;

    @Test
    void featuresOfTheMirroredGridAreThePermutedFeatures() {
        StarFeatures features = new StarFeatures(StarFeatures.DEFAULT_CUTOFF);
        int[] p = features.mirrorPermutation();
        int moved = 0;
        for (int f = 0; f < p.length; f++) {
            moved += p[f] != f ? 1 : 0;
            assertEquals(f, p[p[f]], "an involution");
        }
        assertTrue(moved >= 20, "chiral stars are exchanged by the mirror (" + moved + " features move)");
        for (long seed : new long[] {4, 9}) {
            PotentialGrid v = RandomPotentialGenerator.withAlpha(1.0).stepPotential(100, seed, 256);
            double[] direct = features.of(HexagonalMirror.apply(v));
            double[] original = features.of(v);
            double largestChange = 0;
            for (int f = 0; f < p.length; f++) {
                assertEquals(direct[f], original[p[f]], 1e-12, "feature " + f);
                largestChange = Math.max(largestChange, Math.abs(direct[f] - original[f]));
            }
            assertTrue(largestChange > 1e-3, "the mirror image has other features than the original");
        }
    }

    @Test
    void mirrorImagesCarryTheExactSolversBandsAndLabels() {
        DatasetSpec spec = new DatasetSpec(3, 1.0, 100, 3, 100, 256.0, 7, 79);
        PlaneWaveSolver solver = PlaneWaveSolver.withDefaults();
        Dataset.generate(dir, spec, solver, "test", 2, (d, t, r, e) -> { }, () -> false);
        Dataset data = Dataset.open(dir);
        StarFeatures features = new StarFeatures(StarFeatures.DEFAULT_CUTOFF);
        KPointSet wedge = KPointSet.hexagonalWedgeWithCount(79);
        TrainingSet set = TrainingSet.load(data, features, 0);
        TrainingSet both = set.withMirrorImages(features, wedge);
        assertEquals(2 * set.size(), both.size());
        for (int i = 0; i < set.size(); i++) {
            PotentialGrid mirrored = HexagonalMirror.apply(data.potential(i));
            assertArrayEquals(features.of(mirrored), both.features()[set.size() + i], 1e-12);
            BandStructure exact = solver.compute(mirrored, wedge, 7);
            BandTarget target = both.targets().get(set.size() + i);
            double squares = 0;
            for (int q = 0; q < wedge.size(); q++) {
                for (int n = 0; n < 7; n++) {
                    double d = target.energies()[q][n] - exact.energy(q, n);
                    squares += d * d;
                }
            }
            assertTrue(Math.sqrt(squares / (7 * 79)) < 3e-5 * 256, "the image's bands within the solver's accuracy");
            List<String> points = List.of("G", "K", "M");
            for (int p = 0; p < 3; p++) {
                HighSymmetryLevels levels = exact.highSymmetry(points.get(p));
                for (int n = 0; n < 7; n++) {
                    assertEquals(levels.label(n).absM(), target.hspLabels()[p][n], points.get(p) + " label " + n);
                    assertEquals(levels.energy(n), target.hspEnergies()[p][n], 3e-4 * 256);
                }
            }
        }
    }
}
