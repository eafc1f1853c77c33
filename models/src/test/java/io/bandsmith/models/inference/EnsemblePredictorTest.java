package io.bandsmith.models.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.symmetry.IrrepLabel;
import io.bandsmith.models.network.NetworkEnsemble;
import io.bandsmith.models.network.StarFeatures;
import io.bandsmith.models.network.TightBindingNetwork;
import io.bandsmith.models.training.EnsembleCalibration;

/**
 * The ensemble: mean, spread and majority labels on a synthetic ensemble whose members are known; the calibration
 * metric on constructed Gaussian errors against the normal distribution's quantiles; the ensemble file round trip
 * (members predict as when loaded alone) and clear refusal of damaged files.
 */
class EnsemblePredictorTest {
    @TempDir
    Path dir;

    private static BandStructure bands(KPointSet ks, double offset, String gammaLabels, double gammaShift) {
        double[][] e = new double[ks.size()][3];
        for (int k = 0; k < ks.size(); k++) {
            for (int b = 0; b < 3; b++) {
                e[k][b] = 10 * b + k + offset;
            }
        }
        Map<String, HighSymmetryLevels> hsp = new LinkedHashMap<>();
        List<IrrepLabel> g = new ArrayList<>();
        for (String s : gammaLabels.split(",")) {
            g.add(IrrepLabel.parse(HexagonalLattice.GAMMA, s));
        }
        hsp.put("G", new HighSymmetryLevels(HexagonalLattice.GAMMA, new double[] {1 + gammaShift, 5 + gammaShift,
                5 + gammaShift}, g));
        hsp.put("K", new HighSymmetryLevels(HexagonalLattice.K, new double[] {2, 3, 4},
                List.of(IrrepLabel.of(HexagonalLattice.K, 0), IrrepLabel.of(HexagonalLattice.K, 1),
                        IrrepLabel.of(HexagonalLattice.K, 1))));
        return new BandStructure(ks, e, hsp, 256, "synthetic");
    }

    @Test
    void meanSpreadAndMajorityLabelsOfKnownMembers() {
        KPointSet ks = KPointSet.hexagonalWedge(2);
        // offsets -2, 0, +2: mean offset 0, sample standard deviation 2; the third member labels Γ differently
        List<BandStructure> members = List.of(bands(ks, -2, "s,p,p", 0.0), bands(ks, 0, "s,p,p", 0.2),
                bands(ks, 2, "s,d,d", 9.0));
        var e = EnsemblePredictor.combine(members, 2, NetworkEnsemble.Mode.MEAN, 1.5);
        for (int k = 0; k < ks.size(); k++) {
            for (int b = 0; b < 3; b++) {
                assertEquals(10 * b + k, e.bands().energy(k, b), 1e-12, "mean");
                assertEquals(1.5 * 2.0, e.spread()[k][b], 1e-12, "scaled sample standard deviation");
            }
        }
        HighSymmetryLevels g = e.bands().highSymmetry("G");
        assertEquals("p", g.label(1).symbol(), "two of three members say p: the majority, though the best says d");
        assertEquals(5.1, g.energy(1), 1e-12, "mean over the agreeing members only");
        assertEquals(g.energy(1), g.energy(2), 0.0, "the pair stays exactly degenerate");
        assertTrue(e.labelsDisagree().get("G"));
        assertFalse(e.labelsDisagree().get("K"));
        assertTrue(e.anyLabelDisagreement());

        var best = EnsemblePredictor.combine(members, 1, NetworkEnsemble.Mode.BEST, 1.0);
        assertEquals(members.get(1), best.bands(), "best mode: the best member's bands");
        assertEquals(2.0, best.spread()[0][0], 1e-12, "the spread still comes from all members");
    }

