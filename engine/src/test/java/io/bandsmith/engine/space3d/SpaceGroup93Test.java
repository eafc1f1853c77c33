package io.bandsmith.engine.space3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpaceGroup93Test {
    @Test
    void theEightOperationsFormAGroupModuloLatticeTranslations() {
        for (SpaceGroup93.Operation g : SpaceGroup93.OPERATIONS) {
            for (SpaceGroup93.Operation h : SpaceGroup93.OPERATIONS) {
                // (Wg|tg)(Wh|th) = (Wg Wh | Wg th + tg) must be one of the eight up to an integer translation
                int[] w = new int[9];
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        for (int l = 0; l < 3; l++) {
                            w[3 * i + j] += g.w()[3 * i + l] * h.w()[3 * l + j];
                        }
                    }
                }
                double[] t = g.rotate(h.t());
                for (int i = 0; i < 3; i++) {
                    t[i] += g.t()[i];
                }
                boolean found = false;
                for (SpaceGroup93.Operation o : SpaceGroup93.OPERATIONS) {
                    boolean same = java.util.Arrays.equals(o.w(), w);
                    for (int i = 0; same && i < 3; i++) {
                        double d = t[i] - o.t()[i];
                        same = Math.abs(d - Math.rint(d)) < 1e-12;
                    }
                    found |= same;
                }
                assertTrue(found, g.name() + " * " + h.name());
            }
        }
    }

    @Test
    void randomPotentialsAreSymmetricAndTheCheckNamesTheFirstBrokenOperation() {
        VoxelGrid grid = RandomVoxelPotentials.step(1, 20, 11, 1, 200);
        assertEquals(-1, grid.firstBrokenOperation(0));
        double[] v = grid.valuesE0();
        double filled = 0;
        for (double x : v) {
            filled += x / 200 / v.length;
        }
        assertTrue(filled > 0.2 && filled < 0.8, "filling " + filled);
        // a field symmetric under the point group's rotations but without the screw's half translation breaks
        // (-y,x,z+1/2) first (the order of conventions.md: (-x,-y,z) holds)
        double[] w = new double[8000];
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 20; j++) {
                for (int l = 0; l < 20; l++) {
                    double x = 2 * Math.PI * i / 20;
                    double y = 2 * Math.PI * j / 20;
                    double z = 2 * Math.PI * l / 20;
                    w[(i * 20 + j) * 20 + l] = Math.cos(z) * (Math.cos(x) + Math.cos(y));
                }
            }
        }
        assertEquals(2, SpaceGroup93.firstBrokenOperation(w, 20, 1e-9));
        // one changed voxel with all the others symmetric: (-x,-y,z) is the first to see it
        double[] u = grid.valuesE0();
        u[(3 * 20 + 5) * 20 + 7] = 100;
        assertEquals(1, SpaceGroup93.firstBrokenOperation(u, 20, 1e-9));
    }

    @Test
    void voxelFourierCoefficientsOfOneVoxelAreTheBoxFormFactor() {
        double[] v = new double[8000];
        int i = 3;
        int j = 5;
        int l = 11;
        v[(i * 20 + j) * 20 + l] = 1;
        double c = 1.4;
        VoxelFourier f = VoxelFourier.of(VoxelGrid.of(20, v, 1), c, 25);
        for (int[] n : new int[][] {{0, 0, 0}, {1, 0, 0}, {3, -7, 2}, {21, 4, -25}, {-13, 20, 9}}) {
            // (1/Ω) ∫_box e^{-iG·x} = (1/L^3) e^{-iG·x0} Π sinc(G_d len_d / 2)/..., x0 = (i/L, j/L, l c/L)
            double gx = 2 * Math.PI * n[0];
            double gy = 2 * Math.PI * n[1];
            double gz = 2 * Math.PI * n[2] / c;
            double phase = -(gx * i / 20.0 + gy * j / 20.0 + gz * l * c / 20.0);
            double form = sinc(gx / 40) * sinc(gy / 40) * sinc(gz * c / 40) / 8000;
            assertEquals(form * Math.cos(phase), f.re(n[0], n[1], n[2]), 1e-12);
            assertEquals(form * Math.sin(phase), f.im(n[0], n[1], n[2]), 1e-12);
        }
    }

    private static double sinc(double u) {
        return u == 0 ? 1 : Math.sin(u) / u;
    }

    @Test
    void fourierCoefficientsOfASymmetricGridTransformWithTheOperations() {
        VoxelGrid grid = RandomVoxelPotentials.step(1, 20, 5, 1, 200);
        VoxelFourier f = VoxelFourier.of(grid, 1, 6);
        // V(x) = V(g x) gives V(W G) = e^{-i (W G)·t} V(G) (fractional t, G in units of 2π)
        for (SpaceGroup93.Operation g : SpaceGroup93.OPERATIONS) {
            for (int[] n : new int[][] {{1, 0, 0}, {2, -1, 3}, {0, 1, 1}}) {
                int[] m = g.rotate(n);
                double phase = -2 * Math.PI * (m[0] * g.t()[0] + m[1] * g.t()[1] + m[2] * g.t()[2]);
                double re = f.re(n[0], n[1], n[2]);
                double im = f.im(n[0], n[1], n[2]);
                assertEquals(Math.cos(phase) * re - Math.sin(phase) * im, f.re(m[0], m[1], m[2]), 1e-9, g.name());
                assertEquals(Math.cos(phase) * im + Math.sin(phase) * re, f.im(m[0], m[1], m[2]), 1e-9, g.name());
            }
        }
    }

    @Test
    void theOperationsAreNamedAsInTheConventionsInTheirOrder() {
        // the list is derived from the group layer's No. 93 (the single source); its names, as the symmetry check
        // reports them, must be the conventions' list written out (docs/conventions.md, case p4222-3d)
        assertEquals(java.util.List.of("(x,y,z)", "(-x,-y,z)", "(-y,x,z+1/2)", "(y,-x,z+1/2)", "(-x,y,-z)",
                "(x,-y,-z)", "(y,x,-z+1/2)", "(-y,-x,-z+1/2)"),
                SpaceGroup93.OPERATIONS.stream().map(SpaceGroup93.Operation::name).toList());
        int[][] w = {{1, 0, 0, 0, 1, 0, 0, 0, 1}, {-1, 0, 0, 0, -1, 0, 0, 0, 1}, {0, -1, 0, 1, 0, 0, 0, 0, 1},
                {0, 1, 0, -1, 0, 0, 0, 0, 1}, {-1, 0, 0, 0, 1, 0, 0, 0, -1}, {1, 0, 0, 0, -1, 0, 0, 0, -1},
                {0, 1, 0, 1, 0, 0, 0, 0, -1}, {0, -1, 0, -1, 0, 0, 0, 0, -1}};
        double[] tz = {0, 0, 0.5, 0.5, 0, 0, 0.5, 0.5};
        for (int o = 0; o < w.length; o++) {
            SpaceGroup93.Operation g = SpaceGroup93.OPERATIONS.get(o);
            assertTrue(java.util.Arrays.equals(w[o], g.w()), g.name());
            assertTrue(java.util.Arrays.equals(new double[] {0, 0, tz[o]}, g.t()), g.name());
        }
    }
}
