package io.bandsmith.models.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.io.XasDocument;
import io.bandsmith.models.xas.io.XasFileFormat;
import io.bandsmith.models.xas.io.XasFileReader;
import io.bandsmith.models.xas.io.XasInspection;

class XasFileReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void readsPymatgenCobaltKEdgeXanes() throws IOException {
        Path f = XasTestFiles.resource(XasTestFiles.LICOO2_CO_K);
        XasDocument doc = XasFileReader.read(f);
        XasSpectrum s = doc.spectrum();
        assertEquals(XasFileFormat.PYMATGEN_XAS, doc.format());
        assertEquals("Co", s.absorbingElement().symbol());
        assertEquals(AbsorptionEdge.K, s.edge());
        assertEquals(SpectrumType.XANES, s.type());
        // values straight from the file's x list
        ArrayNode x = (ArrayNode) JSON.readTree(f.toFile()).get("x");
        assertEquals(x.size(), s.pointCount());
        assertEquals(x.get(0).asDouble(), s.minEnergyEv(), 0);
        assertEquals(x.get(x.size() - 1).asDouble(), s.maxEnergyEv(), 0);
        assertEquals("Co1Li1O2", doc.formula().orElseThrow().text());
        assertTrue(doc.symmetry().isEmpty());
        assertTrue(doc.warnings().isEmpty(), doc.warnings().toString());

