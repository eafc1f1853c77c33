package io.bandsmith.models.xas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.io.XasDocument;
import io.bandsmith.models.xas.io.XasFileFormat;
import io.bandsmith.models.xas.io.XasFileReader;
import io.bandsmith.models.xas.io.XasInspection;

/**
 * The XDI and FEFF-run readers on real files (copies in src/test/resources/xas, see SOURCES.md there): values
 * compared with numbers read off the files' text, site multiplicities with the Wyckoff positions of the space group,
 * and the malformed cases derived from the copies.
 */
class XasRealFormatsTest {
    static final String MAGNETITE = "xdi/Hansel2001_magnetite_xanes_001.xdi";
    static final String PYRITE = "xdi/pyrite2_rt_01.xdi";
    static final String SRCO3 = "xdi/SrCO3_12K_02.xdi";
    static final String CU3O2 = "feff/mp-1022728";
    static final String CU3O2_SITE0 = "feff/mp-1022728/FEFF-XANES/000_Cu";
    static final String CU3O2_SITE2 = "feff/mp-1022728/FEFF-XANES/002_Cu";

    @TempDir
    Path tmp;

    @Test
    void xdiTransmissionWithoutMuColumnGivesLnI0OverItrans() {
        XasDocument doc = XasFileReader.read(XasTestFiles.resource(MAGNETITE));
        XasSpectrum s = doc.spectrum();
        assertEquals(XasFileFormat.XDI, doc.format());
        assertEquals("Fe", s.absorbingElement().symbol());
        assertEquals(AbsorptionEdge.K, s.edge());
        // first data row of the file: energy 7061.982, itrans 187566.50, i0 101621.50
        assertEquals(7061.982, s.minEnergyEv(), 0);
        assertEquals(Math.log(101621.50 / 187566.50), s.intensities()[0], 1e-12);
        assertEquals("Fe3O4", doc.formulaAsWritten().orElseThrow());
        assertEquals("Fe3O4", doc.formula().orElseThrow().text());
        assertTrue(doc.symmetry().isEmpty());
        Map<String, Object> r = XasInspection.report(doc);
        assertEquals(200, r.get("points"));
        assertEquals("xdi", r.get("format"));
        assertEquals("Fe3O4", r.get("formula"));
        assertEquals("ln(i0/itrans) (transmission)", r.get("mu_from"));
    }

    @Test
    void xdiFluorescenceGivesIfluorOverI0() {
        XasDocument doc = XasFileReader.read(XasTestFiles.resource(PYRITE));
        XasSpectrum s = doc.spectrum();
        assertEquals("S", s.absorbingElement().symbol());
        // first data row: energy 2450.000, ifluor 10707.8768, i0 337054.00
        assertEquals(2450.0, s.minEnergyEv(), 0);
        assertEquals(10707.8768 / 337054.00, s.intensities()[0], 1e-15);
        assertEquals("Fe1S2", doc.formula().orElseThrow().text());
    }

    @Test
    void xdiMuColumnIsTakenAsIsAndCommentsAreNotFields() throws IOException {
        Path f = XasTestFiles.resource(SRCO3);
        XasDocument doc = XasFileReader.read(f);
        XasSpectrum s = doc.spectrum();
        assertEquals("Sr", s.absorbingElement().symbol());
        assertEquals(15700.043, s.minEnergyEv(), 0);
        assertEquals(-0.040479829, s.intensities()[0], 0);
        long dataRows = Files.readAllLines(f).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        assertEquals(dataRows, s.pointCount());
        // 15700 to beyond 16800 eV: more than the 200 eV a XANES spans
        assertEquals(SpectrumType.XAFS, s.type());
        assertEquals(1, XasInspection.report(doc).get("comment_lines"));
    }

