package io.bandsmith.engine.space3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.bandsmith.engine.io.BandStructureJson;

/**
 * The solver against the independent numpy reference (benchmarks/reference_p4222.py: its own voxel reading, dense
 * plane waves at three ball radii extrapolated in R^-p, labels from its own characters) on the fixture potentials
 * (fixtures/p4222, made by `generate random --case p4222-3d --count 2 --seed 1`).
 */
class P4222ReferenceTest {
    private static final Path DIR = Path.of("src/test/resources/fixtures/p4222");

    @Test
    void energiesAndLabelsAgreeWithTheIndependentReference() throws Exception {
        JsonNode ref = BandStructureJson.mapper().readTree(DIR.resolve("reference.json").toFile());
        double vmax = ref.get("vmax").asDouble();
        List<VoxelGrid> grids = VoxelFiles.readSymmetric(DIR.resolve("potentials.npy"), vmax);
        P4222Solver solver = P4222Solver.withDefaults(1);
        JsonNode ks = ref.get("kpoints");
        double sum2 = 0;
        double max = 0;
        int count = 0;
        int labels = 0;
        for (int s = 0; s < ref.get("samples").size(); s++) {
            JsonNode sample = ref.get("samples").get(s);
            VoxelFourier vf = solver.fourier(grids.get(s));
            for (int i = 0; i < ks.size(); i++) {
                double[] k = {ks.get(i).get(0).asDouble(), ks.get(i).get(1).asDouble(), ks.get(i).get(2).asDouble()};
                P4222Solver.KResult r = solver.solveAt(vf, k, 6);
                for (int n = 0; n < 6; n++) {
                    double d = (r.energies()[n] - sample.get("energies").get(i).get(n).asDouble()) / vmax;
                    sum2 += d * d;
                    max = Math.max(max, Math.abs(d));
                    count++;
                }
                LittleGroupIrreps.Point p = LittleGroupIrreps.at(k, 1);
                if (p != null) {
                    JsonNode expected = sample.get("hsp").get(p.name()).get("labels");
                    for (int n = 0; n < 6; n++) {
                        assertEquals(expected.get(n).asText(), r.labels()[n], "sample " + s + " " + p.name()
                                + " band " + n);
                        labels++;
                    }
                }
            }
        }
        double rms = Math.sqrt(sum2 / count);
        // the targets: rms <= 2e-4 Vmax, max <= 6e-4 Vmax over the lowest 6 bands
        assertTrue(rms <= 2e-4, "rms " + rms);
        assertTrue(max <= 6e-4, "max " + max);
        assertTrue(labels >= 2 * 6 * 6);
    }
}
