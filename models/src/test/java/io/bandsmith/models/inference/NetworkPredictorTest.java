package io.bandsmith.models.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.models.network.TightBindingNetwork;

/**
 * The shipped network as a band-structure source: thread safety (the CLI and the workbench call one predictor from
 * several threads) and its accuracy against the independent numpy reference of the engine's fixtures.
 */
class NetworkPredictorTest {
    /** The model card's rms on the 821-point grid, lowest 6 bands (models/README.md), in Vmax. */
    static final double CARD_RMS_ALPHA1 = 3.16e-3;
    static final double CARD_RMS_ALPHA05 = 3.08e-3;
    private static final NetworkPredictor SHIPPED = new NetworkPredictor(
            TightBindingNetwork.load(Path.of("bandsmith-p6.zip")));

    @Test
    void eightThreadsGiveExactlyTheSerialAnswers() throws Exception {
        List<PotentialGrid> grids = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            grids.add(RandomPotentialGenerator.withAlpha(s % 2 == 0 ? 1 : 0.5).stepPotential(100, 300 + s, 256));
        }
        List<KPointSet> ksets = List.of(KPointSet.hexagonalWedge(3), KPointSet.hexagonalWedge(4),
                KPointSet.hexagonalWedgeWithCount(79));
        double[][] params = new double[grids.size()][];
        double[][][] bands = new double[grids.size()][][];
        NetworkPredictor serial = new NetworkPredictor(TightBindingNetwork.load(Path.of("bandsmith-p6.zip")));
        for (int i = 0; i < grids.size(); i++) {
            params[i] = serial.parameters(grids.get(i));
            bands[i] = energies(serial.compute(grids.get(i), ksets.get(i % ksets.size()), 7));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int r = 0; r < 1; r++) {
                        for (int j = 0; j < grids.size(); j++) {
                            int i = (j + offset * 5) % grids.size(); // every thread in another order
                            assertArrayEquals(params[i], SHIPPED.parameters(grids.get(i)), 0.0, "parameters " + i);
                            double[][] e = energies(SHIPPED.compute(grids.get(i), ksets.get(i % ksets.size()), 7));
                            for (int q = 0; q < e.length; q++) {
                                assertArrayEquals(bands[i][q], e[q], 0.0, "bands of " + i + " at k " + q);
                            }
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertEquals(grids.size(), f.get(20, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[][] energies(BandStructure b) {
        double[][] e = new double[b.kpoints().size()][b.bandCount()];
        for (int q = 0; q < e.length; q++) {
            for (int n = 0; n < e[q].length; n++) {
                e[q][n] = b.energy(q, n);
            }
        }
        return e;
    }

    @Test
    void shippedModelStaysWithinItsCardOnTheFixturePotentials() {
        // the five random fixtures (numpy-drawn, not from the training seeds); lowest 6 bands as on the card
        List<String> names = List.of("random-a1-s1", "random-a1-s3", "random-a1-s4", "random-a05-s2",
                "random-a05-s5");
        KPointSet ks = ReferenceFixtures.kpoints();
        double se = 0;
        double bound = 0;
        int count = 0;
        StringBuilder report = new StringBuilder();
        for (String name : names) {
            PotentialGrid v = ReferenceFixtures.potential(name);
            double[][] ref = ReferenceFixtures.energies(name);
            BandStructure b = SHIPPED.compute(v, ks, 6);
            double card = name.contains("a05") ? CARD_RMS_ALPHA05 : CARD_RMS_ALPHA1;
            double one = 0;
            for (int q = 0; q < ks.size(); q++) {
                for (int n = 0; n < 6; n++) {
                    double d = (b.energy(q, n) - ref[q][n]) / 256;
                    one += d * d;
                    bound += card * card;
                    count++;
                }
            }
            se += one;
            report.append(String.format(" %s %.2e", name, Math.sqrt(one / (ks.size() * 6))));
        }
        double rms = Math.sqrt(se / count);
        double allowed = 1.5 * Math.sqrt(bound / count);
        assertTrue(rms <= allowed, "rms " + rms + " Vmax > 1.5 x card (" + allowed + "):" + report);
    }
}
