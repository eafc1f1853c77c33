package io.bandsmith.engine.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.HighSymmetryPoint;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.linalg.Lapack;
import io.bandsmith.engine.linalg.SymmetricEigenpairs;

/**
 * The exact solver of the p6 case study: [-∇² + V(x)]ψ = Eψ by plane waves with the exact hexagonal-pixel Fourier
 * coefficients of the grid (see docs/solver.md and docs/decisions/0002-exact-solver.md).
 *
 * <ol>
 * <li>At Γ, K and M the Hamiltonian is diagonalized (LAPACK dsyevr) in a plane-wave ball centred on the point, which
 * is invariant under the point's rotation; the levels are corrected for the plane waves beyond the cutoff by
 * second-order (Löwdin) perturbation theory and labelled by applying the rotation to the eigenvectors.</li>
 * <li>Those eigenvectors, their C6 images and a few more at interior anchor points span the low bands everywhere in
 * the irreducible wedge. The Hamiltonian, which is affine in k for a fixed plane-wave set, is projected once on
 * that span (with the same perturbative correction, expanded to first order in k and E), and the bands at any list
 * of k points come from small eigenproblems.</li>
 * </ol>
 * Thread-safe and stateless apart from its settings.
 */
public final class PlaneWaveSolver implements BandStructureSource {
    /** Largest distance of a wedge point from the wedge centroid (|K - centroid|). */
    static final double WEDGE_RADIUS = HexagonalLattice.K.k().distanceTo(HexagonalLattice.WEDGE_CENTROID) + 1e-9;
    private static final double RELATIVE_SYMMETRY_TOLERANCE = 1e-6;

    private final PlaneWaveSettings settings;

    public PlaneWaveSolver(PlaneWaveSettings settings) {
        this.settings = settings;
    }

    public static PlaneWaveSolver withDefaults() {
        return new PlaneWaveSolver(PlaneWaveSettings.defaults());
    }

    public PlaneWaveSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public BandStructure compute(PotentialGrid potential, KPointSet kpoints, int bandCount) {
        Prepared p = prepare(potential, bandCount);
        double[][] energies = new double[kpoints.size()][];
        for (int i = 0; i < kpoints.size(); i++) {
            energies[i] = p.reduced.lowestEnergies(HexagonalLattice.foldToWedge(kpoints.get(i)), bandCount);
        }
        Map<String, HighSymmetryLevels> hsp = new LinkedHashMap<>();
        for (HighSymmetryLevels l : p.levels) {
            hsp.put(l.point().name(), l.lowest(bandCount));
        }
        return new BandStructure(kpoints, energies, hsp, potential.vmax(), describe(potential.vmax(), p));
    }

    private String describe(double vmax, Prepared p) {
        return String.format("exact plane waves, hexagonal pixels, |k+G| <= %.1f/a (%d waves)%s, reduced basis %d",
                settings.cutoffFor(vmax), p.ballSize,
                settings.correctionEnabled() ? String.format(" + 2nd-order correction to %.1f/a",
                        settings.cutoffFor(vmax) * settings.correctionFactor()) : "", p.reduced.dimension());
    }

    /** The labelled levels at Γ, K, M and the reduced model of one potential. */
    record Prepared(List<HighSymmetryLevels> levels, ReducedWedgeModel reduced, int ballSize) {
    }

    /** One diagonalization in a ball around a k point: eigenpairs (perturbatively corrected) and the basis. */
    public record BallSolution(KVector k, PlaneWaveBasis basis, SymmetricEigenpairs eigenpairs) {
    }

    Prepared prepare(PotentialGrid potential, int bandCount) {
        if (bandCount < 1) {
            throw new IllegalArgumentException("need at least one band, got " + bandCount);
        }
        PotentialGrid grid = C6GridSymmetry.requireSymmetric(potential, RELATIVE_SYMMETRY_TOLERANCE);
        double cutoff = settings.cutoffFor(grid.vmax());
        double shellCutoff = settings.correctionEnabled() ? cutoff * settings.correctionFactor() : cutoff;
        int levels = bandCount + settings.extraLevels();
        PlaneWaveBasis common = new PlaneWaveBasis(HexagonalLattice.WEDGE_CENTROID, cutoff + WEDGE_RADIUS);
        PlaneWaveBasis commonShellOuter = new PlaneWaveBasis(HexagonalLattice.WEDGE_CENTROID,
                Math.max(cutoff, shellCutoff) + WEDGE_RADIUS);
        int nMax = common.maxIndex() + commonShellOuter.maxIndex() + 1;
        FourierPotential fourier = new FourierPotential(grid, nMax);
        double tolerance = settings.degeneracyTolerance() * grid.vmax();

        List<HighSymmetryLevels> labelled = new ArrayList<>();
        List<BallSolution> anchors = new ArrayList<>();
        int ballSize = 0;
        for (HighSymmetryPoint point : HexagonalLattice.INSTANCE.highSymmetryPoints()) {
            BallSolution s = solveBall(fourier, point.k(), cutoff, shellCutoff, levels);
            ballSize = Math.max(ballSize, s.basis().size());
            labelled.add(SymmetryLabeler.label(point, s.basis(), s.eigenpairs(), bandCount, tolerance));
            anchors.add(s);
        }
        KVector kk = HexagonalLattice.K.k();
        KVector m = HexagonalLattice.M.k();
        anchors.add(solveBall(fourier, kk.times(0.5), cutoff, 0, levels));
        anchors.add(solveBall(fourier, HexagonalLattice.WEDGE_CENTROID, cutoff, 0, levels));
        anchors.add(solveBall(fourier, m.times(0.5), cutoff, 0, levels));
        anchors.add(solveBall(fourier, kk.plus(m).times(0.5), cutoff, 0, levels));
        ReducedWedgeModel reduced = ReducedWedgeModel.build(fourier, anchors,
                settings.correctionEnabled() ? shellCutoff + WEDGE_RADIUS : 0);
        return new Prepared(labelled, reduced, ballSize);
    }

    /**
     * Diagonalizes H(k) in the ball |k + G| ≤ cutoff; when {@code shellCutoff > cutoff}, the plane waves up to
     * shellCutoff are folded in by second-order perturbation theory within the computed levels.
     */
    public static BallSolution solveBall(FourierPotential fourier, KVector k, double cutoff, double shellCutoff, int levels) {
        PlaneWaveBasis basis = new PlaneWaveBasis(k, cutoff);
        int n = basis.size();
        double[] h = basis.hamiltonian(fourier, k);
        SymmetricEigenpairs eig = Lapack.lowestEigenpairs(h, n, Math.min(levels, n), true);
        if (shellCutoff > cutoff) {
            eig = PerturbativeShell.correct(fourier, basis, k, shellCutoff, eig);
        }
        return new BallSolution(k, basis, eig);
    }
}
