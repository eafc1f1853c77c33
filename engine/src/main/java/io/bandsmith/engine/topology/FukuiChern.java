package io.bandsmith.engine.topology;

/**
 * Band Chern numbers of single bands from Berry fluxes on an n x n grid k = 2π(i, j)/n over the whole zone
 * (Fukui, Hatsugai, Suzuki 2005), in the convention of docs/conventions.md (case p4-dirac): the flux of plaquette
 * (i, j) is arg(U1 U2 U3 U4) with the links taken counterclockwise, kx first, then ky,
 * U1 = ⟨u(k_ij)|u(k_i+1,j)⟩, U2 = ⟨u(k_i+1,j)|u(k_i+1,j+1)⟩, U3 = ⟨u(k_i+1,j+1)|u(k_i,j+1)⟩, U4 = ⟨u(k_i,j+1)|u(k_ij)⟩,
 * and C = (1/2π) Σ flux. Gauge invariant plaquette by plaquette, so any source of eigenvectors works: explicit
 * vectors ({@link StateGrid}, e.g. a tight-binding or network model) or a source that computes the product of a
 * plaquette's four links itself in a gauge of its choice ({@link PlaquetteProducts}, e.g. a reduced basis).
 * The Bloch vectors must be periodic in k (H(k + G) = H(k)), as the periodic gauge of the conventions makes them.
 */
public final class FukuiChern {
    private FukuiChern() {
    }

    /** Eigenvectors on the grid: interleaved complex vectors of one dimension, any normalization. */
    public interface StateGrid {
        int size();

        int bands();

        /** The state of {@code band} at grid point (i, j), 0 ≤ i, j < size (interleaved re, im). */
        double[] state(int i, int j, int band);
    }

    /** The complex product U1 U2 U3 U4 of one plaquette's counterclockwise links, as {re, im}. */
    public interface PlaquetteProducts {
        int size();

        int bands();

        double[] product(int band, int i, int j);
    }

    /** The fluxes arg(U1 U2 U3 U4) ∈ (−π, π], [band][i * n + j]. */
    public static double[][] fluxes(PlaquetteProducts source) {
        int n = source.size();
        double[][] out = new double[source.bands()][n * n];
        for (int b = 0; b < source.bands(); b++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double[] p = source.product(b, i, j);
                    out[b][i * n + j] = Math.atan2(p[1], p[0]);
                }
            }
        }
        return out;
    }

    /** The fluxes of explicit states. */
    public static double[][] fluxes(StateGrid states) {
        return fluxes(plaquettes(states));
    }

    /** The Chern number of one band's fluxes: their sum over 2π, rounded. */
    public static int chern(double[] fluxes) {
        double s = 0;
        for (double f : fluxes) {
            s += f;
        }
        return (int) Math.round(s / (2 * Math.PI));
    }

    /**
     * Whether {@code band} stays at least {@code threshold} away from its neighbours {@code band − 1} and
     * {@code band + 1} at every grid point; {@code energies[point][band]} ascending, a missing neighbour counts as
     * far away.
     */
    public static boolean isolated(double[][] energies, int band, double threshold) {
        for (double[] e : energies) {
            if (band > 0 && e[band] - e[band - 1] < threshold) {
                return false;
            }
            if (band + 1 < e.length && e[band + 1] - e[band] < threshold) {
                return false;
            }
        }
        return true;
    }

    /** Plaquette products from explicit states. */
    public static PlaquetteProducts plaquettes(StateGrid s) {
        return new PlaquetteProducts() {
            @Override
            public int size() {
                return s.size();
            }

            @Override
            public int bands() {
                return s.bands();
            }

            @Override
            public double[] product(int band, int i, int j) {
                int n = s.size();
                double[] a = s.state(i, j, band);
                double[] b = s.state((i + 1) % n, j, band);
                double[] c = s.state((i + 1) % n, (j + 1) % n, band);
                double[] d = s.state(i, (j + 1) % n, band);
                return multiply(multiply(inner(a, b), inner(b, c)), multiply(inner(c, d), inner(d, a)));
            }
        };
    }

    /** ⟨a|b⟩ of interleaved complex vectors. */
    public static double[] inner(double[] a, double[] b) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < a.length; i += 2) {
            re += a[i] * b[i] + a[i + 1] * b[i + 1];
            im += a[i] * b[i + 1] - a[i + 1] * b[i];
        }
        return new double[] {re, im};
    }

    public static double[] multiply(double[] a, double[] b) {
        return new double[] {a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
    }
}
