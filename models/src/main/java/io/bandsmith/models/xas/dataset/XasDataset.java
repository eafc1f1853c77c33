package io.bandsmith.models.xas.dataset;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.TopologicalClass;

/**
 * A labelled set of materials with the per-element energy windows their spectra are resampled on, and the list of
 * input files that were left out with the reason. Immutable; every material is labelled, ids are unique and every
 * absorbing element has a window.
 */
public record XasDataset(List<XasMaterial> materials, SortedMap<ChemicalElement, EnergyWindow> windows,
        List<SkippedFile> skipped, String description) {
    public XasDataset {
        Set<String> ids = new HashSet<>();
        for (XasMaterial m : materials) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("duplicate material id " + m.id());
            }
            if (m.topologicalClass().isEmpty()) {
                throw new IllegalArgumentException("material " + m.id() + " has no label");
            }
            for (ChemicalElement e : m.spectra().keySet()) {
                if (!windows.containsKey(e)) {
                    throw new IllegalArgumentException("no energy window for " + e + " (material " + m.id() + ")");
                }
            }
        }
        materials = List.copyOf(materials);
        windows = Collections.unmodifiableSortedMap(new TreeMap<>(windows));
        skipped = List.copyOf(skipped);
        description = description == null ? "" : description;
    }

    public long count(TopologicalClass cls) {
        return materials.stream().filter(m -> m.label() == cls).count();
    }

    /** Number of materials containing each element, by class. */
    public Map<ChemicalElement, long[]> elementCounts() {
        Map<ChemicalElement, long[]> c = new TreeMap<>();
        for (XasMaterial m : materials) {
            for (ChemicalElement e : m.spectra().keySet()) {
                c.computeIfAbsent(e, k -> new long[2])[m.label().label()]++;
            }
        }
        return c;
    }

    public XasDataset withMaterials(List<XasMaterial> replaced, String newDescription) {
        return new XasDataset(replaced, windows, skipped, newDescription);
    }
}
