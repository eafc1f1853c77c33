package io.bandsmith.models.xas.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.bandsmith.models.xas.ReducedFormula;
import io.bandsmith.models.xas.SpaceGroupSymmetry;
import io.bandsmith.models.xas.XasSpectrum;

/**
 * A spectrum as read from one file (or one FEFF run folder), with what the file says about its material: an id
 * (Materials Project {@code material_id} / {@code task_id}, or the FEFF material folder's name), the reduced formula,
 * the formula as the file writes it, the space group, the absorbing sites that went into it (FEFF runs) and the
 * warnings raised while reading. {@code details} holds format-specific facts for the inspection report.
 */
public record XasDocument(Path source, XasFileFormat format, XasSpectrum spectrum, Optional<String> materialId,
        Optional<ReducedFormula> formula, Optional<SpaceGroupSymmetry> symmetry, List<String> warnings,
        Optional<String> formulaAsWritten, List<SiteContribution> sites, Map<String, Object> details) {
    public XasDocument {
        if (source == null || format == null || spectrum == null) {
            throw new IllegalArgumentException("source, format and spectrum are required");
        }
        materialId = materialId == null ? Optional.empty() : materialId;
        formula = formula == null ? Optional.empty() : formula;
        symmetry = symmetry == null ? Optional.empty() : symmetry;
        formulaAsWritten = formulaAsWritten == null ? Optional.empty() : formulaAsWritten;
        warnings = List.copyOf(warnings);
        sites = sites == null ? List.of() : List.copyOf(sites);
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public XasDocument(Path source, XasFileFormat format, XasSpectrum spectrum, Optional<String> materialId,
            Optional<ReducedFormula> formula, Optional<SpaceGroupSymmetry> symmetry, List<String> warnings) {
        this(source, format, spectrum, materialId, formula, symmetry, warnings, Optional.empty(), List.of(),
                Map.of());
    }

    /**
     * One absorbing site of a FEFF calculation: its index in the structure (0-based, as in the run folder name
     * {@code 008_Cu}), the number of sites of the cell equivalent to it and the weight it got in an average.
     */
    public record SiteContribution(Path run, int siteIndex, int multiplicity, double weight) {
    }
}
