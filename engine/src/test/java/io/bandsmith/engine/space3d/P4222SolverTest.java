package io.bandsmith.engine.space3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class P4222SolverTest {
    private static final double VMAX = 200;

    /** Sorted |k+G|^2 over a generous box of G: the empty lattice in closed form. */
    private static double[] freeLevels(double[] k, double c, int count) {
        List<Double> e = new ArrayList<>();
        for (int a = -4; a <= 4; a++) {
            for (int b = -4; b <= 4; b++) {
                for (int d = -4; d <= 4; d++) {
                    double x = k[0] + 2 * Math.PI * a;
                    double y = k[1] + 2 * Math.PI * b;
                    double z = k[2] + 2 * Math.PI * d / c;
                    e.add(x * x + y * y + z * z);
                }
            }
        }
        return e.stream().sorted().limit(count).mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void emptyLatticeEnergiesAreTheFreeParabolasAtEveryMaximalPointAndAnInteriorPoint() {
        VoxelGrid empty = VoxelGrid.of(20, new double[8000], VMAX);
        for (double c : new double[] {1.0, 1.3}) {
            P4222Solver solver = P4222Solver.withDefaults(c);
            VoxelFourier vf = solver.fourier(empty);
            List<double[]> ks = new ArrayList<>();
            LittleGroupIrreps.POINTS.forEach(p -> ks.add(p.k(c)));
            ks.add(new double[] {0.7, 0.3, 1.1});
            for (double[] k : ks) {
                double[] e = solver.solveAt(vf, k, 10).energies();
                assertArrayEquals(freeLevels(k, c, 10), e, 1e-9, Arrays.toString(k));
            }
        }
    }

    @Test
    void emptyLatticeLevelsDecomposeAsTheFreeWavesForce() {
        VoxelGrid empty = VoxelGrid.of(20, new double[8000], VMAX);
        P4222Solver solver = P4222Solver.withDefaults(1);
        VoxelFourier vf = solver.fourier(empty);
        // Γ: the constant wave is A+; the six waves ±2π x, ±2π y, ±2π z carry the characters (6, 2, 2, 0, -2) on
        // E, {C2z|a3}, {C2y|0}, {C2(x+y)|-a3/2}, {C4z|a3/2}: A+ + 2 A- + B1- + E (worked by hand)
        String[] g = solver.solveAt(vf, LittleGroupIrreps.point("G").k(1), 7).labels();
        assertEquals("A+", g[0]);
        String[] six = Arrays.copyOfRange(g, 1, 7);
        Arrays.sort(six);
        assertArrayEquals(new String[] {"A+", "A-", "A-", "B1-", "E", "E"}, six);
        // Z: the two waves ±π/c z: characters (2, -2, 0, 0, 0) = E
        String[] z = solver.solveAt(vf, LittleGroupIrreps.point("Z").k(1), 2).labels();
        assertArrayEquals(new String[] {"E", "E"}, z);
        // X: waves (π,0,0) and (-π,0,0): C2z swaps them, C2y swaps them, C2x keeps both: (2, 0, 0, 2) = A + B3
        String[] x = solver.solveAt(vf, LittleGroupIrreps.point("X").k(1), 2).labels();
        Arrays.sort(x);
        assertArrayEquals(new String[] {"A", "B3"}, x);
        // A: the eight waves (±π, ±π, ±π): no element but E keeps a wave fixed, so χ = (8, 0, 0, 0, 0):
        // E + E + B2+ + B2- + B3+ + B3- (each 1D irrep once and E twice: 2 + 2 + 4 = 8, Σ χ(C2z) = -4 + 4 = 0)
        String[] a = solver.solveAt(vf, LittleGroupIrreps.point("A").k(1), 8).labels();
        Arrays.sort(a);
        assertArrayEquals(new String[] {"B2+", "B2-", "B3+", "B3-", "E", "E", "E", "E"}, a);
    }

    @Test
    void twoDimensionalIrrepsAreExactlyDegenerateForRandomPotentialsAndEveryLevelHasAListedIrrep() {
        for (long seed = 1; seed <= 2; seed++) {
            VoxelGrid grid = RandomVoxelPotentials.step(1, 20, seed, 1, VMAX);
            P4222Solver solver = P4222Solver.withDefaults(1);
            VoxelFourier vf = solver.fourier(grid);
            for (LittleGroupIrreps.Point p : LittleGroupIrreps.POINTS) {
                P4222Solver.KResult r = solver.solveAt(vf, p.k(1), 8);
                double[] e = r.energies();
                String[] labels = r.labels();
                int n = 0;
                while (n < 8) {
                    String name = labels[n];
                    assertTrue(p.irreps().containsKey(name), p.name() + " band " + n + ": " + name);
                    int dim = p.dimension(name);
                    if (dim == 2 && n + 1 < 8) {
                        assertEquals(name, labels[n + 1]);
                        assertEquals(e[n], e[n + 1], 1e-8 * VMAX, p.name() + " pair " + n);
                    }
                    if (n + dim < 8) {
                        // a random potential leaves no accidental degeneracy: the next level is apart
                        assertTrue(e[n + dim] - e[n] > 1e-6 * VMAX, p.name() + " level " + n);
                    }
                    n += dim;
                }
                if (p.name().equals("X") || p.name().equals("R")) {
                    assertTrue(Arrays.stream(labels).noneMatch("E"::equals));
                }
            }
        }
    }

    @Test
    void energiesAreEqualAtSymmetryRelatedKPoints() {
        VoxelGrid grid = RandomVoxelPotentials.step(1, 20, 7, 1, VMAX);
        P4222Solver solver = P4222Solver.withDefaults(1);
        VoxelFourier vf = solver.fourier(grid);
        double[] k = {0.9, 0.4, 1.7};
        double[] e = solver.solveAt(vf, k, 6).energies();
        for (SpaceGroup93.Operation g : SpaceGroup93.OPERATIONS) {
            double[] gk = g.rotate(k);
            assertArrayEquals(e, solver.solveAt(vf, gk, 6).energies(), 1e-9 * VMAX, g.name());
        }
        // time reversal (a real potential): E(-k) = E(k)
        assertArrayEquals(e, solver.solveAt(vf, new double[] {-k[0], -k[1], -k[2]}, 6).energies(), 1e-9 * VMAX);
        // a generic k is not equivalent to a rotated-but-not-symmetric one: the spectrum changes
        assertNotEquals(e[0], solver.solveAt(vf, new double[] {0.9, 1.7, 0.4}, 6).energies()[0], 1e-6);
    }

    @Test
    void theShellCorrectionLowersTheBallLevelsAndConvergesWithTheShell() {
        VoxelGrid grid = RandomVoxelPotentials.step(1, 20, 3, 1, VMAX);
        double[] k = LittleGroupIrreps.point("R").k(1);
        double bare = new P4222Solver(P4222Solver.Settings.bare(32), 1).solveAt(
                new P4222Solver(P4222Solver.Settings.bare(32), 1).fourier(grid), k, 4).energies()[0];
        P4222Solver small = new P4222Solver(new P4222Solver.Settings(32, 64, 6, 0), 1);
        P4222Solver large = new P4222Solver(new P4222Solver.Settings(32, 96, 6, 0), 1);
        double e64 = small.solveAt(small.fourier(grid), k, 4).energies()[0];
        double e96 = large.solveAt(large.fourier(grid), k, 4).energies()[0];
        // second order from states above lowers the ground level, more with a larger shell (variational ball)
        assertTrue(e64 < bare && e96 < e64, bare + " " + e64 + " " + e96);
        assertTrue(e64 - e96 < bare - e64, "the shell's contribution shrinks outward");
    }

    @Test
    void aBasisThatCannotFitTheHeapIsRefusedBeforeAnyWork() {
        P4222Solver huge = new P4222Solver(new P4222Solver.Settings(150, 0, 6, 0), 1);
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.bandsmith.engine.io.InvalidInputException.class,
                () -> huge.requireFits(2));
        assertTrue(e.getMessage().contains("heap"), e.getMessage());
        P4222Solver.withDefaults(1).requireFits(2);
    }
}
