package io.bandsmith.models.training;

import java.util.ArrayList;
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

    public static NetworkEvaluation run(BandStructureSource candidate, BandStructureSource reference,
            List<PotentialGrid> geometries, KPointSet kpoints, int bands) {
        int n = geometries.size();
        BandStructure[] ref = new BandStructure[n];
        BandStructure[] cand = new BandStructure[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            ref[i] = reference.compute(geometries.get(i), kpoints, bands);
            cand[i] = candidate.compute(geometries.get(i), kpoints, bands);
        });
        double[] se = new double[bands];
        double total = 0;
        int count = 0;
        double vmax = geometries.get(0).vmax();
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < kpoints.size(); q++) {
                for (int b = 0; b < bands; b++) {
                    double d = (cand[i].energy(q, b) - ref[i].energy(q, b)) / vmax;
                    se[b] += d * d;
                    total += d * d;
                    count++;
                }
            }
        }
        double[] perBand = new double[bands];
        for (int b = 0; b < bands; b++) {
            perBand[b] = Math.sqrt(se[b] / (n * kpoints.size()));
        }
        double rms = Math.sqrt(total / count);
        Map<String, double[]> perLevel = new java.util.LinkedHashMap<>();
        int right = 0;
        int all = 0;
        int sepRight = 0;
        int sepAll = 0;
        for (String p : List.of("G", "K", "M")) {
            int[] rightPerLevel = new int[bands];
            for (int i = 0; i < n; i++) {
                HighSymmetryLevels r = ref[i].highSymmetry(p);
                HighSymmetryLevels c = cand[i].highSymmetry(p);
                for (int b = 0; b < bands; b++) {
                    boolean ok = r.label(b).equals(c.label(b));
                    rightPerLevel[b] += ok ? 1 : 0;
                    right += ok ? 1 : 0;
                    all++;
                    if (separated(r, b, 3 * rms * vmax)) {
                        sepAll++;
                        sepRight += ok ? 1 : 0;
                    }
                }
            }
            double[] frac = new double[bands];
            for (int b = 0; b < bands; b++) {
                frac[b] = (double) rightPerLevel[b] / n;
            }
            perLevel.put(p, frac);
        }
        return new NetworkEvaluation(n, rms, perBand, perLevel, (double) right / all,
                sepAll == 0 ? Double.NaN : (double) sepRight / sepAll, sepAll);
    }

    /** Whether level b (with its degenerate partner) is farther than {@code gap} from the other levels. */
    static boolean separated(HighSymmetryLevels levels, int b, double gap) {
        double e = levels.energy(b);
        List<Double> others = new ArrayList<>();
        for (int j = 0; j < levels.count(); j++) {
            boolean partner = levels.label(j).equals(levels.label(b)) && Math.abs(levels.energy(j) - e) < 1e-6 * Math
                    .max(1, Math.abs(e));
            if (j != b && !partner) {
                others.add(levels.energy(j));
            }
        }
        for (double o : others) {
            if (Math.abs(o - e) <= gap) {
                return false;
            }
        }
        return true;
    }
}
