package io.bandsmith.engine.tightbinding;

import java.util.ArrayList;
import java.util.List;

import io.bandsmith.engine.lattice.HexagonalLattice;

/**
 * The design-target model of appendix M: graphene with a six-site unit cell (the hexagon of sites at distance a/3
 * from the C6 centre, at angles 0°, 60°, ..., 300°), nearest-neighbour hoppings J inside the cell and J0 between cells,
 * next-nearest-neighbour hoppings L inside and L0 between cells:
 * H = Σ ω0 a†a - Σ_⟨jj'⟩ J_{jj'} (a†_j a_j' + h.c.) - Σ_⟪jj'⟫ L_{jj'} (a†_j a_j' + h.c.).
 *
 * <p>Parameter order: ω0, J, J0, L, L0. All inter-cell next-nearest bonds share L0 (the model has the mirror
 * symmetry of p6m, as in the paper). Closed forms at Γ, K, M: {@link #gammaEnergies}, {@link #kEnergies},
 * {@link #mEnergies} (derivation in docs/topology.md). Checked against the model: eqs. (M1) and (M2) of the paper
 * hold exactly; in the paper's E_s the signs of the J terms are flipped (E_s = ω0 - 3J̄ + δJ/2 - 6L̄ - δL is right,
 * the s state is the bonding combination of the ring).
 */
public final class SixSiteTargetModel {
    public static final double SITE_RADIUS = 1.0 / 3;
    private static final TightBindingModel MODEL = build();

    private SixSiteTargetModel() {
    }

    public static TightBindingModel model() {
        return MODEL;
    }

    /** The parameter vector (ω0, J, J0, L, L0). */
    public static double[] parameters(double omega0, double j, double j0, double l, double l0) {
        return new double[] {omega0, j, j0, l, l0};
    }

    /** The parameter vector from mean and imbalance: J = J̄ - δJ/2, J0 = J̄ + δJ/2, likewise L. */
    public static double[] fromMeanAndImbalance(double omega0, double jBar, double deltaJ, double lBar,
            double deltaL) {
        return parameters(omega0, jBar - deltaJ / 2, jBar + deltaJ / 2, lBar - deltaL / 2, lBar + deltaL / 2);
    }

    private static TightBindingModel build() {
        SymmetrySetting sym = new SymmetrySetting(HexagonalLattice.INSTANCE, 6, true);
        TightBindingModelBuilder b = new TightBindingModelBuilder("six-site target (appendix M)", sym);
        for (int j = 0; j < 6; j++) {
            double a = j * Math.PI / 3;
            double[] f = sym.fractional(SITE_RADIUS * Math.cos(a), SITE_RADIUS * Math.sin(a));
            b.addOrbital(new OrbitalSpec("site" + j, "ring", f[0], f[1], 0));
        }
        b.addOnSiteEnergies();
        double nn = SITE_RADIUS;
        double nnn = SITE_RADIUS * Math.sqrt(3);
        b.addParameter("J", "intra-cell nearest", bonds(b, nn, true), 1);
        b.addParameter("J0", "inter-cell nearest", bonds(b, nn, false), 1);
        b.addParameter("L", "intra-cell next-nearest", bonds(b, nnn, true), 1);
        b.addParameter("L0", "inter-cell next-nearest", bonds(b, nnn, false), 1);
        return b.build();
    }

