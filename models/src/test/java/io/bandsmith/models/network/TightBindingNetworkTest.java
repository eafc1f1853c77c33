package io.bandsmith.models.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.C6GridSymmetry;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.geometry.ShapeRasterizer;
import io.bandsmith.engine.io.InvalidInputException;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.solver.FourierPotential;
import io.bandsmith.engine.solver.PlaneWaveSolver;
import io.bandsmith.models.dataset.Dataset;
import io.bandsmith.models.dataset.DatasetSpec;
import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.training.Trainer;
import io.bandsmith.models.training.TrainingSet;

class TightBindingNetworkTest {
    @TempDir
    static Path dir;

    static TrainingSet train;
    static TrainingSet validation;
    static StarFeatures features = new StarFeatures(8);

    @BeforeAll
    static void smallDataset() {
        Path d = dir.resolve("data");
        Dataset.generate(d, new DatasetSpec(24, 1.0, 500, 12, 100, 256.0, 7, 79), PlaneWaveSolver.withDefaults(),
                "test", 2, (a, b, c, e) -> { }, () -> false);
        TrainingSet all = TrainingSet.load(Dataset.open(d), features, 0);
        train = all.slice(0, 20);
        validation = all.slice(20, 24);
    }

    @Test
    void starFeaturesAreRotationInvariantLinearFunctionsOfTheGrid() {
        StarFeatures f = new StarFeatures(6);
        assertEquals(22, f.size(), "21 stars + the average for cutoff 6");
        PotentialGrid a = RandomPotentialGenerator.withAlpha(1).stepPotential(100, 1, 256);
        PotentialGrid b = ShapeRasterizer.sixHoles(100, 0.3, 0.12, 256);
        double[] fa = f.of(a);
        double[] fb = f.of(b);
        double[] sum = a.valuesE0();
        double[] bv = b.valuesE0();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += bv[i];
        }
        double[] fs = f.of(PotentialGrid.of(100, sum, 256));
        for (int i = 0; i < fa.length; i++) {
            assertEquals(fa[i] + fb[i], fs[i], 1e-12);
        }
        assertEquals(a.mean() / 256, fa[0], 1e-12);
        FourierPotential fp = new FourierPotential(a, 6);
        assertEquals(fp.coefficient(1, 0) / 256, fa[1], 1e-12, "first star is |G| = |b1|");
        assertTrue(C6GridSymmetry.isSymmetric(a));
    }

    @Test
    void trainingLowersTheValidationErrorAndResumesFromItsCheckpoint() {
        Trainer.Settings s = new Trainer.Settings(6, 5, 1.0, 0.3, 6, 16, 1e-3, 1e-4);
        Trainer trainer = new Trainer(s, KPointSet.hexagonalWedgeWithCount(79), 256);
        TightBindingNetwork net = TightBindingNetwork.create(features, train.features(), new int[] {64, 64}, 1e-3, 7);
        double random = trainer.validate(net, net.input(validation.features()), validation, 1.0)[0];
        double[] prior = trainer.fitPrior(train, 4, 60);
        net.setOutputPrior(prior, 0.01);
        double before = trainer.validate(net, net.input(validation.features()), validation, 1.0)[0];
        assertTrue(before < 0.3 * random, "the prior model fits far better than random output: " + random + " -> "
                + before);
        Path out = dir.resolve("model.zip");
        List<Trainer.EpochReport> reports = new ArrayList<>();
        int[] calls = {0};
        // stop after 3 epochs, then resume
        trainer.train(net, train, validation, out, 0, Double.MAX_VALUE, reports::add, () -> calls[0]++ >= 3);
        assertEquals(3, reports.size());
        double[] state = Trainer.checkpointState(out);
        assertEquals(3, (int) state[0]);
        TightBindingNetwork resumed = Trainer.loadCheckpoint(out);
        trainer.train(resumed, train, validation, out, (int) state[0], state[1], reports::add, () -> false);
        assertEquals(6, reports.size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), reports.stream().map(Trainer.EpochReport::epoch).toList());
        double after = reports.get(5).validationBandRmsVmax();
        double firstLoss = reports.get(0).trainLoss();
        double lastLoss = reports.get(5).trainLoss();
        System.out.printf("training: validation band rms %.4g -> %.4g Vmax; train loss %.4g -> %.4g%n", before, after,
                firstLoss, lastLoss);
        // 20 samples, 6 epochs: the network must fit its training set (a factor 5 was seen; a factor 2 is required,
        // which a broken gradient, a lost checkpoint or a resumed run that restarts from scratch would not give)
        assertTrue(lastLoss < 0.5 * firstLoss, "training loss " + firstLoss + " -> " + lastLoss);
        assertTrue(reports.get(3).trainLoss() < firstLoss, "the resumed run continues, it does not restart");
        assertTrue(after < before, "validation band rms " + before + " -> " + after + " (Vmax)");
        assertTrue(Files.exists(Path.of(out + ".csv")));
        assertTrue(Files.exists(out), "best model kept");
    }

    @Test
    void weightAveragingAndThePlateauScheduleKeepTheBestModelOnValidation() throws Exception {
        // 4 epochs, the last 3 averaged, the plateau schedule with patience 1; training rms on 10 samples
        Trainer.Settings s = new Trainer.Settings(4, 5, 1.0, 0.3, 6, 16, 1e-3, 1e-4, Trainer.Schedule.PLATEAU, 1, 3,
                10);
        Trainer trainer = new Trainer(s, KPointSet.hexagonalWedgeWithCount(79), 256);
        TightBindingNetwork net = TightBindingNetwork.create(features, train.features(), new int[] {32}, 1e-3, 11);
        net.setOutputPrior(trainer.fitPrior(train, 4, 40), 0.01);
        Path out = dir.resolve("averaged.zip");
        trainer.train(net, train, validation, out, 0, Double.MAX_VALUE, r -> { }, () -> false);
        List<String> lines = Files.readAllLines(Path.of(out + ".csv"));
        assertEquals(5, lines.size());
        String[] header = lines.get(0).split(",");
        int trainCol = List.of(header).indexOf("train_band_rms_vmax");
        int avgCol = List.of(header).indexOf("averaged_validation_band_rms_vmax");
        int valCol = List.of(header).indexOf("validation_band_rms_vmax");
        double bestEpoch = Double.MAX_VALUE;
        double bestAveraged = Double.MAX_VALUE;
        for (int e = 1; e <= 4; e++) {
            String[] row = lines.get(e).split(",", -1);
            assertTrue(Double.parseDouble(row[trainCol]) > 0, "training rms measured every epoch");
            assertEquals(e >= 2, !row[avgCol].isEmpty(), "the average is measured in the last 3 epochs only");
            bestEpoch = Math.min(bestEpoch, Double.parseDouble(row[valCol]));
            if (e == 4) {
                bestAveraged = Double.parseDouble(row[avgCol]);
            }
        }
        // the kept model is the better of the best single epoch and the final average (the band rms decides almost
        // always as the loss does; allow the block term to tip the choice)
        TightBindingNetwork kept = TightBindingNetwork.load(out);
        double keptRms = trainer.validate(kept, kept.input(validation.features()), validation, 0.3)[0];
        assertEquals(Math.min(bestEpoch, bestAveraged), keptRms, 0.05 * keptRms);
        assertTrue(Trainer.readState(out).learningRate() <= 1e-3, "the plateau schedule never raises the rate");
    }

    @Test
    void savedModelsRoundTripAndBadFilesAreRefusedClearly() throws Exception {
        TightBindingNetwork net = TightBindingNetwork.create(features, train.features(), new int[] {16}, 1e-3, 3);
        Path file = dir.resolve("roundtrip.zip");
        net.save(file);
        TightBindingNetwork back = TightBindingNetwork.load(file);
        PotentialGrid g = RandomPotentialGenerator.withAlpha(1).stepPotential(100, 42, 256);
        assertArrayEquals(net.parameters(List.of(g))[0], back.parameters(List.of(g))[0], 1e-6);
        BandStructure b = new NetworkPredictor(back).compute(g, KPointSet.hexagonalWedge(3), 6);
        assertEquals(6, b.bandCount());
        assertEquals("nn", new NetworkPredictor(back).name());

        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TightBindingNetwork.load(truncated));
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
        Path garbage = dir.resolve("garbage.zip");
        Files.writeString(garbage, "not a model");
        assertThrows(InvalidInputException.class, () -> TightBindingNetwork.load(garbage));
        assertThrows(InvalidInputException.class, () -> TightBindingNetwork.load(dir.resolve("missing.zip")));
    }
}
