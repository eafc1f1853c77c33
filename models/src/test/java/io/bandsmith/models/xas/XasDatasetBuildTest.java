package io.bandsmith.models.xas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.models.xas.dataset.SkippedFile;
import io.bandsmith.models.xas.dataset.SyntheticPlantedSignalDataset;
import io.bandsmith.models.xas.dataset.TopologyLabels;
import io.bandsmith.models.xas.dataset.XasDataset;
import io.bandsmith.models.xas.dataset.XasDatasetBuilder;
import io.bandsmith.models.xas.dataset.XasDatasetFiles;
import io.bandsmith.models.xas.dataset.XasManifest;
import io.bandsmith.models.xas.dataset.XasMaterial;

class XasDatasetBuildTest {
    /** The label lists the project ships (surefire runs in the module folder). */
    static final Path SHIPPED_LABELS = Path.of("..", "assets", "xas", "topo-labels");

    @TempDir
    Path tmp;

    private XasDataset small() {
        return SyntheticPlantedSignalDataset.generate(SyntheticPlantedSignalDataset.Settings.small(4)
                .withMaterials(30));
    }

    private Map<String, String> reasons(XasDataset d) {
        return d.skipped().stream().collect(Collectors.toMap(SkippedFile::file, SkippedFile::reason, (a, b) -> a));
    }

    @Test
    void buildSkipsAndListsBadFilesWithTheirReasons() throws IOException {
        XasDataset source = small();
        Path dir = tmp.resolve("spectra");
        SyntheticPlantedSignalDataset.writeSpectraFolder(source, dir);
        String good = Files.readString(XasTestFiles.resource(XasTestFiles.LICOO2_CO_K));
        Files.writeString(dir.resolve("truncated.json"), good.substring(0, good.length() / 3));
        Files.copy(XasTestFiles.resource(XasTestFiles.ZNO_ZN_L3), dir.resolve("zno_l3.json"));
        Files.writeString(dir.resolve("nan.json"), good.replaceFirst("\"x\": \\[7713.228", "\"x\": [NaN"));
        Files.writeString(dir.resolve("unknown.json"), good.replace("\"element\": \"Co\"", "\"element\": \"Qq\""));
        Files.writeString(dir.resolve("noedge.json"), good.replace("\"edge\": \"K\", ", ""));
        Files.writeString(dir.resolve("notes.txt"), "not a spectrum");
        Files.writeString(dir.resolve("README.md"), "documentation is ignored");

        XasDataset d = XasDatasetBuilder.build(dir, XasManifest.read(dir.resolve("manifest.csv")),
                TopologyLabels.empty());
        assertEquals(source.materials().size(), d.materials().size());
        Map<String, String> r = reasons(d);
        assertTrue(r.get("truncated.json").contains("truncated JSON"), r.toString());
        assertTrue(r.get("zno_l3.json").contains("L3 edge where a K edge is required"), r.toString());
        assertTrue(r.get("nan.json").contains("x[0]") && r.get("nan.json").contains("NaN"), r.toString());
        assertTrue(r.get("unknown.json").contains("unknown absorbing element 'Qq'"), r.toString());
        assertTrue(r.get("noedge.json").contains("missing field 'edge'"), r.toString());
        assertTrue(r.get("notes.txt").contains("not a spectrum file"), r.toString());
        assertEquals(6, d.skipped().size(), r.toString());
        // labels and space groups came through the manifest
        Map<String, XasMaterial> byId = new HashMap<>();
        d.materials().forEach(m -> byId.put(m.id(), m));
        for (XasMaterial m : source.materials()) {
            XasMaterial b = byId.get(m.id());
            assertEquals(m.label(), b.label());
            assertEquals(m.symmetry().number(), b.symmetry().number());
            assertEquals(m.spectra().keySet(), b.spectra().keySet());
        }
    }

