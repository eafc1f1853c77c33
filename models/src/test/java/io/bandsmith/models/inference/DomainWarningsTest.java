package io.bandsmith.models.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.models.network.TightBindingNetwork;

/**
 * Issue 18, defect 3: the network's answer outside its training domain comes with the reasons; inside (random step
 * potentials of the card's distributions, α = 1 and 1/2) with none.
 */
class DomainWarningsTest {
    private static NetworkPredictor predictor;

    @BeforeAll
    static void load() {
        predictor = new NetworkPredictor(TightBindingNetwork.load(Path.of("bandsmith-p6.zip")));
    }

    @Test
    void theTrainingDistributionsGiveNoWarning() {
        for (double alpha : new double[] {1.0, 0.5}) {
            RandomPotentialGenerator gen = RandomPotentialGenerator.withAlpha(alpha);
            for (int seed = 0; seed < 40; seed++) {
                PotentialGrid g = gen.stepPotential(100, 10_000_000 + seed, 256);
                assertEquals(List.of(), predictor.domainWarnings(g), "alpha " + alpha + " seed " + seed);
            }
        }
    }

    @Test
    void aNegativePotentialIsOutOfDomain() {
        // the issue's -256 * mask: the network gives +6.3 E0 where the exact lowest level is -214.8
        PotentialGrid mask = RandomPotentialGenerator.withAlpha(1).stepPotential(100, 7, 256);
        double[] v = mask.valuesE0();
        for (int i = 0; i < v.length; i++) {
            v[i] = -v[i];
        }
        List<String> w = predictor.domainWarnings(PotentialGrid.of(100, v, 256));
        assertTrue(w.stream().anyMatch(s -> s.contains("outside 0..Vmax")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.contains("cell average")), w.toString());
    }

    @Test
    void anotherGridSizeIsOutOfDomain() {
        PotentialGrid small = RandomPotentialGenerator.withAlpha(1).stepPotential(60, 7, 256);
        assertTrue(predictor.domainWarnings(small).stream().anyMatch(s -> s.contains("L = 60")));
    }
}
