package io.bandsmith.engine.group;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A band representation induced from one site co-representation at one Wyckoff position: at every maximal k point,
 * how many times each physically irreducible representation (by label) occurs.
 *
 * @param name "WYCKOFF_SITELABEL", e.g. "1a_s", "2c_A"
 * @param wyckoff the Wyckoff label ("1a", ...)
 * @param siteLabel the label of the site co-representation
 * @param bandCount number of bands (multiplicity of the position × dimension of the site co-representation)
 * @param multiplicities point name -> (label -> multiplicity), labels in table order, zeros included
 */
public record BandRepresentation(String name, String wyckoff, String siteLabel, int bandCount,
        Map<String, Map<String, Integer>> multiplicities) {
    public BandRepresentation {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        multiplicities.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        multiplicities = java.util.Collections.unmodifiableMap(copy);
    }

    /** Multiplicity of the representation labelled {@code label} at the point {@code point}. */
    public int multiplicity(String point, String label) {
        Map<String, Integer> m = multiplicities.get(point);
        if (m == null || !m.containsKey(label)) {
            throw new IllegalArgumentException("no label " + label + " at " + point);
        }
        return m.get(label);
    }

    @Override
    public String toString() {
        return name + multiplicities;
    }
}
