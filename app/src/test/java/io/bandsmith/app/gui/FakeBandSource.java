package io.bandsmith.app.gui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.HighSymmetryPoint;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.lattice.KVector;
import io.bandsmith.engine.symmetry.IrrepLabel;

/**
 * A fast stand-in for the solver in view-model tests: the empty lattice (|k + G|², folded) shifted by the mean of
 * the potential, with every level labelled by the trivial irrep. Optionally blocks until released, to test that the
 * latest request wins.
 */
public class FakeBandSource implements BandStructureSource {
    public final AtomicInteger calls = new AtomicInteger();
    public final List<Double> means = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch gate;
    private volatile CountDownLatch entered = new CountDownLatch(1);
    /** Each computation takes at least this long (to test cancelling a run with several potentials in flight). */
    public volatile long delayMillis;
    private final double offset;

    public FakeBandSource() {
        this(0);
    }

    /** @param offset added to every energy (E0), to tell two sources apart */
    public FakeBandSource(double offset) {
        this.offset = offset;
    }

    public void hold() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    /** Waits until a computation has entered the held source (so events are ordered without sleeping). */
    public void awaitHeld() throws InterruptedException {
        if (!entered.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("no computation reached the source");
        }
    }

    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public BandStructure compute(PotentialGrid potential, KPointSet kpoints, int bandCount) {
        calls.incrementAndGet();
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        CountDownLatch g = gate;
        if (g != null) {
            entered.countDown();
            try {
                g.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double mean = potential.mean() + offset;
        means.add(mean);
        double[][] e = new double[kpoints.size()][];
        for (int i = 0; i < kpoints.size(); i++) {
            e[i] = levels(kpoints.get(i), bandCount, mean);
        }
        Map<String, HighSymmetryLevels> hsp = new LinkedHashMap<>();
        for (HighSymmetryPoint p : HexagonalLattice.INSTANCE.highSymmetryPoints()) {
            double[] l = levels(p.k(), bandCount, mean);
            List<IrrepLabel> labels = new ArrayList<>();
            for (int n = 0; n < l.length; n++) {
                labels.add(IrrepLabel.of(p, 0));
            }
            hsp.put(p.name(), new HighSymmetryLevels(p, l, labels));
        }
        return new BandStructure(kpoints, e, hsp, potential.vmax(), "fake empty lattice");
    }

    private static double[] levels(KVector k, int count, double shift) {
        List<Double> all = new ArrayList<>();
        for (int n1 = -3; n1 <= 3; n1++) {
            for (int n2 = -3; n2 <= 3; n2++) {
                KVector q = k.plus(HexagonalLattice.INSTANCE.reciprocalVector(n1, n2));
                all.add(q.normSquared() + shift);
            }
        }
        double[] a = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return Arrays.copyOf(a, count);
    }
}
