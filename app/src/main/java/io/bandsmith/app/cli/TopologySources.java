package io.bandsmith.app.cli;

import java.util.List;

import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.engine.topology.ConnectivityMethod;

/** What classify and explore share: the choice of band-structure source and the k points they need. */
final class TopologySources {
    private TopologySources() {
    }

    /** Classification needs the levels at Γ, K, M only. */
    static final KPointSet MAXIMAL_POINTS = new KPointSet("G,K,M", List.of(HexagonalLattice.GAMMA.k(),
            HexagonalLattice.K.k(), HexagonalLattice.M.k()), List.of());

    static BandStructureSource source(String name) {
        return switch (name) {
            case "exact" -> PlaneWaveSolver.withDefaults();
            case "nn" -> throw new IllegalStateException("--solver nn: no trained network yet (the network predictor "
                    + "comes with the training issue); use --solver exact");
            default -> throw new IllegalArgumentException("--solver must be exact or nn, got '" + name + "'");
        };
    }

    /** Whether a source gives eigenvectors across the zone (needed by berry connectivity). */
    static boolean givesEigenvectors(String solver) {
        return false; // the exact solver returns energies and labels; tight-binding sources will return models
    }

    static void checkConnectivity(String solver, ConnectivityMethod method) {
        if (method == ConnectivityMethod.BERRY && !givesEigenvectors(solver)) {
            throw new IllegalArgumentException("--connectivity berry needs Bloch eigenvectors on a fine k grid, which "
                    + "--solver " + solver + " does not provide; use naive or compat (or a tight-binding source)");
        }
    }

    static void checkBands(int bands) {
        if (bands < 1 || bands > 20) {
            throw new IllegalArgumentException("--bands must be between 1 and 20, got " + bands);
        }
    }
}
