package io.bandsmith.models.xas;

/**
 * Binary topological class of a material as the classifier sees it: TI, TCI and symmetry-enforced semimetals are
 * {@link #TOPOLOGICAL}; materials without symmetry-indicated topology ("case 1") are {@link #TRIVIAL}.
 */
public enum TopologicalClass {
    TRIVIAL(0), TOPOLOGICAL(1);

    private final int label;

    TopologicalClass(int label) {
        this.label = label;
    }

    /** 1 for topological, 0 for trivial (the network's target). */
    public int label() {
        return label;
    }

    public static TopologicalClass ofLabel(int label) {
        if (label == 1) {
            return TOPOLOGICAL;
        }
        if (label == 0) {
            return TRIVIAL;
        }
        throw new IllegalArgumentException("label must be 0 (trivial) or 1 (topological), got " + label);
    }

    /** Parses 0/1, "trivial"/"topological" and the catalogue names (ti, tci, case1, case3, tsm, es, ...). */
    public static TopologicalClass parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "0": case "trivial": case "case1": case "lcebr": case "triv_ins":
                return TRIVIAL;
            case "1": case "topological": case "ti": case "tci": case "case3": case "tsm": case "es": case "esfd":
            case "nlc": case "sebr": case "hsp_sm": case "hsl_sm":
                return TOPOLOGICAL;
            default:
                throw new IllegalArgumentException("unknown topological class '" + text
                        + "' (expected 0/1, trivial/topological, ti, tci, case1, case3)");
        }
    }

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
