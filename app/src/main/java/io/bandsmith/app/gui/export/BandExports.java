package io.bandsmith.app.gui.export;

import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.app.gui.model.PreviewSettings;
import io.bandsmith.app.gui.preview.PreviewResult;
import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.io.AtomicFiles;
import io.bandsmith.engine.lattice.KVector;

/** Band exports of the workbench: CSV, the command-line contract JSON (conventions.md), the diagram as SVG. */
public final class BandExports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BandExports() {
    }

    /** One row per k point: index, path coordinate (1/a), kx, ky (1/a), then E1..EN (E0). */
    public static String csv(BandStructure b) {
        StringBuilder sb = new StringBuilder("k_index,path_coordinate,kx,ky");
        for (int n = 1; n <= b.bandCount(); n++) {
            sb.append(",E").append(n);
        }
        sb.append('\n');
        double[] x = b.kpoints().pathCoordinates();
        for (int i = 0; i < b.kpoints().size(); i++) {
            KVector k = b.kpoints().get(i);
            sb.append(i).append(',').append(num(x[i])).append(',').append(num(k.kx())).append(',')
                    .append(num(k.ky()));
            for (int n = 0; n < b.bandCount(); n++) {
                sb.append(',').append(num(b.energy(i, n)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static void writeCsv(Path file, BandStructure b) {
        AtomicFiles.writeString(file, csv(b));
    }

    /** The contract JSON of {@code ./bandsmith solve} for one potential. */
    public static ObjectNode contractJson(BandStructure b) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode units = root.putObject("units");
        units.put("energy", "E0");
        units.put("k", "1/a");
        root.put("vmax", b.vmax());
        root.put("source", b.source());
        root.put("kpointSet", b.kpoints().description());
        ArrayNode ks = root.putArray("kpoints");
        for (KVector k : b.kpoints().points()) {
            ks.addArray().add(k.kx()).add(k.ky());
        }
        ObjectNode sample = root.putArray("samples").addObject();
        ArrayNode energies = sample.putArray("energies");
        for (int i = 0; i < b.kpoints().size(); i++) {
            ArrayNode row = energies.addArray();
            for (int n = 0; n < b.bandCount(); n++) {
                row.add(b.energy(i, n));
            }
        }
        ObjectNode hsp = sample.putObject("hsp");
        for (HighSymmetryLevels l : b.highSymmetry().values()) {
            ObjectNode o = hsp.putObject(l.point().name());
            ArrayNode e = o.putArray("energies");
            ArrayNode labels = o.putArray("labels");
            for (int n = 0; n < l.count(); n++) {
                e.add(l.energy(n));
                labels.add(l.label(n).symbol());
            }
        }
        return root;
    }

    public static void writeContractJson(Path file, BandStructure b) {
        try {
            String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(contractJson(b)) + "\n";
            AtomicFiles.writeString(file, text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode bands: " + e.getMessage(), e);
        }
    }

    public static String diagramSvg(PreviewResult r, PreviewSettings settings, double w, double h) {
        SvgPlotter svg = new SvgPlotter(w, h);
        BandDiagramPainter.paint(svg, r, settings, w, h);
        return svg.toSvg();
    }

    public static void writeDiagramSvg(Path file, PreviewResult r, PreviewSettings settings) {
        AtomicFiles.writeString(file, diagramSvg(r, settings, 720, 480));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }
}
