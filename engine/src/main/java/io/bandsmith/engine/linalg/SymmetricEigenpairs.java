package io.bandsmith.engine.linalg;

/**
 * Eigenpairs of a real symmetric matrix: ascending eigenvalues and, optionally, the eigenvectors column-major
 * (vector j occupies {@code vectors[j*dimension .. (j+1)*dimension)}).
 */
public record SymmetricEigenpairs(int dimension, double[] values, double[] vectors) {
    public int count() {
        return values.length;
    }

    public boolean hasVectors() {
        return vectors != null;
    }

    /** Component i of eigenvector j. */
    public double vector(int j, int i) {
        return vectors[j * dimension + i];
    }
}
