package io.bandsmith.engine.symmetry;

import io.bandsmith.engine.lattice.HighSymmetryPoint;

/**
 * The symmetry label of a level at a maximal k point: the irreducible representation of the rotation C_n that
 * generates the little co-group, named by |m| where the eigenvalue of C_n is e^{-2πi m/n} (conventions.md).
 * With time reversal, m and -m pair up: labels with 0 < |m| < n/2 are two-dimensional.
 *
 * <p>p6 names: Γ (C6) s, p, d, f for |m| = 0..3; K (C3) "0", "1"; M (C2) "+", "-". p4: Γ and M (C4) s, p, d;
 * X (C2) "+", "-".
 *
 * @param point the short name of the k point ("G", "K", "M")
 * @param rotationOrder n
 * @param absM |m|, 0 <= |m| <= n/2
 */
public record IrrepLabel(String point, int rotationOrder, int absM) {
    private static final String[] C6_NAMES = {"s", "p", "d", "f"};

    public IrrepLabel {
        if (absM < 0 || 2 * absM > rotationOrder) {
            throw new IllegalArgumentException("|m| = " + absM + " is not a label of C" + rotationOrder);
        }
    }

    public static IrrepLabel of(HighSymmetryPoint point, int absM) {
        return new IrrepLabel(point.name(), point.rotationOrder(), absM);
    }

    /** Parses a symbol as written in files ("s", "p", "0", "1", "+", "-", or |m| as a number). */
    public static IrrepLabel parse(HighSymmetryPoint point, String symbol) {
        int n = point.rotationOrder();
        for (int m = 0; 2 * m <= n; m++) {
            if (new IrrepLabel(point.name(), n, m).symbol().equals(symbol)) {
                return new IrrepLabel(point.name(), n, m);
            }
        }
        throw new IllegalArgumentException("'" + symbol + "' is not a label at " + point.displayName());
    }

    /** The symbol used in files and plots. */
    public String symbol() {
        return switch (rotationOrder) {
            case 6, 4 -> C6_NAMES[absM];
            case 2 -> absM == 0 ? "+" : "-";
            default -> Integer.toString(absM);
        };
    }

    /** Dimension of the (time-reversal paired) representation: 2 for 0 < |m| < n/2, else 1. */
    public int dimension() {
        return absM > 0 && 2 * absM < rotationOrder ? 2 : 1;
    }

    /** Character of the real representation for the rotation C_n^power. */
    public double character(int power) {
        double c = Math.cos(2 * Math.PI * absM * power / rotationOrder);
        return dimension() == 2 ? 2 * c : c;
    }

    @Override
    public String toString() {
        return symbol();
    }
}
