import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bandsmith.engine.group.Induction;
import io.bandsmith.engine.group.WallpaperGroup;
import io.bandsmith.engine.linalg.Lapack;

/**
 * Which library for which algebra (docs/decisions/0008-group-layer.md). Run from the repository after a build:
 * java -cp "$(cat app/target/classpath.txt)" benchmarks/GroupLayerBench.java
 * Prints median times: (1) the lowest 8 eigenpairs of a random complex Hermitian n x n matrix with LAPACK zheevr
 * (OpenBLAS, one thread) against EJML (no complex eigensolver: the symmetric 2n x 2n real embedding, all pairs);
 * (2) loading and checking each wallpaper group's data entry and inducing all its EBRs (EJML inside).
 */
public class GroupLayerBench {
    public static void main(String[] args) throws Exception {
        org.bytedeco.openblas.global.openblas.blas_set_num_threads(1);
        Lapack.warmUp();
        for (int n : new int[] {21, 253, 500}) {
            double[] h = randomHermitian(n, new Random(n));
            DMatrixRMaj embedding = realEmbedding(h, n);
            int reps = n > 300 ? 5 : n > 100 ? 15 : 2000;
            double lapack = median(reps, () -> Lapack.lowestEigenpairsHermitian(h, n, 8, true));
            double ejml = median(reps, () -> {
                EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * n, true, true);
                if (!eig.decompose(embedding.copy())) {
                    throw new IllegalStateException("EJML failed");
                }
            });
            System.out.printf("Hermitian n=%d, lowest 8 pairs: LAPACK zheevr %.3f ms, EJML 2n real symmetric %.3f ms,"
                    + " ratio %.1fx%n", n, lapack * 1e3, ejml * 1e3, ejml / lapack);
        }
        ObjectMapper json = new ObjectMapper();
        for (String name : WallpaperGroup.NAMES) {
            JsonNode doc;
            try (InputStream in = WallpaperGroup.class.getResourceAsStream(name + ".json")) {
                doc = json.readTree(in);
            }
            double load = median(200, () -> WallpaperGroup.fromJson(doc));
            WallpaperGroup g = WallpaperGroup.fromJson(doc);
            double induce = median(200, () -> Induction.elementaryBandRepresentations(g));
            System.out.printf("%-5s load + checks %.3f ms, induce %d EBRs %.3f ms%n", name, load * 1e3,
                    Induction.elementaryBandRepresentations(g).size(), induce * 1e3);
        }
    }

    static double median(int reps, Runnable r) {
        for (int i = 0; i < Math.min(reps, 20); i++) {
            r.run();
        }
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - s) * 1e-9;
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

    /** Column-major interleaved (re, im) random Hermitian matrix. */
    static double[] randomHermitian(int n, Random r) {
        double[] a = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double re = r.nextGaussian();
                double im = i == j ? 0 : r.nextGaussian();
                a[2 * (j * n + i)] = re;
                a[2 * (j * n + i) + 1] = im;
                a[2 * (i * n + j)] = re;
                a[2 * (i * n + j) + 1] = -im;
            }
        }
        return a;
    }

    /** [[Re, -Im], [Im, Re]]: real symmetric, each eigenvalue of H twice. */
    static DMatrixRMaj realEmbedding(double[] h, int n) {
        DMatrixRMaj m = new DMatrixRMaj(2 * n, 2 * n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double re = h[2 * (j * n + i)];
                double im = h[2 * (j * n + i) + 1];
                m.set(i, j, re);
                m.set(i + n, j + n, re);
                m.set(i, j + n, -im);
                m.set(i + n, j, im);
            }
        }
        return m;
    }
}
