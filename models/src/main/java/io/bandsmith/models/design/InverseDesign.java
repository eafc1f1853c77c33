package io.bandsmith.models.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.tightbinding.TightBindingBandSolver;
import io.bandsmith.models.network.TightBindingNetwork;

/**
 * Gradient-based inverse design through the network (paper section IX, appendix L): many trials of Fourier
 * coefficients c, each turned into a sigmoid potential, star features, network, tight-binding model and bands; the
 * loss is the objective plus the discreteness penalty {@code w · mean_x v(x)(1 - v(x))}, minimized with Adam on c
 * (the paper writes Σ v(v - 1); as a cost to minimize it must be zero at v = 0, 1 and positive in between, so the
 * sign is flipped here).
 * The gradient is exact: Hellmann-Feynman for the tight-binding part, back-propagation through the network, and the
 * closed-form derivatives of the star features (a linear map) and of the sigmoid.
 *
 * <p>Budget on 2 cores: trials that are behind are dropped early (successive halving: after 20% and 40% of the steps
 * the better half goes on), so most of the time is spent on the promising ones. At the end every trial (a dropped one
 * as it was when dropped) is digitized to a two-valued mask and ranked by the network's loss of that mask; the best
 * {@code verify} (all, when there are fewer trials) are solved with the exact solver and the design with the lowest
 * exact loss is returned first.
 */
public final class InverseDesign {
    /**
     * @param trials random starts
     * @param steps Adam steps per trial
     * @param beta sigmoid sharpness (the paper: 1)
     * @param learningRate Adam step size on the coefficients
     * @param penaltyWeight weight w of the discreteness penalty (the paper: ~1e-4)
     * @param initialAmplitude starting coefficients uniform in [-a, a] (the paper: 0.5 for β = 1)
     * @param halving drop the worse half after 20% and 40% of the steps
     * @param verify designs checked with the exact solver at the end (0: none)
     * @param seed random starts
     */
    public record Settings(int trials, int steps, double beta, double learningRate, double penaltyWeight,
            double initialAmplitude, boolean halving, int verify, long seed) {
        public Settings {
            if (trials < 1 || steps < 1) {
                throw new IllegalArgumentException("trials and steps must be at least 1");
            }
            if (!(beta > 0) || !(learningRate > 0) || !(penaltyWeight >= 0) || !(initialAmplitude >= 0)) {
                throw new IllegalArgumentException("beta and learning rate must be positive, penalty and amplitude "
                        + "non-negative");
            }
            if (verify < 0) {
                throw new IllegalArgumentException("verify must be >= 0");
            }
        }

        public static Settings defaults() {
            return new Settings(200, 500, 1.0, 0.05, 1e-4, 0.5, true, 12, 0);
        }

        public Settings withTrialsAndSteps(int newTrials, int newSteps) {
            return new Settings(newTrials, newSteps, beta, learningRate, penaltyWeight, initialAmplitude, halving,
                    verify, seed);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(trials, steps, beta, learningRate, penaltyWeight, initialAmplitude, halving, verify,
                    newSeed);
        }

        public Settings withVerify(int newVerify) {
            return new Settings(trials, steps, beta, learningRate, penaltyWeight, initialAmplitude, halving,
                    newVerify, seed);
        }
    }

    /**
     * One finished trial. Losses in units of Vmax² (for band matching: the mean squared deviation; its root is the
     * rms). {@code exactLoss} is NaN when the design was not checked with the exact solver.
     */
    public record Design(int trial, double[] coefficients, boolean[] mask, double smoothLoss, double networkLoss,
            double exactLoss, BandStructure networkBands, BandStructure exactBands) {
        /** The loss the ranking uses: exact when known, else the network's. */
        public double bestKnownLoss() {
            return Double.isNaN(exactLoss) ? networkLoss : exactLoss;
        }
    }

    /** Progress after a step: trials still running, the best and median smoothed loss so far. */
    public record Progress(int step, int steps, int activeTrials, double bestLoss, double medianLoss) {
    }

    /** The outcome: designs best first, the loss history of the finally best trial, and whether it was cancelled. */
    public record Result(List<Design> designs, double[] bestHistory, boolean cancelled, int trialSteps) {
        public Design best() {
            return designs.get(0);
        }
    }

    private final TightBindingNetwork network;
    private final FourierGeometry geometry;
    private final DesignObjective objective;
    private final double vmax;
    /** featureMap[f][o]: star feature f per unit v on orbit o. */
    private final double[][] featureMap;
    private final double[] orbitWeight;
    private final double[][] basis;
    /** featureColumns[o][f] = featureMap[f][o]. */
    private final double[][] featureColumns;
    private final TightBindingNetwork.DenseEvaluator evaluator;

