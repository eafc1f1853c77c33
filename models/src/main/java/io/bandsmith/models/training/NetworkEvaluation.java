package io.bandsmith.models.training;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.KPointSet;

/**
 * How well a band-structure source (the network) reproduces a reference (the exact solver) on a set of geometries:
 * rms deviation overall and per band on a k set (the paper's fig. 8 uses the 821-point wedge grid), the fraction of
 * right labels per maximal k point and level (fig. 1c), and the same counting only levels separated from their
 * neighbours by more than 3x the rms (section VII).
 */
public record NetworkEvaluation(int samples, double rmsVmax, double[] rmsPerBandVmax,
        Map<String, double[]> labelFractionPerLevel, double labelFraction, double separatedLabelFraction,
        int separatedLevels) {

    private static final List<String> POINTS = List.of("G", "K", "M");

    public static NetworkEvaluation run(BandStructureSource candidate, BandStructureSource reference,
            List<PotentialGrid> geometries, KPointSet kpoints, int bands) {
        int n = geometries.size();
        SampleComparison[] samples = new SampleComparison[n];
        IntStream.range(0, n).parallel().forEach(i -> samples[i] = compare(candidate, reference, geometries.get(i),
                kpoints, bands));
        return aggregate(List.of(samples));
    }

    /**
     * What one geometry contributes to an evaluation (the unit of work of the local run and of a cluster task):
     * squared deviations per band summed over the k points (in Vmax²), and at each maximal point (G, K, M) and level
     * whether the network's label is right and how far the reference level lies from its nearest other level (a
     * degenerate partner does not count; E0, infinite when there is none).
     */
    public record SampleComparison(double vmax, int kpoints, double[] squaredErrorPerBand, boolean[][] labelRight,
            double[][] isolation) implements Serializable {
    }

    /** Computes both sources on one geometry and compares them. */
    public static SampleComparison compare(BandStructureSource candidate, BandStructureSource reference,
            PotentialGrid geometry, KPointSet kpoints, int bands) {
        BandStructure ref = reference.compute(geometry, kpoints, bands);
        BandStructure cand = candidate.compute(geometry, kpoints, bands);
        return compare(cand, ref, kpoints, bands, geometry.vmax());
    }

    /** Compares two band structures of one geometry already computed on the same k set. */
    public static SampleComparison compare(BandStructure cand, BandStructure ref, KPointSet kpoints, int bands,
            double vmax) {
        double[] se = new double[bands];
        for (int q = 0; q < kpoints.size(); q++) {
            for (int b = 0; b < bands; b++) {
                double d = (cand.energy(q, b) - ref.energy(q, b)) / vmax;
                se[b] += d * d;
            }
        }
        boolean[][] right = new boolean[POINTS.size()][bands];
        double[][] isolation = new double[POINTS.size()][bands];
        for (int p = 0; p < POINTS.size(); p++) {
            HighSymmetryLevels r = ref.highSymmetry(POINTS.get(p));
            HighSymmetryLevels c = cand.highSymmetry(POINTS.get(p));
            for (int b = 0; b < bands; b++) {
                right[p][b] = r.label(b).equals(c.label(b));
                isolation[p][b] = isolation(r, b);
            }
        }
        return new SampleComparison(vmax, kpoints.size(), se, right, isolation);
    }

    /** The figures of a set of compared geometries (in a fixed order, so that any split of the work sums alike). */
    public static NetworkEvaluation aggregate(List<SampleComparison> samples) {
        int n = samples.size();
        int bands = samples.get(0).squaredErrorPerBand().length;
        int kpoints = samples.get(0).kpoints();
        double vmax = samples.get(0).vmax();
        double[] se = new double[bands];
        double total = 0;
        for (SampleComparison s : samples) {
            for (int b = 0; b < bands; b++) {
                se[b] += s.squaredErrorPerBand()[b];
                total += s.squaredErrorPerBand()[b];
            }
        }
        double[] perBand = new double[bands];
        for (int b = 0; b < bands; b++) {
            perBand[b] = Math.sqrt(se[b] / (n * kpoints));
        }
        double rms = Math.sqrt(total / ((double) n * kpoints * bands));
        Map<String, double[]> perLevel = new java.util.LinkedHashMap<>();
        int right = 0;
        int all = 0;
        int sepRight = 0;
        int sepAll = 0;
        for (int p = 0; p < POINTS.size(); p++) {
            int[] rightPerLevel = new int[bands];
            for (SampleComparison s : samples) {
                for (int b = 0; b < bands; b++) {
                    boolean ok = s.labelRight()[p][b];
                    rightPerLevel[b] += ok ? 1 : 0;
                    right += ok ? 1 : 0;
                    all++;
                    if (s.isolation()[p][b] > 3 * rms * vmax) {
                        sepAll++;
                        sepRight += ok ? 1 : 0;
                    }
                }
            }
            double[] frac = new double[bands];
            for (int b = 0; b < bands; b++) {
                frac[b] = (double) rightPerLevel[b] / n;
            }
            perLevel.put(POINTS.get(p), frac);
        }
        return new NetworkEvaluation(n, rms, perBand, perLevel, (double) right / all,
                sepAll == 0 ? Double.NaN : (double) sepRight / sepAll, sepAll);
    }

    /** Distance of level b from the nearest level that is not its degenerate partner (E0; infinite if none). */
    static double isolation(HighSymmetryLevels levels, int b) {
        double e = levels.energy(b);
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < levels.count(); j++) {
            boolean partner = levels.label(j).equals(levels.label(b)) && Math.abs(levels.energy(j) - e) < 1e-6 * Math
                    .max(1, Math.abs(e));
            if (j != b && !partner) {
                nearest = Math.min(nearest, Math.abs(levels.energy(j) - e));
            }
        }
        return nearest;
    }
}
