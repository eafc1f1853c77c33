package io.bandsmith.models.xas;

import java.util.Locale;

/** Energy range a spectrum covers: the near-edge region (XANES), the extended region (EXAFS) or both (XAFS). */
public enum SpectrumType {
    XANES, EXAFS, XAFS;

    public static SpectrumType parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing spectrum type");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown spectrum type '" + text + "' (expected XANES, EXAFS or XAFS)");
        }
    }
}