    @Test
    void labelsAreJoinedBySpaceGroupAndReducedFormula() throws IOException {
        TopologyLabels labels = TopologyLabels.readDirectory(SHIPPED_LABELS);
        assertEquals(TopologicalClass.TOPOLOGICAL, labels.lookup(166, ReducedFormula.parse("Bi2Se3")).orElseThrow());
        assertEquals(TopologicalClass.TRIVIAL, labels.lookup(1, ReducedFormula.parse("Al1Cl7Se1")).orElseThrow());
        assertTrue(labels.lookup(225, ReducedFormula.parse("Bi2Se3")).isEmpty(), "the space group is part of the key");

        // a Bi2Se3 material without a label in the manifest gets "topological" from the ti list
        XasDataset source = small();
        XasMaterial template = source.materials().get(0);
        Path dir = tmp.resolve("bise");
        Files.createDirectories(dir);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        int k = 0;
        for (String el : new String[] {"Bi", "Se"}) {
            XasSpectrum s = template.spectra().values().iterator().next();
            Map<String, Object> o = new HashMap<>();
            o.put("x", s.energiesEv());
            o.put("y", s.intensities());
            o.put("absorbing_element", el);
            o.put("edge", "K");
            o.put("spectrum_type", "XANES");
            json.writeValue(dir.resolve("f" + (k++) + ".json").toFile(), o);
        }
        Files.writeString(dir.resolve("manifest.csv"),
                "material_id,file,formula,space_group\nbise,f0.json,Bi2Se3,166\nbise,f1.json,,\n"
                        + "# comment lines are allowed\n");
        XasDataset d = XasDatasetBuilder.build(dir, XasManifest.read(dir.resolve("manifest.csv")), labels);
        assertEquals(1, d.materials().size(), d.skipped().toString());
        assertEquals(TopologicalClass.TOPOLOGICAL, d.materials().get(0).label());

        // the same with a formula that no list contains is skipped, naming the pair
        Files.writeString(dir.resolve("manifest.csv"),
                "material_id,file,formula,space_group\nbise,f0.json,Bi3Se1,166\nbise,f1.json,,\n");
        XasDataset none = XasDatasetBuilder.build(dir, XasManifest.read(dir.resolve("manifest.csv")), labels);
        assertEquals(0, none.materials().size());
        assertTrue(none.skipped().get(0).reason().contains("(space group 166, Bi3Se1) is in none of the topology "
                + "lists"), none.skipped().toString());
    }

    @Test
    void realMaterialsProjectDocumentNeedsSpectraForEveryElement() throws IOException {
        Path dir = tmp.resolve("mp");
        Files.createDirectories(dir);
        Files.copy(XasTestFiles.resource(XasTestFiles.XASDOC_GZ), dir.resolve("doc.json.gz"));
        XasDataset d = XasDatasetBuilder.build(dir, XasManifest.empty(), TopologyLabels.readDirectory(SHIPPED_LABELS));
        assertEquals(0, d.materials().size());
        assertEquals(1, d.skipped().size());
        assertTrue(d.skipped().get(0).reason().contains("mp-626735 (Ba1H4O3): no K-edge spectrum for Ba, O"),
                d.skipped().toString());
    }

