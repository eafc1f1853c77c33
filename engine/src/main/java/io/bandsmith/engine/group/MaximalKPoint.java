package io.bandsmith.engine.group;

import java.util.List;

/**
 * A maximal k point of a wallpaper group: its short name (as JSON keys use it: "G", "X", "M", ...), display name,
 * fractional reciprocal coordinates κ (k = Σ κ_i b_i), little co-group (the operations with W⁻ᵀκ ≡ κ), its checked
 * character table and the physically irreducible representations with time reversal, named as conventions.md does.
 */
public record MaximalKPoint(String name, String displayName, double[] kappa, List<SymOp> littleGroup,
        CharacterTable table, List<CharacterTable.Corep> coreps) {
    public MaximalKPoint {
        kappa = kappa.clone();
        littleGroup = List.copyOf(littleGroup);
        coreps = List.copyOf(coreps);
    }

    @Override
    public double[] kappa() {
        return kappa.clone();
    }

    /** The co-representation with the given label. */
    public CharacterTable.Corep corep(String label) {
        for (CharacterTable.Corep c : coreps) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a label at " + displayName);
    }

    /** The labels in table order. */
    public List<String> labels() {
        return coreps.stream().map(CharacterTable.Corep::label).toList();
    }
}
