package io.bandsmith.engine.topology;

import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.tightbinding.TightBindingModel;

/**
 * A Bloch Hamiltonian H(k) in a periodic gauge (H(k + G) = H(k)), N x N, column-major with interleaved real and
 * imaginary parts. Implementations are thread-safe.
 */
@FunctionalInterface
public interface BlochHamiltonian {
    double[] matrix(KVector k);

    /** The matrix dimension; by default found by evaluating H at Γ. */
    default int dimension() {
        return (int) Math.round(Math.sqrt(matrix(KVector.ZERO).length / 2.0));
    }

    /** A tight-binding model at fixed parameters. */
    static BlochHamiltonian of(TightBindingModel model, double[] params) {
        double[] f = params.clone();
        return new BlochHamiltonian() {
            @Override
            public double[] matrix(KVector k) {
                return model.hamiltonian(f, k);
            }

            @Override
            public int dimension() {
                return model.dimension();
            }
        };
    }
}
