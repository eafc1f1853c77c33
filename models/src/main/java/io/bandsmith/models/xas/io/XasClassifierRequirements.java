package io.bandsmith.models.xas.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.bandsmith.models.xas.AbsorptionEdge;
import io.bandsmith.models.xas.XasSpectrum;

/**
 * What the topology classifier needs of a spectrum (paper's Methods: computed K-edge XANES). A spectrum that breaks a
 * hard requirement is rejected from a dataset with {@link #rejection(XasSpectrum)}; softer oddities are warnings.
 */
public final class XasClassifierRequirements {
    private XasClassifierRequirements() {
    }

    /** Why the spectrum cannot enter a dataset, or empty when it can. */
    public static Optional<String> rejection(XasSpectrum s) {
        if (s.edge() != AbsorptionEdge.K) {
            return Optional.of(s.edge().label() + " edge where a K edge is required");
        }
        if (s.isFlat()) {
            return Optional.of("flat spectrum (all |mu| < 1e-3)");
        }
        return Optional.empty();
    }

    public static List<String> warnings(XasSpectrum s) {
        List<String> w = new ArrayList<>();
        if (s.edge() != AbsorptionEdge.K) {
            w.add(s.edge().label() + " edge: the topology classifier uses K-edge spectra only");
        }
        switch (s.type()) {
            case EXAFS:
            case XAFS:
                w.add(s.type() + " spectrum: the classifier was designed for XANES (only the window around the edge "
                        + "is used)");
                break;
            default:
                break;
        }
        if (s.absorbingSiteIndex().isPresent()) {
            w.add("site-specific spectrum (absorbing_index " + s.absorbingSiteIndex().getAsInt()
                    + "), not the site average");
        }
        int nonPositive = s.nonPositiveIntensityCount();
        if (nonPositive > 0) {
            w.add(nonPositive + " non-positive intensity value(s)");
        }
        if (s.isFlat()) {
            w.add("flat spectrum (all |mu| < 1e-3)");
        }
        return w;
    }
}
