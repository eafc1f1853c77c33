package io.bandsmith.engine.group;

import java.util.List;

/**
 * A Wyckoff position: its label ("1a", "2b", ...; the number is the multiplicity), the orbit q_α = g_α q of its
 * representative (g_α maps q exactly onto q_α, which lies in [0, 1)^d), the site-symmetry group (the operations that
 * fix q exactly, translations included) with its checked character table, and the site co-representations with time
 * reversal (an orbital and its complex conjugate sit on the same site).
 */
public record WyckoffPosition(String label, double[] position, List<double[]> orbit, List<SymOp> cosetRepresentatives,
        List<SymOp> siteGroup, CharacterTable siteTable, List<CharacterTable.Corep> siteCoreps) {
    public WyckoffPosition {
        position = position.clone();
        orbit = orbit.stream().map(double[]::clone).toList();
        cosetRepresentatives = List.copyOf(cosetRepresentatives);
        siteGroup = List.copyOf(siteGroup);
        siteCoreps = List.copyOf(siteCoreps);
        if (!label.startsWith(Integer.toString(orbit.size()))) {
            throw new IllegalArgumentException("Wyckoff position " + label + " has multiplicity " + orbit.size());
        }
    }

    @Override
    public double[] position() {
        return position.clone();
    }

    public int multiplicity() {
        return orbit.size();
    }
}
