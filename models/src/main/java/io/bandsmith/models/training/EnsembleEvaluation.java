package io.bandsmith.models.training;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.models.inference.EnsemblePredictor;
import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.network.NetworkEnsemble;

/**
 * An ensemble against the exact solver (each geometry solved once): the figures of its prediction (rms, labels),
 * the rms of the members' mean and of the best member (is the mean worth it?), each member's rms, and the calibration
 * of the spread: the fraction of (k, band) values whose error lies within 2x the spread, with the file's calibration
 * factor and without it.
 */
public record EnsembleEvaluation(String mode, NetworkEvaluation prediction, double meanRmsVmax,
        double bestMemberRmsVmax, double[] memberRmsVmax, double spreadScale, double coverage2x, double rawCoverage2x,
        double rmsSpreadVmax) {

    public static EnsembleEvaluation run(EnsemblePredictor ensemble, BandStructureSource reference,
            List<PotentialGrid> geometries, KPointSet kpoints, int bands) {
        int n = geometries.size();
        NetworkEnsemble e = ensemble.ensemble();
        int nm = e.size();
        NetworkEvaluation.SampleComparison[] chosen = new NetworkEvaluation.SampleComparison[n];
        NetworkEvaluation.SampleComparison[] mean = new NetworkEvaluation.SampleComparison[n];
        NetworkEvaluation.SampleComparison[][] members = new NetworkEvaluation.SampleComparison[nm][n];
        double[][] errors = new double[n][];
        double[][] spreads = new double[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            PotentialGrid g = geometries.get(i);
            BandStructure ref = reference.compute(g, kpoints, bands);
            List<BandStructure> bs = new ArrayList<>();
            for (NetworkPredictor m : ensemble.members()) {
                bs.add(m.compute(g, kpoints, bands));
            }
            EnsemblePredictor.EnsembleBands c = EnsemblePredictor.combine(bs, e.best(), e.mode(), 1.0);
            BandStructure meanBands = e.mode() == NetworkEnsemble.Mode.MEAN ? c.bands()
                    : EnsemblePredictor.combine(bs, e.best(), NetworkEnsemble.Mode.MEAN, 1.0).bands();
            chosen[i] = NetworkEvaluation.compare(c.bands(), ref, kpoints, bands, g.vmax());
            mean[i] = NetworkEvaluation.compare(meanBands, ref, kpoints, bands, g.vmax());
            for (int m = 0; m < nm; m++) {
                members[m][i] = NetworkEvaluation.compare(bs.get(m), ref, kpoints, bands, g.vmax());
            }
            double[] err = new double[kpoints.size() * bands];
            double[] spr = new double[err.length];
            for (int k = 0, v = 0; k < kpoints.size(); k++) {
                for (int b = 0; b < bands; b++, v++) {
                    err[v] = (c.bands().energy(k, b) - ref.energy(k, b)) / g.vmax();
                    spr[v] = c.spread()[k][b] / g.vmax();
                }
            }
            errors[i] = err;
            spreads[i] = spr;
        });
        double[] memberRms = new double[nm];
        for (int m = 0; m < nm; m++) {
            memberRms[m] = NetworkEvaluation.aggregate(List.of(members[m])).rmsVmax();
        }
        int best = e.best();
        double[] allErrors = concat(errors);
        double[] allSpreads = concat(spreads);
        double raw = EnsembleCalibration.coverage(allErrors, allSpreads, EnsembleCalibration.FACTOR);
        double[] scaled = allSpreads.clone();
        double sq = 0;
        for (int v = 0; v < scaled.length; v++) {
            scaled[v] *= e.spreadScale();
            sq += scaled[v] * scaled[v];
        }
        double calibrated = EnsembleCalibration.coverage(allErrors, scaled, EnsembleCalibration.FACTOR);
        return new EnsembleEvaluation(e.mode().name().toLowerCase(java.util.Locale.ROOT),
                NetworkEvaluation.aggregate(List.of(chosen)), NetworkEvaluation.aggregate(List.of(mean)).rmsVmax(),
                memberRms[best], memberRms, e.spreadScale(), calibrated, raw, Math.sqrt(sq / scaled.length));
    }

    private static double[] concat(double[][] parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int c = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, c, p.length);
            c += p.length;
        }
        return out;
    }
}
