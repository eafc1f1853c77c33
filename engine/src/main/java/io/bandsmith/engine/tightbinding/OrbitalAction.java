package io.bandsmith.engine.tightbinding;

import java.util.List;

import io.bandsmith.engine.group.SymOp;

/**
 * How the symmetry operations act on the orbitals of a model (a monomial representation, induced from the orbitals'
 * one-dimensional site irreps): the operation g = (W|t) maps orbital i in cell t to phase_g(i) times orbital
 * perm_g(i) in cell W t + shift_g(i), where W q_i + t = q_{perm(i)} + shift_g(i) and
 * phase_g(i) = ρ_i(R_{perm(i)}⁻¹ R_g R_i) (OrbitalSpec: frames); an antiunitary symmetry (time reversal or
 * particle-hole) maps orbital i to its partner (same multiplet, position and frame, irrep ρ* χ) with phase 1.
 * Package-private: built once per model.
 */
final class OrbitalAction {
    private static final double TOL = 1e-8;

    /** The action of one operation: target orbital, cell shift (integer, d components) and phase per orbital. */
    record Monomial(int[] perm, int[][] shift, double[] phaseRe, double[] phaseIm) {
    }

    final TightBindingSymmetry symmetry;
    final List<OrbitalSpec> orbitals;
    final int n;
    final int size;
    final int dim;
    final int[][] perm;
    final int[][][] shift;
    final double[][] phaseRe;
    final double[][] phaseIm;
    final int[] partner;
    final int[][][] rotateTranslation; // [p] -> W (d x d), acting on integer translations
    private final double[][][] frames;  // Cartesian rotation of each orbital's frame

    OrbitalAction(TightBindingSymmetry symmetry, List<OrbitalSpec> orbitals) {
        this.symmetry = symmetry;
        this.orbitals = List.copyOf(orbitals);
        this.n = symmetry.operationCount();
        this.size = orbitals.size();
        this.dim = symmetry.dimension();
        frames = new double[size][][];
        for (int i = 0; i < size; i++) {
            OrbitalSpec o = orbitals.get(i);
            if (o.dimension() != dim) {
                throw new IllegalArgumentException("orbital " + o.name() + " has " + o.dimension()
                        + " coordinates, the lattice is " + dim + "D");
            }
            frames[i] = symmetry.cartesianRotation(o.frame());
        }
        perm = new int[n][];
        shift = new int[n][][];
        phaseRe = new double[n][];
        phaseIm = new double[n][];
        rotateTranslation = new int[n][][];
        for (int p = 0; p < n; p++) {
            SymOp g = symmetry.operations().get(p);
            Monomial m = actionOf(g, "operation " + p);
            perm[p] = m.perm();
            shift[p] = m.shift();
            phaseRe[p] = m.phaseRe();
            phaseIm[p] = m.phaseIm();
            rotateTranslation[p] = g.matrix();
        }
        partner = new int[size];
        SiteIrrep chi = symmetry.particleHoleCharacter();
        for (int i = 0; i < size; i++) {
            OrbitalSpec o = orbitals.get(i);
            int found = -1;
            for (int j = 0; j < size; j++) {
                OrbitalSpec c = orbitals.get(j);
                if (c.multiplet().equals(o.multiplet()) && isLatticeVector(difference(c.position(), o.position()))
                        && java.util.Arrays.deepEquals(c.frame(), o.frame()) && conjugatePartners(o, c, chi)) {
                    found = j;
                }
            }
            if (symmetry.antiunitary() && found < 0) {
                throw new IllegalArgumentException((symmetry.particleHole() ? "particle-hole symmetry" : "time reversal")
                        + " needs a partner of orbital " + o.name() + " (irrep " + o.irrep() + ") in multiplet "
                        + o.multiplet());
            }
            partner[i] = found < 0 ? i : found;
        }
        if (symmetry.antiunitary()) {
            for (int i = 0; i < size; i++) {
                if (partner[partner[i]] != i) {
                    throw new IllegalArgumentException("the antiunitary partners of " + orbitals.get(i).name()
                            + " are not an involution");
                }
            }
        }
    }

