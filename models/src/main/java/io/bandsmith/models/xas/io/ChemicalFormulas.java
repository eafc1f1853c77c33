package io.bandsmith.models.xas.io;

import java.util.Map;
import java.util.TreeMap;

import io.bandsmith.models.xas.ChemicalElement;
import io.bandsmith.models.xas.ReducedFormula;

/**
 * Formulas as people write them in spectrum headers: element symbols with counts, parenthesised groups with a
 * multiplier ({@code Fe3(PO4)2}), hydrate parts after a dot or space with a leading coefficient
 * ({@code CaSO4.2(H2O)}, {@code CoSO4.7H2O}). Anything else (mixed sites {@code (Fe,Ni)9S8}, variables
 * {@code Fe(1-x)S}, labels {@code MnO2-pyr}) is refused with the position, as is a non-integer total.
 */
final class ChemicalFormulas {
    private ChemicalFormulas() {
    }

    static ReducedFormula parse(String formula) {
        Map<String, Double> amounts = new TreeMap<>();
        String f = formula.trim().replace('\u00b7', '.').replace('*', '.');
        String[] parts = f.split("\\s*\\.\\s*(?=[0-9(A-Z])|\\s+");
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            int i = 0;
            double coefficient = 1;
            int j = number(part, 0);
            if (j > 0) {
                coefficient = Double.parseDouble(part.substring(0, j));
                i = j;
            }
            int[] pos = {i};
            Map<String, Double> group = group(part, pos, formula);
            if (pos[0] != part.length()) {
                throw new IllegalArgumentException("cannot read '" + formula + "' at '" + part.substring(pos[0])
                        + "'");
            }
            double c = coefficient;
            group.forEach((el, n) -> amounts.merge(el, n * c, Double::sum));
        }
        if (amounts.isEmpty()) {
            throw new IllegalArgumentException("no elements in '" + formula + "'");
        }
        return ReducedFormula.ofAmounts(amounts);
    }

    private static Map<String, Double> group(String s, int[] pos, String formula) {
        Map<String, Double> amounts = new TreeMap<>();
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]);
            if (c == '(' || c == '[') {
                pos[0]++;
                Map<String, Double> inner = group(s, pos, formula);
                char close = c == '(' ? ')' : ']';
                if (pos[0] >= s.length() || s.charAt(pos[0]) != close) {
                    throw new IllegalArgumentException("unbalanced '" + c + "' in '" + formula + "'");
                }
                pos[0]++;
                double m = multiplier(s, pos);
                inner.forEach((el, n) -> amounts.merge(el, n * m, Double::sum));
            } else if (c == ')' || c == ']') {
                return amounts;
            } else if (Character.isUpperCase(c)) {
                int j = pos[0] + 1;
                while (j < s.length() && Character.isLowerCase(s.charAt(j))) {
                    j++;
                }
                String sym = s.substring(pos[0], j);
                if (!ChemicalElement.isSymbol(sym)) {
                    throw new IllegalArgumentException("unknown element '" + sym + "'");
                }
                pos[0] = j;
                double m = multiplier(s, pos);
                amounts.merge(ChemicalElement.ofSymbol(sym).symbol(), m, Double::sum);
            } else {
                return amounts;
            }
        }
        return amounts;
    }

    private static double multiplier(String s, int[] pos) {
        int j = number(s, pos[0]);
        if (j == pos[0]) {
            return 1;
        }
        double m = Double.parseDouble(s.substring(pos[0], j));
        pos[0] = j;
        return m;
    }

    private static int number(String s, int from) {
        int j = from;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
            j++;
        }
        return j;
    }
}
