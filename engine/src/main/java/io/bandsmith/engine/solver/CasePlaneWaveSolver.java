package io.bandsmith.engine.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.cases.CaseStudy;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.group.CharacterTable;
import io.bandsmith.engine.group.MaximalKPoint;
import io.bandsmith.engine.group.SymOp;
import io.bandsmith.engine.group.WallpaperGroup;
import io.bandsmith.engine.lattice.HighSymmetryPoint;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.linalg.Lapack;
import io.bandsmith.engine.linalg.SymmetricEigenpairs;
import io.bandsmith.engine.symmetry.IrrepLabel;

/**
 * The exact solver for a case other than p6 (today: p4, square pixels): [−∇² + V]ψ = Eψ by plane waves with the
 * exact square-pixel Fourier coefficients {@code V(G) = DFT(V)[n mod L] / L² · sinc(Gx/2L) sinc(Gy/2L)}
 * (conventions.md, case p4), diagonalized densely at every k point (LAPACK dsyevr) in the ball |k + G| ≤ cutoff
 * with the waves up to 3 × cutoff folded in by second-order (Löwdin) perturbation theory, as in the p6 solver.
 *
 * <p>Labels at the maximal k points come from characters: the ball centred on the point is invariant under its
 * little co-group, each operation permutes the plane waves (ĝψ)(x) = ψ(g⁻¹x), the character of each group of
 * (near-)degenerate levels on every element is decomposed with the group's character table into co-representations
 * (time reversal included), and each co-representation's label is given to as many levels as its dimension.
 *
 * <p>Limits: groups whose point group contains C2 (real V(G), real symmetric H); no reduced wedge basis yet (each k
 * point is a dense solve, slower per k point than the p6 solver). Thread-safe.
 */
public final class CasePlaneWaveSolver implements BandStructureSource {
    private static final double RELATIVE_SYMMETRY_TOLERANCE = 1e-6;

    private final CaseStudy study;
    private final PlaneWaveSettings settings;

    public CasePlaneWaveSolver(CaseStudy study, PlaneWaveSettings settings) {
        if (study.reading() != CaseStudy.PixelReading.SQUARE) {
            throw new IllegalArgumentException("case " + study.name() + " uses the p6 solver (PlaneWaveSolver)");
        }
        boolean hasC2 = study.group().operations().stream().anyMatch(g -> g.trace() == -2 && g.determinant() == 1);
        if (!hasC2) {
            throw new UnsupportedOperationException("case " + study.name()
                    + ": groups without C2 need complex Fourier coefficients (not implemented yet)");
        }
        this.study = study;
        this.settings = settings;
    }

    public static CasePlaneWaveSolver withDefaults(CaseStudy study) {
        return new CasePlaneWaveSolver(study, PlaneWaveSettings.defaults());
    }

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public BandStructure compute(PotentialGrid potential, KPointSet kpoints, int bandCount) {
        if (bandCount < 1) {
            throw new IllegalArgumentException("need at least one band, got " + bandCount);
        }
        PotentialGrid grid = study.requireSymmetric(potential, RELATIVE_SYMMETRY_TOLERANCE);
        requireResolvable(grid);
        double cutoff = settings.cutoffFor(grid.range());
        double shell = settings.correctionEnabled() ? cutoff * settings.correctionFactor() : cutoff;
        Table table = new Table(study.group(), grid, nMax(cutoff, shell));
        int levels = bandCount + settings.extraLevels();
        double[][] energies = new double[kpoints.size()][];
        for (int i = 0; i < kpoints.size(); i++) {
            energies[i] = Arrays.copyOf(solve(table, kpoints.get(i), cutoff, shell, levels).eig.values(), bandCount);
        }
        Map<String, HighSymmetryLevels> hsp = new LinkedHashMap<>();
        double tolerance = settings.degeneracyTolerance() * grid.vmax();
        for (HighSymmetryPoint point : study.highSymmetryPoints()) {
            Ball ball = solve(table, point.k(), cutoff, shell, levels);
            hsp.put(point.name(), label(study.group().maximalPoint(point.name()), point, ball, bandCount, tolerance));
        }
        return new BandStructure(kpoints, energies, hsp, grid.vmax(), String.format(
                "exact plane waves (%s), square pixels, |k+G| <= %.1f/a + 2nd-order correction to %.1f/a, dense per k",
                study.name(), cutoff, shell));
    }

