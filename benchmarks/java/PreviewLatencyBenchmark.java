import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.bandsmith.app.gui.model.GeometryBase;
import io.bandsmith.app.gui.model.GeometryDocument;
import io.bandsmith.app.gui.preview.PreviewClassifier;
import io.bandsmith.app.gui.preview.PreviewKPoints;
import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.solver.PlaneWaveSettings;
import io.bandsmith.engine.solver.PlaneWaveSolver;

/**
 * The figures of docs/BENCHMARKS.md ("Workbench"): brush dab to new grid, and the exact solver on the preview's k
 * points (path Γ-K-M-Γ, 16 per segment, + wedge(10): 115 points, 7 bands). Run with
 * {@code benchmarks/run-java.sh PreviewLatencyBenchmark}.
 */
public final class PreviewLatencyBenchmark {
    public static void main(String[] args) {
        GeometryDocument doc = GeometryDocument.of(100, 256, new GeometryBase.SixHoles(1.0 / 3, 0.12), List.of());
        doc.grid();
        for (int i = 0; i < 50; i++) {
            doc = doc.withDab(0.3 + 0.001 * i, 0.2, 0.05, i % 2 == 0);
            doc.grid();
        }
        int dabs = 300;
        long t0 = System.nanoTime();
        for (int i = 0; i < dabs; i++) {
            doc = doc.withDab(0.3 + 0.0005 * i, 0.2, 0.05, i % 2 == 0);
            doc.grid();
        }
        double dabMs = (System.nanoTime() - t0) / 1e6 / dabs;

        PlaneWaveSolver solver = new PlaneWaveSolver(PlaneWaveSettings.preview());
        KPointSet k = PreviewKPoints.combined(PreviewKPoints.path(), PreviewKPoints.wedge());
        for (int i = 0; i < 3; i++) {
            solver.compute(doc.grid(), k, 7);
        }
        double[] ms = new double[10];
        for (int i = 0; i < ms.length; i++) {
            GeometryDocument d = doc.withDab(0.2 + 0.01 * i, 0.25, 0.04, true);
            long t1 = System.nanoTime();
            BandStructure b = solver.compute(d.grid(), k, 7);
            PreviewClassifier.classify(solver, d.grid(), b, List.of(),
                    io.bandsmith.engine.topology.ConnectivityMethod.COMPAT);
            ms[i] = (System.nanoTime() - t1) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "WORKBENCH brush dab + grid (L = 100): %.2f ms; exact preview (%d k points, "
                + "7 bands, sets + EBR classes): median %.0f ms, min %.0f ms, max %.0f ms%n", dabMs, k.size(),
                (ms[4] + ms[5]) / 2, ms[0], ms[ms.length - 1]);
    }
}