    /** The action of any operation of the group (with its own translation, for example {C2z|a3}). */
    Monomial actionOf(SymOp g, String what) {
        int[] pm = new int[size];
        int[][] sh = new int[size][];
        double[] pr = new double[size];
        double[] pi = new double[size];
        double[][] rg = symmetry.cartesianRotation(g.matrix());
        for (int i = 0; i < size; i++) {
            OrbitalSpec o = orbitals.get(i);
            double[] r = g.apply(o.position());
            int found = -1;
            for (int j = 0; j < size; j++) {
                OrbitalSpec c = orbitals.get(j);
                if (c.multiplet().equals(o.multiplet()) && c.irrep().equals(o.irrep())
                        && isLatticeVector(difference(r, c.position()))) {
                    if (found >= 0) {
                        throw new IllegalArgumentException("orbitals " + orbitals.get(found).name() + " and "
                                + c.name() + " are indistinguishable");
                    }
                    found = j;
                }
            }
            if (found < 0) {
                throw new IllegalArgumentException(what + " maps orbital " + o.name()
                        + " to a position where its multiplet has no orbital of irrep " + o.irrep());
            }
            pm[i] = found;
            double[] s = difference(r, orbitals.get(found).position());
            sh[i] = new int[dim];
            for (int d = 0; d < dim; d++) {
                sh[i][d] = (int) Math.rint(s[d]);
            }
            double[][] h = TightBindingSymmetry.multiply(TightBindingSymmetry.transpose(frames[found]),
                    TightBindingSymmetry.multiply(rg, frames[i]));
            double[] ph = o.irrep().phase(h);
            pr[i] = ph[0];
            pi[i] = ph[1];
        }
        return new Monomial(pm, sh, pr, pi);
    }

    /** Whether c's irrep equals conj(o's) times χ on o's site group (χ = 1 for time reversal). */
    private boolean conjugatePartners(OrbitalSpec o, OrbitalSpec c, SiteIrrep chi) {
        int i = orbitals.indexOf(o);
        for (SymOp g : symmetry.operations()) {
            double[] r = g.apply(o.position());
            if (!isLatticeVector(difference(r, o.position()))) {
                continue;
            }
            double[][] rg = symmetry.cartesianRotation(g.matrix());
            double[][] h = TightBindingSymmetry.multiply(TightBindingSymmetry.transpose(frames[i]),
                    TightBindingSymmetry.multiply(rg, frames[i]));
            double[] a = o.irrep().phase(h);
            double[] b = c.irrep().phase(h);
            double er = a[0];
            double ei = -a[1];
            if (chi != null) {
                double[] x = chi.phase(h);
                double tr = er * x[0] - ei * x[1];
                ei = er * x[1] + ei * x[0];
                er = tr;
            }
            if (Math.hypot(er - b[0], ei - b[1]) > 1e-8) {
                return false;
            }
        }
        return true;
    }

    /** Order of the site-symmetry group of the orbital's position (number of operations fixing it). */
    int siteOrder(OrbitalSpec o) {
        int count = 0;
        for (SymOp g : symmetry.operations()) {
            if (isLatticeVector(difference(g.apply(o.position()), o.position()))) {
                count++;
            }
        }
        return count;
    }

    /** W_p t for an integer translation (d components). */
    int[] rotateT(int p, int[] t) {
        int[][] r = rotateTranslation[p];
        int[] out = new int[dim];
        for (int i = 0; i < dim; i++) {
            int s = 0;
            for (int j = 0; j < dim; j++) {
                s += r[i][j] * t[j];
            }
            out[i] = s;
        }
        return out;
    }

    static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    static boolean isLatticeVector(double[] d) {
        for (double x : d) {
            if (Math.abs(x - Math.rint(x)) >= TOL) {
                return false;
            }
        }
        return true;
    }

    static boolean isLatticeVector(double a, double b) {
        return isLatticeVector(new double[] {a, b});
    }
}
