package io.bandsmith.app.gui.preview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.bands.HighSymmetryLevels;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.tightbinding.TightBindingSource;
import io.bandsmith.engine.topology.BandSet;
import io.bandsmith.engine.topology.BandSetClassifier;
import io.bandsmith.engine.topology.ConnectivityMethod;
import io.bandsmith.engine.topology.TightBindingClassifier;

/**
 * The preview's band sets, by the engine's classifier ({@link BandSetClassifier}): the workbench has no classifier
 * of its own. With N computed bands the sets of bands 1..N-1 are those of {@code ./bandsmith classify --bands N-1}
 * with the same source and connectivity (the N-th level shows whether band N-1 is separated from the band above);
 * band N always ends in a set that may continue above. Berry connectivity needs a tight-binding source (its
 * eigenvectors on a fine grid). Stateless and thread-safe.
 */
public final class PreviewClassifier {
    private PreviewClassifier() {
    }

    /**
     * @param labelled bands with the labelled levels at Γ, K, M (at least 1 band)
     * @param others further band structures of the same geometry (the zone grid) for the smallest gaps shown
     */
    public static List<PreviewBandSet> classify(BandStructureSource source, PotentialGrid grid,
            BandStructure labelled, List<BandStructure> others, ConnectivityMethod method) {
        int bands = labelled.bandCount();
        // exactly N levels per point, whatever the source computed: the N-th band's set stays open above
        Map<String, HighSymmetryLevels> levels = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, HighSymmetryLevels> e : labelled.highSymmetry().entrySet()) {
            levels.put(e.getKey(), e.getValue().count() > bands ? e.getValue().lowest(bands) : e.getValue());
        }
        boolean[] off = null;
        if (method == ConnectivityMethod.BERRY) {
            if (!(source instanceof TightBindingSource tb)) {
                throw new IllegalArgumentException("Berry connectivity needs Bloch eigenvectors, which the "
                        + source.name() + " source does not give; use compat");
            }
            off = new boolean[bands];
            off[bands - 1] = true; // nothing is known above the highest computed band
            if (bands > 1) {
                boolean[] found = TightBindingClassifier.withDefaults().berryConnections(tb.model(),
                        tb.parameters(grid), levels, bands - 1);
                System.arraycopy(found, 0, off, 0, bands - 1);
            }
        }
        List<BandSet> sets = BandSetClassifier.withDefaults().classify(levels, bands, method, off);
        List<BandStructure> all = new ArrayList<>();
        all.add(labelled);
        all.addAll(others);
        double[] gaps = minimumGaps(all);
        List<PreviewBandSet> out = new ArrayList<>();
        for (BandSet s : sets) {
            int first = s.firstBand() - 1;
            int last = s.lastBand() - 1;
            out.add(new PreviewBandSet(s, last == bands - 1, first == 0 ? Double.NaN : gaps[first - 1],
                    last == bands - 1 ? Double.NaN : gaps[last]));
        }
        return out;
    }

    /** The smallest gap E_{n+1} - E_n over all given band structures and their levels, n = 0 .. bands-2, E0. */
    static double[] minimumGaps(List<BandStructure> structures) {
        int bands = structures.get(0).bandCount();
        double[] min = new double[Math.max(0, bands - 1)];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        for (BandStructure b : structures) {
            for (int k = 0; k < b.kpoints().size(); k++) {
                for (int n = 0; n + 1 < bands; n++) {
                    min[n] = Math.min(min[n], b.energy(k, n + 1) - b.energy(k, n));
                }
            }
            for (HighSymmetryLevels l : b.highSymmetry().values()) {
                for (int n = 0; n + 1 < Math.min(bands, l.count()); n++) {
                    min[n] = Math.min(min[n], l.energy(n + 1) - l.energy(n));
                }
            }
        }
        return min;
    }
}
