import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.bandsmith.app.gui.preview.PreviewKPoints;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.models.inference.EnsemblePredictor;
import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.network.NetworkEnsemble;
import io.bandsmith.models.network.TightBindingNetwork;

/**
 * The live preview's band computation with an ensemble (docs/BENCHMARKS.md, "Network predictor"): one geometry on the
 * preview's k points (path Γ-K-M-Γ + wedge(10)), 7 bands + labels, for the single shipped network and for an
 * ensemble. Without an argument the ensemble is the shipped network three times (the speed does not depend on the
 * weights); with one, that ensemble file. Run with {@code benchmarks/run-java.sh EnsemblePreviewBenchmark [FILE]}.
 */
public final class EnsemblePreviewBenchmark {
    public static void main(String[] args) {
        Path shipped = Path.of(System.getProperty("bandsmith.home", ".")).resolve(NetworkPredictor.SHIPPED_MODEL);
        NetworkPredictor single = new NetworkPredictor(TightBindingNetwork.load(shipped));
        EnsemblePredictor ensemble;
        if (args.length > 0) {
            ensemble = EnsemblePredictor.load(Path.of(args[0]));
        } else {
            List<TightBindingNetwork> nets = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                nets.add(TightBindingNetwork.load(shipped));
            }
            ensemble = new EnsemblePredictor(new NetworkEnsemble(nets, List.of("a", "b", "c"), 0,
                    NetworkEnsemble.Mode.MEAN, 1.0, null));
        }
        KPointSet k = PreviewKPoints.combined(PreviewKPoints.path(), PreviewKPoints.wedge());
        List<PotentialGrid> grids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            grids.add(RandomPotentialGenerator.withAlpha(1).stepPotential(100, 9000 + i, 256));
        }
        for (int r = 0; r < 3; r++) {
            for (PotentialGrid g : grids.subList(0, 20)) {
                single.compute(g, k, 7);
                ensemble.computeEnsemble(g, k, 7);
            }
        }
        double[] a = new double[grids.size()];
        double[] b = new double[grids.size()];
        for (int i = 0; i < grids.size(); i++) {
            long t0 = System.nanoTime();
            single.compute(grids.get(i), k, 7);
            long t1 = System.nanoTime();
            ensemble.computeEnsemble(grids.get(i), k, 7);
            long t2 = System.nanoTime();
            a[i] = (t1 - t0) / 1e6;
            b[i] = (t2 - t1) / 1e6;
        }
        Arrays.sort(a);
        Arrays.sort(b);
        System.out.printf(Locale.ROOT, "%d k points, 7 bands + labels, per geometry (median, 10-90 %%):%n", k.size());
        System.out.printf(Locale.ROOT, "  single network: %.1f ms (%.1f-%.1f)%n", a[a.length / 2], a[a.length / 10],
                a[a.length * 9 / 10]);
        System.out.printf(Locale.ROOT, "  ensemble of %d:  %.1f ms (%.1f-%.1f)%n", ensemble.members().size(),
                b[b.length / 2], b[b.length / 10], b[b.length * 9 / 10]);
    }
}
