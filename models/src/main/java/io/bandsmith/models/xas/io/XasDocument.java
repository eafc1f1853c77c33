package io.bandsmith.models.xas.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.bandsmith.models.xas.ReducedFormula;
import io.bandsmith.models.xas.SpaceGroupSymmetry;
import io.bandsmith.models.xas.XasSpectrum;

/**
 * A spectrum as read from one file, with what the file says about its material: an id (Materials Project
 * {@code material_id} / {@code task_id}), the reduced formula, the space group (from a {@code symmetry} block) and
 * the warnings raised while reading.
 */
public record XasDocument(Path source, XasFileFormat format, XasSpectrum spectrum, Optional<String> materialId,
        Optional<ReducedFormula> formula, Optional<SpaceGroupSymmetry> symmetry, List<String> warnings) {
    public XasDocument {
        if (source == null || format == null || spectrum == null) {
            throw new IllegalArgumentException("source, format and spectrum are required");
        }
        materialId = materialId == null ? Optional.empty() : materialId;
        formula = formula == null ? Optional.empty() : formula;
        symmetry = symmetry == null ? Optional.empty() : symmetry;
        warnings = List.copyOf(warnings);
    }
}
