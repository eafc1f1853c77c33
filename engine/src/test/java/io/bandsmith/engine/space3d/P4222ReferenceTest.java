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
    void theSameBallGivesTheSameLevelsAsTheIndependentVoxelReading() throws Exception {
        // bare plane waves in the ball of radius 44 on both sides: the voxel reading, the Hamiltonian and the ball
        // must agree to rounding (the numpy side builds all of it on its own)
        JsonNode ref = BandStructureJson.mapper().readTree(DIR.resolve("reference.json").toFile());
        double vmax = ref.get("vmax").asDouble();
        List<VoxelGrid> grids = VoxelFiles.readSymmetric(DIR.resolve("potentials.npy"), vmax);
        P4222Solver bare = new P4222Solver(P4222Solver.Settings.bare(44), 1);
        // and the second-order shell from the ball of 32 out to 44 reproduces the dense ball of 44 (the method's
        // own error, without the tail)
        P4222Solver shell = new P4222Solver(new P4222Solver.Settings(32, 44, 6, 0), 1);
        JsonNode ks = ref.get("kpoints");
        JsonNode sample = ref.get("samples").get(1);
        VoxelFourier vf = bare.fourier(grids.get(1));
        for (int i : new int[] {0, 3, 5, 7}) {
            double[] k = {ks.get(i).get(0).asDouble(), ks.get(i).get(1).asDouble(), ks.get(i).get(2).asDouble()};
            double[] e = bare.solveAt(vf, k, 8).energies();
            JsonNode expected = sample.get("radius_energies").get("44.0").get(i);
            for (int n = 0; n < 8; n++) {
                assertEquals(expected.get(n).asDouble(), e[n], 1e-7 * vmax, "k " + i + " band " + n);
            }
            double[] s2 = shell.solveAt(shell.fourier(grids.get(1)), k, 6).energies();
            for (int n = 0; n < 6; n++) {
                assertEquals(expected.get(n).asDouble(), s2[n], 1e-4 * vmax, "second order, k " + i + " band " + n);
            }
        }
    }

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
        List<String> wrong = new java.util.ArrayList<>();
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
                        if (!expected.get(n).asText().equals(r.labels()[n])) {
                            wrong.add("sample " + s + " " + p.name() + " band " + n + ": numpy "
                                    + expected.get(n).asText() + ", ours " + r.labels()[n]);
                        }
                        labels++;
                    }
                }
            }
        }
        double rms = Math.sqrt(sum2 / count);
        System.out.printf("p4222-3d vs numpy reference: rms %.2e Vmax, max %.2e Vmax over %d energies; %d labels%n",
                rms, max, count, labels);
        System.out.println("label disagreements: " + wrong);
        // The numpy side extrapolates bare balls of 28/36/44 with the local exponent (~5); the voxel step's slow tail
        // sets in later (docs/p4222-3d.md: the second-order shell reproduces the dense ball of 60 to 1e-5 Vmax and
        // finds 0.16 E0 more beyond it), so this cheap reference sits ~1e-3 Vmax above: a sanity bound only.
        assertTrue(rms <= 2e-3, "rms " + rms);
        assertTrue(max <= 3e-3, "max " + max);
        assertTrue(labels >= 2 * 6 * 6);
        assertEquals(List.of(), wrong);
    }
}
