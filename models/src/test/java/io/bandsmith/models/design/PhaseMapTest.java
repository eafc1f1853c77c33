package io.bandsmith.models.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.topology.BandSet;

class PhaseMapTest {
    private static final RandomPotentialGenerator GEN = RandomPotentialGenerator.withAlpha(0.5);
    /** Corners of the map: random potentials of the exploration distribution (α = 1/2), seeds 87, 0 and 48. */
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

    /** The p6 + TR EBR fingerprints (ns, np, nd, nf, n0, n+), derived by hand (docs/topology.md, paper fig. 3c). */
    private static final int[][] EBRS = {{1, 0, 0, 0, 1, 1}, {0, 1, 0, 0, 0, 0}, {0, 0, 1, 0, 0, 2}, {0, 0, 0, 1, 1, 0},
        {1, 0, 0, 1, 0, 1}, {0, 1, 1, 0, 2, 2}, {1, 0, 1, 0, 1, 1}, {0, 1, 0, 1, 1, 2}};
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "phasemap");

    /** The fewest EBRs whose fingerprints add up to f (0 when none do): 1 = EBR, more = composite, 0 = fragile. */
    static int fewestEbrs(int[] f, int from) {
        boolean zero = true;
        for (int x : f) {
            zero &= x == 0;
        }
        if (zero) {
            return 0;
        }
        int best = Integer.MAX_VALUE;
        for (int e = from; e < EBRS.length; e++) {
            int[] rest = f.clone();
            boolean ok = true;
            for (int n = 0; n < 6; n++) {
                rest[n] -= EBRS[e][n];
                ok &= rest[n] >= 0;
            }
            if (ok) {
                boolean restZero = java.util.Arrays.stream(rest).allMatch(x -> x == 0);
                int r = restZero ? 0 : fewestEbrs(rest, e);
                if (restZero || r > 0) {
                    best = Math.min(best, r + 1);
                }
            }
        }
        return best == Integer.MAX_VALUE ? 0 : best;
    }

    @Test
    void theHandDerivedTableGivesThePapersFragileFingerprints() {
        assertEquals(1, fewestEbrs(new int[] {1, 0, 1, 0, 1, 1}, 0), "3c_A");
        assertEquals(2, fewestEbrs(new int[] {1, 1, 1, 1, 2, 3}, 0), "3c_A + 3c_B = 2b_A + 2b_E");
        assertEquals(0, fewestEbrs(new int[] {0, 0, 1, 0, 0, 0}, 0), "3c_A - 1a_s");
        assertEquals(0, fewestEbrs(new int[] {0, 1, 0, 0, 0, 2}, 0), "3c_B - 1a_f");
    }

    /**
     * Independent expectations: the blends of the map at resolution 2 (committed as .npy, checked to be what
     * {@link PhaseMap#blend} makes) were labelled at Γ, K, M by the numpy reference
     * (fixtures/phasemap/labels.json, benchmarks/make_label_fixture.py); every set's fingerprint must be the count of
     * those labels over its bands, and its class the one the hand-derived EBR table gives that fingerprint.
     */
    @Test
    void mapBetweenATrivialAndAFragileGeometryAgreesWithTheNumpyLabels() throws Exception {
        PhaseMap map = new PhaseMap(CORNERS, PhaseMap.DEFAULT_STAR_CUTOFF);
        PlaneWaveSolver solver = PlaneWaveSolver.withDefaults();
        List<PhaseMap.Point> points = map.compute(2, solver, ConnectivityMethod.COMPAT, 6, d -> { });
        assertEquals(6, points.size());
        var ref = new com.fasterxml.jackson.databind.ObjectMapper().readTree(FIXTURES.resolve("labels.json").toFile())
                .get("potentials");
        int checked = 0;
        for (int p = 0; p < points.size(); p++) {
            PhaseMap.Point point = points.get(p);
            assertArrayEquals(NpyFiles.readPotentials(FIXTURES.resolve("blend-" + p + ".npy"), 256).get(0).valuesE0(),
                    map.blend(point.weights()).valuesE0(), "the fixture is blend " + p + " (else remake it)");
            var levels = ref.get("blend-" + p);
            for (BandSet set : point.sets()) {
                if (set.classification() == BandSetClass.UNASSIGNED) {
                    continue;
                }
                int[] f = {count(levels, "G", "s", set), count(levels, "G", "p", set) / 2,
                    count(levels, "G", "d", set) / 2, count(levels, "G", "f", set), count(levels, "K", "0", set),
                    count(levels, "M", "+", set)};
                assertArrayEquals(f, set.fingerprint().toList().stream().mapToInt(Integer::intValue).toArray(),
                        "blend " + p + " bands " + set.firstBand() + ".." + set.lastBand());
                int fewest = fewestEbrs(f, 0);
                BandSetClass expected = fewest == 0 ? BandSetClass.FRAGILE
                        : fewest == 1 ? BandSetClass.EBR : BandSetClass.COMPOSITE;
                assertEquals(expected, set.classification(), "blend " + p + " " + java.util.Arrays.toString(f));
                checked++;
            }
        }
        assertTrue(checked >= 6, "sets checked " + checked);
        Set<BandSetClass> second = points.stream().map(p -> p.setClass(1)).collect(Collectors.toSet());
        assertTrue(second.contains(BandSetClass.FRAGILE) && second.contains(BandSetClass.EBR), "classes " + second);
        assertEquals(900, PhaseMap.render(points, 2, 900).getWidth());
    }

    private static int count(com.fasterxml.jackson.databind.JsonNode levels, String point, String label, BandSet set) {
        int c = 0;
        for (int n = set.firstBand() - 1; n < set.lastBand(); n++) {
            c += levels.get(point).get("labels").get(n).asText().equals(label) ? 1 : 0;
        }
        return c;
    }
}
