package io.bandsmith.engine.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.solver.CasePlaneWaveSolver;

/**
 * The p4 solver against an independent numpy reference (benchmarks/reference_p4.py, written from conventions.md:
 * square pixels, dense plane waves at |k+G| ≤ 100 and 140 extrapolated in Gc⁻³, labels from C4/C2 characters):
 * two random p4 potentials ({@code generate random --case p4 --seed 5 --alpha 1} and {@code --seed 11 --alpha 0.5}),
 * Γ, X, M and five interior wedge points. Targets of issue 12: rms ≤ 2e-4 Vmax and max ≤ 6e-4 Vmax over the lowest
 * 7 bands, labels right at Γ, X, M. Measured when the reference was made: rms 8e-6 and 5e-5 Vmax, max 9e-5 Vmax.
 */
class P4NumpyReferenceTest {
    @TempDir
    Path dir;

    @Test
    void agreesWithTheNumpyReference() throws Exception {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("p4-numpy-reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        Path npy = dir.resolve("two.npy");
        try (InputStream in = getClass().getResourceAsStream("p4-two-potentials.npy")) {
            Files.copy(in, npy);
        }
        double vmax = ref.get("vmax").asDouble();
        List<PotentialGrid> grids = NpyFiles.readPotentials(npy, vmax);
        List<KVector> ks = new ArrayList<>();
        ref.get("kpoints").forEach(k -> ks.add(new KVector(k.get(0).asDouble(), k.get(1).asDouble())));
        KPointSet set = new KPointSet("reference", ks, List.of());
        CasePlaneWaveSolver solver = CasePlaneWaveSolver.withDefaults(CaseStudy.named("p4"));
        double sum = 0;
        double worst = 0;
        int count = 0;
        int labels = 0;
        for (int s = 0; s < grids.size(); s++) {
            BandStructure b = solver.compute(grids.get(s), set, 8);
            JsonNode sample = ref.get("samples").get(s);
            for (int k = 0; k < ks.size(); k++) {
                for (int n = 0; n < 7; n++) {
                    double d = (b.energy(k, n) - sample.get("energies").get(k).get(n).asDouble()) / vmax;
                    sum += d * d;
                    worst = Math.max(worst, Math.abs(d));
                    count++;
                }
            }
            for (String p : List.of("G", "X", "M")) {
                JsonNode expected = sample.get("labels").get(p);
                for (int n = 0; n < expected.size(); n++) {
                    assertEquals(expected.get(n).asText(), b.highSymmetry().get(p).label(n).symbol(),
                            "sample " + s + " " + p + " level " + (n + 1));
                    labels++;
                }
            }
        }
        double rms = Math.sqrt(sum / count);
        assertTrue(rms <= 2e-4, "rms " + rms + " Vmax");
        assertTrue(worst <= 6e-4, "max " + worst + " Vmax");
        assertEquals(48, labels);
    }
}
