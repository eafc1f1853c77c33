package io.bandsmith.engine.lattice;

/** A wave vector in Cartesian coordinates, in units of 1/a. */
public record KVector(double kx, double ky) {
    public static final KVector ZERO = new KVector(0, 0);

    public KVector {
        if (!Double.isFinite(kx) || !Double.isFinite(ky)) {
            throw new IllegalArgumentException("k vector must be finite, got (" + kx + ", " + ky + ")");
        }
    }

    public KVector plus(KVector o) {
        return new KVector(kx + o.kx, ky + o.ky);
    }

    public KVector minus(KVector o) {
        return new KVector(kx - o.kx, ky - o.ky);
    }

    public KVector times(double s) {
        return new KVector(kx * s, ky * s);
    }

    public double norm() {
        return Math.hypot(kx, ky);
    }

    public double normSquared() {
        return kx * kx + ky * ky;
    }

    /** Rotated counter-clockwise by the given angle (radians). */
    public KVector rotated(double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new KVector(c * kx - s * ky, s * kx + c * ky);
    }

    public double distanceTo(KVector o) {
        return Math.hypot(kx - o.kx, ky - o.ky);
    }
}