        Map<String, Object> report = XasInspection.report(doc);
        assertEquals(200, report.get("points"));
        assertEquals(100, report.get("source_points"));
        assertEquals(List.of(7713.228, 7768.39), report.get("energy_range"));
        assertEquals(null, report.get("space_group"));
    }

    @Test
    void readsZincL3XanesAndWarnsThatItIsNotKEdge() {
        XasDocument doc = XasFileReader.read(XasTestFiles.resource(XasTestFiles.ZNO_ZN_L3));
        assertEquals("Zn", doc.spectrum().absorbingElement().symbol());
        assertEquals(AbsorptionEdge.L3, doc.spectrum().edge());
        assertEquals(SpectrumType.XANES, doc.spectrum().type());
        assertEquals(1018.238, doc.spectrum().minEnergyEv(), 1e-9);
        assertEquals(1073.401, doc.spectrum().maxEnergyEv(), 1e-9);
        assertTrue(doc.warnings().stream().anyMatch(w -> w.contains("L3 edge")), doc.warnings().toString());
        Map<String, Object> report = XasInspection.report(doc);
        assertEquals("L3", report.get("edge"));
        assertEquals(Boolean.FALSE, report.get("usable_for_classifier"));
    }

    @Test
    void readsGzippedMaterialsProjectDocumentWithItsSymmetryBlock() {
        XasDocument doc = XasFileReader.read(XasTestFiles.resource(XasTestFiles.XASDOC_GZ));
        assertEquals(XasFileFormat.MP_XASDOC, doc.format());
        assertEquals("H", doc.spectrum().absorbingElement().symbol());
        assertEquals(AbsorptionEdge.K, doc.spectrum().edge());
        assertEquals(SpectrumType.EXAFS, doc.spectrum().type());
        assertEquals(400, doc.spectrum().pointCount());
        assertEquals(8, doc.spectrum().absorbingSiteIndex().getAsInt());
        assertEquals("mp-626735", doc.materialId().orElseThrow());
        assertEquals("Ba1H4O3", doc.formula().orElseThrow().text());
        SpaceGroupSymmetry sg = doc.symmetry().orElseThrow();
        assertEquals(2, sg.number());
        assertEquals("P-1", sg.symbol().orElseThrow());
        assertEquals(CrystalPointGroup.CI, sg.pointGroup());
        assertEquals(CrystalSystem.TRICLINIC, sg.crystalSystem());
        assertEquals(24, doc.spectrum().nonPositiveIntensityCount());
        assertTrue(doc.warnings().stream().anyMatch(w -> w.contains("24 non-positive")), doc.warnings().toString());
        assertTrue(doc.warnings().stream().anyMatch(w -> w.contains("EXAFS")));
        assertFalse(doc.warnings().stream().anyMatch(w -> w.contains("differs")), "the document's point group and "
                + "crystal system agree with the derived ones");
        @SuppressWarnings("unchecked")
        Map<String, Object> sgReport = (Map<String, Object>) XasInspection.report(doc).get("space_group");
        assertEquals(2, sgReport.get("number"));
        assertEquals("-1", sgReport.get("point_group"));
        assertEquals("Triclinic", sgReport.get("crystal_system"));
    }

    @Test
    void readsRawFeffXmu() {
        XasDocument doc = XasFileReader.read(XasTestFiles.resource(XasTestFiles.FEFF_XMU));
        assertEquals(XasFileFormat.FEFF_XMU, doc.format());
        assertEquals("O", doc.spectrum().absorbingElement().symbol());
        assertEquals(AbsorptionEdge.K, doc.spectrum().edge());
        assertEquals(100, doc.spectrum().pointCount());
        assertEquals(531.096, doc.spectrum().minEnergyEv(), 1e-9);
        assertEquals(2.49719E-02, doc.spectrum().intensities()[0], 1e-12);
    }

    @Test
    void siteSpecificSpectrumIsFlagged() {
        XasDocument doc = XasFileReader.read(XasTestFiles.resource(XasTestFiles.CO3O4_SITE1));
        assertEquals(8, doc.spectrum().absorbingSiteIndex().getAsInt());
        assertEquals("Co3O4", doc.formula().orElseThrow().text());
        assertTrue(doc.warnings().stream().anyMatch(w -> w.contains("site-specific")));
    }

    @Test
    void truncatedJsonIsRefusedWithAClearReason() throws IOException {
        byte[] full = Files.readAllBytes(XasTestFiles.resource(XasTestFiles.LICOO2_CO_K));
        Path cut = tmp.resolve("cut.json");
        Files.write(cut, Arrays.copyOf(full, full.length / 2));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> XasFileReader.read(cut));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated JSON"), e.getMessage());
    }

    @Test
    void truncatedGzipIsRefused() throws IOException {
        byte[] full = Files.readAllBytes(XasTestFiles.resource(XasTestFiles.XASDOC_GZ));
        Path cut = tmp.resolve("cut.json.gz");
        Files.write(cut, Arrays.copyOf(full, full.length - 100));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> XasFileReader.read(cut));
        assertTrue(e.getMessage().contains("truncated gzip"), e.getMessage());
    }

    @Test
    void gzippedJsonTruncatedBeforeCompressionIsRefusedAsTruncatedJson() throws IOException {
        String text = Files.readString(XasTestFiles.resource(XasTestFiles.LICOO2_CO_K));
        Path gz = tmp.resolve("half.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.substring(0, text.length() - 10).getBytes(StandardCharsets.UTF_8));
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> XasFileReader.read(gz));
        assertTrue(e.getMessage().contains("truncated JSON"), e.getMessage());
    }

    private ObjectNode licoo2() throws IOException {
        return (ObjectNode) JSON.readTree(XasTestFiles.resource(XasTestFiles.LICOO2_CO_K).toFile());
    }

    private String problemOf(ObjectNode doc, String name) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, JSON.writeValueAsString(doc).replace("\"NaN_MARK\"", "NaN"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> XasFileReader.read(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void missingFieldsAreNamed() throws IOException {
        ObjectNode d = licoo2();
        d.remove("edge");
        assertTrue(problemOf(d, "noedge.json").contains("missing field 'edge'"));
        d = licoo2();
        d.remove("y");
        assertTrue(problemOf(d, "noy.json").contains("missing field 'y'"));
        d = licoo2();
        d.remove("absorbing_element");
        assertTrue(problemOf(d, "noel.json").contains("missing field 'absorbing_element'"));
        d = licoo2();
        d.remove("x");
        d.remove("y");
        assertTrue(problemOf(d, "nothing.json").contains("not an XAS spectrum"));
    }

    @Test
    void nanAndNonMonotonicEnergiesAreRefused() throws IOException {
        ObjectNode d = licoo2();
        ((ArrayNode) d.get("x")).set(5, "NaN_MARK");
        String m = problemOf(d, "nan.json");
        assertTrue(m.contains("x[5]") && m.contains("NaN"), m);

        d = licoo2();
        ArrayNode x = (ArrayNode) d.get("x");
        double a = x.get(10).asDouble();
        x.set(10, x.get(11).asDouble());
        x.set(11, a);
        m = problemOf(d, "swap.json");
        assertTrue(m.contains("not strictly increasing") && m.contains("x[10]"), m);

        d = licoo2();
        ((ArrayNode) d.get("y")).set(3, "NaN_MARK");
        m = problemOf(d, "nany.json");
        assertTrue(m.contains("y[3]"), m);

        d = licoo2();
        ((ArrayNode) d.get("y")).remove(0);
        m = problemOf(d, "short.json");
        assertTrue(m.contains("differ in length"), m);
    }

    @Test
    void unknownElementAndEdgeAreRefused() throws IOException {
        ObjectNode d = licoo2();
        ((ObjectNode) d.get("absorbing_element")).put("element", "Xx");
        assertTrue(problemOf(d, "xx.json").contains("unknown absorbing element 'Xx'"));
        d = licoo2();
        d.put("absorbing_element", "Q");
        assertTrue(problemOf(d, "q.json").contains("unknown absorbing element 'Q'"));
        d = licoo2();
        d.put("edge", "N7");
        assertTrue(problemOf(d, "edge.json").contains("unknown absorption edge 'N7'"));
    }

    @Test
    void bareSymbolAndOldKeyAreAccepted() throws IOException {
        ObjectNode d = licoo2();
        d.put("absorbing_element", "Co");
        Path f = tmp.resolve("bare.json");
        Files.writeString(f, JSON.writeValueAsString(d));
        assertEquals("Co", XasFileReader.read(f).spectrum().absorbingElement().symbol());

        ObjectNode old = licoo2();
        old.set("absorption_element", old.remove("absorbing_element"));
        Path g = tmp.resolve("old.json");
        Files.writeString(g, JSON.writeValueAsString(old));
        XasDocument doc = XasFileReader.read(g);
        assertEquals("Co", doc.spectrum().absorbingElement().symbol());
        assertTrue(doc.warnings().stream().anyMatch(w -> w.contains("absorption_element")));
    }
}
