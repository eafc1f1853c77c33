package io.bandsmith.engine.tightbinding;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.bandsmith.engine.group.SymOp;
import io.bandsmith.engine.linalg.HermitianEigenpairs;
import io.bandsmith.engine.linalg.Lapack;

/**
 * Bands of the class-D tight-binding model (appendix K.2, {@link P4DiracTightBindingModel}) as the p4-dirac case
 * reads them (conventions.md): for tight-binding parameters, the 8 central bands (the 4 highest negative and the 4
 * lowest positive energies, ascending) and their eigenvectors at any k, the labelled levels at Γ, X, M (C4
 * eigenvalue e^{-imπ/2}: s, p+, d, p- for m = 0, 1, 2, -1 at Γ and M; C2: +, - at X) from the block structure, and
 * the eigenvectors of the lowest positive bands on an n x n grid k = 2π(i, j)/n for Berry fluxes and Chern numbers
 * (only the points of one C4 orbit representative are diagonalized; the others are rotated, ψ(Rk) = D ψ(k)).
 * Immutable and thread-safe; the network that predicts the parameters is not part of it.
 */
public final class P4DiracBandSource {
    /** The case's central window: 4 negative and 4 positive bands. */
    public static final int CENTRAL_BANDS = 8;

    private final TightBindingModel model;
    private final int dim;
    private final int c4;

    /** One k point: ascending central energies and, if asked, their eigenvectors (dim x 8, column-major). */
    public record CentralWindow(double[] energies, double[] vectors) {
    }

    /** One labelled level at a maximal point. */
    public record Level(double energy, String label) {
    }

    public P4DiracBandSource(TightBindingModel model) {
        TightBindingSymmetry g = model.group();
        if (g.dimension() != 2 || !g.particleHole() || g.operationCount() != 4 || model.dimension() % 2 != 0
                || model.dimension() < CENTRAL_BANDS) {
            throw new IllegalArgumentException("model " + model.name() + " is not a class-D p4 model with at least "
                    + CENTRAL_BANDS + " orbitals");
        }
        this.model = model;
        this.dim = model.dimension();
        this.c4 = g.indexOfRotation(new SymOp(new int[][] {{0, -1}, {1, 0}}, new double[2], false));
    }

    public TightBindingModel model() {
        return model;
    }

    /** The central window at Cartesian k (kx, ky). */
    public CentralWindow centralWindow(double[] params, double kx, double ky, boolean vectors) {
        double[] h = model.hamiltonian(params, new double[] {kx, ky});
        return central(h, vectors);
    }

    private CentralWindow central(double[] h, boolean vectors) {
        int upper = dim / 2 + CENTRAL_BANDS / 2;
        // all pairs: for n ≈ 34 zheevr's full MRRR path is faster than its index range (measured, BENCHMARKS.md)
        HermitianEigenpairs e = Lapack.lowestEigenpairsHermitian(h, dim, dim, vectors);
        int first = upper - CENTRAL_BANDS;
        double[] energies = java.util.Arrays.copyOfRange(e.values(), first, upper);
        double[] v = vectors ? java.util.Arrays.copyOfRange(e.vectors(), 2 * first * dim, 2 * upper * dim) : null;
        return new CentralWindow(energies, v);
    }

    /** Central energies [k][8] at Cartesian k points {kx, ky}, parallel over k. */
    public double[][] energies(double[] params, List<double[]> kpoints) {
        double[][] out = new double[kpoints.size()][];
        IntStream.range(0, kpoints.size()).parallel().forEach(i -> out[i] = centralWindow(params,
                kpoints.get(i)[0], kpoints.get(i)[1], false).energies());
        return out;
    }

    /**
     * The 8 central levels at a maximal point ("G", "X", "M") with their labels, from the block structure: H(k)
     * commutes with D(C4) at Γ and M and with D(C2) at X; each eigenspace is diagonalized separately, so the labels
     * are exact at accidental degeneracies.
     */
    public List<Level> levels(double[] params, String point) {
        double[] k;
        int power;
        int order;
        switch (point) {
            case "G" -> {
                k = new double[] {0, 0};
                power = 1;
                order = 4;
            }
            case "M" -> {
                k = new double[] {Math.PI, Math.PI};
                power = 1;
                order = 4;
            }
            case "X" -> {
                k = new double[] {Math.PI, 0};
                power = 2;
                order = 2;
            }
            default -> throw new IllegalArgumentException("p4-dirac labels live at G, X, M, not " + point);
        }
        List<Level> all = new ArrayList<>();
        for (Block b : blocks(params, k, power, order)) {
            for (double e : b.energies()) {
                all.add(new Level(e, label(b.m(), order)));
            }
        }
        all.sort((a, b) -> Double.compare(a.energy(), b.energy()));
        int first = dim / 2 - CENTRAL_BANDS / 2;
        return List.copyOf(all.subList(first, first + CENTRAL_BANDS));
    }

