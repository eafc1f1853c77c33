package io.bandsmith.engine.tightbinding;

import java.util.List;

import io.bandsmith.engine.group.SymOp;
import io.bandsmith.engine.group.WallpaperGroup;

/**
 * The symmetry-enhanced tight-binding model of appendix K.2 for the class-D case study p4-dirac, built by the general
 * builder from data: the wallpaper group p4 (group layer, square lattice, C4 about the origin) without time reversal,
 * particle-hole symmetry C (C² = +1, C H C⁻¹ = -H) pairing angular momentum m with -1-m (character χ = m -1), and
 * ñs pairs (s, p-) = (m 0, m -1) plus ñd pairs (d, p+) = (m 2, m 1) at Wyckoff 1a; one on-site energy per pair
 * (the paper's diagonal ω; the partner gets -ω) and all nearest-neighbour hoppings (|t| = a: the functions f0, f1,
 * f2 of the paper).
 *
 * <p>Orbital order: s1..s_ñs, p-1..p-_ñs, d1..d_ñd, p+1..p+_ñd. Parameter order: the on-site energies of s1..s_ñs,
 * d1..d_ñd, then the hoppings in the builder's seed order. With ñs = 9, ñd = 8 the builder finds
 * 2(ñs + ñd)(1 + ñs + ñd) = 612 parameters, the paper's count (docs/decisions/0013).
 *
 * <p>C4 acts as (Ĉψ)(x) = U ψ(R⁻¹x) with U = e^{-imπ/2} on orbital m (conventions.md: s 1, p- i, d -1, p+ -i, so the
 * (s, p-) pair carries the spinor matrix diag(1, i) of the exact model); C maps |k, s_n⟩ to |-k, p-_n⟩ and
 * |k, d_n⟩ to |-k, p+_n⟩ with complex conjugation: H(-k)_{Ci,Cj} = -conj(H(k)_{ij}).
 */
public final class P4DiracTightBindingModel {
    /** The paper's orbital numbers for the 8 central bands. */
    public static final int S_PAIRS = 9;
    public static final int D_PAIRS = 8;

    private static volatile TightBindingModel standard;

    private P4DiracTightBindingModel() {
    }

    /** The paper's model (ñs = 9, ñd = 8), built once. */
    public static TightBindingModel model() {
        TightBindingModel m = standard;
        if (m == null) {
            synchronized (P4DiracTightBindingModel.class) {
                m = standard;
                if (m == null) {
                    m = build(S_PAIRS, D_PAIRS);
                    standard = m;
                }
            }
        }
        return m;
    }

    /** The class-D symmetry: p4 operations (group layer), no time reversal, particle-hole with χ = m -1. */
    public static TightBindingSymmetry symmetry() {
        WallpaperGroup p4 = WallpaperGroup.named("p4");
        List<SymOp> ops = p4.operations();
        return TightBindingSymmetry.of("p4", new double[][] {p4.realBasis(0), p4.realBasis(1)}, ops, false)
                .withParticleHole(new SiteIrrep.AngularMomentum(-1));
    }

    /** The model with ñs (s, p-) pairs and ñd (d, p+) pairs (ñs + ñd ≥ 1). */
    public static TightBindingModel build(int sPairs, int dPairs) {
        if (sPairs < 0 || dPairs < 0 || sPairs + dPairs < 1) {
            throw new IllegalArgumentException("need at least one orbital pair, got ñs = " + sPairs + ", ñd = " + dPairs);
        }
        TightBindingModelBuilder b = new TightBindingModelBuilder("p4 class D (appendix K.2), ñs=" + sPairs
                + ", ñd=" + dPairs, symmetry());
        for (int n = 1; n <= sPairs; n++) {
            b.addOrbital(OrbitalSpec.atOrigin("s" + n, "sp" + n, 0));
        }
        for (int n = 1; n <= sPairs; n++) {
            b.addOrbital(OrbitalSpec.atOrigin("p-" + n, "sp" + n, -1));
        }
        for (int n = 1; n <= dPairs; n++) {
            b.addOrbital(OrbitalSpec.atOrigin("d" + n, "dp" + n, 2));
        }
        for (int n = 1; n <= dPairs; n++) {
            b.addOrbital(OrbitalSpec.atOrigin("p+" + n, "dp" + n, 1));
        }
        b.addOnSiteEnergies();
        b.addHoppingShell("J", 1.0);
        return b.build();
    }

    /** Number of (s, p-) pairs of a model built here. */
    public static int sPairs(TightBindingModel m) {
        return (int) m.orbitals().stream().filter(o -> o.name().startsWith("s")).count();
    }
}