    /** All bonds of site 0 of the given length inside (or outside) the cell, each with amplitude -1. */
    private static List<HoppingTerm> bonds(TightBindingModelBuilder b, double length, boolean sameCell) {
        List<HoppingTerm> out = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            for (int t1 = -2; t1 <= 2; t1++) {
                for (int t2 = -2; t2 <= 2; t2++) {
                    boolean inCell = t1 == 0 && t2 == 0;
                    if (inCell == sameCell && Math.abs(b.distance(0, j, t1, t2) - length) < 1e-9) {
                        out.add(new HoppingTerm(0, j, t1, t2, -1, 0));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Energies at Γ by angular momentum m = 0 (s), 1 (p), 2 (d), 3 (f): the circulant ring gives
     * E_m = ω0 - 2J cos(mπ/3) - J0 (-1)^m - (2L + 4L0) cos(2mπ/3); in mean/imbalance form
     * E_s = ω0 - 3J̄ + δJ/2 - 6L̄ - δL, E_p = ω0 + δJ + 3L̄ + δL/2, E_d = ω0 - δJ + 3L̄ + δL/2,
     * E_f = ω0 + 3J̄ - δJ/2 - 6L̄ - δL.
     */
    public static double[] gammaEnergies(double[] p) {
        double[] e = new double[4];
        for (int m = 0; m < 4; m++) {
            e[m] = p[0] - 2 * p[1] * Math.cos(m * Math.PI / 3) - p[2] * (m % 2 == 0 ? 1 : -1)
                    - (2 * p[3] + 4 * p[4]) * Math.cos(2 * m * Math.PI / 3);
        }
        return e;
    }

    /**
     * Energies at K, exactly (eq. M1, checked against the model; L̄ drops out): {{E_{0,0}, E_{1,0}}, {E_{0,1}, E_{1,1}}},
     * the two C3 singlets (|m| = 0) and the two pairs (|m| = 1), lower first:
     * E_{0/1,0} = ω0 + 2δL ∓ sqrt(3J̄² - 3J̄δJ + 7δJ²/4), E_{0/1,1} = ω0 - δL ∓ sqrt(3J̄² + δJ²/4).
     */
    public static double[][] kEnergies(double[] p) {
        double jBar = (p[1] + p[2]) / 2;
        double dJ = p[2] - p[1];
        double dL = p[4] - p[3];
        double r0 = Math.sqrt(3 * jBar * jBar - 3 * jBar * dJ + 1.75 * dJ * dJ);
        double r1 = Math.sqrt(3 * jBar * jBar + 0.25 * dJ * dJ);
        double c0 = p[0] + 2 * dL;
        double c1 = p[0] - dL;
        return new double[][] {{c0 - r0, c0 + r0}, {c1 - r1, c1 + r1}};
    }

    /**
     * Energies at M, exactly (eq. M2, checked against the model), grouped by C2 parity:
     * {{E_{+-}, E_{0,-+}, E_{1,-+}} (C2-odd), {E_{0,++}, E_{1,++}, E_{--}} (C2-even)}, where the subscripts are the
     * paper's mirror parities: E_{+-} = ω0 - 2J̄ - L̄ - 3δL/2 and E_{--} = ω0 + 2J̄ - L̄ - 3δL/2;
     * E_{0/1,-+} = ω0 + J̄/2 + L̄/2 - δJ/4 + 3δL/4 ∓ [9(J̄-L̄)²/4 - 5(J̄-L̄)(δJ-δL)/4 + 17(δJ-δL)²/16]^{1/2};
     * E_{0/1,++} = ω0 - J̄/2 + L̄/2 + δJ/4 + 3δL/4 ∓ [9(J̄+L̄)²/4 - 5(J̄+L̄)(δJ+δL)/4 + 17(δJ+δL)²/16]^{1/2}.
     */
    public static double[][] mEnergies(double[] p) {
        double jBar = (p[1] + p[2]) / 2;
        double dJ = p[2] - p[1];
        double lBar = (p[3] + p[4]) / 2;
        double dL = p[4] - p[3];
        double w = p[0];
        double epm = w - 2 * jBar - lBar - 1.5 * dL;
        double emm = w + 2 * jBar - lBar - 1.5 * dL;
        double cmp = w + jBar / 2 + lBar / 2 - dJ / 4 + 0.75 * dL;
        double rmp = Math.sqrt(2.25 * (jBar - lBar) * (jBar - lBar) - 1.25 * (jBar - lBar) * (dJ - dL)
                + 17.0 / 16 * (dJ - dL) * (dJ - dL));
        double cpp = w - jBar / 2 + lBar / 2 + dJ / 4 + 0.75 * dL;
        double rpp = Math.sqrt(2.25 * (jBar + lBar) * (jBar + lBar) - 1.25 * (jBar + lBar) * (dJ + dL)
                + 17.0 / 16 * (dJ + dL) * (dJ + dL));
        return new double[][] {{epm, cmp - rmp, cmp + rmp}, {cpp - rpp, cpp + rpp, emm}};
    }
}