    /**
     * As {@link PlaneWaveSolver#requireResolvable}: the basis is sized from the potential's range (max − min), and a
     * range above {@link PlaneWaveSolver#MAX_RANGE} is refused with one line before any work (docs/solver.md).
     *
     * @throws InvalidInputException naming the range and the limit (the caller adds the file)
     */
    public void requireResolvable(PotentialGrid potential) {
        double range = potential.range();
        if (range > PlaneWaveSolver.MAX_RANGE) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT,
                    "the potential's range (max - min) is %.4g E0; the exact solver resolves at most %.0f E0 "
                    + "(16 x 256) accurately (docs/solver.md): lower --vmax or scale the potential", range,
                    PlaneWaveSolver.MAX_RANGE));
        }
    }

    private int nMax(double cutoff, double shell) {
        double b = Math.min(norm(study.group().reciprocalBasis(0)), norm(study.group().reciprocalBasis(1)));
        // |k| ≤ |M| < b; differences of two waves with |k + G| ≤ shell
        return (int) Math.ceil(2 * (Math.max(cutoff, shell) + b) / b) + 2;
    }

    private static double norm(double[] v) {
        return Math.hypot(v[0], v[1]);
    }

    /** The Fourier coefficients of a grid read as square pixels, real part (the group contains C2). */
    static final class Table {
        final int nMax;
        final int width;
        final double[] v;
        final double[] b1;
        final double[] b2;

        Table(WallpaperGroup group, PotentialGrid grid, int nMax) {
            this.nMax = nMax;
            this.width = 2 * nMax + 1;
            this.b1 = group.reciprocalBasis(0);
            this.b2 = group.reciprocalBasis(1);
            int size = grid.size();
            double[] values = grid.valuesE0();
            double[] cos = new double[size];
            double[] sin = new double[size];
            for (int n = 0; n < size; n++) {
                cos[n] = Math.cos(2 * Math.PI * n / size);
                sin[n] = Math.sin(2 * Math.PI * n / size);
            }
            double[][] xc = new double[width][size];
            double[][] xs = new double[width][size];
            for (int a = 0; a < width; a++) {
                int n1 = a - nMax;
                for (int i = 0; i < size; i++) {
                    int idx = Math.floorMod(n1 * i, size);
                    for (int j = 0; j < size; j++) {
                        double val = values[i * size + j];
                        xc[a][j] += val * cos[idx];
                        xs[a][j] += val * sin[idx];
                    }
                }
            }
            v = new double[width * width];
            double norm = 1.0 / ((double) size * size);
            for (int a = 0; a < width; a++) {
                for (int c = 0; c < width; c++) {
                    int n2 = c - nMax;
                    double re = 0;
                    for (int j = 0; j < size; j++) {
                        int idx = Math.floorMod(n2 * j, size);
                        re += xc[a][j] * cos[idx] - xs[a][j] * sin[idx];
                    }
                    int n1 = a - nMax;
                    double gx = n1 * b1[0] + n2 * b2[0];
                    double gy = n1 * b1[1] + n2 * b2[1];
                    v[a * width + c] = re * norm * sinc(gx / (2 * size)) * sinc(gy / (2 * size));
                }
            }
        }

        double coefficient(int d1, int d2) {
            if (Math.abs(d1) > nMax || Math.abs(d2) > nMax) {
                throw new IllegalStateException("Fourier table |n| <= " + nMax + " too small for (" + d1 + ", " + d2
                        + ")");
            }
            return v[(d1 + nMax) * width + (d2 + nMax)];
        }

        static double sinc(double x) {
            return Math.abs(x) < 1e-8 ? 1 - x * x / 6 : Math.sin(x) / x;
        }
    }

    /** A solved ball: its waves (n1, n2) and the (corrected) eigenpairs. */
    record Ball(int[] n1, int[] n2, SymmetricEigenpairs eig) {
    }

    /** The waves with |k + G| ≤ radius (and > inner when inner ≥ 0), sorted by |k + G| then n1, n2. */
    static int[][] waves(Table t, KVector k, double inner, double radius) {
        double bmin = Math.min(Math.hypot(t.b1[0], t.b1[1]), Math.hypot(t.b2[0], t.b2[1]));
        double det = Math.abs(t.b1[0] * t.b2[1] - t.b1[1] * t.b2[0]);
        // |n_i| ≤ (radius + |k|) |b_j| / |det|: enough for any basis
        int bound = (int) Math.ceil((radius + k.norm()) * Math.max(Math.hypot(t.b1[0], t.b1[1]),
                Math.hypot(t.b2[0], t.b2[1])) / det) + 1;
        bound = Math.max(bound, (int) Math.ceil((radius + k.norm()) / bmin) + 1);
        List<double[]> found = new ArrayList<>();
        for (int a = -bound; a <= bound; a++) {
            for (int b = -bound; b <= bound; b++) {
                double x = k.kx() + a * t.b1[0] + b * t.b2[0];
                double y = k.ky() + a * t.b1[1] + b * t.b2[1];
                double r2 = x * x + y * y;
                if (r2 <= radius * radius * (1 + 1e-12) && (inner < 0 || r2 > inner * inner * (1 + 1e-12))) {
                    found.add(new double[] {r2, a, b});
                }
            }
        }
        found.sort((p, q) -> p[0] != q[0] ? Double.compare(p[0], q[0])
                : p[1] != q[1] ? Double.compare(p[1], q[1]) : Double.compare(p[2], q[2]));
        int[][] out = new int[2][found.size()];
        for (int i = 0; i < found.size(); i++) {
            out[0][i] = (int) found.get(i)[1];
            out[1][i] = (int) found.get(i)[2];
        }
        return out;
    }

    static Ball solve(Table t, KVector k, double cutoff, double shellCutoff, int levels) {
        int[][] ball = waves(t, k, -1, cutoff);
        int n = ball[0].length;
        double[] h = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                h[j * n + i] = t.coefficient(ball[0][i] - ball[0][j], ball[1][i] - ball[1][j]);
            }
            h[j * n + j] += kinetic(t, k, ball[0][j], ball[1][j]);
        }
        SymmetricEigenpairs eig = PlaneWaveSolver.completeMultiplets(
                Lapack.lowestEigenpairs(h, n, Math.min(levels + 1, n), true), levels);
        if (shellCutoff > cutoff) {
            eig = correct(t, k, ball, waves(t, k, cutoff, shellCutoff), eig);
        }
        return new Ball(ball[0], ball[1], eig);
    }

    private static double kinetic(Table t, KVector k, int a, int b) {
        double x = k.kx() + a * t.b1[0] + b * t.b2[0];
        double y = k.ky() + a * t.b1[1] + b * t.b2[1];
        return x * x + y * y;
    }

    /** Second-order (Löwdin) folding of the shell waves within the computed levels (see PerturbativeShell). */
    static SymmetricEigenpairs correct(Table t, KVector k, int[][] ball, int[][] shell, SymmetricEigenpairs eig) {
        int nb = ball[0].length;
        int no = shell[0].length;
        int m = eig.count();
        if (no == 0) {
            return eig;
        }
        double[] vob = new double[no * nb];
        for (int i = 0; i < nb; i++) {
            for (int g = 0; g < no; g++) {
                vob[i * no + g] = t.coefficient(shell[0][g] - ball[0][i], shell[1][g] - ball[1][i]);
            }
        }
        double[] w = new double[no * m];
        Lapack.gemm(false, false, no, m, nb, 1.0, vob, eig.vectors(), 0.0, w);
        double[] kin = new double[no];
        for (int g = 0; g < no; g++) {
            kin[g] = kinetic(t, k, shell[0][g], shell[1][g]);
        }
        double[] e = eig.values();
        double[] mat = new double[m * m];
        for (int p = 0; p < m; p++) {
            for (int q = 0; q <= p; q++) {
                double mean = 0.5 * (e[p] + e[q]);
                double sum = 0;
                for (int g = 0; g < no; g++) {
                    sum += w[p * no + g] * w[q * no + g] / (kin[g] - mean);
                }
                mat[q * m + p] = -sum;
                mat[p * m + q] = -sum;
            }
            mat[p * m + p] += e[p];
        }
        SymmetricEigenpairs small = Lapack.lowestEigenpairs(mat, m, m, true);
        double[] vectors = new double[nb * m];
        Lapack.gemm(false, false, nb, m, m, 1.0, eig.vectors(), small.vectors(), 0.0, vectors);
        return new SymmetricEigenpairs(nb, small.values(), vectors);
    }

    /**
     * Labels of the lowest {@code count} levels of a ball centred on a maximal point, from the characters of its
     * little co-group (class doc).
     */
    static HighSymmetryLevels label(MaximalKPoint point, HighSymmetryPoint hsp, Ball ball, int count,
            double tolerance) {
        SymmetricEigenpairs eig = ball.eig();
        int computed = eig.count();
        int n = ball.n1().length;
        CharacterTable table = point.table();
        double[] kappa = point.kappa();
        List<int[]> perms = new ArrayList<>();
        for (SymOp g : table.elements()) {
            perms.add(permutation(g, kappa, ball));
        }
        double[] e = eig.values();
        String[] labels = new String[computed];
        int start = 0;
        while (start < count) {
            int end = start + 1;
            while (end < computed && e[end] - e[end - 1] < tolerance) {
                end++;
            }
            if (end == computed && end > count) {
                throw new IllegalStateException("a multiplet at " + hsp.displayName()
                        + " reaches beyond the computed levels");
            }
            List<org.ejml.data.Complex_F64> chi = new ArrayList<>();
            for (int[] perm : perms) {
                double s = 0;
                for (int p = start; p < end; p++) {
                    int o = p * n;
                    for (int i = 0; i < n; i++) {
                        s += eig.vectors()[o + perm[i]] * eig.vectors()[o + i];
                    }
                }
                chi.add(new org.ejml.data.Complex_F64(Math.rint(s * 1e6) / 1e6, 0));
            }
            int[] mult;
            try {
                mult = table.multiplicities(chi);
            } catch (IllegalStateException ex) {
                throw new IllegalStateException("levels " + (start + 1) + ".." + end + " at " + hsp.displayName()
                        + " have characters " + chi + ", not a representation (eigenvectors not converged or the "
                        + "potential is not symmetric)", ex);
            }
            int slot = start;
            for (CharacterTable.Corep c : point.coreps()) {
                int k = mult[table.irreps().indexOf(c.components().get(0))];
                for (int r = 0; r < k; r++) {
                    for (int d = 0; d < c.dimension(); d++) {
                        labels[slot++] = c.label();
                    }
                }
            }
            if (slot != end) {
                throw new IllegalStateException("levels " + (start + 1) + ".." + end + " at " + hsp.displayName()
                        + " do not decompose into whole representations");
            }
            start = end;
        }
        List<IrrepLabel> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(IrrepLabel.parse(hsp, labels[i]));
        }
        return new HighSymmetryLevels(hsp, Arrays.copyOf(e, count), out);
    }

    /**
     * perm[i] = index of the wave G' with κ + n' = W⁻ᵀ(κ + n_i): (ĝψ) has at G' the coefficient ψ has at G_i.
     */
    static int[] permutation(SymOp g, double[] kappa, Ball ball) {
        int n = ball.n1().length;
        Map<Long, Integer> index = new java.util.HashMap<>(2 * n);
        for (int i = 0; i < n; i++) {
            index.put(((long) ball.n1()[i] << 32) ^ (ball.n2()[i] & 0xffffffffL), i);
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            double[] img = g.applyToReciprocal(new double[] {kappa[0] + ball.n1()[i], kappa[1] + ball.n2()[i]});
            int a = (int) Math.rint(img[0] - kappa[0]);
            int b = (int) Math.rint(img[1] - kappa[1]);
            if (Math.abs(img[0] - kappa[0] - a) > 1e-9 || Math.abs(img[1] - kappa[1] - b) > 1e-9) {
                throw new IllegalStateException(g.pointName() + " does not leave k invariant");
            }
            Integer target = index.get(((long) a << 32) ^ (b & 0xffffffffL));
            if (target == null) {
                throw new IllegalStateException("the plane-wave ball is not invariant under " + g.pointName());
            }
            perm[i] = target;
        }
        return perm;
    }
}
