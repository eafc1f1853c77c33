package io.bandsmith.models.xas;

/**
 * The 32 crystallographic point groups (Hermann-Mauguin short symbols as spglib writes them), in the order in which
 * their space groups are numbered in the International Tables for Crystallography, Vol. A: the space groups of each
 * geometric crystal class form one contiguous block of numbers, from {@link #firstSpaceGroup()} to
 * {@link #lastSpaceGroup()}. The enum index is the one-hot position.
 */
public enum CrystalPointGroup {
    C1("1", CrystalSystem.TRICLINIC, 1, 1),
    CI("-1", CrystalSystem.TRICLINIC, 2, 2),
    C2("2", CrystalSystem.MONOCLINIC, 3, 5),
    CS("m", CrystalSystem.MONOCLINIC, 6, 9),
    C2H("2/m", CrystalSystem.MONOCLINIC, 10, 15),
    D2("222", CrystalSystem.ORTHORHOMBIC, 16, 24),
    C2V("mm2", CrystalSystem.ORTHORHOMBIC, 25, 46),
    D2H("mmm", CrystalSystem.ORTHORHOMBIC, 47, 74),
    C4("4", CrystalSystem.TETRAGONAL, 75, 80),
    S4("-4", CrystalSystem.TETRAGONAL, 81, 82),
    C4H("4/m", CrystalSystem.TETRAGONAL, 83, 88),
    D4("422", CrystalSystem.TETRAGONAL, 89, 98),
    C4V("4mm", CrystalSystem.TETRAGONAL, 99, 110),
    D2D("-42m", CrystalSystem.TETRAGONAL, 111, 122),
    D4H("4/mmm", CrystalSystem.TETRAGONAL, 123, 142),
    C3("3", CrystalSystem.TRIGONAL, 143, 146),
    C3I("-3", CrystalSystem.TRIGONAL, 147, 148),
    D3("32", CrystalSystem.TRIGONAL, 149, 155),
    C3V("3m", CrystalSystem.TRIGONAL, 156, 161),
    D3D("-3m", CrystalSystem.TRIGONAL, 162, 167),
    C6("6", CrystalSystem.HEXAGONAL, 168, 173),
    C3H("-6", CrystalSystem.HEXAGONAL, 174, 174),
    C6H("6/m", CrystalSystem.HEXAGONAL, 175, 176),
    D6("622", CrystalSystem.HEXAGONAL, 177, 182),
    C6V("6mm", CrystalSystem.HEXAGONAL, 183, 186),
    D3H("-6m2", CrystalSystem.HEXAGONAL, 187, 190),
    D6H("6/mmm", CrystalSystem.HEXAGONAL, 191, 194),
    T("23", CrystalSystem.CUBIC, 195, 199),
    TH("m-3", CrystalSystem.CUBIC, 200, 206),
    O("432", CrystalSystem.CUBIC, 207, 214),
    TD("-43m", CrystalSystem.CUBIC, 215, 220),
    OH("m-3m", CrystalSystem.CUBIC, 221, 230);

    private final String symbol;
    private final CrystalSystem system;
    private final int first;
    private final int last;

    CrystalPointGroup(String symbol, CrystalSystem system, int first, int last) {
        this.symbol = symbol;
        this.system = system;
        this.first = first;
        this.last = last;
    }

    /** Hermann-Mauguin short symbol ("-3m", "6/mmm", "m-3m"). */
    public String symbol() {
        return symbol;
    }

    public CrystalSystem crystalSystem() {
        return system;
    }

    public int firstSpaceGroup() {
        return first;
    }

    public int lastSpaceGroup() {
        return last;
    }

    /** The point group of space group {@code number} (1..230). */
    public static CrystalPointGroup ofSpaceGroup(int number) {
        if (number < 1 || number > 230) {
            throw new IllegalArgumentException("space group number must be 1..230, got " + number);
        }
        for (CrystalPointGroup g : values()) {
            if (number <= g.last) {
                return g;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The point group with this Hermann-Mauguin symbol, or null. Blanks are ignored. */
    public static CrystalPointGroup ofSymbol(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replace(" ", "");
        for (CrystalPointGroup g : values()) {
            if (g.symbol.equals(t)) {
                return g;
            }
        }
        return null;
    }
}
