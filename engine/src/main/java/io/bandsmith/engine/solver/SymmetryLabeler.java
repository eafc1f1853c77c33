package io.bandsmith.engine.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.lattice.HighSymmetryPoint;
import io.bandsmith.engine.linalg.Lapack;
import io.bandsmith.engine.linalg.SymmetricEigenpairs;
import io.bandsmith.engine.symmetry.IrrepLabel;

/**
 * Symmetry labels of plane-wave eigenstates at a maximal k point, by applying the rotation C_n to the eigenvectors
 * (conventions.md: (Ĉψ)(x) = ψ(R⁻¹x)). Levels closer than a tolerance form one group (an exact multiplet or an
 * accidental near-degeneracy); in each group the representation matrix D_pq = ⟨ψ_p|Ĉ|ψ_q⟩ is computed and its
 * symmetric part (D + Dᵀ)/2, whose eigenvalues are cos(2πm/n), is diagonalized, so that degenerate subspaces are
 * resolved into rotation eigenstates before |m| is read off.
 */
public final class SymmetryLabeler {
    /** Largest allowed distance of a measured cos(2πm/n) from the nearest allowed value. */
    static final double CHARACTER_TOLERANCE = 0.05;

    private SymmetryLabeler() {
    }

    /**
     * @param point the k point (its rotation order n sets the labels)
     * @param basis a plane-wave basis centred on the point (invariant under C_n)
     * @param eigenpairs eigenpairs of H(k) in that basis, with vectors
     * @param count how many of the lowest levels to label and return (fewer than computed, so that a multiplet at
     *     the top is complete)
     * @param tolerance energies closer than this (E0) are treated as one group
     */
    public static HighSymmetryLevels label(HighSymmetryPoint point, PlaneWaveBasis basis,
            SymmetricEigenpairs eigenpairs, int count, double tolerance) {
        int computed = eigenpairs.count();
        if (count > computed) {
            throw new IllegalArgumentException("asked to label " + count + " levels, only " + computed + " computed");
        }
        int steps = 6 / point.rotationOrder();
        int[] perm = basis.rotationPermutation(steps);
        double[] e = eigenpairs.values();
        int n = basis.size();
        IrrepLabel[] labels = new IrrepLabel[computed];
        int start = 0;
        while (start < count) {
            int end = start + 1;
            while (end < computed && e[end] - e[end - 1] < tolerance) {
                end++;
            }
            if (end == computed && end > count) {
                // the group may continue beyond the computed levels: its top members are not needed
                end = Math.max(count, start + 1);
            }
            int d = end - start;
            double[] s = new double[d * d];
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    double sum = 0;
                    int op = (start + p) * n;
                    int oq = (start + q) * n;
                    for (int i = 0; i < n; i++) {
                        sum += eigenpairs.vectors()[op + perm[i]] * eigenpairs.vectors()[oq + i];
                    }
                    s[q * d + p] += 0.5 * sum;
                    s[p * d + q] += 0.5 * sum;
                }
            }
            IrrepLabel[] groupLabels = new IrrepLabel[d];
            if (d == 1) {
                groupLabels[0] = fromCosine(point, s[0]);
            } else {
                SymmetricEigenpairs rot = Lapack.lowestEigenpairs(s, d, d, true);
                // energy of each rotation eigenstate within the group, to order the labels by energy
                double[] energy = new double[d];
                Integer[] order = new Integer[d];
                for (int r = 0; r < d; r++) {
                    double en = 0;
                    for (int p = 0; p < d; p++) {
                        double u = rot.vector(r, p);
                        en += e[start + p] * u * u;
                    }
                    energy[r] = en;
                    order[r] = r;
                }
                Arrays.sort(order, (x, y) -> Double.compare(energy[x], energy[y]));
                for (int slot = 0; slot < d; slot++) {
                    groupLabels[slot] = fromCosine(point, rot.values()[order[slot]]);
                }
            }
            System.arraycopy(groupLabels, 0, labels, start, d);
            start = end;
        }
        List<IrrepLabel> out = new ArrayList<>(Arrays.asList(labels).subList(0, count));
        return new HighSymmetryLevels(point, Arrays.copyOf(e, count), out);
    }

    static IrrepLabel fromCosine(HighSymmetryPoint point, double cosine) {
        int order = point.rotationOrder();
        double c = Math.max(-1, Math.min(1, cosine));
        int m = (int) Math.round(Math.acos(c) * order / (2 * Math.PI));
        double expected = Math.cos(2 * Math.PI * m / order);
        if (Math.abs(expected - cosine) > CHARACTER_TOLERANCE) {
            throw new IllegalStateException(String.format("a state at %s has rotation character %.3f, not a C%d value "
                    + "(eigenvectors not converged or the potential is not symmetric)", point.displayName(), cosine,
                    order));
        }
        return IrrepLabel.of(point, m);
    }
}
