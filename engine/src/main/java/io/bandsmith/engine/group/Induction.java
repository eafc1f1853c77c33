package io.bandsmith.engine.group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.Complex_F64;

/**
 * Band representations induced from Wyckoff positions, for any wallpaper group with a data entry (generalizes the
 * p6-only {@code symmetry.BandRepresentationInduction}).
 *
 * <p>Orbitals φ_i at q transform under the site group as ŝφ_i = Σ_j φ_j ρ(s)_ji; the orbital at q_α = g_α q is
 * ĝ_α φ. Operations act as (ĝψ)(x) = ψ(g⁻¹x) and Bloch functions obey ψ(x + t) = e^{ik·t}ψ(x) (conventions.md), so
 * the Bloch sums |k, α, i⟩ = Σ_t e^{ik·t} {E|t}ĝ_α φ_i give, for h = {R|τ} in the little group of k with
 * h q_α = q_β + t_βα:
 * <pre>
 *   ĥ |k, α, i⟩ = e^{−i (Rk)·t_βα} Σ_j ρ(g_β⁻¹ {E|−t_βα} h g_α)_ji |k, β, j⟩
 * </pre>
 * and the character χ_k(h) = Σ_{α: β = α} e^{−i (Rk)·t_αα} χ_ρ(W_α⁻¹ R W_α). The multiplicities of the little-group
 * irreps follow from the character table ({@link CharacterTable#multiplicities}, EJML); time-reversal partners are
 * induced together and counted as one co-representation. Symmorphic little groups only (for which the little-group
 * irreps are those of the little co-group); nonsymmorphic groups are rejected until their data arrive.
 */
public final class Induction {
    private Induction() {
    }

    /** All band representations induced from the site co-representations of all Wyckoff positions, in data order. */
    public static List<BandRepresentation> elementaryBandRepresentations(WallpaperGroup group) {
        List<BandRepresentation> out = new ArrayList<>();
        for (WyckoffPosition w : group.wyckoffPositions()) {
            for (CharacterTable.Corep site : w.siteCoreps()) {
                out.add(induce(group, w, site));
            }
        }
        return out;
    }

    /** The band representation induced from one site co-representation. */
    public static BandRepresentation induce(WallpaperGroup group, WyckoffPosition wyckoff, CharacterTable.Corep site) {
        Map<String, Map<String, Integer>> all = new LinkedHashMap<>();
        int bands = wyckoff.multiplicity() * site.dimension();
        for (MaximalKPoint point : group.maximalPoints()) {
            CharacterTable table = point.table();
            int[] counts = new int[table.irreps().size()];
            for (CharacterTable.Irrep rho : site.components()) {
                List<Complex_F64> chi = new ArrayList<>();
                for (SymOp r : table.elements()) {
                    chi.add(character(point, littleGroupElement(point, r), wyckoff, rho));
                }
                int[] m = table.multiplicities(chi);
                for (int i = 0; i < m.length; i++) {
                    counts[i] += m[i];
                }
            }
            Map<String, Integer> byLabel = new LinkedHashMap<>();
            int total = 0;
            for (CharacterTable.Corep c : point.coreps()) {
                int first = counts[table.irreps().indexOf(c.components().get(0))];
                for (CharacterTable.Irrep d : c.components()) {
                    if (counts[table.irreps().indexOf(d)] != first) {
                        throw new IllegalStateException(group.name() + " " + wyckoff.label() + " " + site.label()
                                + ": the induced representation at " + point.name() + " is not time-reversal symmetric");
                    }
                }
                byLabel.put(c.label(), first);
                total += first * c.dimension();
            }
            if (total != bands) {
                throw new IllegalStateException(group.name() + " " + wyckoff.label() + " " + site.label() + ": " + total
                        + " states at " + point.name() + ", expected " + bands);
            }
            all.put(point.name(), byLabel);
        }
        return new BandRepresentation(wyckoff.label() + "_" + site.label(), wyckoff.label(), site.label(), bands, all);
    }

    private static SymOp littleGroupElement(MaximalKPoint point, SymOp rotation) {
        for (SymOp h : point.littleGroup()) {
            if (h.sameRotation(rotation)) {
                if (!h.isSymmorphicElement()) {
                    throw new UnsupportedOperationException("induction at " + point.name()
                            + " needs the irreps of a nonsymmorphic little group");
                }
                return h;
            }
        }
        throw new IllegalStateException("no element " + rotation.pointName() + " in the little group of "
                + point.name());
    }

    /** χ_k(h) of the representation induced from the site irrep ρ (class doc). */
    static Complex_F64 character(MaximalKPoint point, SymOp h, WyckoffPosition wyckoff, CharacterTable.Irrep rho) {
        double re = 0;
        double im = 0;
        double[] rk = h.applyToReciprocal(point.kappa());
        for (int a = 0; a < wyckoff.multiplicity(); a++) {
            double[] qa = wyckoff.orbit().get(a);
            double[] hq = h.apply(qa);
            if (!SymOp.sameModLattice(hq, qa)) {
                continue;
            }
            double dot = 0;
            for (int i = 0; i < qa.length; i++) {
                dot += rk[i] * Math.rint(hq[i] - qa[i]);
            }
            SymOp ga = wyckoff.cosetRepresentatives().get(a);
            SymOp s = ga.inverse().compose(h).compose(ga);
            Complex_F64 c = wyckoff.siteTable().character(rho, s);
            double phase = -2 * Math.PI * dot;
            double cr = Math.cos(phase);
            double ci = Math.sin(phase);
            re += cr * c.real - ci * c.imaginary;
            im += cr * c.imaginary + ci * c.real;
        }
        return new Complex_F64(re, im);
    }
}
