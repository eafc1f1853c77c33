package io.bandsmith.engine.solver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.linalg.SymmetricEigenpairs;

/**
 * Accuracy of the exact solver: (1) doubling the plane-wave basis changes the lowest 7 bands by less than the claimed
 * accuracy; (2) the reduced wedge basis agrees with a dense diagonalization at every k point; (3) the perturbative
 * shell does what it claims: without it the same basis is an order of magnitude further from the converged answer.
 */
class ConvergenceAndAgreementTest {
    /** The accuracy the solver claims, in units of Vmax (docs/solver.md). */
    static final double CLAIMED_RMS = 1e-4;
    static final double CLAIMED_MAX = 3e-4;

    private static final List<PotentialGrid> POTENTIALS = List.of(
            RandomPotentialGenerator.withAlpha(1).stepPotential(100, 7, 256),
            RandomPotentialGenerator.withAlpha(0.5).stepPotential(100, 8, 256));

    @Test
    void doublingTheBasisChangesBandsLessThanTheClaimedAccuracy() {
        PlaneWaveSettings base = PlaneWaveSettings.defaults();
        PlaneWaveSolver normal = new PlaneWaveSolver(base);
        PlaneWaveSolver doubled = new PlaneWaveSolver(base.withCutoff(base.cutoff() * Math.sqrt(2)));
        KPointSet ks = KPointSet.hexagonalWedgeWithCount(79);
        for (PotentialGrid v : POTENTIALS) {
            double[] stats = compare(normal.compute(v, ks, 7), doubled.compute(v, ks, 7));
            assertTrue(stats[0] < CLAIMED_RMS && stats[1] < CLAIMED_MAX,
                    "rms " + stats[0] + " max " + stats[1] + " (Vmax)");
        }
    }

    @Test
    void reducedBasisAgreesWithDenseDiagonalizationEverywhereInTheWedge() {
        PlaneWaveSettings s = PlaneWaveSettings.defaults();
        PlaneWaveSolver solver = new PlaneWaveSolver(s);
        KPointSet ks = KPointSet.hexagonalWedgeWithCount(79);
        PotentialGrid v = POTENTIALS.get(0);
        BandStructure reduced = solver.compute(v, ks, 7);
        FourierPotential f = new FourierPotential(v, 60);
        double worst = 0;
        for (int q = 0; q < ks.size(); q += 3) {
            KVector k = ks.get(q);
            SymmetricEigenpairs dense = PlaneWaveSolver.solveBall(f, k, s.cutoff(), s.cutoff() * s.correctionFactor(),
                    7 + s.extraLevels()).eigenpairs();
            for (int n = 0; n < 7; n++) {
                worst = Math.max(worst, Math.abs(dense.values()[n] - reduced.energy(q, n)) / 256);
            }
        }
        assertTrue(worst < 3e-5, "reduced vs dense: max " + worst + " Vmax");
    }

    @Test
    void shellCorrectionBringsASmallBasisCloseToALargeOne() {
        PotentialGrid v = POTENTIALS.get(0);
        KPointSet ks = KPointSet.hexagonalWedge(3);
        BandStructure converged = new PlaneWaveSolver(PlaneWaveSettings.defaults().withCutoff(100)).compute(v, ks, 7);
        double[] corrected = compare(new PlaneWaveSolver(PlaneWaveSettings.defaults()).compute(v, ks, 7), converged);
        double[] plain = compare(new PlaneWaveSolver(PlaneWaveSettings.defaults().withCorrectionFactor(0))
                .compute(v, ks, 7), converged);
        assertTrue(corrected[0] * 5 < plain[0], "corrected rms " + corrected[0] + " vs plain " + plain[0]);
    }

    @Test
    void previewSettingsStayCloseToTheDefaults() {
        KPointSet ks = KPointSet.hexagonalWedgeWithCount(79);
        for (PotentialGrid v : POTENTIALS) {
            double[] stats = compare(new PlaneWaveSolver(PlaneWaveSettings.preview()).compute(v, ks, 7),
                    PlaneWaveSolver.withDefaults().compute(v, ks, 7));
            assertTrue(stats[0] < 1e-4 && stats[1] < 5e-4, "preview: rms " + stats[0] + " max " + stats[1]);
        }
    }

    /**
     * The default-run variant of the slow test below (seconds): one potential of each distribution, Γ, K, M and a
     * generic point, against a dense diagonalization at cutoff 130/a (~1200 plane waves). The fully independent
     * check against numpy is {@link ReferenceFixtureTest}.
     */
    @Test
    void defaultsAgreeWithAHighCutoffDenseReferenceAtAFewPoints() {
        KPointSet ks = new KPointSet("few", List.of(KVector.ZERO, new KVector(4 * Math.PI / 3, 0),
                new KVector(Math.PI, Math.PI / Math.sqrt(3)), new KVector(1.3, 0.4)), List.of());
        PlaneWaveSolver solver = PlaneWaveSolver.withDefaults();
        for (PotentialGrid v : POTENTIALS) {
            BandStructure b = solver.compute(v, ks, 7);
            FourierPotential f = new FourierPotential(v, 120);
            double se = 0;
            double max = 0;
            for (int q = 0; q < ks.size(); q++) {
                SymmetricEigenpairs ref = PlaneWaveSolver.solveBall(f, ks.get(q), 130, 130 * 2.5, 8).eigenpairs();
                for (int n = 0; n < 7; n++) {
                    double d = (b.energy(q, n) - ref.values()[n]) / 256;
                    se += d * d;
                    max = Math.max(max, Math.abs(d));
                }
            }
            double rms = Math.sqrt(se / (7 * ks.size()));
            assertTrue(rms < CLAIMED_RMS && max < CLAIMED_MAX, "rms " + rms + " max " + max);
        }
    }

    @Test
    @Tag("slow")
    void defaultsAgreeWithAHighCutoffDenseReference() {
        KPointSet ks = KPointSet.hexagonalWedgeWithCount(79);
        PlaneWaveSolver solver = PlaneWaveSolver.withDefaults();
        for (PotentialGrid v : POTENTIALS) {
            BandStructure b = solver.compute(v, ks, 7);
            FourierPotential f = new FourierPotential(v, 120);
            double se = 0;
            double max = 0;
            int count = 0;
            for (int q = 0; q < ks.size(); q += 6) {
                SymmetricEigenpairs ref = PlaneWaveSolver.solveBall(f, ks.get(q), 130, 130 * 2.5, 8).eigenpairs();
                for (int n = 0; n < 7; n++) {
                    double d = (b.energy(q, n) - ref.values()[n]) / 256;
                    se += d * d;
                    max = Math.max(max, Math.abs(d));
                    count++;
                }
            }
            double rms = Math.sqrt(se / count);
            assertTrue(rms < CLAIMED_RMS && max < CLAIMED_MAX, "rms " + rms + " max " + max);
        }
    }

    /** {rms, max} of the energy difference over all k and bands, in units of Vmax. */
    static double[] compare(BandStructure a, BandStructure b) {
        double se = 0;
        double max = 0;
        int count = 0;
        for (int q = 0; q < a.kpoints().size(); q++) {
            for (int n = 0; n < a.bandCount(); n++) {
                double d = (a.energy(q, n) - b.energy(q, n)) / a.vmax();
                se += d * d;
                max = Math.max(max, Math.abs(d));
                count++;
            }
        }
        return new double[] {Math.sqrt(se / count), max};
    }
}
