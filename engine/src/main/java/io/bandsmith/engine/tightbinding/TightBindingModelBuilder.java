package io.bandsmith.engine.tightbinding;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a symmetry-enhanced tight-binding model from a description: orbitals (position, multiplet, angular
 * momentum) and parameter seeds. Each seed is a hopping configuration; the builder projects it onto the configurations
 * invariant under C_n, time reversal (if imposed) and Hermitian conjugation (a group average), normalizes it and
 * checks that it is independent of the parameters before. Use:
 * <ul>
 *   <li>{@link #addOnSiteEnergies()}: one on-site energy per symmetry-independent orbital (TR pairs share one);</li>
 *   <li>{@link #addHoppingShell(String, double)}: all independent hoppings between orbitals at the given distance;</li>
 *   <li>{@link #addParameter(String, String, List, double)}: one parameter from an explicit seed (for example a
 *       hopping in a time-reversal-invariant basis, or several bonds tied together).</li>
 * </ul>
 * {@link #build()} returns an immutable {@link TightBindingModel}, checked for Hermiticity and symmetry.
 */
public final class TightBindingModelBuilder {
    private static final double DEPENDENCE_TOL = 1e-9;

    private final String name;
    private final SymmetrySetting symmetry;
    private final List<OrbitalSpec> orbitals = new ArrayList<>();
    private final List<TightBindingParameter> parameters = new ArrayList<>();
    private final List<HoppingConfiguration> orthonormal = new ArrayList<>();
    private OrbitalAction action;

    public TightBindingModelBuilder(String name, SymmetrySetting symmetry) {
        this.name = name;
        this.symmetry = symmetry;
    }

    public TightBindingModelBuilder addOrbital(OrbitalSpec orbital) {
        if (action != null) {
            throw new IllegalStateException("add all orbitals before the parameters");
        }
        for (OrbitalSpec o : orbitals) {
            if (o.name().equals(orbital.name())) {
                throw new IllegalArgumentException("duplicate orbital name " + orbital.name());
            }
        }
        orbitals.add(orbital);
        return this;
    }

    public int orbitalIndex(String orbitalName) {
        for (int i = 0; i < orbitals.size(); i++) {
            if (orbitals.get(i).name().equals(orbitalName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no orbital named " + orbitalName);
    }

    private OrbitalAction action() {
        if (action == null) {
            if (orbitals.isEmpty()) {
                throw new IllegalStateException("no orbitals");
            }
            action = new OrbitalAction(symmetry, orbitals);
        }
        return action;
    }

    /** One real on-site energy per independent orbital (in orbital order). */
    public TightBindingModelBuilder addOnSiteEnergies() {
        for (int i = 0; i < orbitals.size(); i++) {
            HoppingConfiguration seed = new HoppingConfiguration();
            seed.add(i, i, 0, 0, 1, 0);
            tryAdd("onsite " + orbitals.get(i).multiplet(), "onsite", seed, 1, false);
        }
        return this;
    }

    /**
     * All independent hoppings between orbitals whose centres are {@code bondLength} apart (Cartesian, a), real and
     * imaginary parts, in the order (i, j, t); each parameter equals the matrix element it was seeded from when the
     * seeds' images are orthogonal.
     */
    public TightBindingModelBuilder addHoppingShell(String shell, double bondLength) {
        for (int i = 0; i < orbitals.size(); i++) {
            for (int j = 0; j < orbitals.size(); j++) {
                for (int t1 = -3; t1 <= 3; t1++) {
                    for (int t2 = -3; t2 <= 3; t2++) {
                        if (Math.abs(distance(i, j, t1, t2) - bondLength) > 1e-6) {
                            continue;
                        }
                        for (int part = 0; part < 2; part++) {
                            HoppingConfiguration seed = new HoppingConfiguration();
                            seed.add(i, j, t1, t2, part == 0 ? 1 : 0, part == 0 ? 0 : 1);
                            tryAdd(shell + "[" + orbitals.get(i).name() + "," + orbitals.get(j).name() + ",(" + t1
                                    + "," + t2 + ")]" + (part == 0 ? ".re" : ".im"), shell, seed, 1, false);
                        }
                    }
                }
            }
        }
        return this;
    }

    /** Distance between orbital i in cell 0 and orbital j in cell t (Cartesian, a). */
    public double distance(int i, int j, int t1, int t2) {
        OrbitalSpec a = orbitals.get(i);
        OrbitalSpec b = orbitals.get(j);
        double[] d = symmetry.cartesian(b.u() + t1 - a.u(), b.v() + t2 - a.v());
        return Math.hypot(d[0], d[1]);
    }

    /**
     * One parameter from an explicit seed: F_l multiplies P(S) |S|²/⟨S, P(S)⟩ · scale, so that the component of
     * ∂H/∂F_l along the seed S equals {@code scale} |S|² (each seeded matrix element equals scale times its seed
     * value when the seed covers whole symmetry orbits evenly).
     *
     * @throws IllegalArgumentException when symmetry forbids the seed or it depends on earlier parameters
     */
    public TightBindingModelBuilder addParameter(String parameterName, String kind, List<HoppingTerm> seed,
            double scale) {
        HoppingConfiguration s = new HoppingConfiguration();
        for (HoppingTerm t : seed) {
            checkIndex(t.row());
            checkIndex(t.col());
            s.add(t.row(), t.col(), t.t1(), t.t2(), t.re(), t.im());
        }
        tryAdd(parameterName, kind, s, scale, true);
        return this;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= orbitals.size()) {
            throw new IllegalArgumentException("orbital index " + i + " out of range");
        }
    }

    private boolean tryAdd(String parameterName, String kind, HoppingConfiguration seed, double scale,
            boolean required) {
        OrbitalAction a = action();
        HoppingConfiguration projected = seed.symmetrized(a);
        double overlap = seed.dot(projected);
        double seedNorm2 = seed.dot(seed);
        if (overlap < DEPENDENCE_TOL * seedNorm2) {
            if (required) {
                throw new IllegalArgumentException("parameter " + parameterName + " is forbidden by symmetry");
            }
            return false;
        }
        // independence: Gram-Schmidt residual against the parameters so far
        HoppingConfiguration residual = new HoppingConfiguration();
        residual.addScaled(projected, 1);
        for (HoppingConfiguration b : orthonormal) {
            residual.addScaled(b, -b.dot(residual));
        }
        double rn = residual.norm();
        if (rn < DEPENDENCE_TOL * projected.norm() * 1e3) {
            if (required) {
                throw new IllegalArgumentException("parameter " + parameterName
                        + " depends linearly on the parameters before it");
            }
            return false;
        }
        HoppingConfiguration unit = new HoppingConfiguration();
        unit.addScaled(residual, 1 / rn);
        orthonormal.add(unit.pruned(1e-15));
        HoppingConfiguration basis = new HoppingConfiguration();
        basis.addScaled(projected, scale * seedNorm2 / overlap);
        parameters.add(new TightBindingParameter(parameterName, kind, basis.pruned(1e-14).terms()));
        return true;
    }

    public int parameterCount() {
        return parameters.size();
    }

    /** The immutable model; checks Hermiticity, rotation and time-reversal symmetry of H(k) for random parameters. */
    public TightBindingModel build() {
        return new TightBindingModel(name, symmetry, orbitals, parameters);
    }
}
