package io.bandsmith.models.design;

import java.util.List;

import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.C6Stars;

/**
 * The geometry parametrization of inverse design (appendix L): a smooth C6-symmetric field
 * {@code φ(x) = c_0 + Σ_s c_s Σ_{G ∈ star s} cos(G·x)} over the C6 stars inside a cutoff (the stars of the training
 * distribution by default), digitized by a sigmoid {@code v = σ(βφ)} (V = Vmax v). Every parameter vector gives an
 * exactly C6-symmetric potential; the step version (β → ∞, V = Vmax where φ > 0) is the design that is exported.
 *
 * <p>Works on the orbits of the L x L grid under C6 ({@link C6GridSymmetry#orbits}): the field is evaluated once per
 * orbit. Immutable.
 */
public final class FourierGeometry {
    private final int size;
    private final int starCutoff;
    private final List<int[]> orbits;
    /** basis[o][s]: the field of coefficient s (0: constant) at orbit o. */
    private final double[][] basis;

    public FourierGeometry(int size, int starCutoff) {
        if (size < 6) {
            throw new IllegalArgumentException("grid size must be at least 6, got " + size);
        }
        this.size = size;
        this.starCutoff = starCutoff;
        this.orbits = C6GridSymmetry.orbits(size);
        List<C6Stars.Star> stars = C6Stars.upTo(starCutoff);
        double[] cos = new double[size];
        for (int n = 0; n < size; n++) {
            cos[n] = Math.cos(2 * Math.PI * n / size);
        }
        basis = new double[orbits.size()][stars.size() + 1];
        for (int o = 0; o < orbits.size(); o++) {
            int i = orbits.get(o)[0] / size;
            int j = orbits.get(o)[0] % size;
            basis[o][0] = 1;
            for (int s = 0; s < stars.size(); s++) {
                double sum = 0;
                for (int[] g : stars.get(s).members()) {
                    sum += cos[Math.floorMod(g[0] * i + g[1] * j, size)];
                }
                basis[o][s + 1] = sum;
            }
        }
    }

    public int size() {
        return size;
    }

    public int starCutoff() {
        return starCutoff;
    }

    /** Number of coefficients: the constant plus one per star. */
    public int coefficientCount() {
        return basis[0].length;
    }

    public int orbitCount() {
        return orbits.size();
    }

    /** The orbits of the grid under C6 (flat indices i * L + j). */
    public List<int[]> orbits() {
        return orbits;
    }

    /** The field basis, [orbit][coefficient] (a copy). */
    public double[][] basis() {
        double[][] b = new double[basis.length][];
        for (int o = 0; o < b.length; o++) {
            b[o] = basis[o].clone();
        }
        return b;
    }

    /** The smooth field φ on the orbits. */
    public double[] field(double[] coefficients) {
        if (coefficients.length != coefficientCount()) {
            throw new IllegalArgumentException("need " + coefficientCount() + " coefficients, got " + coefficients.length);
        }
        double[] phi = new double[orbits.size()];
        for (int o = 0; o < phi.length; o++) {
            double sum = 0;
            for (int s = 0; s < coefficients.length; s++) {
                sum += basis[o][s] * coefficients[s];
            }
            phi[o] = sum;
        }
        return phi;
    }

    /** The sigmoid potential V = Vmax σ(βφ). */
    public PotentialGrid sigmoidPotential(double[] coefficients, double beta, double vmax) {
        double[] phi = field(coefficients);
        double[] v = new double[size * size];
        for (int o = 0; o < phi.length; o++) {
            double f = 1 / (1 + Math.exp(-beta * phi[o]));
            for (int flat : orbits.get(o)) {
                v[flat] = f;
            }
        }
        return PotentialGrid.fromFractions(size, v, vmax);
    }

    /** The two-valued design: V = Vmax where φ > 0 (the L x L mask, row-major). */
    public boolean[] mask(double[] coefficients) {
        double[] phi = field(coefficients);
        boolean[] mask = new boolean[size * size];
        for (int o = 0; o < phi.length; o++) {
            for (int flat : orbits.get(o)) {
                mask[flat] = phi[o] > 0;
            }
        }
        return mask;
    }
}
