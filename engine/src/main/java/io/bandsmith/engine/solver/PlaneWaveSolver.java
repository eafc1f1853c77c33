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
import io.bandsmith.engine.io.InvalidInputException;
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
    public static final double WEDGE_RADIUS = HexagonalLattice.K.k().distanceTo(HexagonalLattice.WEDGE_CENTROID) + 1e-9;
    private static final double RELATIVE_SYMMETRY_TOLERANCE = 1e-6;
    /**
     * The largest range (max − min of V, E0) the solver takes: 16 times the default step height. The basis grows as
     * range^(2/3) and memory as range^(4/3); at this range one potential takes ~1500 plane waves per ball, ~0.7 GB and
     * ~25 s on 2 cores (docs/solver.md, "Which potentials").
     */
    public static final double MAX_RANGE = 4096.0;
    /** Bytes per squared ball size a plan and one diagonalization need (index tables, shells, matrices; measured). */
    private static final double BYTES_PER_SQUARED_WAVE = 250.0;

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
        requireAboveMinimum(potential, energies, hsp.values());
        return new BandStructure(kpoints, energies, hsp, potential.vmax(), describe(potential.range(), p));
    }

    /**
     * Refuses, with one line that says why, a potential the solver cannot resolve accurately within memory: a range
     * (max − min) above {@link #MAX_RANGE}, or a basis larger than the heap holds. The basis is sized from the range,
     * never from the nominal step height alone.
     *
     * @throws InvalidInputException naming the range and the limit (the caller adds the file)
     */
    public void requireResolvable(PotentialGrid potential) {
        double range = potential.range();
        if (range > MAX_RANGE) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT,
                    "the potential's range (max - min) is %.4g E0; the exact solver resolves at most %.0f E0 "
                    + "(16 x 256) accurately (docs/solver.md): lower --vmax or scale the potential", range, MAX_RANGE));
        }
        double cutoff = settings.cutoffFor(range);
        double zoneArea = 4 * Math.PI * Math.PI / HexagonalLattice.INSTANCE.cellArea();
        double waves = Math.PI * cutoff * cutoff / zoneArea;
        double bytes = BYTES_PER_SQUARED_WAVE * waves * waves;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > 0.8 * heap) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT,
                    "the potential's range (max - min) of %.4g E0 needs ~%.0f plane waves per k point and ~%d MB; "
                    + "the Java heap has %d MB (raise it with BANDSMITH_JAVA_OPTS=-Xmx...)", range, waves,
                    (long) (bytes / 1e6), heap / 1_000_000));
        }
    }

    /**
     * The kinetic energy is positive, so no level lies below the potential's minimum; the Rayleigh-Ritz levels in the
     * ball cannot, and a perturbative correction that pushes them there has broken down. Never silently wrong.
     */
    private static void requireAboveMinimum(PotentialGrid potential, double[][] energies,
            java.util.Collection<HighSymmetryLevels> hsp) {
        double min = potential.min();
        double slack = 1e-6 * Math.max(potential.range(), Math.abs(min)) + 1e-9;
        double lowest = Double.POSITIVE_INFINITY;
        for (double[] row : energies) {
            lowest = Math.min(lowest, row[0]);
        }
        for (HighSymmetryLevels l : hsp) {
            lowest = Math.min(lowest, l.energies()[0]);
        }
        if (lowest < min - slack) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT,
                    "the exact solver cannot resolve this potential: a level at %.6g E0 lies below the potential's "
                    + "minimum %.6g E0 (docs/solver.md, \"Which potentials\")", lowest, min));
        }
    }

    private String describe(double range, Prepared p) {
        return String.format("exact plane waves, hexagonal pixels, |k+G| <= %.1f/a (%d waves)%s, reduced basis %d",
                settings.cutoffFor(range), p.ballSize,
                settings.correctionEnabled() ? String.format(" + 2nd-order correction to %.1f/a",
                        settings.cutoffFor(range) * settings.correctionFactor()) : "", p.reduced.dimension());
    }

    /** The labelled levels at Γ, K, M and the reduced model of one potential. */
    record Prepared(List<HighSymmetryLevels> levels, ReducedWedgeModel reduced, int ballSize) {
    }

    /** One diagonalization in a ball around a k point: eigenpairs (perturbatively corrected) and the basis. */
    public record BallSolution(KVector k, PlaneWaveBasis basis, SymmetricEigenpairs eigenpairs) {
    }

    /**
     * Everything that does not depend on the potential, built once per cutoff and shared by all potentials and
     * threads: the anchor balls (Γ, K, M first, with their shells), the reduced basis support and its shell.
     */
    static final class SolverPlan {
        final int nMax;
        final List<BallPlan> anchors = new ArrayList<>();
        final ReducedWedgeModel.Plan reduced;

        SolverPlan(double cutoff, double shellCutoff) {
            PlaneWaveBasis common = new PlaneWaveBasis(HexagonalLattice.WEDGE_CENTROID, cutoff + WEDGE_RADIUS);
            PlaneWaveBasis outer = new PlaneWaveBasis(HexagonalLattice.WEDGE_CENTROID,
                    Math.max(cutoff, shellCutoff) + WEDGE_RADIUS);
            nMax = common.maxIndex() + outer.maxIndex() + 1;
            for (HighSymmetryPoint point : HexagonalLattice.INSTANCE.highSymmetryPoints()) {
                anchors.add(new BallPlan(point.k(), cutoff, shellCutoff, nMax));
            }
            KVector kk = HexagonalLattice.K.k();
            KVector m = HexagonalLattice.M.k();
            for (KVector k : List.of(kk.times(0.5), HexagonalLattice.WEDGE_CENTROID, m.times(0.5), kk.plus(m).times(0.5))) {
                anchors.add(new BallPlan(k, cutoff, 0, nMax));
            }
            reduced = new ReducedWedgeModel.Plan(anchors, shellCutoff > cutoff ? shellCutoff + WEDGE_RADIUS : 0, nMax);
        }
    }

    /** Plans by cutoff; the default one stays, large ones (deep potentials) are dropped when another is needed. */
    private final java.util.concurrent.ConcurrentHashMap<Double, SolverPlan> plans =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The plan for a potential of the given range (max − min, E0). */
    SolverPlan plan(double range) {
        double cutoff = settings.cutoffFor(range);
        double shellCutoff = settings.correctionEnabled() ? cutoff * settings.correctionFactor() : cutoff;
        SolverPlan existing = plans.get(cutoff);
        if (existing != null) {
            return existing;
        }
        if (cutoff > settings.cutoff()) {
            plans.keySet().removeIf(c -> c > settings.cutoff() && c != cutoff);
        }
        return plans.computeIfAbsent(cutoff, c -> new SolverPlan(c, shellCutoff));
    }

    Prepared prepare(PotentialGrid potential, int bandCount) {
        if (bandCount < 1) {
            throw new IllegalArgumentException("need at least one band, got " + bandCount);
        }
        PotentialGrid grid = C6GridSymmetry.requireSymmetric(potential, RELATIVE_SYMMETRY_TOLERANCE);
        requireResolvable(grid);
        SolverPlan plan = plan(grid.range());
        int levels = bandCount + settings.extraLevels();
        FourierPotential fourier = new FourierPotential(grid, plan.nMax);
        double tolerance = settings.degeneracyTolerance() * grid.vmax();
        List<HighSymmetryLevels> labelled = new ArrayList<>();
        List<SymmetricEigenpairs> eigenpairs = new ArrayList<>();
        List<HighSymmetryPoint> points = HexagonalLattice.INSTANCE.highSymmetryPoints();
        for (int a = 0; a < plan.anchors.size(); a++) {
            BallPlan ball = plan.anchors.get(a);
            SymmetricEigenpairs eig = solve(fourier, ball, levels);
            if (a < points.size()) {
                labelled.add(SymmetryLabeler.label(points.get(a), ball.basis, eig, bandCount, tolerance));
            }
            eigenpairs.add(eig);
        }
        ReducedWedgeModel reduced = ReducedWedgeModel.build(fourier, plan.reduced, eigenpairs,
                bandCount + settings.anchorExtra());
        return new Prepared(labelled, reduced, plan.anchors.get(0).basis.size());
    }

    /** Lowest levels in a planned ball, corrected by its shell when it has one. */
    static SymmetricEigenpairs solve(FourierPotential fourier, BallPlan ball, int levels) {
        int n = ball.basis.size();
        double[] h = ball.hamiltonian(fourier);
        SymmetricEigenpairs eig = completeMultiplets(Lapack.lowestEigenpairs(h, n, Math.min(levels + 1, n), true),
                levels);
        return PerturbativeShell.correct(fourier, ball, eig);
    }

    /**
     * Keeps {@code levels} of the computed pairs, or one more when the last kept level is degenerate with the next:
     * the perturbative correction mixes the kept levels, and a multiplet cut in half would split its partners.
     */
    static SymmetricEigenpairs completeMultiplets(SymmetricEigenpairs eig, int levels) {
        if (eig.count() <= levels) {
            return eig;
        }
        double[] e = eig.values();
        double scale = Math.max(1.0, Math.abs(e[levels]));
        int keep = e[levels] - e[levels - 1] < 1e-9 * scale ? levels + 1 : levels;
        if (keep == eig.count()) {
            return eig;
        }
        return new SymmetricEigenpairs(eig.dimension(), java.util.Arrays.copyOf(e, keep),
                java.util.Arrays.copyOf(eig.vectors(), keep * eig.dimension()));
    }

    /**
     * Diagonalizes H(k) in the ball |k + G| ≤ cutoff; when {@code shellCutoff > cutoff}, the plane waves up to
     * shellCutoff are folded in by second-order perturbation theory within the computed levels. For checks and
     * references (unplanned, so slower than the solver's own path).
     */
    public static BallSolution solveBall(FourierPotential fourier, KVector k, double cutoff, double shellCutoff,
            int levels) {
        BallPlan plan = new BallPlan(k, cutoff, shellCutoff, fourier.nMax());
        return new BallSolution(k, plan.basis, solve(fourier, plan, levels));
    }
}