    @Test
    void coverageAndScaleFollowTheNormalDistribution() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 200_000;
        double[] errors = new double[n];
        double[] spreads = new double[n];
        for (int i = 0; i < n; i++) {
            double sigma = 0.5 + random.nextDouble();
            errors[i] = sigma * gaussian(random);
            spreads[i] = sigma;
        }
        // P(|z| <= 2) = 0.9545 for a normal variable
        assertEquals(0.9545, EnsembleCalibration.coverage(errors, spreads, 2), 0.003);
        double[] small = spreads.clone();
        for (int i = 0; i < n; i++) {
            small[i] /= 3;
        }
        assertEquals(0.4950, EnsembleCalibration.coverage(errors, small, 2), 0.004, "P(|z| <= 2/3)");
        // the 92 % quantile of |z| is 1.7507: a spread three times too small needs the scale 3 * 1.7507 / 2
        double c = EnsembleCalibration.fitScale(errors, small, 2, 0.92);
        assertEquals(3 * 1.7507 / 2, c, 0.02);
        for (int i = 0; i < n; i++) {
            small[i] *= c;
        }
        assertEquals(0.92, EnsembleCalibration.coverage(errors, small, 2), 1e-4);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void theEnsembleFileRoundTripsAndItsMembersPredictAsAlone() throws Exception {
        StarFeatures f = new StarFeatures(8);
        double[][] train = new double[20][];
        for (int i = 0; i < train.length; i++) {
            train[i] = f.of(RandomPotentialGenerator.withAlpha(1).stepPotential(100, 70 + i, 256));
        }
        List<TightBindingNetwork> nets = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            TightBindingNetwork net = TightBindingNetwork.create(f, train, new int[] {16}, 1e-3, 40 + s);
            double[] prior = new double[io.bandsmith.engine.tightbinding.P6TimeReversalModel.PARAMETERS];
            for (int l = 0; l < io.bandsmith.engine.tightbinding.P6TimeReversalModel.ON_SITE_PARAMETERS; l++) {
                prior[l] = 0.1 + 0.05 * l;
            }
            net.setOutputPrior(prior, 0.01);
            nets.add(net);
        }
        NetworkEnsemble ensemble = new NetworkEnsemble(nets, List.of("a", "b", "c"), 1, NetworkEnsemble.Mode.MEAN,
                1.3, null);
        Path file = dir.resolve("ensemble.zip");
        ensemble.save(file);
        assertTrue(NetworkEnsemble.isEnsemble(file));
        var loaded = EnsemblePredictor.loadAny(file);
        assertInstanceOf(EnsemblePredictor.class, loaded);
        EnsemblePredictor ep = (EnsemblePredictor) loaded;
        assertEquals(1, ep.ensemble().best());
        assertEquals(1.3, ep.ensemble().spreadScale(), 0.0);
        PotentialGrid g = RandomPotentialGenerator.withAlpha(1).stepPotential(100, 99, 256);
        KPointSet ks = KPointSet.hexagonalWedge(3);
        BandStructure mean = ep.compute(g, ks, 6);
        assertTrue(ep.spreadOf(mean) != null, "the spread of a returned band structure is known");
        double[][] sum = new double[ks.size()][6];
        for (TightBindingNetwork net : nets) {
            BandStructure b = new NetworkPredictor(net).compute(g, ks, 6);
            for (int k = 0; k < ks.size(); k++) {
                for (int n = 0; n < 6; n++) {
                    sum[k][n] += b.energy(k, n) / 3;
                }
            }
        }
        for (int k = 0; k < ks.size(); k++) {
            assertArrayEquals(sum[k], mean.energies()[k], 1e-4, "the mean of the members loaded alone");
        }
        assertArrayEquals(new NetworkPredictor(nets.get(1)).parameters(g), ep.parameters(g), 1e-9,
                "parameters are the best member's");

        Path single = dir.resolve("single.zip");
        nets.get(0).save(single);
        assertFalse(NetworkEnsemble.isEnsemble(single));
        assertInstanceOf(NetworkPredictor.class, EnsemblePredictor.loadAny(single));

        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NetworkEnsemble.load(truncated));
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
    }
}
