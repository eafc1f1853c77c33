package io.bandsmith.engine.tightbinding;

import io.bandsmith.engine.group.SpaceGroup93;

/**
 * The symmetry-enhanced tight-binding model of appendix J.1 for the 3D nonsymmorphic case study (P4₂22, No. 93),
 * built by the general builder from data: the eight operations of {@link SpaceGroup93}, spinless time reversal,
 * orbitals of the site group D2 at Wyckoff 2a with irreps A, B1, B2, B3 (s, p_z, p_y, p_x), ñ = (5, 4, 3, 4) per
 * sublattice as the paper, the second sublattice (0, 0, ½) made by the 4₂ screw (its orbitals carry the labels of
 * the orbital at the origin, as the paper defines them); one on-site energy per orbital pair (the paper's diagonal
 * ω), all nearest-neighbour vertical hoppings (bond ±c/2 ẑ, eq. J1) and all horizontal hoppings (bonds ±a x̂,
 * ±a ŷ on each sublattice, eqs. J2-J4). The constraints of eqs. (J1)-(J4) are not typed in: they follow from the
 * group average.
 *
 * <p>Orbital order: A1@0, A1@1, A2@0, ..., B3_4@1 (per orbital type and principal number, sublattice 0 then 1).
 * Parameter count found by the builder: 16 on-site + 73 vertical + 145 horizontal = 234 (the paper gives the
 * per-matrix counts, docs/decisions/0013 compares them).
 */
public final class P4222TightBindingModel {
    /** ñ for A, B1, B2, B3 (the paper's choice for four bands). */
    public static final int[] ORBITALS = {5, 4, 3, 4};
    private static final SiteIrrep.AxisParities[] IRREPS = {SiteIrrep.AxisParities.A, SiteIrrep.AxisParities.B1,
            SiteIrrep.AxisParities.B2, SiteIrrep.AxisParities.B3};

    private static volatile TightBindingModel standard;

    private P4222TightBindingModel() {
    }

    /** The paper's model (ñ = (5, 4, 3, 4), c = a), built once. */
    public static TightBindingModel model() {
        TightBindingModel m = standard;
        if (m == null) {
            synchronized (P4222TightBindingModel.class) {
                m = standard;
                if (m == null) {
                    m = build(ORBITALS, 1.0);
                    standard = m;
                }
            }
        }
        return m;
    }

    /** The symmetry: No. 93 with spinless time reversal, vertical constant c. */
    public static TightBindingSymmetry symmetry(double c) {
        return TightBindingSymmetry.of(SpaceGroup93.SYMBOL, SpaceGroup93.realBasis(c), SpaceGroup93.operations(), true);
    }

    /** The model with n[0..3] orbitals of type A, B1, B2, B3 per sublattice and vertical constant c. */
    public static TightBindingModel build(int[] n, double c) {
        if (n.length != 4) {
            throw new IllegalArgumentException("give the numbers of A, B1, B2, B3 orbitals");
        }
        TightBindingModelBuilder b = new TightBindingModelBuilder("P4_222 (appendix J.1), n=("
                + n[0] + "," + n[1] + "," + n[2] + "," + n[3] + "), c=" + c, symmetry(c));
        for (int type = 0; type < 4; type++) {
            for (int k = 1; k <= n[type]; k++) {
                String name = IRREPS[type].name() + "_" + k;
                b.addWyckoffOrbitals(name, name, SpaceGroup93.wyckoff2a(), IRREPS[type]);
            }
        }
        b.addOnSiteEnergies();
        b.addHoppingStar("Jz", new double[] {0, 0, c / 2});
        b.addHoppingStar("Jxy", new double[] {1, 0, 0});
        return b.build();
    }
}
