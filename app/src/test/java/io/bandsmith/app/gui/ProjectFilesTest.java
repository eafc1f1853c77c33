package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.app.gui.model.GeometryBase;
import io.bandsmith.app.gui.model.GeometryDocument;
import io.bandsmith.app.gui.model.PreviewSettings;
import io.bandsmith.app.gui.model.Project;
import io.bandsmith.app.gui.model.ProjectFiles;
import io.bandsmith.app.gui.model.ProjectFormatException;
import io.bandsmith.app.gui.model.ShapeSpec;

class ProjectFilesTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfGeometryRoundTrips() throws Exception {
        double[] f = new double[9];
        f[0] = 1;
        List<GeometryBase> bases = List.of(new GeometryBase.Uniform(0.5), new GeometryBase.SixHoles(0.3, 0.12),
                new GeometryBase.RandomField(0.5, 42, true, 8), new GeometryBase.Imported("x.npy", 3, f));
        for (GeometryBase base : bases) {
            GeometryDocument doc = GeometryDocument.of(24, 200, base,
                    List.of(ShapeSpec.disc(0.1, 0.2, 0.05, 1), ShapeSpec.polygon(0.5, 0.1, 0.1, 5, 12, 0.5)))
                    .withDab(0.6, 0.3, 0.08, true);
            Project p = new Project("p", doc, new PreviewSettings(6, 2, 4, List.of(2, 3)));
            Path file = dir.resolve("p.json");
            ProjectFiles.write(file, p);
            Project back = ProjectFiles.read(file);
            assertEquals(p, back, base.describe());
            assertEquals(doc.grid(), back.geometry().grid());
        }
    }

    @Test
    void theExamplesOpen() throws Exception {
        Path examples = Path.of(System.getProperty("user.dir")).resolveSibling("assets").resolve("examples");
        try (var files = Files.list(examples)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertTrue(list.size() >= 4, "examples: " + list);
            for (Path p : list) {
                Project project = ProjectFiles.read(p);
                assertEquals(100, project.geometry().size(), p.toString());
            }
        }
    }

    @Test
    void badFilesAreRefusedWithAReason() throws Exception {
        String good = ProjectFiles.toJson(Project.untitled());
        String[][] cases = {
            {"{", "not valid JSON"},
            {"[1, 2]", "not a Bandsmith project"},
            {"{\"format\": \"something-else\", \"schemaVersion\": 1}", "not a Bandsmith project"},
            {good.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"), "newer Bandsmith (schema version 2"},
            {good.replace("\"gridSize\" : 100", "\"gridSize\" : \"big\""), "gridSize"},
            {good.replace("\"uniform\"", "\"spiral\""), "unknown base kind"},
            {good.replace("\"bandCount\" : 7", "\"bandCount\" : 99"), "band count"},
        };
        for (String[] c : cases) {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, c[0]);
            ProjectFormatException e = assertThrows(ProjectFormatException.class, () -> ProjectFiles.read(file),
                    c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage() + " should say " + c[1]);
            assertTrue(e.getMessage().startsWith("bad.json: "), e.getMessage());
        }
    }
}
