package io.bandsmith.models.xas;

import java.util.Optional;

/**
 * The symmetry input of the classifier: a space group (1..230) and the point group and crystal system it belongs
 * to, derived from the number ({@link CrystalPointGroup}). The symbol is kept when the source file gave one.
 */
public record SpaceGroupSymmetry(int number, CrystalPointGroup pointGroup, CrystalSystem crystalSystem,
        Optional<String> symbol) {
    /** Length of the one-hot encoding: 7 crystal systems + 32 point groups + 230 space groups. */
    public static final int ONE_HOT_LENGTH = 7 + 32 + 230;

    public SpaceGroupSymmetry {
        if (number < 1 || number > 230) {
            throw new IllegalArgumentException("space group number must be 1..230, got " + number);
        }
        if (pointGroup != CrystalPointGroup.ofSpaceGroup(number)) {
            throw new IllegalArgumentException("space group " + number + " has point group "
                    + CrystalPointGroup.ofSpaceGroup(number).symbol() + ", not " + pointGroup.symbol());
        }
        if (crystalSystem != pointGroup.crystalSystem()) {
            throw new IllegalArgumentException("point group " + pointGroup.symbol() + " is "
                    + pointGroup.crystalSystem().displayName() + ", not " + crystalSystem.displayName());
        }
        symbol = symbol == null ? Optional.empty() : symbol;
    }

    public static SpaceGroupSymmetry of(int number) {
        CrystalPointGroup pg = CrystalPointGroup.ofSpaceGroup(number);
        return new SpaceGroupSymmetry(number, pg, pg.crystalSystem(), Optional.empty());
    }

    public static SpaceGroupSymmetry of(int number, String symbol) {
        CrystalPointGroup pg = CrystalPointGroup.ofSpaceGroup(number);
        return new SpaceGroupSymmetry(number, pg, pg.crystalSystem(), Optional.ofNullable(symbol));
    }

    /**
     * The three one-hot vectors of the paper concatenated: [crystal system (7) | point group (32) | space group
     * (230)].
     */
    public float[] oneHot() {
        float[] v = new float[ONE_HOT_LENGTH];
        v[crystalSystem.ordinal()] = 1;
        v[7 + pointGroup.ordinal()] = 1;
        v[7 + 32 + number - 1] = 1;
        return v;
    }
}
