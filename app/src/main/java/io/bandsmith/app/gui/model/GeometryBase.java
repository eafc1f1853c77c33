package io.bandsmith.app.gui.model;

import java.util.Arrays;

import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.geometry.ShapeRasterizer;

/**
 * The first layer of a geometry: what the cell holds before shapes and brush strokes are added. Immutable; every
 * variant rasterizes to an exactly C6-symmetric grid of any size L.
 */
public sealed interface GeometryBase {
    /** Rasterizes this base on an L x L grid, as fractions of Vmax (row-major, {@code f[i*L + j]}). */
    double[] fractions(int size);

    /** A short description shown in the editor ("six holes R = 0.333a, r = 0.12a"). */
    String describe();

    /** The same value everywhere (0 = empty cell, 1 = full step). */
    record Uniform(double fraction) implements GeometryBase {
        public Uniform {
            requireFraction(fraction, "uniform value");
        }

        @Override
        public double[] fractions(int size) {
            double[] f = new double[size * size];
            Arrays.fill(f, fraction);
            return f;
        }

        @Override
        public String describe() {
            return fraction == 0 ? "empty cell" : String.format("uniform %.2f Vmax", fraction);
        }
    }

    /** The paper's fig. 2 family: six holes (V = 0) of radius {@code holeRadius} at distance {@code distance}. */
    record SixHoles(double distance, double holeRadius) implements GeometryBase {
        public SixHoles {
            if (!(distance >= 0 && distance <= 1) || !(holeRadius > 0 && holeRadius <= 0.6)) {
                throw new IllegalArgumentException(String.format(
                        "six holes need 0 <= R <= 1 a and 0 < r <= 0.6 a, got R = %s, r = %s", distance, holeRadius));
            }
        }

        @Override
        public double[] fractions(int size) {
            return ShapeRasterizer.sixHoles(size, distance, holeRadius, 1.0).fractions();
        }

        @Override
        public String describe() {
            return String.format("six holes R = %.3fa, r = %.3fa", distance, holeRadius);
        }
    }

    /**
     * A random potential of the paper's distributions (conventions.md): a sharp step where φ > 0, or the sigmoid
     * σ(βφ) when {@code sigmoid} is set.
     */
    record RandomField(double alpha, long seed, boolean sigmoid, double beta) implements GeometryBase {
        public RandomField {
            if (!Double.isFinite(alpha)) {
                throw new IllegalArgumentException("alpha must be finite, got " + alpha);
            }
            if (sigmoid && !(beta > 0)) {
                throw new IllegalArgumentException("sigmoid sharpness beta must be positive, got " + beta);
            }
        }

        @Override
        public double[] fractions(int size) {
            RandomPotentialGenerator g = RandomPotentialGenerator.withAlpha(alpha);
            PotentialGrid grid = sigmoid ? g.sigmoidPotential(size, seed, beta, 1.0) : g.stepPotential(size, seed, 1.0);
            return grid.fractions();
        }

        @Override
        public String describe() {
            return String.format("random α = %.2f, seed %d, %s", alpha, seed,
                    sigmoid ? String.format("sigmoid β = %.3g", beta) : "sharp step");
        }
    }

    /**
     * A grid read from a file (PNG or .npy), already C6-symmetric, resampled (nearest grid point) when the editor
     * uses another resolution.
     */
    record Imported(String sourceName, int size, double[] gridFractions) implements GeometryBase {
        public Imported {
            if (gridFractions.length != size * size) {
                throw new IllegalArgumentException("imported grid of size " + size + " needs " + size * size
                        + " values, got " + gridFractions.length);
            }
            gridFractions = gridFractions.clone();
        }

        @Override
        public double[] gridFractions() {
            return gridFractions.clone();
        }

        @Override
        public double[] fractions(int target) {
            if (target == size) {
                return gridFractions.clone();
            }
            double[] out = new double[target * target];
            for (int i = 0; i < target; i++) {
                for (int j = 0; j < target; j++) {
                    int si = Math.floorMod((int) Math.round((double) i * size / target), size);
                    int sj = Math.floorMod((int) Math.round((double) j * size / target), size);
                    out[i * target + j] = gridFractions[si * size + sj];
                }
            }
            return C6GridSymmetry.symmetrize(PotentialGrid.fromFractions(target, out, 1.0)).fractions();
        }

        @Override
        public String describe() {
            return "imported " + sourceName + " (" + size + "x" + size + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Imported m && m.size == size && m.sourceName.equals(sourceName)
                    && Arrays.equals(m.gridFractions, gridFractions);
        }

        @Override
        public int hashCode() {
            return 31 * sourceName.hashCode() + Arrays.hashCode(gridFractions);
        }

        @Override
        public String toString() {
            return "Imported[" + sourceName + ", L=" + size + "]";
        }
    }

    private static void requireFraction(double f, String what) {
        if (!(f >= 0 && f <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1 Vmax, got " + f);
        }
    }
}