    public InverseDesign(TightBindingNetwork network, FourierGeometry geometry, DesignObjective objective, double vmax) {
        this.network = network;
        this.geometry = geometry;
        this.objective = objective;
        this.vmax = vmax;
        this.featureMap = network.features().orbitMatrix(geometry.size());
        this.basis = geometry.basis();
        this.featureColumns = new double[geometry.orbitCount()][featureMap.length];
        for (int f = 0; f < featureMap.length; f++) {
            for (int o = 0; o < featureColumns.length; o++) {
                featureColumns[o][f] = featureMap[f][o];
            }
        }
        this.evaluator = network.denseEvaluator();
        this.orbitWeight = new double[geometry.orbitCount()];
        double pixels = (double) geometry.size() * geometry.size();
        for (int o = 0; o < orbitWeight.length; o++) {
            orbitWeight[o] = geometry.orbits().get(o).length / pixels;
        }
    }

    /** Loss of one smooth design and its gradient with respect to the coefficients (for tests and single steps). */
    public record Gradient(double objectiveLoss, double penalty, double[] coefficientGradient) {
        public double loss() {
            return objectiveLoss + penalty;
        }
    }

    /** Total loss and gradient for a batch of coefficient vectors (rows), trials in parallel. */
    public Gradient[] gradients(double[][] coefficients, double beta, double penaltyWeight, long seed) {
        Gradient[] out = new Gradient[coefficients.length];
        IntStream.range(0, coefficients.length).parallel().forEach(i ->
                out[i] = gradient(coefficients[i], beta, penaltyWeight, seed * 7919L + i));
        return out;
    }

    private Gradient gradient(double[] coefficients, double beta, double penaltyWeight, long seed) {
        int no = geometry.orbitCount();
        double[] phi = geometry.field(coefficients);
        double[] v = new double[no];
        for (int o = 0; o < no; o++) {
            v[o] = 1 / (1 + Math.exp(-beta * phi[o]));
        }
        double[] raw = features(v);
        double[] loss = new double[1];
        double[] dFeatures = evaluator.featureGradient(raw, params -> {
            DesignObjective.Evaluation e = objective.evaluate(params, seed);
            loss[0] = e.loss();
            return e.gradient();
        });
        double penalty = 0;
        double[] dc = new double[geometry.coefficientCount()];
        for (int o = 0; o < no; o++) {
            double dv = 0;
            double[] column = featureColumns[o];
            for (int f = 0; f < column.length; f++) {
                dv += dFeatures[f] * column[f];
            }
            penalty += penaltyWeight * orbitWeight[o] * v[o] * (1 - v[o]);
            dv += penaltyWeight * orbitWeight[o] * (1 - 2 * v[o]);
            double dphi = dv * beta * v[o] * (1 - v[o]);
            if (dphi != 0) {
                double[] b = basis[o];
                for (int s = 0; s < dc.length; s++) {
                    dc[s] += dphi * b[s];
                }
            }
        }
        return new Gradient(loss[0], penalty, dc);
    }

    private double[] features(double[] v) {
        double[] f = new double[featureMap.length];
        for (int k = 0; k < f.length; k++) {
            double[] row = featureMap[k];
            double s = 0;
            for (int o = 0; o < v.length; o++) {
                s += row[o] * v[o];
            }
            f[k] = s;
        }
        return f;
    }