    /** The conventions' label of the eigenvalue e^{-2πim/order} of C4 (order 4) or C2 (order 2). */
    public static String label(int m, int order) {
        if (order == 2) {
            return Math.floorMod(m, 2) == 0 ? "+" : "-";
        }
        return switch (Math.floorMod(m, 4)) {
            case 0 -> "s";
            case 1 -> "p+";
            case 2 -> "d";
            default -> "p-";
        };
    }

    /** One block of H(k) at a maximal point: the eigenvalue index m of the rotation, its energies, its basis. */
    public record Block(int m, double[] energies, int size) {
    }

    /** The blocks of H(k) by the eigenvalues e^{-2πim/order} of D(C4^power), m = 0..order-1. */
    public List<Block> blocks(double[] params, double[] k, int power, int order) {
        double[] d = ComplexMatrices.identity(dim);
        double[] step = model.representation(c4, k);
        for (int p = 0; p < power; p++) {
            d = ComplexMatrices.multiply(step, d, dim);
        }
        double[][] powers = new double[order][];
        powers[0] = ComplexMatrices.identity(dim);
        for (int j = 1; j < order; j++) {
            powers[j] = ComplexMatrices.multiply(d, powers[j - 1], dim);
        }
        if (ComplexMatrices.maxDifference(ComplexMatrices.multiply(d, powers[order - 1], dim),
                ComplexMatrices.identity(dim)) > 1e-9) {
            throw new IllegalStateException("the rotation does not leave k invariant");
        }
        double[] h = model.hamiltonian(params, k);
        List<Block> out = new ArrayList<>();
        int total = 0;
        for (int m = 0; m < order; m++) {
            double[] basis = TightBindingModel.eigenspace(powers, m, dim);
            int r = basis.length / (2 * dim);
            total += r;
            if (r == 0) {
                out.add(new Block(m, new double[0], 0));
                continue;
            }
            double[] block = ComplexMatrices.project(h, basis, dim, r);
            out.add(new Block(m, Lapack.lowestEigenpairsHermitian(block, r, r, false).values(), r));
        }
        if (total != dim) {
            throw new IllegalStateException("blocks hold " + total + " of " + dim + " states");
        }
        return out;
    }

    /**
     * Eigenvectors of the lowest {@code bands} positive bands (and their energies) on the n x n grid
     * k = 2π(i, j)/n, index i*n + j: points of one representative per C4 orbit are diagonalized (in parallel), the
     * others get ψ(Rk) = D(C4, k) ψ(k). Returns {energies[i*n+j][bands], vectors[i*n+j][dim x bands]}.
     */
    public double[][][] positiveBandsOnGrid(double[] params, int n, int bands) {
        if (bands < 1 || bands > dim / 2) {
            throw new IllegalArgumentException("bands " + bands + " outside 1.." + dim / 2);
        }
        int[] rep = new int[n * n];
        java.util.Arrays.fill(rep, -1);
        List<Integer> reps = new ArrayList<>();
        for (int idx = 0; idx < n * n; idx++) {
            if (rep[idx] >= 0) {
                continue;
            }
            reps.add(idx);
            int i = idx / n;
            int j = idx % n;
            for (int r = 0; r < 4; r++) {
                int x = i * n + j;
                if (rep[x] < 0) {
                    rep[x] = idx;
                }
                int ni = Math.floorMod(-j, n); // C4: (kx, ky) -> (-ky, kx)
                j = i;
                i = ni;
            }
        }
        double[][] energies = new double[n * n][];
        double[][] vectors = new double[n * n][];
        int lo = dim / 2;
        IntStream.range(0, reps.size()).parallel().forEach(t -> {
            int idx = reps.get(t);
            int i = idx / n;
            int j = idx % n;
            double[] k = {2 * Math.PI * i / n, 2 * Math.PI * j / n};
            HermitianEigenpairs e = Lapack.lowestEigenpairsHermitian(model.hamiltonian(params, k), dim, dim, true);
            double[] en = java.util.Arrays.copyOfRange(e.values(), lo, lo + bands);
            double[] v = java.util.Arrays.copyOfRange(e.vectors(), 2 * lo * dim, 2 * (lo + bands) * dim);
            for (int r = 0; r < 4; r++) {
                int x = i * n + j;
                if (rep[x] == idx && vectors[x] == null) {
                    energies[x] = en;
                    vectors[x] = v;
                }
                double[] d = model.representation(c4, k);
                v = ComplexMatrices.product(d, v, dim, bands);
                int ni = Math.floorMod(-j, n);
                j = i;
                i = ni;
                k = new double[] {2 * Math.PI * i / n, 2 * Math.PI * j / n};
            }
        });
        return new double[][][] {energies, vectors};
    }
}