    @Test
    void keVEnergiesAreConvertedToElectronVolts() throws IOException {
        Path f = copy(MAGNETITE);
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            if (l.startsWith("# Column.1:")) {
                out.add("# Column.1: energy keV");
            } else if (!l.startsWith("#") && !l.isBlank()) {
                String[] w = l.trim().split("\\s+");
                out.add((Double.parseDouble(w[0]) / 1000) + " " + w[1] + " " + w[2]);
            } else {
                out.add(l);
            }
        }
        Files.write(f, out);
        XasSpectrum s = XasFileReader.read(f).spectrum();
        assertEquals(7061.982, s.minEnergyEv(), 1e-9);
    }

    @Test
    void repeatedEnergiesAreAveragedAndDownwardScansReversed() throws IOException {
        XasSpectrum original = XasFileReader.read(XasTestFiles.resource(MAGNETITE)).spectrum();
        Path f = copy(MAGNETITE);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        int first = 0;
        while (lines.get(first).startsWith("#")) {
            first++;
        }
        // the first data row once more, with itrans halved: mu there becomes the mean of the two readings
        String[] w = lines.get(first).trim().split("\\s+");
        lines.add(first + 1, w[0] + " " + Double.parseDouble(w[1]) / 2 + " " + w[2]);
        Files.write(f, lines);
        XasDocument doc = XasFileReader.read(f);
        assertEquals(original.pointCount(), doc.spectrum().pointCount());
        double mu1 = Math.log(Double.parseDouble(w[2]) / Double.parseDouble(w[1]));
        double mu2 = Math.log(Double.parseDouble(w[2]) / (Double.parseDouble(w[1]) / 2));
        assertEquals((mu1 + mu2) / 2, doc.spectrum().intensities()[0], 1e-12);
        assertTrue(doc.warnings().toString().contains("1 repeated energy point(s) averaged"), doc.warnings().toString());

        Path down = tmp.resolve("down.xdi");
        Files.copy(XasTestFiles.resource(MAGNETITE), down);
        List<String> all = Files.readAllLines(down);
        List<String> header = new ArrayList<>(all.subList(0, first));
        List<String> data = new ArrayList<>(all.subList(first, all.size()));
        java.util.Collections.reverse(data);
        header.addAll(data);
        Files.write(down, header);
        assertArrayEquals(original.intensities(), XasFileReader.read(down).spectrum().intensities(), 0);
    }

    @Test
    void feffRunReadsElementEdgeFormulaSpaceGroupAndSite() throws IOException {
        Path run = XasTestFiles.resource(CU3O2_SITE0);
        XasDocument doc = XasFileReader.read(run);
        XasSpectrum s = doc.spectrum();
        assertEquals(XasFileFormat.FEFF_RUN, doc.format());
        assertEquals("Cu", s.absorbingElement().symbol());
        assertEquals(AbsorptionEdge.K, s.edge());
        assertEquals(SpectrumType.XANES, s.type());
        assertEquals(0, s.absorbingSiteIndex().getAsInt());
        assertEquals("Cu3O2", doc.formulaAsWritten().orElseThrow());
        assertEquals("Cu3O2", doc.formula().orElseThrow().text());
        assertEquals(139, doc.symmetry().orElseThrow().number());
        assertEquals("I4/mmm", doc.symmetry().orElseThrow().symbol().orElseThrow());
        assertEquals("mp-1022728", doc.materialId().orElseThrow());
        double[][] rows = xmuRows(run.resolve("xmu.dat"));
        assertEquals(rows.length, s.pointCount());
        assertEquals(rows[0][0], s.minEnergyEv(), 0);
        assertEquals(rows[0][3], s.intensities()[0], 0);
        // I4/mmm, primitive cell: Cu at (1/4,3/4,1/2) is Wyckoff 4c/4d (2 per primitive cell)
        assertEquals(2, doc.sites().get(0).multiplicity());

        // the same run given as its xmu.dat or its feff.inp
        assertEquals(doc.spectrum().toString(), XasFileReader.read(run.resolve("xmu.dat")).spectrum().toString());
        assertEquals(139, XasFileReader.read(run.resolve("feff.inp")).symmetry().orElseThrow().number());
    }

    @Test
    void materialFolderIsTheMultiplicityWeightedSiteAverage() {
        XasDocument avg = XasFileReader.read(XasTestFiles.resource(CU3O2));
        XasDocument site0 = XasFileReader.read(XasTestFiles.resource(CU3O2_SITE0));
        XasDocument site2 = XasFileReader.read(XasTestFiles.resource(CU3O2_SITE2));
        assertEquals(XasFileFormat.FEFF_SITE_AVERAGE, avg.format());
        assertTrue(avg.spectrum().absorbingSiteIndex().isEmpty());
        // Wyckoff multiplicities of I4/mmm halved for the body-centred primitive cell: 4c/4d -> 2, 2a/2b -> 1;
        // together the 3 Cu of the POSCAR
        assertEquals(2, avg.sites().size());
        assertEquals(0, avg.sites().get(0).siteIndex());
        assertEquals(2, avg.sites().get(0).multiplicity());
        assertEquals(2, avg.sites().get(1).siteIndex());
        assertEquals(1, avg.sites().get(1).multiplicity());
        assertEquals(2.0 / 3, avg.sites().get(0).weight(), 1e-12);
        assertEquals(1.0 / 3, avg.sites().get(1).weight(), 1e-12);
        double lo = Math.max(site0.spectrum().minEnergyEv(), site2.spectrum().minEnergyEv());
        double hi = Math.min(site0.spectrum().maxEnergyEv(), site2.spectrum().maxEnergyEv());
        assertEquals(lo, avg.spectrum().minEnergyEv(), 0);
        assertEquals(hi, avg.spectrum().maxEnergyEv(), 0);
        for (double e : site0.spectrum().energiesEv()) {
            if (e >= lo && e <= hi) {
                double expected = (2 * site0.spectrum().intensityAt(e) + site2.spectrum().intensityAt(e)) / 3;
                assertEquals(expected, avg.spectrum().intensityAt(e), 1e-12, "at " + e + " eV");
            }
        }
        Map<String, Object> r = XasInspection.report(avg);
        assertEquals("Cu", r.get("absorbing_element"));
        assertEquals("K", r.get("edge"));
        assertEquals("XANES", r.get("spectrum_type"));
        assertEquals(200, r.get("points"));
        assertEquals("Cu3O2", r.get("formula"));
        assertEquals(139, ((Map<?, ?>) r.get("space_group")).get("number"));
        assertEquals(3, r.get("absorber_sites_in_cell"));
    }

    @Test
    void materialWithoutFeffOutputIsRefusedNamingTheRuns() {
        Path dir = XasTestFiles.resource("feff/mp-1101124");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> XasFileReader.read(dir));
        assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("feff.inp without xmu.dat"), e.getMessage());
        assertTrue(e.getMessage().contains("001_Cu"), e.getMessage());
    }

    @Test
    void xdiWithoutEnergyColumnIsRefused() throws IOException {
        Path f = copy(MAGNETITE);
        rewrite(f, l -> l.startsWith("# Column.1:") ? "# Column.1: monitor counts" : l);
        assertRefused(f, "no energy column");
    }

    @Test
    void xdiWithColumnsOfUnequalLengthIsRefused() throws IOException {
        Path f = copy(MAGNETITE);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        int data = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("#") && !lines.get(i).isBlank() && ++data == 10) {
                String l = lines.get(i).stripTrailing();
                lines.set(i, l.substring(0, l.lastIndexOf(' ')));
            }
        }
        Files.write(f, lines);
        assertRefused(f, "columns of unequal length");
    }

    @Test
    void xdiWithoutElementIsRefused() throws IOException {
        Path f = copy(MAGNETITE);
        rewrite(f, l -> l.startsWith("# Element.symbol") ? "# Sample.note: none" : l);
        assertRefused(f, "Element.symbol");
    }

    @Test
    void feffInpWithoutSpaceGroupLineIsRefused() throws IOException {
        Path run = copyRun(CU3O2_SITE0);
        rewrite(run.resolve("feff.inp"), l -> l.startsWith("TITLE space group") ? "TITLE comment" : l);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> XasFileReader.read(run));
        assertTrue(e.getMessage().startsWith(run.resolve("feff.inp").toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("no space-group title line"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void xmuDatCutInTheMiddleOfALineIsRefused() throws IOException {
        Path run = copyRun(CU3O2_SITE0);
        Path xmu = run.resolve("xmu.dat");
        byte[] b = Files.readAllBytes(xmu);
        String text = new String(b, StandardCharsets.US_ASCII);
        int cut = text.indexOf('\n', b.length * 6 / 10) + 20;
        Files.write(xmu, Arrays.copyOf(b, cut));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> XasFileReader.read(run));
        assertTrue(e.getMessage().startsWith(xmu.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void xmuDatCutAtALineEndIsRefusedByTheEnergyGridOfFeffInp() throws IOException {
        Path run = copyRun(CU3O2_SITE0);
        Path xmu = run.resolve("xmu.dat");
        List<String> lines = Files.readAllLines(xmu);
        Files.write(xmu, lines.subList(0, lines.size() - 30));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> XasFileReader.read(run));
        assertTrue(e.getMessage().startsWith(xmu.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("EGRID runs to k = 6.000"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    private void assertRefused(Path f, String reason) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> XasFileReader.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    private Path copy(String resource) throws IOException {
        Path f = tmp.resolve(Path.of(resource).getFileName().toString());
        Files.copy(XasTestFiles.resource(resource), f);
        return f;
    }

    private Path copyRun(String resource) throws IOException {
        Path src = XasTestFiles.resource(resource);
        Path dst = tmp.resolve("mp-test").resolve("FEFF-XANES").resolve(src.getFileName().toString());
        Files.createDirectories(dst);
        for (String n : new String[] {"feff.inp", "xmu.dat"}) {
            Files.copy(src.resolve(n), dst.resolve(n));
        }
        Files.copy(src.getParent().getParent().resolve("POSCAR"), tmp.resolve("mp-test").resolve("POSCAR"));
        return dst;
    }

    private static void rewrite(Path f, java.util.function.UnaryOperator<String> op) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            out.add(op.apply(l));
        }
        Files.write(f, out);
    }

    private static double[][] xmuRows(Path xmu) throws IOException {
        try (Stream<String> s = Files.lines(xmu)) {
            return s.filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> Arrays.stream(l.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
        }
    }
}
