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
        for (JsonNode sample : doc.get("samples")) {
            int expectedFirst = 1;
            for (JsonNode set : sample.get("sets")) {
                assertEquals(expectedFirst, set.get("bands").get(0).asInt(), "sets are consecutive from the bottom");
                expectedFirst = set.get("bands").get(1).asInt() + 1;
                assertEquals(6, set.get("fingerprint").size());
                assertTrue(List.of("EBR", "composite", "fragile", "unassigned").contains(set.get("class").asText()));
                assertTrue(set.get("ebrs").isArray());
            }
        }
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
        for (String method : List.of("naive", "compat")) {
            for (String set : List.of("set1", "set2")) {
                JsonNode c = doc.get("methods").get(method).get(set);
                int total = c.get("EBR").asInt() + c.get("composite").asInt() + c.get("fragile").asInt()
                        + c.get("unassigned").asInt();
                assertEquals(3, total, method + " " + set);
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
