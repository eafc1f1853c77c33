package io.bandsmith.app.gui.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.PotentialGrid;
import io.bandsmith.engine.tightbinding.TightBindingSource;
import io.bandsmith.models.inference.NetworkPredictor;

/**
 * The band sources the workbench can use: the trained network (may be absent) and the exact plane-wave solver (at
 * preview accuracy for the live preview, at full accuracy for comparisons), with the network's domain from its
 * model card (case p6, Vmax = 256 E0, L = 100).
 *
 * @param network the network, or null when none is installed
 * @param networkNote what the status line calls it, e.g. "trained network (models/bandsmith-p6.zip)"
 * @param exact the exact solver of the live preview, or null (tests with one source only)
 * @param exactNote what the status line calls it
 * @param exactReference the exact solver for "compare with exact" (full accuracy), or null
 */
public record PreviewSources(TightBindingSource network, String networkNote, BandStructureSource exact,
        String exactNote, BandStructureSource exactReference) {
    /** The case the network is trained for (the only one the project has). */
    public static final String CASE = "p6";
    /** Grid size of the network's training data (model card). */
    public static final int TRAINED_SIZE = 100;

    public PreviewSources {
        if (network == null && exact == null) {
            throw new IllegalArgumentException("the workbench needs a band source");
        }
    }

    /** One source only: a tight-binding source is taken as the network, anything else as the exact solver. */
    public static PreviewSources single(BandStructureSource source, String note) {
        return source instanceof TightBindingSource tb ? new PreviewSources(tb, note, null, null, null)
                : new PreviewSources(null, null, source, note, null);
    }

    /**
     * Why the network should not be used for {@code grid} (it is outside its training domain), or null when it may.
     */
    public String networkDomainProblem(PotentialGrid grid) {
        List<String> out = new ArrayList<>();
        if (Math.abs(grid.vmax() - NetworkPredictor.TRAINED_VMAX) > 1e-9) {
            out.add("Vmax = " + number(grid.vmax()) + " E0 (trained for " + number(NetworkPredictor.TRAINED_VMAX)
                    + " E0)");
        }
        if (grid.size() != TRAINED_SIZE) {
            out.add("L = " + grid.size() + " (trained for L = " + TRAINED_SIZE + ")");
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }
}
