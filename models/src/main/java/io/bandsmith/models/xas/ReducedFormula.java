package io.bandsmith.models.xas;

import java.util.Map;
import java.util.TreeMap;

/**
 * A reduced chemical formula in the form the topology catalogues use as a key: elements in alphabetical order of
 * their symbols, each with an explicit integer count, divided by the greatest common divisor ("Bi2Se3", "Bi1Na3",
 * "Sn1").
 */
public record ReducedFormula(String text) {
    public ReducedFormula {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty formula");
        }
    }

    /**
     * From element amounts (atoms per cell or per formula unit). Amounts must be integers up to 1e-6 after the
     * smallest amount is scaled to the nearest integer multiple; otherwise (disordered sites) an exception says so.
     */
    public static ReducedFormula ofAmounts(Map<String, Double> amounts) {
        if (amounts.isEmpty()) {
            throw new IllegalArgumentException("empty composition");
        }
        TreeMap<String, Long> counts = new TreeMap<>();
        for (Map.Entry<String, Double> e : amounts.entrySet()) {
            String sym = ChemicalElement.ofSymbol(e.getKey()).symbol();
            double a = e.getValue();
            long n = Math.round(a);
            if (!(a > 0) || Math.abs(a - n) > 1e-6 * Math.max(1, a)) {
                throw new IllegalArgumentException("non-integer amount " + a + " of " + sym
                        + " (partially occupied sites?)");
            }
            counts.merge(sym, n, Long::sum);
        }
        long g = 0;
        for (long n : counts.values()) {
            g = gcd(g, n);
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            sb.append(e.getKey()).append(e.getValue() / g);
        }
        return new ReducedFormula(sb.toString());
    }

    /** Parses "Bi2Se3", "LiCoO2", "BaH4O3" (no brackets) into the canonical form. */
    public static ReducedFormula parse(String formula) {
        Map<String, Double> amounts = new TreeMap<>();
        String f = formula.trim();
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            if (!Character.isUpperCase(c)) {
                throw new IllegalArgumentException("cannot read formula '" + formula + "' at position " + i);
            }
            int j = i + 1;
            while (j < f.length() && Character.isLowerCase(f.charAt(j))) {
                j++;
            }
            String sym = f.substring(i, j);
            int k = j;
            while (k < f.length() && (Character.isDigit(f.charAt(k)) || f.charAt(k) == '.')) {
                k++;
            }
            double n = k > j ? Double.parseDouble(f.substring(j, k)) : 1;
            if (!ChemicalElement.isSymbol(sym)) {
                throw new IllegalArgumentException("unknown element '" + sym + "' in formula '" + formula + "'");
            }
            amounts.merge(ChemicalElement.ofSymbol(sym).symbol(), n, Double::sum);
            i = k;
        }
        return ofAmounts(amounts);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public String toString() {
        return text;
    }
}
