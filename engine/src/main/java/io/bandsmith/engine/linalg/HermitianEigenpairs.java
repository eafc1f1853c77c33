package io.bandsmith.engine.linalg;

/**
 * Eigenpairs of a complex Hermitian matrix: ascending eigenvalues and, optionally, eigenvectors column-major with
 * interleaved real and imaginary parts (component i of vector j at {@code 2*(j*dimension + i)}).
 */
public record HermitianEigenpairs(int dimension, double[] values, double[] vectors) {
    public int count() {
        return values.length;
    }

    public boolean hasVectors() {
        return vectors != null;
    }

    public double re(int j, int i) {
        return vectors[2 * (j * dimension + i)];
    }

    public double im(int j, int i) {
        return vectors[2 * (j * dimension + i) + 1];
    }
}
