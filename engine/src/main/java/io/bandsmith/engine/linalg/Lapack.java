package io.bandsmith.engine.linalg;

import org.bytedeco.openblas.global.openblas;

/**
 * The thin layer over LAPACK/BLAS (OpenBLAS through the JavaCPP preset that ND4J also uses).
 *
 * <p>All routines here are single-threaded inside OpenBLAS: the engine parallelizes over independent problems
 * (potentials, parameter vectors) with Java threads, which scales better for the sizes we have than
 * OpenBLAS threads.
 */
public final class Lapack {
    private static final int COL_MAJOR = 102;
    private static final int CBLAS_COL_MAJOR = 102;
    private static final int CBLAS_NO_TRANS = 111;
    private static final int CBLAS_TRANS = 112;
    private static final int CBLAS_CONJ_TRANS = 113;

    static {
        openblas.blas_set_num_threads(1);
        verifyEigenvectors();
    }

    /**
     * OpenBLAS 0.3.19 (the version the ND4J preset brings) returns wrong eigenvectors from dsyevr/dsyev/dsyevd for
     * matrices larger than ~120 when it picks its AVX-512 (SkylakeX) kernels, while the eigenvalues stay right. The
     * launcher and the build set OPENBLAS_CORETYPE=Haswell; this check makes any other route fail loudly instead of
     * producing wrong symmetry labels (docs/decisions/0002-exact-solver.md).
     */
    private static void verifyEigenvectors() {
        int n = 160;
        java.util.Random random = new java.util.Random(12345);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = random.nextGaussian();
                a[j * n + i] = v;
                a[i * n + j] = v;
            }
        }
        double[] work = a.clone();
        double[] w = new double[n];
        double[] z = new double[n * 2];
        int info = openblas.LAPACKE_dsyevr(COL_MAJOR, (byte) 'V', (byte) 'I', (byte) 'L', n, work, n, 0, 0, 1, 2, 0.0,
                new int[1], w, z, n, new int[4]);
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int j = 0; j < n; j++) {
                acc += a[j * n + i] * z[j];
            }
            residual = Math.max(residual, Math.abs(acc - w[0] * z[i]));
        }
        if (info != 0 || !(residual < 1e-8)) {
            throw new IllegalStateException("LAPACK (OpenBLAS) returns wrong eigenvectors on this CPU (residual "
                    + residual + "); start Java with the environment variable OPENBLAS_CORETYPE=Haswell "
                    + "(./bandsmith and the Maven build set it)");
        }
    }

    /**
     * ND4J sets OpenBLAS to all cores when it starts (in a JVM that also evaluates a network: evaluate, the
     * workbench, a Spark executor); called from several Java threads at once, multithreaded OpenBLAS 0.3.19 then gave
     * results that differ by ~1e-7 Vmax from run to run. The engine's calls stay single-threaded inside OpenBLAS.
     */
    private static void singleThreaded() {
        if (openblas.blas_get_num_threads() != 1) {
            openblas.blas_set_num_threads(1);
        }
    }

    private Lapack() {
    }

    /** Makes sure the native library is loaded (useful to keep load time out of measurements). */
    public static void warmUp() {
        lowestEigenpairs(new double[] {2, 1, 1, 2}, 2, 1, true);
    }

    /**
     * Lowest {@code count} eigenpairs of a real symmetric matrix (dsyevr).
     *
     * @param symmetric n x n matrix, column-major; only the lower triangle is read. Not modified.
     * @return eigenvalues ascending, eigenvectors column-major n x count (vector j at offset j*n), or null vectors
     */
    public static SymmetricEigenpairs lowestEigenpairs(double[] symmetric, int n, int count, boolean wantVectors) {
        singleThreaded();
        if (symmetric.length < (long) n * n) {
            throw new IllegalArgumentException("matrix array holds " + symmetric.length + " values, needs " + n * n);
        }
        if (count < 1 || count > n) {
            throw new IllegalArgumentException("asked for " + count + " eigenpairs of a " + n + "x" + n + " matrix");
        }
        double[] a = symmetric.clone();
        int[] found = new int[1];
        double[] w = new double[n];
        double[] z = wantVectors ? new double[n * count] : new double[1];
        int[] support = new int[2 * Math.max(1, count)];
        int info = openblas.LAPACKE_dsyevr(COL_MAJOR, (byte) (wantVectors ? 'V' : 'N'), (byte) (count == n ? 'A' : 'I'),
                (byte) 'L', n, a, n, 0, 0, 1, count, 0.0, found, w, z, wantVectors ? n : 1, support);
        if (info != 0) {
            throw new ArithmeticException("LAPACK dsyevr failed with info=" + info + " for a " + n + "x" + n + " matrix");
        }
        double[] values = java.util.Arrays.copyOf(w, count);
        return new SymmetricEigenpairs(n, values, wantVectors ? z : null);
    }

    /**
     * Lowest {@code count} eigenpairs of a complex Hermitian matrix (zheevr).
     *
     * @param hermitian n x n matrix, column-major, interleaved (re, im); only the lower triangle is read.
     * @return eigenvalues ascending and eigenvectors column-major interleaved (vector j at offset 2*j*n), or null
     */
    public static HermitianEigenpairs lowestEigenpairsHermitian(double[] hermitian, int n, int count,
            boolean wantVectors) {
        singleThreaded();
        if (hermitian.length < 2L * n * n) {
            throw new IllegalArgumentException("matrix array holds " + hermitian.length + " values, needs " + 2 * n * n);
        }
        if (count < 1 || count > n) {
            throw new IllegalArgumentException("asked for " + count + " eigenpairs of a " + n + "x" + n + " matrix");
        }
        double[] a = hermitian.clone();
        int[] found = new int[1];
        double[] w = new double[n];
        double[] z = wantVectors ? new double[2 * n * count] : new double[2];
        int[] support = new int[2 * Math.max(1, count)];
        int info = openblas.LAPACKE_zheevr(COL_MAJOR, (byte) (wantVectors ? 'V' : 'N'), (byte) (count == n ? 'A' : 'I'),
                (byte) 'L', n, a, n, 0, 0, 1, count, 0.0, found, w, z, wantVectors ? n : 1, support);
        if (info != 0) {
            throw new ArithmeticException("LAPACK zheevr failed with info=" + info + " for a " + n + "x" + n + " matrix");
        }
        return new HermitianEigenpairs(n, java.util.Arrays.copyOf(w, count), wantVectors ? z : null);
    }

    /**
     * C = alpha op(A) op(B) + beta C, all column-major (dgemm).
     *
     * @param transA whether op(A) = A^T; A is stored as (transA ? k x m : m x k)
     * @param transB whether op(B) = B^T; B is stored as (transB ? n x k : k x n)
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, double[] b,
            double beta, double[] c) {
        singleThreaded();
        int lda = transA ? k : m;
        int ldb = transB ? n : k;
        openblas.cblas_dgemm(CBLAS_COL_MAJOR, transA ? CBLAS_TRANS : CBLAS_NO_TRANS,
                transB ? CBLAS_TRANS : CBLAS_NO_TRANS, m, n, k, alpha, a, Math.max(1, lda), b, Math.max(1, ldb), beta, c,
                Math.max(1, m));
    }

    /**
     * LU factorization with partial pivoting of a complex n x n matrix in place (zgetrf), column-major interleaved.
     *
     * @return the pivot indices (1-based, LAPACK's)
     */
    public static int[] luFactorComplex(double[] a, int n) {
        singleThreaded();
        int[] ipiv = new int[n];
        int info = openblas.LAPACKE_zgetrf(COL_MAJOR, n, n, a, n, ipiv);
        if (info != 0) {
            throw new ArithmeticException("LAPACK zgetrf failed with info=" + info + " for a " + n + "x" + n
                    + " matrix (exactly singular pivot)");
        }
        return ipiv;
    }

    /** Solves A X = B in place of B (n x nrhs, column-major interleaved) with a factorization from luFactorComplex. */
    public static void luSolveComplex(double[] lu, int[] ipiv, int n, double[] b, int nrhs) {
        singleThreaded();
        if (nrhs == 0) {
            return;
        }
        int info = openblas.LAPACKE_zgetrs(COL_MAJOR, (byte) 'N', n, nrhs, lu, n, ipiv, b, n);
        if (info != 0) {
            throw new ArithmeticException("LAPACK zgetrs failed with info=" + info);
        }
    }

    /**
     * Complex C = alpha op(A) op(B) + beta C (zgemm), column-major interleaved, op = 'N' (none), 'T' (transpose) or
     * 'C' (conjugate transpose); A is stored m x k for 'N' (else k x m), B k x n for 'N' (else n x k), C is m x n.
     * alpha and beta are real.
     */
    public static void zgemm(char opA, char opB, int m, int n, int k, double alpha, double[] a, double[] b,
            double beta, double[] c) {
        singleThreaded();
        if (m == 0 || n == 0) {
            return;
        }
        int lda = Math.max(1, opA == 'N' ? m : k);
        int ldb = Math.max(1, opB == 'N' ? k : n);
        try (org.bytedeco.javacpp.DoublePointer pa = new org.bytedeco.javacpp.DoublePointer(a);
                org.bytedeco.javacpp.DoublePointer pb = new org.bytedeco.javacpp.DoublePointer(b);
                org.bytedeco.javacpp.DoublePointer pc = new org.bytedeco.javacpp.DoublePointer(c);
                org.bytedeco.javacpp.DoublePointer al = new org.bytedeco.javacpp.DoublePointer(alpha, 0);
                org.bytedeco.javacpp.DoublePointer be = new org.bytedeco.javacpp.DoublePointer(beta, 0)) {
            openblas.cblas_zgemm(CBLAS_COL_MAJOR, trans(opA), trans(opB), m, n, k, al, pa, lda, pb, ldb, be, pc,
                    Math.max(1, m));
            pc.get(c);
        }
    }

    private static int trans(char op) {
        return switch (op) {
            case 'N' -> CBLAS_NO_TRANS;
            case 'T' -> CBLAS_TRANS;
            case 'C' -> CBLAS_CONJ_TRANS;
            default -> throw new IllegalArgumentException("op must be N, T or C, got " + op);
        };
    }
}
