package io.bandsmith.engine.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.symmetry.IrrepLabel;

/**
 * The band-structure JSON of the command-line contract (conventions.md), shared by {@code solve} and
 * {@code predict}: units, vmax, kpoints, and one sample per potential with energies per k point and the labelled
 * levels at G, K, M. Extra fields: {@code source}, {@code kpoint_set}, {@code bands}, {@code energies_in_vmax} is
 * not written (divide by vmax).
 */
public final class BandStructureJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BandStructureJson() {
    }

    public static ObjectNode document(KPointSet kpoints, double vmax, List<BandStructure> samples) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode units = root.putObject("units");
        units.put("energy", "E0");
        units.put("k", "1/a");
        root.put("vmax", vmax);
        root.put("kpoint_set", kpoints.description());
        root.put("bands", samples.isEmpty() ? 0 : samples.get(0).bandCount());
        if (!samples.isEmpty()) {
            root.put("source", samples.get(0).source());
        }
        ArrayNode ks = root.putArray("kpoints");
        for (KVector k : kpoints.points()) {
            ks.addArray().add(k.kx()).add(k.ky());
        }
        ArrayNode out = root.putArray("samples");
        for (BandStructure b : samples) {
            ObjectNode s = out.addObject();
            ArrayNode rows = s.putArray("energies");
            for (int k = 0; k < b.kpoints().size(); k++) {
                ArrayNode row = rows.addArray();
                for (int n = 0; n < b.bandCount(); n++) {
                    row.add(b.energy(k, n));
                }
            }
            ObjectNode hsp = s.putObject("hsp");
            for (Map.Entry<String, HighSymmetryLevels> e : b.highSymmetry().entrySet()) {
                ObjectNode p = hsp.putObject(e.getKey());
                ArrayNode en = p.putArray("energies");
                ArrayNode lab = p.putArray("labels");
                HighSymmetryLevels levels = e.getValue();
                // sources may hold a level more (the gap above the last band); the contract has as many as bands
                int count = Math.min(levels.count(), b.bandCount());
                for (int n = 0; n < count; n++) {
                    en.add(levels.energy(n));
                    lab.add(levels.label(n).symbol());
                }
            }
        }
        return root;
    }

    public static String toJson(ObjectNode document) {
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize band structure", e);
        }
    }

    /** Writes the document atomically. */
    public static void write(Path file, ObjectNode document) {
        AtomicFiles.writeString(file, toJson(document));
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
