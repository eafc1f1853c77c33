package io.bandsmith.models.xas.classifier;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Limits the threads ND4J uses (its OpenMP pool and the BLAS pool). The XAS networks run many tiny operations; on
 * a busy 2-core machine OpenMP threads spin-wait on each other and one thread was measured 4-8x faster. Close the
 * returned handle to restore the previous settings.
 */
public final class XasComputeThreads implements AutoCloseable {
    private final int ompBefore;
    private final int blasBefore;

    private XasComputeThreads(int threads) {
        ompBefore = Nd4j.getEnvironment().maxThreads();
        blasBefore = Nd4j.factory().blas().getMaxThreads();
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    public static XasComputeThreads limit(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new XasComputeThreads(threads);
    }

    @Override
    public void close() {
        Nd4j.getEnvironment().setMaxThreads(ompBefore);
        Nd4j.factory().blas().setMaxThreads(blasBefore);
    }
}
