package io.bandsmith.engine.topology;

/** How connections between consecutive bands are found (section VI, appendix I). */
public enum ConnectivityMethod {
    /** Connections only where levels meet at Γ, K or M (standard topological quantum chemistry). */
    NAIVE,
    /** NAIVE plus the C2-parity rule: a connected set must have nf + n- even. */
    COMPAT,
    /** NAIVE plus Dirac cones found as π defects of the Berry flux on a fine grid (needs eigenvectors). */
    BERRY;

    /** The command-line name ("naive", "compat", "berry"). */
    public String cliName() {
        return name().toLowerCase();
    }

    public static ConnectivityMethod parse(String s) {
        for (ConnectivityMethod m : values()) {
            if (m.cliName().equalsIgnoreCase(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("connectivity must be naive, compat or berry, got '" + s + "'");
    }
}
