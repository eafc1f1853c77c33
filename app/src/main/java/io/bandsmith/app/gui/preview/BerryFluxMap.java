package io.bandsmith.app.gui.preview;

import java.util.List;

import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.topology.BerryFluxGrid;
import io.bandsmith.engine.topology.BlochHamiltonian;
import io.bandsmith.engine.topology.PlaquetteDefect;

/**
 * The Berry flux per plaquette of a group of bands over the Brillouin zone (Fukui-Hatsugai-Suzuki, eq. I1 of the
 * paper, computed by {@link BerryFluxGrid}), as the zone map shows it: the n x n plaquettes of the grid spanned by
 * b1 and b2, their fluxes in (-π, π], the π defects (|Φ| > π/2: the group touches a neighbouring band inside the
 * plaquette), the total flux and the Chern number. Immutable, made on the Berry-flux thread and handed to the FX
 * thread.
 *
 * <p>The grid points are k_ij = ((i + ½) b1 + (j + ½) b2)/n: the half offset keeps every grid point off Γ, K and M
 * for any n, and maps the grid onto itself under k → -k (point (i, j) to (n-1-i, n-1-j), plaquette (i, j) to
 * (n-2-i, n-2-j)), so that time reversal, H(-k) = H(k)*, makes the map exactly odd: Φ(-P) = -Φ(P).
 */
public final class BerryFluxMap {
    /** Plaquettes per direction of the zone map: 30 x 30 = 900 plaquettes (K and K' are plaquette centres). */
    public static final int GRID = 30;
    /** Grid offset in units of the grid spacing, along b1 and b2. */
    public static final double OFFSET = 0.5;

    private final long generation;
    private final int first;
    private final int last;
    private final int n;
    private final double[][] flux;
    private final double totalFlux;
    private final List<PlaquetteDefect> defects;
    private final double seconds;
    private final KVector b1 = HexagonalLattice.B1;
    private final KVector b2 = HexagonalLattice.B2;

    private BerryFluxMap(long generation, int first, int last, int n, double[][] flux,
            List<PlaquetteDefect> defects, double seconds) {
        this.generation = generation;
        this.first = first;
        this.last = last;
        this.n = n;
        this.flux = flux;
        double s = 0;
        for (double[] row : flux) {
            for (double f : row) {
                s += f;
            }
        }
        this.totalFlux = s;
        this.defects = List.copyOf(defects);
        this.seconds = seconds;
    }

    /** Eigenvectors of the lowest {@code bands} bands of {@code h} on the zone map's n x n grid. */
    public static BerryFluxGrid grid(BlochHamiltonian h, int n, int bands) {
        return BerryFluxGrid.compute(h, HexagonalLattice.B1, HexagonalLattice.B2, n, bands, OFFSET, OFFSET);
    }

    /**
     * The map of the group first..last (0-based, inclusive) on a grid made by {@link #grid}.
     *
     * @param generation the preview generation (geometry) it belongs to
     * @param seconds how long the computation took, for the status line
     */
    public static BerryFluxMap of(BerryFluxGrid grid, int first, int last, long generation, double seconds) {
        return new BerryFluxMap(generation, first, last, grid.size(), grid.flux(first, last),
                grid.piDefects(first, last), seconds);
    }

    /** The preview generation this map was computed for. */
    public long generation() {
        return generation;
    }

    /** First band of the group, 0-based. */
    public int first() {
        return first;
    }

    /** Last band of the group, 0-based. */
    public int last() {
        return last;
    }

    /** "bands 4–5" or "band 1", 1-based. */
    public String bandsLabel() {
        return first == last ? "band " + (first + 1) : "bands " + (first + 1) + "–" + (last + 1);
    }

    /** Plaquettes per direction. */
    public int size() {
        return n;
    }

    public int plaquetteCount() {
        return n * n;
    }

    /** Berry flux through plaquette (i, j) (indices mod n), in (-π, π]. */
    public double flux(int i, int j) {
        return flux[Math.floorMod(i, n)][Math.floorMod(j, n)];
    }

    /** Sum of the fluxes over the zone: 2π times the Chern number. */
    public double totalFlux() {
        return totalFlux;
    }

    /**
     * The Chern number of the group, ΣΦ/2π rounded. The lattice sum is an integer by construction (every link enters
     * two plaquettes with opposite signs); it is the Chern number when the group is isolated (no π defects) and the
     * grid resolves the curvature. 0 for every isolated group of a p6 model with time reversal (class AI).
     */
    public int chernNumber() {
        return (int) Math.round(totalFlux / (2 * Math.PI));
    }

    /**
     * True when no plaquette holds a π defect: the group is isolated on this grid and {@link #chernNumber} is its
     * Chern number. Otherwise the lattice sum depends on the branch (±π) of the defects and means nothing.
     */
    public boolean isolated() {
        return defects.isEmpty();
    }

    /** Plaquettes with |Φ| > π/2: the group touches the band above (or below) inside them. */
    public List<PlaquetteDefect> piDefects() {
        return defects;
    }

    public double seconds() {
        return seconds;
    }

    /** The plaquette (i, j) that contains k (Cartesian, 1/a; any k, folded by the reciprocal lattice). */
    public int[] plaquetteAt(double kx, double ky) {
        // k = u b1 + v b2
        double det = b1.kx() * b2.ky() - b2.kx() * b1.ky();
        double u = (kx * b2.ky() - ky * b2.kx()) / det;
        double v = (ky * b1.kx() - kx * b1.ky()) / det;
        int i = Math.floorMod((int) Math.floor(u * n - OFFSET), n);
        int j = Math.floorMod((int) Math.floor(v * n - OFFSET), n);
        return new int[] {i, j};
    }

    /** The flux of the plaquette that contains k. */
    public double fluxAt(double kx, double ky) {
        int[] p = plaquetteAt(kx, ky);
        return flux[p[0]][p[1]];
    }

    /** The centre of plaquette (i, j) (Cartesian, 1/a, in the cell spanned by b1 and b2). */
    public KVector plaquetteCentre(int i, int j) {
        double u = (Math.floorMod(i, n) + OFFSET + 0.5) / n;
        double v = (Math.floorMod(j, n) + OFFSET + 0.5) / n;
        return new KVector(u * b1.kx() + v * b2.kx(), u * b1.ky() + v * b2.ky());
    }

    /** The plaquette that k → -k maps plaquette (i, j) to. */
    public int[] inversePlaquette(int i, int j) {
        return new int[] {Math.floorMod(n - 2 - i, n), Math.floorMod(n - 2 - j, n)};
    }
}
