package io.bandsmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.tightbinding.SixSiteTargetModel;
import io.bandsmith.engine.tightbinding.TightBindingBandSolver;
import io.bandsmith.engine.tightbinding.TightBindingModel;
import io.bandsmith.engine.tightbinding.TightBindingSource;
import io.bandsmith.engine.topology.BandSet;
import io.bandsmith.engine.topology.BandSetClass;
import io.bandsmith.engine.topology.ConnectivityMethod;

class TopologyCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void classifyWritesTheContractJson(@TempDir Path dir) throws Exception {
        Path npy = dir.resolve("p.npy");
        RandomPotentialGenerator g = RandomPotentialGenerator.withAlpha(0.5);
        NpyFiles.writeMasks(npy, List.of(g.stepPotential(100, 1, 256), g.stepPotential(100, 2, 256)));
        Path out = dir.resolve("c.json");
        int status = BandsmithCommand.run("classify", "--potential", npy.toString(), "--solver", "exact",
                "--connectivity", "compat", "--out", out.toString());
        assertEquals(0, status);
        JsonNode doc = JSON.readTree(Files.readString(out));
        assertEquals(2, doc.get("samples").size());
        // the labels of `solve` for the same file: each fingerprint counts them over its set's bands
        Path solved = dir.resolve("s.json");
        assertEquals(0, BandsmithCommand.run("solve", "--potential", npy.toString(), "--wedge", "79", "--bands", "7",
                "--out", solved.toString()));
        JsonNode labels = JSON.readTree(Files.readString(solved)).get("samples");
        int checked = 0;
        for (int i = 0; i < 2; i++) {
            JsonNode sample = doc.get("samples").get(i);
            int expectedFirst = 1;
            for (JsonNode set : sample.get("sets")) {
                int first = set.get("bands").get(0).asInt();
                int last = set.get("bands").get(1).asInt();
                assertEquals(expectedFirst, first, "sets are consecutive from the bottom");
                expectedFirst = last + 1;
                assertTrue(List.of("EBR", "composite", "fragile", "unassigned").contains(set.get("class").asText()));
                assertEquals(set.get("class").asText().equals("EBR"), set.get("ebrs").size() == 1,
                        "an EBR is exactly one EBR: " + set);
                if (last > 7 || set.get("class").asText().equals("unassigned")) {
                    continue; // an unassigned set counts a pair cut by the last band as one
                }
                JsonNode hsp = labels.get(i).get("hsp");
                int[] expected = {count(hsp, "G", "s", first, last), count(hsp, "G", "p", first, last) / 2,
                    count(hsp, "G", "d", first, last) / 2, count(hsp, "G", "f", first, last),
                    count(hsp, "K", "0", first, last), count(hsp, "M", "+", first, last)};
                int[] reported = new int[6];
                for (int n = 0; n < 6; n++) {
                    reported[n] = set.get("fingerprint").get(n).asInt();
                }
                org.junit.jupiter.api.Assertions.assertArrayEquals(expected, reported, "sample " + i + " set " + set);
                checked++;
            }
        }
        assertTrue(checked >= 2, "fingerprints checked: " + checked);
    }

    private static int count(JsonNode hsp, String point, String label, int first, int last) {
        int c = 0;
        for (int n = first - 1; n < last; n++) {
            c += hsp.get(point).get("labels").get(n).asText().equals(label) ? 1 : 0;
        }
        return c;
    }

    @Test
    void badInputAndUnavailableSourcesFailWithOneLine(@TempDir Path dir) throws Exception {
        assertEquals(2, BandsmithCommand.run("classify", "--potential", dir.resolve("missing.npy").toString()));
        Path npy = dir.resolve("p.npy");
        NpyFiles.writeMasks(npy, List.of(RandomPotentialGenerator.withAlpha(1).stepPotential(100, 3, 256)));
        assertEquals(2, BandsmithCommand.run("classify", "--potential", npy.toString(), "--connectivity", "berry"));
        assertEquals(2, BandsmithCommand.run("classify", "--potential", npy.toString(), "--connectivity", "sideways"));
        assertEquals(1, BandsmithCommand.run("explore", "--samples", "2", "--solver", "nn"));
    }

    @Test
    void exploreCountsTheFirstTwoSets(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("e.json");
        assertEquals(0, BandsmithCommand.run("explore", "--samples", "3", "--alpha", "0.5", "--seed", "7", "--out",
                out.toString()));
        JsonNode doc = JSON.readTree(Files.readString(out));
        assertEquals(3, doc.get("samples").asInt());
        // explore's potential i is `generate random --seed 7 + i`: its counts are the histogram of `classify` on them
        Path npy = dir.resolve("e.npy");
        assertEquals(0, BandsmithCommand.run("generate", "random", "--alpha", "0.5", "--seed", "7", "--count", "3",
                "--out", npy.toString()));
        for (String method : List.of("naive", "compat")) {
            Path c = dir.resolve("c-" + method + ".json");
            assertEquals(0, BandsmithCommand.run("classify", "--potential", npy.toString(), "--solver", "exact",
                    "--connectivity", method, "--out", c.toString()));
            JsonNode classified = JSON.readTree(Files.readString(c)).get("samples");
            for (int set = 0; set < 2; set++) {
                java.util.Map<String, Integer> histogram = new java.util.HashMap<>();
                for (JsonNode sample : classified) {
                    histogram.merge(sample.get("sets").get(set).get("class").asText(), 1, Integer::sum);
                }
                JsonNode counts = doc.get("methods").get(method).get("set" + (set + 1));
                for (String cls : List.of("EBR", "composite", "fragile", "unassigned")) {
                    assertEquals(histogram.getOrDefault(cls, 0).intValue(), counts.get(cls).asInt(),
                            method + " set" + (set + 1) + " " + cls);
                }
            }
        }
    }

    /** A stand-in for the network: always the appendix M model in its lower fragile phase. */
    static final class FixedTightBinding implements TightBindingSource {
        private final double[] params = SixSiteTargetModel.fromMeanAndImbalance(0, 1, 0.1, 0, -0.05);

        @Override
        public TightBindingModel model() {
            return SixSiteTargetModel.model();
        }

        @Override
        public double[] parameters(PotentialGrid potential) {
            return params.clone();
        }

        @Override
        public String name() {
            return "fixed-tb";
        }

        @Override
        public BandStructure compute(PotentialGrid potential, KPointSet kpoints, int bandCount) {
            return new TightBindingBandSolver(model(), kpoints).bandStructure(params, bandCount, potential.vmax());
        }
    }

    @Test
    void tightBindingSourcesGetBerryConnectivity() {
        FixedTightBinding source = new FixedTightBinding();
        assertTrue(TopologySources.givesEigenvectors(source));
        Map<ConnectivityMethod, List<BandSet>> r = TopologySources.classify(source,
                RandomPotentialGenerator.withAlpha(1).stepPotential(24, 1, 256), 5,
                List.of(ConnectivityMethod.NAIVE, ConnectivityMethod.COMPAT, ConnectivityMethod.BERRY));
        for (List<BandSet> sets : r.values()) {
            assertEquals(List.of("1a_s"), sets.get(0).ebrs());
            assertEquals(BandSetClass.FRAGILE, sets.get(1).classification());
        }
    }
}
