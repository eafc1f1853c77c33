package io.bandsmith.models.xas;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A chemical element (Z = 1..118) with its position in the standard 18-column periodic table, where lanthanides
 * (La..Lu) and actinides (Ac..Lr) are drawn in two separate rows below the main table.
 */
public record ChemicalElement(int atomicNumber, String symbol) implements Comparable<ChemicalElement> {
    private static final String[] SYMBOLS = {
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
        "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
        "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe",
        "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
        "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn",
        "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr",
        "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og",
    };
    private static final ChemicalElement[] BY_Z = new ChemicalElement[SYMBOLS.length + 1];
    private static final Map<String, ChemicalElement> BY_SYMBOL = new HashMap<>();

    static {
        for (int z = 1; z <= SYMBOLS.length; z++) {
            ChemicalElement e = new ChemicalElement(z, SYMBOLS[z - 1]);
            BY_Z[z] = e;
            BY_SYMBOL.put(e.symbol.toLowerCase(Locale.ROOT), e);
        }
    }

    public ChemicalElement {
        if (atomicNumber < 1 || atomicNumber > SYMBOLS.length || !SYMBOLS[atomicNumber - 1].equals(symbol)) {
            throw new IllegalArgumentException("no element with Z = " + atomicNumber + " and symbol " + symbol);
        }
    }

    /** The element with this symbol (case-insensitive, surrounding blanks ignored). */
    public static ChemicalElement ofSymbol(String symbol) {
        ChemicalElement e = symbol == null ? null : BY_SYMBOL.get(symbol.trim().toLowerCase(Locale.ROOT));
        if (e == null || !e.symbol.equalsIgnoreCase(symbol.trim())) {
            throw new IllegalArgumentException("unknown element '" + symbol + "'");
        }
        return e;
    }

    public static boolean isSymbol(String symbol) {
        return symbol != null && BY_SYMBOL.containsKey(symbol.trim().toLowerCase(Locale.ROOT));
    }

    public static ChemicalElement ofAtomicNumber(int z) {
        if (z < 1 || z >= BY_Z.length) {
            throw new IllegalArgumentException("no element with Z = " + z);
        }
        return BY_Z[z];
    }

    public static int count() {
        return SYMBOLS.length;
    }

    /** Period (row) 1..7 of the element in the periodic table. */
    public int period() {
        int[] ends = {2, 10, 18, 36, 54, 86, 118};
        for (int p = 0; p < ends.length; p++) {
            if (atomicNumber <= ends[p]) {
                return p + 1;
            }
        }
        throw new IllegalStateException();
    }

    /** True for La..Lu and Ac..Lr, drawn in the separate f-block rows. */
    public boolean isFBlock() {
        return atomicNumber >= 57 && atomicNumber <= 71 || atomicNumber >= 89 && atomicNumber <= 103;
    }

    /**
     * IUPAC group 1..18; 0 for the f-block elements (La..Lu, Ac..Lr), which are placed by {@link #fBlockColumn()}.
     */
    public int group() {
        if (isFBlock()) {
            return 0;
        }
        int z = atomicNumber;
        switch (period()) {
            case 1:
                return z == 1 ? 1 : 18;
            case 2:
            case 3: {
                int start = period() == 2 ? 3 : 11;
                int k = z - start; // 0..7
                return k < 2 ? k + 1 : k + 11;
            }
            case 4:
            case 5:
                return z - (period() == 4 ? 18 : 36);
            default: {
                int start = period() == 6 ? 54 : 86;
                int k = z - start; // 1, 2, then (after the f block) 18..32
                return k <= 2 ? k : k - 14;
            }
        }
    }

    /** Column 0..14 within the f-block rows (La or Ac = 0). */
    public int fBlockColumn() {
        if (!isFBlock()) {
            throw new IllegalStateException(symbol + " is not in the f block");
        }
        return atomicNumber >= 89 ? atomicNumber - 89 : atomicNumber - 57;
    }

    @Override
    public int compareTo(ChemicalElement o) {
        return Integer.compare(atomicNumber, o.atomicNumber);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
