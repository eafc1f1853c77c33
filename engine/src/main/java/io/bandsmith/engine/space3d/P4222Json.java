package io.bandsmith.engine.space3d;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.engine.io.BandStructureJson;

/**
 * The contract JSON of the p4222-3d case (conventions.md): units E0 and 1/a, vmax, c, case, kpoints rows
 * [kx, ky, kz], one sample per potential with energies per k point and hsp keyed G, X, M, Z, R, A; for --cut the
 * gap maps of the first three gaps (E2-E1, E3-E2, E4-E3 at every k of the grid).
 */
public final class P4222Json {
    private P4222Json() {
    }

    public static ObjectNode document(P4222KPoints.KSet ks, double vmax, double c, int bands,
            List<P4222Solver.Result> results) {
        ObjectNode root = BandStructureJson.mapper().createObjectNode();
        ObjectNode units = root.putObject("units");
        units.put("energy", "E0");
        units.put("k", "1/a");
        root.put("case", "p4222-3d");
        root.put("vmax", vmax);
        root.put("c", c);
        root.put("kpoint_set", ks.description());
        root.put("bands", bands);
        if (!results.isEmpty()) {
            root.put("source", results.get(0).source());
        }
        ArrayNode kp = root.putArray("kpoints");
        for (double[] k : ks.points()) {
            kp.addArray().add(k[0]).add(k[1]).add(k[2]);
        }
        ArrayNode samples = root.putArray("samples");
        for (P4222Solver.Result r : results) {
            ObjectNode s = samples.addObject();
            ArrayNode rows = s.putArray("energies");
            for (double[] e : r.energies()) {
                ArrayNode row = rows.addArray();
                for (double x : e) {
                    row.add(x);
                }
            }
            ObjectNode hsp = s.putObject("hsp");
            for (Map.Entry<String, P4222Solver.Levels> e : r.hsp().entrySet()) {
                ObjectNode p = hsp.putObject(e.getKey());
                ArrayNode en = p.putArray("energies");
                ArrayNode lab = p.putArray("labels");
                for (double x : e.getValue().energies()) {
                    en.add(x);
                }
                for (String l : e.getValue().labels()) {
                    lab.add(l);
                }
            }
        }
        return root;
    }

    /** Adds the gap maps of a cut to each sample: "gaps": [[gap1, gap2, gap3] per k], and the cut's grid. */
    public static void addCut(ObjectNode root, P4222KPoints.Cut cut) {
        ObjectNode g = root.putObject("cut");
        g.put("plane", cut.name());
        g.put("resolution", cut.resolution());
        g.put("order", "axis 1 outer, axis 2 inner; coordinates -pi..pi along each axis");
        ArrayNode a1 = g.putArray("axis1");
        ArrayNode a2 = g.putArray("axis2");
        for (int d = 0; d < 3; d++) {
            a1.add(cut.axis1()[d]);
            a2.add(cut.axis2()[d]);
        }
        for (var node : root.withArray("samples")) {
            ObjectNode s = (ObjectNode) node;
            ArrayNode gaps = s.putArray("gaps");
            for (var row : s.withArray("energies")) {
                ArrayNode out = gaps.addArray();
                for (int n = 0; n + 1 < Math.min(4, row.size()); n++) {
                    out.add(row.get(n + 1).asDouble() - row.get(n).asDouble());
                }
            }
        }
    }
}
