package io.bandsmith.engine.tightbinding;

import java.util.ArrayList;
import java.util.List;

import io.bandsmith.engine.lattice.HexagonalLattice;

/**
 * The tight-binding model of appendix C for p6 with time reversal: 4 s, 4 p (pairs), 3 d (pairs) and 3 f orbitals
 * at the C6 centre (21 orbitals), nearest-neighbour hopping; 14 on-site energies and 231 hoppings (245 parameters).
 *
 * <p>Parameter layout (the network's output order): first the on-site energies ω of s1..s4, p1..p4, d1..d3, f1..f3;
 * then the hoppings J_{l,l'} for l ≤ l' in the time-reversal-invariant basis l = s1..s4, p1_1, p1_2, ..., p4_2,
 * d1_1, d1_2, ..., d3_2, f1..f3 (eq. C1: |p_1⟩ = (|+1⟩ + |-1⟩)/√2, |p_2⟩ = -i(|+1⟩ - |-1⟩)/√2, likewise d with
 * m = ±2). J is real; J_{l',l} = ±J_{l,l'} (+ for equal C2 parity). In the angular-momentum basis the model is
 * H(k)_{nm,n'm'} = δ ω_{n,|m|} + J̃_{nm,n'm'} f_{m-m'}(k) with J̃ = S^† J S and
 * f_Δ(k) = ½ Σ_{j=0..5} e^{-iΔjπ/3} e^{-ik·C6^j a1} (the functions f_0..f_3 of appendix C), i.e. the real-space
 * hopping in the TR basis is ⟨W_l, 0|H|W_l', -a1⟩ = J_{l,l'}/2.
 */
public final class P6TimeReversalModel {
    public static final int S_ORBITALS = 4;
    public static final int P_ORBITALS = 4;
    public static final int D_ORBITALS = 3;
    public static final int F_ORBITALS = 3;
    public static final int ON_SITE_PARAMETERS = 14;
    public static final int HOPPING_PARAMETERS = 231;
    public static final int PARAMETERS = 245;

    private static final TightBindingModel MODEL = build();

    private P6TimeReversalModel() {
    }

    /** The (shared, immutable) model. */
    public static TightBindingModel model() {
        return MODEL;
    }

    /** One orbital of the time-reversal-invariant basis: its name, C2 parity, and its components in the m basis. */
    public record RealOrbital(String name, int multiplet, boolean c2Even, int[] mIndices, double[][] coefficients) {
    }

    /** The angular-momentum orbitals in model order: s1..s4, p1+, p1-, ..., d1+, d1-, ..., f1..f3. */
    public static List<OrbitalSpec> angularMomentumOrbitals() {
        List<OrbitalSpec> out = new ArrayList<>();
        for (int n = 1; n <= S_ORBITALS; n++) {
            out.add(OrbitalSpec.atOrigin("s" + n, "s" + n, 0));
        }
        for (int n = 1; n <= P_ORBITALS; n++) {
            out.add(OrbitalSpec.atOrigin("p" + n + "+", "p" + n, 1));
            out.add(OrbitalSpec.atOrigin("p" + n + "-", "p" + n, -1));
        }
        for (int n = 1; n <= D_ORBITALS; n++) {
            out.add(OrbitalSpec.atOrigin("d" + n + "+", "d" + n, 2));
            out.add(OrbitalSpec.atOrigin("d" + n + "-", "d" + n, -2));
        }
        for (int n = 1; n <= F_ORBITALS; n++) {
            out.add(OrbitalSpec.atOrigin("f" + n, "f" + n, 3));
        }
        return out;
    }

    /**
     * The time-reversal basis (eq. C1) in parameter order, each as coefficients on the angular-momentum orbitals:
     * {@code coefficients[c] = {re, im}} of orbital {@code mIndices[c]}.
     */
    public static List<RealOrbital> timeReversalBasis() {
        List<RealOrbital> out = new ArrayList<>();
        double h = Math.sqrt(0.5);
        for (int n = 0; n < S_ORBITALS; n++) {
            out.add(new RealOrbital("s" + (n + 1), n, true, new int[] {n}, new double[][] {{1, 0}}));
        }
        int base = S_ORBITALS;
        for (int n = 0; n < P_ORBITALS; n++) {
            int plus = base + 2 * n;
            out.add(new RealOrbital("p" + (n + 1) + "_1", n, false, new int[] {plus, plus + 1},
                    new double[][] {{h, 0}, {h, 0}}));
            out.add(new RealOrbital("p" + (n + 1) + "_2", n, false, new int[] {plus, plus + 1},
                    new double[][] {{0, -h}, {0, h}}));
        }
        base += 2 * P_ORBITALS;
        for (int n = 0; n < D_ORBITALS; n++) {
            int plus = base + 2 * n;
            out.add(new RealOrbital("d" + (n + 1) + "_1", n, true, new int[] {plus, plus + 1},
                    new double[][] {{h, 0}, {h, 0}}));
            out.add(new RealOrbital("d" + (n + 1) + "_2", n, true, new int[] {plus, plus + 1},
                    new double[][] {{0, -h}, {0, h}}));
        }
        base += 2 * D_ORBITALS;
        for (int n = 0; n < F_ORBITALS; n++) {
            out.add(new RealOrbital("f" + (n + 1), n, false, new int[] {base + n}, new double[][] {{1, 0}}));
        }
        return out;
    }

    private static TightBindingModel build() {
        TightBindingModelBuilder b = new TightBindingModelBuilder("p6+TR (appendix C)",
                new SymmetrySetting(HexagonalLattice.INSTANCE, 6, true));
        for (OrbitalSpec o : angularMomentumOrbitals()) {
            b.addOrbital(o);
        }
        b.addOnSiteEnergies();
        if (b.parameterCount() != ON_SITE_PARAMETERS) {
            throw new IllegalStateException("expected 14 on-site energies, found " + b.parameterCount());
        }
        List<RealOrbital> basis = timeReversalBasis();
        for (int l = 0; l < basis.size(); l++) {
            for (int lp = l; lp < basis.size(); lp++) {
                RealOrbital a = basis.get(l);
                RealOrbital c = basis.get(lp);
                // seed S_{m m'} = U_{m l} conj(U_{m' l'}) at t = -a1, so that Re⟨S, h⟩ = ⟨W_l, 0|H|W_l', -a1⟩
                List<HoppingTerm> seed = new ArrayList<>();
                for (int x = 0; x < a.mIndices().length; x++) {
                    for (int y = 0; y < c.mIndices().length; y++) {
                        double ur = a.coefficients()[x][0];
                        double ui = a.coefficients()[x][1];
                        double vr = c.coefficients()[y][0];
                        double vi = -c.coefficients()[y][1];
                        seed.add(new HoppingTerm(a.mIndices()[x], c.mIndices()[y], -1, 0, ur * vr - ui * vi,
                                ur * vi + ui * vr));
                    }
                }
                b.addParameter("J[" + a.name() + "," + c.name() + "]", "hopping", seed, 0.5);
            }
        }
        TightBindingModel m = b.build();
        if (m.parameterCount() != PARAMETERS) {
            throw new IllegalStateException("expected 245 parameters, found " + m.parameterCount());
        }
        return m;
    }
}