    @Test
    void feffMaterialFoldersAndXdiFilesEnterABuild() throws IOException {
        Path dir = tmp.resolve("real");
        copyTree(XasTestFiles.resource("feff/mp-1022728"), dir.resolve("mp-1022728"));
        copyTree(XasTestFiles.resource("feff/mp-1101124"), dir.resolve("mp-1101124"));
        Files.copy(XasTestFiles.resource("xdi/Hansel2001_magnetite_xanes_001.xdi"), dir.resolve("magnetite.xdi"));
        XasDataset d = XasDatasetBuilder.build(dir, XasManifest.empty(), TopologyLabels.empty());
        Map<String, String> r = reasons(d);
        assertEquals(0, d.materials().size());
        // one entry per FEFF material (its runs site-averaged), none for its POSCAR or the single xmu.dat files
        assertTrue(r.get("mp-1022728").contains("material mp-1022728 (Cu3O2): no K-edge spectrum for O"), r.toString());
        assertTrue(r.get("mp-1101124/FEFF-XANES/001_Cu/feff.inp").contains("feff.inp without xmu.dat"), r.toString());
        assertTrue(r.get("magnetite.xdi").contains("no space group"), r.toString());
        assertEquals(4, r.size(), r.toString());

        // with a manifest that labels it and names only Cu, the site-averaged spectrum enters the dataset
        Files.writeString(dir.resolve("manifest.csv"), "material_id,formula,label\nmp-1022728,Cu,topological\n");
        XasDataset kept = XasDatasetBuilder.build(dir, XasManifest.read(dir.resolve("manifest.csv")),
                TopologyLabels.empty());
        assertEquals(1, kept.materials().size());
        XasMaterial m = kept.materials().get(0);
        assertEquals("mp-1022728", m.id());
        assertEquals(139, m.symmetry().number());
        XasSpectrum avg = io.bandsmith.models.xas.io.XasFileReader.read(dir.resolve("mp-1022728")).spectrum();
        assertArrayEquals(avg.intensities(), m.spectra().get(ChemicalElement.ofSymbol("Cu")).intensities());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    @Test
    void pymatgenFileWithoutSpaceGroupIsSkippedWithTheReason() throws IOException {
        Path dir = tmp.resolve("nosg");
        Files.createDirectories(dir);
        Files.copy(XasTestFiles.resource(XasTestFiles.LICOO2_CO_K), dir.resolve("licoo2.json"));
        XasDataset d = XasDatasetBuilder.build(dir, XasManifest.empty(), TopologyLabels.empty());
        assertTrue(d.skipped().get(0).reason().contains("no space group"), d.skipped().toString());
    }

    @Test
    void datasetFileRoundTrips() {
        XasDataset d = small();
        for (String name : new String[] {"d.json", "d.json.gz"}) {
            Path f = tmp.resolve(name);
            XasDatasetFiles.write(f, d);
            XasDataset back = XasDatasetFiles.read(f);
            assertEquals(d.materials().size(), back.materials().size());
            assertEquals(d.windows(), back.windows());
            for (int i = 0; i < d.materials().size(); i++) {
                XasMaterial a = d.materials().get(i);
                XasMaterial b = back.materials().get(i);
                assertEquals(a.id(), b.id());
                assertEquals(a.label(), b.label());
                assertEquals(a.symmetry(), b.symmetry());
                assertEquals(a.formula(), b.formula());
                for (ChemicalElement e : a.spectra().keySet()) {
                    assertArrayEquals(a.spectra().get(e).intensities(), b.spectra().get(e).intensities(), 0);
                    assertArrayEquals(a.spectra().get(e).energiesEv(), b.spectra().get(e).energiesEv(), 0);
                }
            }
        }
    }

    @Test
    void badDatasetAndManifestFilesAreRefused() throws IOException {
        Path f = tmp.resolve("d.json");
        XasDatasetFiles.write(f, small());
        byte[] full = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(full, full.length / 2));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> XasDatasetFiles.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        Path other = tmp.resolve("other.json");
        Files.writeString(other, "{\"x\": [1, 2]}");
        assertTrue(assertThrows(InvalidInputException.class, () -> XasDatasetFiles.read(other)).getMessage()
                .contains("not a Bandsmith XAS dataset"));
        Path manifest = tmp.resolve("m.csv");
        Files.writeString(manifest, "id,label\na,1\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> XasManifest.read(manifest)).getMessage()
                .contains("no material_id column"));
        Files.writeString(manifest, "material_id,label\na,maybe\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> XasManifest.read(manifest)).getMessage()
                .contains("line 2"));
    }
}
