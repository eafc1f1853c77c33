package io.bandsmith.engine.topology;

/** Classification of an isolated set of bands. */
public enum BandSetClass {
    /** The fingerprint is that of one elementary band representation. */
    EBR("EBR"),
    /** A non-negative integer sum of two or more EBRs. */
    COMPOSITE("composite"),
    /** No non-negative integer decomposition into EBRs: topological (fragile in every case found here). */
    FRAGILE("fragile"),
    /** Connected to bands beyond the computed ones: cannot be assigned from the available bands. */
    UNASSIGNED("unassigned");

    private final String label;

    BandSetClass(String label) {
        this.label = label;
    }

    /** The name used in JSON ("EBR", "composite", "fragile", "unassigned"). */
    public String label() {
        return label;
    }
}
