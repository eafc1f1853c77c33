package io.bandsmith.models.training;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.tightbinding.TightBindingBandSolver;
import io.bandsmith.models.network.NetworkEnsemble;
import io.bandsmith.models.network.TightBindingNetwork;

/**
 * Puts trained networks together as an ensemble, deciding on validation data (never on test data) what a user gets:
 * the best member (lowest band rms), whether the mean of the members' bands beats it (then the ensemble predicts the
 * mean, else the best member's bands), and the factor that calibrates the spread
 * ({@link EnsembleCalibration#FIT_TARGET} of the errors within 2x the spread).
 */
public final class EnsembleBuilder {
    private EnsembleBuilder() {
    }

    /**
     * @param validation held-out samples with exact bands on {@code kpoints} (the dataset's training grid)
     * @param vmax the step height of the data (E0)
     */
    public static NetworkEnsemble build(List<TightBindingNetwork> members, List<String> names, TrainingSet validation,
            KPointSet kpoints, int bands, double vmax) {
        int nm = members.size();
        int ns = validation.size();
        int nk = kpoints.size();
        // members' bands on the validation samples: [member][sample][k][band], E0
        double[][][][] e = new double[nm][][][];
        for (int m = 0; m < nm; m++) {
            TightBindingNetwork.DenseEvaluator ev = members.get(m).denseEvaluator();
            TightBindingBandSolver solver = new TightBindingBandSolver(members.get(m).model(), kpoints);
            double[][][] out = new double[ns][][];
            IntStream.range(0, ns).parallel().forEach(i -> {
                double[] p = ev.parameters(validation.features()[i]);
                for (int l = 0; l < p.length; l++) {
                    p[l] *= vmax;
                }
                out[i] = solver.energies(p, bands);
            });
            e[m] = out;
        }
        double[] memberSq = new double[nm];
        double meanSq = 0;
        int values = ns * nk * bands;
        for (int i = 0; i < ns; i++) {
            double[][] target = validation.targets().get(i).energies();
            for (int k = 0; k < nk; k++) {
                for (int b = 0; b < bands; b++) {
                    double mean = 0;
                    for (int m = 0; m < nm; m++) {
                        double d = (e[m][i][k][b] - target[k][b]) / vmax;
                        memberSq[m] += d * d;
                        mean += e[m][i][k][b] / nm;
                    }
                    double d = (mean - target[k][b]) / vmax;
                    meanSq += d * d;
                }
            }
        }
        int best = 0;
        for (int m = 1; m < nm; m++) {
            best = memberSq[m] < memberSq[best] ? m : best;
        }
        double meanRms = Math.sqrt(meanSq / values);
        double bestRms = Math.sqrt(memberSq[best] / values);
        NetworkEnsemble.Mode mode = meanRms < bestRms ? NetworkEnsemble.Mode.MEAN : NetworkEnsemble.Mode.BEST;
        double[] errors = new double[values];
        double[] spreads = new double[values];
        int c = 0;
        for (int i = 0; i < ns; i++) {
            double[][] target = validation.targets().get(i).energies();
            for (int k = 0; k < nk; k++) {
                for (int b = 0; b < bands; b++) {
                    double mean = 0;
                    for (int m = 0; m < nm; m++) {
                        mean += e[m][i][k][b] / nm;
                    }
                    double v = 0;
                    for (int m = 0; m < nm; m++) {
                        v += (e[m][i][k][b] - mean) * (e[m][i][k][b] - mean);
                    }
                    double predicted = mode == NetworkEnsemble.Mode.MEAN ? mean : e[best][i][k][b];
                    errors[c] = predicted - target[k][b];
                    spreads[c] = Math.sqrt(v / (nm - 1));
                    c++;
                }
            }
        }
        double rawCoverage = EnsembleCalibration.coverage(errors, spreads, EnsembleCalibration.FACTOR);
        double scale = EnsembleCalibration.fitScale(errors, spreads, EnsembleCalibration.FACTOR,
                EnsembleCalibration.FIT_TARGET);
        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("validation_samples", ns);
        summary.put("validation_kpoints", nk);
        summary.put("bands", bands);
        var rms = summary.putArray("validation_member_rms_vmax");
        for (double sq : memberSq) {
            rms.add(Math.sqrt(sq / values));
        }
        summary.put("validation_mean_rms_vmax", meanRms);
        summary.put("validation_best_member_rms_vmax", bestRms);
        summary.put("validation_raw_coverage_2x", rawCoverage);
        summary.put("calibration_fit_target", EnsembleCalibration.FIT_TARGET);
        return new NetworkEnsemble(members, new ArrayList<>(names), best, mode, scale, summary);
    }
}
