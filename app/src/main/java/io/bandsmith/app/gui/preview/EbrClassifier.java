package io.bandsmith.app.gui.preview;

import java.util.List;

import io.bandsmith.engine.bands.BandStructure;
import io.bandsmith.engine.symmetry.EbrDecomposition;
import io.bandsmith.engine.symmetry.SymmetryFingerprint;

/**
 * Classifies a band set by decomposing its symmetry fingerprint into the EBRs of p6 with time reversal (the topology
 * layer's {@link EbrDecomposition}): one EBR, a composite of several, fragile when no decomposition with
 * non-negative multiplicities exists. A set that may continue above the computed bands, or whose fingerprint breaks
 * the compatibility relations, is unassigned. Stateless and thread-safe.
 *
 * <p>The sets themselves come from {@link BandSets}: bands are connected when they touch anywhere on the preview's
 * k points (the path and the wedge grid), not only at Γ, K and M.
 */
public final class EbrClassifier implements BandSetClassifier {
    @Override
    public String name() {
        return "EBR decomposition of the fingerprints";
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Classification classify(BandSet set, BandStructure bands) {
        if (!set.complete()) {
            return new Classification(BandSetClass.UNASSIGNED, "—",
                    "may continue above band " + (set.last() + 1) + " (the highest computed)");
        }
        if (set.fingerprint().isEmpty()) {
            return new Classification(BandSetClass.UNASSIGNED, "—", "cuts a degenerate pair at Γ, K or M");
        }
        SymmetryFingerprint fp = set.fingerprint().get();
        if (!fp.satisfiesCompatibilityRelations()) {
            return new Classification(BandSetClass.UNASSIGNED, "—",
                    "fingerprint breaks the compatibility relations (a touching between grid points?)");
        }
        List<String> ebrs = EbrDecomposition.preferred(fp);
        if (ebrs.isEmpty()) {
            return new Classification(BandSetClass.FRAGILE, "none (fragile)",
                    "no sum of EBRs gives this fingerprint");
        }
        return new Classification(ebrs.size() == 1 ? BandSetClass.EBR : BandSetClass.COMPOSITE,
                String.join(" + ", ebrs), "");
    }
}