    /**
     * Runs the design. {@code exact} checks the best designs at the end (null: no check); progress is reported after
     * every step; a cancelled run still finishes the designs it has.
     */
    public Result run(Settings settings, BandStructureSource exact, java.util.function.Consumer<Progress> progress,
            BooleanSupplier cancelled) {
        int nc = geometry.coefficientCount();
        SplittableRandom random = new SplittableRandom(settings.seed());
        double[][] c = new double[settings.trials()][nc];
        for (double[] row : c) {
            for (int s = 0; s < nc; s++) {
                row[s] = settings.initialAmplitude() * (2 * random.nextDouble() - 1);
            }
        }
        double[][] m = new double[settings.trials()][nc];
        double[][] a = new double[settings.trials()][nc];
        double[] smoothed = new double[settings.trials()];
        Arrays.fill(smoothed, Double.NaN);
        double[][] history = new double[settings.trials()][settings.steps()];
        for (double[] h : history) {
            Arrays.fill(h, Double.NaN);
        }
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < settings.trials(); i++) {
            active.add(i);
        }
        int steps = settings.steps();
        int[] halvingSteps = settings.halving() ? new int[] {steps / 5, 2 * steps / 5} : new int[0];
        double b1 = 0.9;
        double b2 = 0.999;
        boolean stopped = false;
        int trialSteps = 0;
        int step;
        for (step = 0; step < steps; step++) {
            if (cancelled.getAsBoolean()) {
                stopped = true;
                break;
            }
            for (int h : halvingSteps) {
                if (step == h && step > 0 && active.size() > 1) {
                    active.sort(Comparator.comparingDouble(i -> smoothed[i]));
                    active = new ArrayList<>(active.subList(0, (active.size() + 1) / 2));
                }
            }
            double[][] batch = new double[active.size()][];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = c[active.get(i)];
            }
            Gradient[] g = gradients(batch, settings.beta(), settings.penaltyWeight(), settings.seed() * 1_000_003L + step);
            trialSteps += batch.length;
            int t = step + 1;
            double corr1 = 1 - Math.pow(b1, t);
            double corr2 = 1 - Math.pow(b2, t);
            for (int i = 0; i < batch.length; i++) {
                int trial = active.get(i);
                double[] grad = g[i].coefficientGradient();
                for (int s = 0; s < nc; s++) {
                    m[trial][s] = b1 * m[trial][s] + (1 - b1) * grad[s];
                    a[trial][s] = b2 * a[trial][s] + (1 - b2) * grad[s] * grad[s];
                    c[trial][s] -= settings.learningRate() * (m[trial][s] / corr1)
                            / (Math.sqrt(a[trial][s] / corr2) + 1e-12);
                }
                double loss = g[i].objectiveLoss();
                history[trial][step] = loss;
                smoothed[trial] = Double.isNaN(smoothed[trial]) ? loss : 0.8 * smoothed[trial] + 0.2 * loss;
            }
            double[] sorted = active.stream().mapToDouble(i -> smoothed[i]).sorted().toArray();
            progress.accept(new Progress(step + 1, steps, active.size(), sorted[0], sorted[sorted.length / 2]));
        }
        // every trial is a candidate at the end: the survivors of the halving and the dropped ones as they were when
        // dropped; so as many designs as asked are checked with the exact solver, up to the number of trials
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < settings.trials(); i++) {
            all.add(i);
        }
        List<Design> designs = finish(all, c, smoothed, settings, exact, cancelled);
        double[] bestHistory = Arrays.copyOf(history[designs.get(0).trial()], Math.max(1, step));
        return new Result(designs, bestHistory, stopped, trialSteps);
    }

    private List<Design> finish(List<Integer> active, double[][] c, double[] smoothed, Settings settings,
            BandStructureSource exact, BooleanSupplier cancelled) {
        TightBindingBandSolver tb = new TightBindingBandSolver(network.model(), objective.kpoints());
        int n = active.size();
        boolean[][] masks = new boolean[n][];
        double[][] raw = new double[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            masks[i] = geometry.mask(c[active.get(i)]);
            double[] v = new double[geometry.orbitCount()];
            for (int o = 0; o < v.length; o++) {
                v[o] = masks[i][geometry.orbits().get(o)[0]] ? 1 : 0;
            }
            raw[i] = features(v);
        });
        double[][] params = new double[n][];
        for (int i = 0; i < n; i++) {
            params[i] = evaluator.parameters(raw[i]);
        }
        BandStructure[] bands = new BandStructure[n];
        double[] networkLoss = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            bands[i] = tb.bandStructure(scaled(params[i]), objective.bands(), vmax);
            networkLoss[i] = objective.loss(inVmax(bands[i]));
        });
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> networkLoss[i]));
        List<Design> designs = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int i = order[r];
            double exactLoss = Double.NaN;
            BandStructure exactBands = null;
            // the best design by the network is always checked; a cancel skips the rest of the checks
            if (exact != null && r < settings.verify() && (r == 0 || !cancelled.getAsBoolean())) {
                PotentialGrid grid = PotentialGrid.fromMask(geometry.size(), masks[i], vmax);
                exactBands = exact.compute(grid, objective.kpoints(), objective.bands());
                exactLoss = objective.loss(inVmax(exactBands));
            }
            designs.add(new Design(active.get(i), c[active.get(i)].clone(), masks[i], smoothed[active.get(i)],
                    networkLoss[i], exactLoss, bands[i], exactBands));
        }
        designs.sort(Comparator.comparingDouble(d -> Double.isNaN(d.exactLoss()) ? Double.POSITIVE_INFINITY
                : d.exactLoss()));
        // unverified designs keep their network order behind the verified ones
        List<Design> verified = designs.stream().filter(d -> !Double.isNaN(d.exactLoss())).toList();
        List<Design> rest = designs.stream().filter(d -> Double.isNaN(d.exactLoss()))
                .sorted(Comparator.comparingDouble(Design::networkLoss)).toList();
        List<Design> all = new ArrayList<>(verified);
        all.addAll(rest);
        return all;
    }

    private double[] scaled(double[] parametersVmax) {
        double[] p = parametersVmax.clone();
        for (int l = 0; l < p.length; l++) {
            p[l] *= vmax;
        }
        return p;
    }

    /** Energies [k][band] of a band structure in units of Vmax. */
    public static double[][] inVmax(BandStructure bands) {
        double[][] e = bands.energies();
        for (double[] row : e) {
            for (int n = 0; n < row.length; n++) {
                row[n] /= bands.vmax();
            }
        }
        return e;
    }

    public FourierGeometry geometry() {
        return geometry;
    }

    public DesignObjective objective() {
        return objective;
    }
}
