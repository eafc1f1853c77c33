package io.bandsmith.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.app.gui.preview.PreviewBandSet;
import io.bandsmith.app.gui.preview.PreviewClassifier;
import io.bandsmith.app.gui.preview.PreviewKPoints;
import io.bandsmith.app.gui.preview.PreviewResult;
import io.bandsmith.app.gui.preview.PreviewUncertainty;
import io.bandsmith.app.gui.viewmodel.WorkbenchState;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.geometry.RandomPotentialGenerator;
import io.bandsmith.engine.geometry.ShapeRasterizer;
import io.bandsmith.engine.lattice.KPointSet;
import io.bandsmith.engine.tightbinding.P6TimeReversalModel;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.models.inference.EnsemblePredictor;
import io.bandsmith.models.inference.NetworkPredictor;
import io.bandsmith.models.network.NetworkEnsemble;
import io.bandsmith.models.network.StarFeatures;
import io.bandsmith.models.network.TightBindingNetwork;

/**
 * The workbench with an ensemble of networks, off the FX thread: the preview's spread along the path is the spread of
 * the members computed on their own, the shown bands are their mean, and the sets to check with the exact solver
 * follow the rules (members classify differently; a gap below 3x the spread at it).
 */
class EnsembleUncertaintyTest {
    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue();
    private WorkbenchViewModel vm;

    @AfterEach
    void tearDown() {
        if (vm != null) {
            vm.close();
        }
    }

    private static List<TightBindingNetwork> members(int count) {
        StarFeatures f = new StarFeatures(8);
        double[][] train = new double[20][];
        for (int i = 0; i < train.length; i++) {
            train[i] = f.of(RandomPotentialGenerator.withAlpha(1).stepPotential(100, 70 + i, 256));
        }
        double[] prior = TightBindingStandIn.parameters(3);
        for (int l = 0; l < prior.length; l++) {
            prior[l] /= 256;
        }
        List<TightBindingNetwork> nets = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            TightBindingNetwork net = TightBindingNetwork.create(f, train, new int[] {16}, 1e-3, 40 + s);
            net.setOutputPrior(prior, 0.02);
            nets.add(net);
        }
        return nets;
    }

    @Test
    void thePreviewShowsTheMembersSpreadAroundTheirMeanAndFlagsSets() throws Exception {
        List<TightBindingNetwork> nets = members(3);
        double scale = 1.7;
        EnsemblePredictor ensemble = new EnsemblePredictor(new NetworkEnsemble(nets, List.of("a", "b", "c"), 0,
                NetworkEnsemble.Mode.MEAN, scale, null));
        vm = new WorkbenchViewModel(ensemble, "ensemble (test)", ui, Runnable::run, new RecordingDialogs(),
                new WorkbenchState(dir.resolve("state")));
        vm.editor().applySixHoles();
        ui.runUntil("the preview", 60, () -> vm.previewProperty().get() != null && !vm.computingProperty().get());
        PreviewResult r = vm.previewProperty().get();
        PreviewUncertainty u = r.uncertainty();
        assertNotNull(u, "an ensemble's preview carries its uncertainty");
        assertEquals(3, u.members());
        PotentialGrid grid = r.grid();
        KPointSet path = r.path().kpoints();
        int bands = r.path().bandCount();
        List<BandStructure> alone = new ArrayList<>();
        for (TightBindingNetwork net : nets) {
            alone.add(new NetworkPredictor(net).compute(grid, path, bands));
        }
        double largest = 0;
        for (int k = 0; k < path.size(); k++) {
            for (int b = 0; b < bands; b++) {
                double mean = 0;
                for (BandStructure a : alone) {
                    mean += a.energy(k, b) / 3;
                }
                double var = 0;
                for (BandStructure a : alone) {
                    var += (a.energy(k, b) - mean) * (a.energy(k, b) - mean) / 2;
                }
                assertEquals(mean, r.path().energy(k, b), 1e-6, "shown bands: the members' mean");
                assertEquals(scale * Math.sqrt(var), u.pathSpread()[k][b], 1e-6, "spread: scaled sample std");
                largest = Math.max(largest, u.pathSpread()[k][b]);
            }
        }
        assertTrue(largest > 0, "members from different seeds disagree");
        for (PreviewBandSet s : r.sets()) {
            boolean flagged = u.flagOf(s) != null;
            assertEquals(flagged, vm.checkWithExact(s));
            assertEquals(flagged, vm.setNote(s).contains("check with exact"), vm.setNote(s));
        }
        assertTrue(vm.previewStatus(r).contains("ensemble of 3 networks"), vm.previewStatus(r));
    }

    @Test
    void setsAreFlaggedWhenMembersDisagreeOrAGapIsBelowThreeSpreads() {
        TightBindingStandIn source = new TightBindingStandIn(11);
        PotentialGrid grid = ShapeRasterizer.sixHoles(100, 0.15, 0.12, 256);
        KPointSet path = PreviewKPoints.path();
        KPointSet wedge = PreviewKPoints.wedge();
        BandStructure p = source.compute(grid, path, 7);
        BandStructure z = source.compute(grid, wedge, 7);
        List<PreviewBandSet> sets = PreviewClassifier.classify(source, grid, p, List.of(z), ConnectivityMethod.COMPAT);
        PreviewBandSet gapped = null;
        for (PreviewBandSet s : sets) {
            if (!s.top() && Double.isFinite(s.gapAboveE0()) && s.gapAboveE0() > 0) {
                gapped = s;
                break;
            }
        }
        assertNotNull(gapped, "the stand-in has a set with a gap above: " + sets);
        int nk = path.size() + wedge.size();
        double[][] none = new double[nk][7];
        assertTrue(PreviewUncertainty.flags(sets, List.of(sets, sets), none).isEmpty(),
                "members agree and nothing is uncertain: nothing to check");

        // a spread just above a third of the gap at the gap's bands flags the set; just below does not
        double g = gapped.gapAboveE0();
        for (double factor : new double[] {1.01, 0.99}) {
            double[][] spread = new double[nk][7];
            spread[5][gapped.last()] = factor * g / 3;
            String flag = PreviewUncertainty.flags(sets, List.of(sets, sets), spread).get(gapped.first());
            assertEquals(factor > 1, flag != null && flag.contains("gap above"), "factor " + factor + ": " + flag);
        }

        // a member that splits the bands differently flags every set it does not reproduce
        var flags = PreviewUncertainty.flags(sets, List.of(sets, List.of()), none);
        assertEquals(sets.size(), flags.size());
        for (String f : flags.values()) {
            assertTrue(f.startsWith("check with exact") && f.contains("1 of 2 members"), f);
        }
        assertFalse(flags.isEmpty());
    }
}
