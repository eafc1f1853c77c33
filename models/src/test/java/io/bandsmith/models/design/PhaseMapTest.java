package io.bandsmith.models.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.engine.topology.BandSetClass;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.engine.topology.SourceClassifier;

class PhaseMapTest {
    private static final RandomPotentialGenerator GEN = RandomPotentialGenerator.withAlpha(0.5);
    /** Seed 87: second set fragile (0,1,0,0,0,2); seed 0: second set an EBR (1a_p); seed 48: fragile (0,0,1,0,0,0). */
    private static final List<PotentialGrid> CORNERS = List.of(GEN.stepPotential(100, 87, 256),
            GEN.stepPotential(100, 0, 256), GEN.stepPotential(100, 48, 256));

    @Test
    void blendsAreSymmetricStepsThatReproduceTheCorners() {
        PhaseMap map = new PhaseMap(CORNERS, PhaseMap.DEFAULT_STAR_CUTOFF);
        for (int c = 0; c < 3; c++) {
            assertTrue(map.cornerFidelity(c) > 0.98, "corner " + c + ": " + map.cornerFidelity(c));
        }
        PotentialGrid middle = map.blend(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0});
        assertTrue(C6GridSymmetry.isSymmetric(middle));
        assertTrue(middle.isTwoValued());
        assertEquals(PhaseMap.grid(4).size(), 15);
    }

    @Test
    void mapBetweenATrivialAndAFragileGeometryShowsBothAndAgreesWithDirectClassification() {
        PhaseMap map = new PhaseMap(CORNERS, PhaseMap.DEFAULT_STAR_CUTOFF);
        PlaneWaveSolver solver = PlaneWaveSolver.withDefaults();
        List<PhaseMap.Point> points = map.compute(2, solver, ConnectivityMethod.COMPAT, 6, d -> { });
        assertEquals(6, points.size());
        Set<BandSetClass> second = points.stream().map(p -> p.setClass(1)).collect(Collectors.toSet());
        assertTrue(second.contains(BandSetClass.FRAGILE) && second.contains(BandSetClass.EBR), "classes " + second);
        for (PhaseMap.Point p : points) {
            var direct = SourceClassifier.classify(solver, map.blend(p.weights()), 6, List.of(ConnectivityMethod.COMPAT))
                    .get(ConnectivityMethod.COMPAT);
            assertEquals(direct, p.sets());
        }
        PhaseMap.Point corner1 = points.stream().filter(p -> p.weights()[0] == 1).findFirst().orElseThrow();
        assertEquals(BandSetClass.FRAGILE, corner1.setClass(1), "the fragile corner stays fragile after blending");
        assertEquals(900, PhaseMap.render(points, 2, 900).getWidth());
    }
}
