package io.bandsmith.models.xas;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The XAS module sits in `models`: no JavaFX and nothing from `app` (the project-wide ArchUnit rules live in tests). */
class XasLayerRulesTest {
    @Test
    void xasSourcesImportNeitherJavaFxNorTheApp() throws IOException {
        Path root = Path.of("src", "main", "java", "io", "bandsmith", "models", "xas");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String s = Files.readString(p);
                    return s.contains("import javafx.") || s.contains("import io.bandsmith.app.");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).collect(Collectors.toList());
        }
        assertTrue(offenders.isEmpty(), "upward imports in " + offenders);
    }
}
