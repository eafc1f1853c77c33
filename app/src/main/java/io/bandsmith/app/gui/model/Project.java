package io.bandsmith.app.gui.model;

/**
 * What a project file holds: a name, the geometry (all its layers, so that shapes stay editable) and the preview
 * settings. Immutable.
 */
public record Project(String name, GeometryDocument geometry, PreviewSettings settings) {
    public Project {
        if (name == null || name.isBlank()) {
            name = "Untitled";
        }
        if (geometry == null) {
            throw new IllegalArgumentException("a project needs a geometry");
        }
        if (settings == null) {
            settings = PreviewSettings.DEFAULT;
        }
    }

    public static Project untitled() {
        return new Project("Untitled", GeometryDocument.empty(), PreviewSettings.DEFAULT);
    }

    public Project withGeometry(GeometryDocument g) {
        return new Project(name, g, settings);
    }

    public Project withSettings(PreviewSettings s) {
        return new Project(name, geometry, s);
    }

    public Project withName(String n) {
        return new Project(n, geometry, settings);
    }
}
