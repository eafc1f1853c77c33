import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import io.bandsmith.app.gui.preview.BerryFluxMap;
import io.bandsmith.engine.tightbinding.P6TimeReversalModel;
import io.bandsmith.engine.topology.BerryFluxGrid;
import io.bandsmith.engine.topology.BlochHamiltonian;

/**
 * The cost of the zone map's Berry-flux stage (docs/workbench.md, docs/BENCHMARKS.md): eigenvectors of the
 * 21-orbital p6 model on the n x n grid for the 7 preview bands, then the flux and π defects of one group, and a
 * group change (the flux only). Run with {@code benchmarks/run-java.sh BerryFluxMapBenchmark}.
 */
public final class BerryFluxMapBenchmark {
    public static void main(String[] args) {
        BlochHamiltonian h = BlochHamiltonian.of(P6TimeReversalModel.model(), parameters(11));
        for (int n : new int[] {24, 30, 24, 30}) {
            double[] full = new double[7];
            double[] group = new double[7];
            for (int r = 0; r < full.length; r++) {
                long t0 = System.nanoTime();
                BerryFluxGrid grid = BerryFluxMap.grid(h, n, 7);
                BerryFluxMap.of(grid, 0, 1, 1, 0);
                long t1 = System.nanoTime();
                BerryFluxMap.of(grid, 2, 4, 1, 0);
                long t2 = System.nanoTime();
                full[r] = (t1 - t0) / 1e6;
                group[r] = (t2 - t1) / 1e6;
            }
            Arrays.sort(full);
            Arrays.sort(group);
            System.out.printf(Locale.ROOT, "BERRY %dx%d: eigenvectors (7 bands) + flux + defects: median %.0f ms "
                    + "(%.0f-%.0f); another group: median %.1f ms%n", n, n, full[3], full[0], full[6], group[3]);
        }
    }

    /** The workbench tests' stand-in parameters: on-site energies over [0, 60] E0, hoppings of 1 E0. */
    static double[] parameters(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[P6TimeReversalModel.PARAMETERS];
        for (int l = 0; l < P6TimeReversalModel.ON_SITE_PARAMETERS; l++) {
            p[l] = 60 * r.nextDouble();
        }
        for (int l = P6TimeReversalModel.ON_SITE_PARAMETERS; l < p.length; l++) {
            p[l] = r.nextGaussian();
        }
        return p;
    }
}
