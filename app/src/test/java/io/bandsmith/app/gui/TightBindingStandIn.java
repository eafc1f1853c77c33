package io.bandsmith.app.gui;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.tightbinding.P6TimeReversalModel;
import io.bandsmith.engine.tightbinding.TightBindingBandSolver;
import io.bandsmith.engine.tightbinding.TightBindingModel;
import io.bandsmith.engine.tightbinding.TightBindingSource;

/**
 * A tight-binding stand-in for the trained network in view-model tests: the p6 model of appendix C (time-reversal
 * symmetric for every parameter vector) at fixed random parameters, with the on-site energies shifted by the mean of
 * the potential so that a new geometry gives new bands. Counts the parameter look-ups made by the Berry-flux thread
 * and can hold them, to test the second stage.
 */
public final class TightBindingStandIn implements TightBindingSource {
    public final AtomicInteger berryLookups = new AtomicInteger();
    private final double[] base;
    private final Map<KPointSet, TightBindingBandSolver> solvers = new ConcurrentHashMap<>();
    private volatile CountDownLatch berryGate;

    public TightBindingStandIn(long seed) {
        this.base = parameters(seed);
    }

    /**
     * Random parameters: on-site energies spread over [0, 60] E0, hoppings of 1 E0 (Vmax = 256 E0), so that the
     * bands are dispersive but mostly separated multiplets.
     */
    public static double[] parameters(long seed) {
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

    public void holdBerry() {
        berryGate = new CountDownLatch(1);
    }

    public void releaseBerry() {
        CountDownLatch g = berryGate;
        berryGate = null;
        if (g != null) {
            g.countDown();
        }
    }

    @Override
    public String name() {
        return "tb-stand-in";
    }

    @Override
    public TightBindingModel model() {
        return P6TimeReversalModel.model();
    }

    @Override
    public double[] parameters(PotentialGrid potential) {
        if (Thread.currentThread().getName().equals("bandsmith-berry")) {
            berryLookups.incrementAndGet();
            CountDownLatch g = berryGate;
            if (g != null) {
                try {
                    g.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        double[] p = base.clone();
        double shift = potential.mean() / potential.vmax();
        for (int l = 0; l < P6TimeReversalModel.ON_SITE_PARAMETERS; l++) {
            p[l] += 20 * shift * (1 + 0.1 * l);
        }
        return p;
    }

    @Override
    public BandStructure compute(PotentialGrid potential, KPointSet kpoints, int bandCount) {
        TightBindingBandSolver solver = solvers.computeIfAbsent(kpoints,
                k -> new TightBindingBandSolver(model(), k));
        return solver.bandStructure(parameters(potential), bandCount, potential.vmax());
    }
}
