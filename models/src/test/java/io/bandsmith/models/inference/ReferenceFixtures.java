package io.bandsmith.models.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.NpyFiles;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;

/**
 * The engine's independent fixtures (engine/src/test/resources/fixtures, made by benchmarks/make_fixtures.py with
 * numpy only): potentials and their high-cutoff plane-wave reference bands.
 */
final class ReferenceFixtures {
    static final Path DIR = Path.of("..", "engine", "src", "test", "resources", "fixtures");
    private static final JsonNode DOC = read();

    private ReferenceFixtures() {
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(DIR.resolve("reference.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KPointSet kpoints() {
        List<KVector> ks = new ArrayList<>();
        for (JsonNode k : DOC.get("kpoints")) {
            ks.add(new KVector(k.get(0).asDouble(), k.get(1).asDouble()));
        }
        return new KPointSet("fixture k points", ks, List.of());
    }

    static PotentialGrid potential(String name) {
        return NpyFiles.readPotentials(DIR.resolve(name + ".npy"), DOC.get("vmax").asDouble()).get(0);
    }

    /** Reference energies [k][band] in E0. */
    static double[][] energies(String name) {
        JsonNode rows = DOC.get("potentials").get(name).get("energies");
        double[][] e = new double[rows.size()][];
        for (int q = 0; q < e.length; q++) {
            e[q] = new double[rows.get(q).size()];
            for (int n = 0; n < e[q].length; n++) {
                e[q][n] = rows.get(q).get(n).asDouble();
            }
        }
        return e;
    }
}
