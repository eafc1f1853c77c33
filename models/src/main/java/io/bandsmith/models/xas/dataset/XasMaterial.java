package io.bandsmith.models.xas.dataset;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import io.bandsmith.models.xas.AbsorptionEdge;
import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.ReducedFormula;
import io.bandsmith.models.xas.SpaceGroupSymmetry;
import io.bandsmith.models.xas.TopologicalClass;
import io.bandsmith.models.xas.XasSpectrum;

/**
 * One sample: a material with one K-edge spectrum per absorbing element, its space group and (for training data)
 * its topological class. Immutable; checked where made (at least one spectrum, each filed under its own element).
 */
public record XasMaterial(String id, Optional<ReducedFormula> formula, SpaceGroupSymmetry symmetry,
        Optional<TopologicalClass> topologicalClass, SortedMap<ChemicalElement, XasSpectrum> spectra) {
    public XasMaterial {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("material id is required");
        }
        if (symmetry == null) {
            throw new IllegalArgumentException("material " + id + ": space group is required");
        }
        if (spectra == null || spectra.isEmpty()) {
            throw new IllegalArgumentException("material " + id + ": needs at least one spectrum");
        }
        for (var e : spectra.entrySet()) {
            if (!e.getKey().equals(e.getValue().absorbingElement())) {
                throw new IllegalArgumentException("material " + id + ": " + e.getValue().absorbingElement()
                        + " spectrum filed under " + e.getKey());
            }
            if (e.getValue().edge() != AbsorptionEdge.K) {
                throw new IllegalArgumentException("material " + id + ": " + e.getKey() + " "
                        + e.getValue().edge().label() + " edge where a K edge is required");
            }
        }
        formula = formula == null ? Optional.empty() : formula;
        topologicalClass = topologicalClass == null ? Optional.empty() : topologicalClass;
        spectra = Collections.unmodifiableSortedMap(new TreeMap<>(spectra));
    }

    public TopologicalClass label() {
        return topologicalClass.orElseThrow(() -> new IllegalStateException("material " + id + " has no label"));
    }

    public XasMaterial withLabel(TopologicalClass cls) {
        return new XasMaterial(id, formula, symmetry, Optional.of(cls), spectra);
    }
}
