package io.bandsmith.engine.tightbinding;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a symmetry-enhanced tight-binding model from a description: a symmetry given as data
 * ({@link TightBindingSymmetry}: lattice, space-group operations, time reversal or particle-hole), orbitals
 * (position, multiplet, site irrep, frame) and parameter seeds. Each seed is a hopping configuration; the builder
 * projects it onto the configurations invariant under every operation, the antiunitary symmetry (if imposed) and
 * Hermitian conjugation (a group average), normalizes it and checks that it is independent of the parameters before.
 * The same code builds the p6 model of appendix C, the class-D p4 model of appendix K.2 and the P4₂22 model of
 * appendix J.1 (docs/decisions/0013-general-tight-binding-builder.md). Use:
 * <ul>
 *   <li>{@link #addOnSiteEnergies()}: one on-site energy per symmetry-independent orbital (TR pairs share one);</li>
 *   <li>{@link #addHoppingShell(String, double)}: all independent hoppings between orbitals at the given distance;</li>
 *   <li>{@link #addHoppingStar(String, double[])}: all independent hoppings along the symmetry images of one bond
 *       vector (for example the vertical bonds of P4₂22 without the equally long horizontal ones);</li>
 *   <li>{@link #addWyckoffOrbitals}: the orbitals of one irrep on every site of a Wyckoff orbit (coset
 *       representatives as frames);</li>
 *   <li>{@link #addParameter(String, String, List, double)}: one parameter from an explicit seed (for example a
 *       hopping in a time-reversal-invariant basis, or several bonds tied together).</li>
 * </ul>
 * {@link #build()} returns an immutable {@link TightBindingModel}, checked for Hermiticity and symmetry.
 */
public final class TightBindingModelBuilder {
    private static final double DEPENDENCE_TOL = 1e-9;

    private final String name;
    private final TightBindingSymmetry symmetry;
    private final List<OrbitalSpec> orbitals = new ArrayList<>();
    private final List<TightBindingParameter> parameters = new ArrayList<>();
    private final List<HoppingConfiguration> orthonormal = new ArrayList<>();
    private final java.util.Map<HoppingConfiguration.Key, List<Integer>> basisIndex = new java.util.HashMap<>();
    private OrbitalAction action;

    public TightBindingModelBuilder(String name, SymmetrySetting symmetry) {
        this(name, TightBindingSymmetry.of(symmetry));
    }

    public TightBindingModelBuilder(String name, TightBindingSymmetry symmetry) {
        this.name = name;
        this.symmetry = symmetry;
    }

    public TightBindingSymmetry symmetry() {
        return symmetry;
    }

    /** The orbitals added so far, in order. */
    public List<OrbitalSpec> orbitals() {
        return List.copyOf(orbitals);
    }

    /**
     * The orbitals of irrep ρ at every site of the orbit of q (Wyckoff position), named {@code name + "@" + α}
     * (α = 0, 1, ... in the order the operations reach the sites; α = 0 is q itself). Each orbital's frame is the
     * rotational part of the first operation g_α that maps q onto its site (appendix J: |n, 1, m⟩ = ĝ_1|n, 0, m⟩
     * with g_1 the 4₂ screw for P4₂22), so the orbitals are labelled by the irrep of the orbital at q.
     */
    public TightBindingModelBuilder addWyckoffOrbitals(String orbitalName, String multiplet, double[] q,
            SiteIrrep irrep) {
        List<double[]> sites = new ArrayList<>();
        for (io.bandsmith.engine.group.SymOp g : symmetry.operations()) {
            double[] r = g.apply(q);
            if (sites.stream().anyMatch(x -> OrbitalAction.isLatticeVector(OrbitalAction.difference(x, r)))) {
                continue;
            }
            sites.add(r);
            double[] reduced = r.clone();
            for (int d = 0; d < reduced.length; d++) {
                reduced[d] = reduced[d] - Math.floor(reduced[d] + 1e-12);
            }
            addOrbital(new OrbitalSpec(orbitalName + "@" + (sites.size() - 1), multiplet, reduced, irrep, g.matrix()));
        }
        return this;
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
        return addSeeds(shell, bond -> Math.abs(norm(bond) - bondLength) <= 1e-6);
    }

    /**
     * All independent hoppings between orbitals whose bond vector (Cartesian, from orbital i in cell 0 to orbital j
     * in cell t) is ± the image of {@code bond} under one of the operations (its star).
     */
    public TightBindingModelBuilder addHoppingStar(String shell, double[] bond) {
        if (bond.length != symmetry.dimension()) {
            throw new IllegalArgumentException("the bond vector must have " + symmetry.dimension() + " components");
        }
        List<double[]> star = new ArrayList<>();
        for (int p = 0; p < symmetry.operationCount(); p++) {
            double[] b = TightBindingSymmetry.multiply(symmetry.rotation(p), bond);
            star.add(b);
            star.add(new double[] {-b[0], -b[1], b.length > 2 ? -b[2] : 0});
        }
        return addSeeds(shell, v -> star.stream().anyMatch(b -> {
            double s = 0;
            for (int d = 0; d < v.length; d++) {
                s += (v[d] - b[d]) * (v[d] - b[d]);
            }
            return s < 1e-12;
        }));
    }

    private TightBindingModelBuilder addSeeds(String shell, java.util.function.Predicate<double[]> bondFilter) {
        int r3 = symmetry.dimension() == 3 ? 3 : 0;
        for (int i = 0; i < orbitals.size(); i++) {
            for (int j = 0; j < orbitals.size(); j++) {
                for (int t1 = -3; t1 <= 3; t1++) {
                    for (int t2 = -3; t2 <= 3; t2++) {
                        for (int t3 = -r3; t3 <= r3; t3++) {
                            if (!bondFilter.test(bond(i, j, new int[] {t1, t2, t3}))) {
                                continue;
                            }
                            String cell = r3 == 0 ? "(" + t1 + "," + t2 + ")" : "(" + t1 + "," + t2 + "," + t3 + ")";
                            for (int part = 0; part < 2; part++) {
                                HoppingConfiguration seed = new HoppingConfiguration();
                                seed.add(i, j, t1, t2, t3, part == 0 ? 1 : 0, part == 0 ? 0 : 1);
                                tryAdd(shell + "[" + orbitals.get(i).name() + "," + orbitals.get(j).name() + ","
                                        + cell + "]" + (part == 0 ? ".re" : ".im"), shell, seed, 1, false);
                            }
                        }
                    }
                }
            }
        }
        return this;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Cartesian bond vector from orbital i in cell 0 to orbital j in cell t (t has 2 or 3 components). */
    public double[] bond(int i, int j, int[] t) {
        double[] a = orbitals.get(i).position();
        double[] b = orbitals.get(j).position();
        double[] f = new double[symmetry.dimension()];
        for (int d = 0; d < f.length; d++) {
            f[d] = b[d] + t[d] - a[d];
        }
        return symmetry.cartesian(f);
    }

    /** Distance between orbital i in cell 0 and orbital j in cell t (Cartesian, a), 2D. */
    public double distance(int i, int j, int t1, int t2) {
        return norm(bond(i, j, new int[] {t1, t2, 0}));
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
            s.add(t.row(), t.col(), t.t1(), t.t2(), t.t3(), t.re(), t.im());
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
        // (only the basis vectors that share a matrix element with the residual can overlap it; they are visited in
        // the order of a plain Gram-Schmidt sweep, through an index from matrix elements to basis vectors)
        HoppingConfiguration residual = new HoppingConfiguration();
        residual.addScaled(projected, 1);
        java.util.TreeSet<Integer> candidates = new java.util.TreeSet<>();
        for (HoppingConfiguration.Key key : residual.values.keySet()) {
            List<Integer> owners = basisIndex.get(key);
            if (owners != null) {
                candidates.addAll(owners);
            }
        }
        Integer next = candidates.isEmpty() ? null : candidates.first();
        while (next != null) {
            HoppingConfiguration b = orthonormal.get(next);
            double c = b.dot(residual);
            if (c != 0) {
                for (HoppingConfiguration.Key key : b.values.keySet()) {
                    if (!residual.values.containsKey(key)) {
                        List<Integer> owners = basisIndex.get(key);
                        if (owners != null) {
                            for (Integer o : owners) {
                                if (o > next) {
                                    candidates.add(o);
                                }
                            }
                        }
                    }
                }
                residual.addScaled(b, -c);
            }
            next = candidates.higher(next);
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
        HoppingConfiguration stored = unit.pruned(1e-15);
        orthonormal.add(stored);
        for (HoppingConfiguration.Key key : stored.values.keySet()) {
            basisIndex.computeIfAbsent(key, x -> new ArrayList<>()).add(orthonormal.size() - 1);
        }
        HoppingConfiguration basis = new HoppingConfiguration();
        basis.addScaled(projected, scale * seedNorm2 / overlap);
        parameters.add(new TightBindingParameter(parameterName, kind, basis.pruned(1e-14).terms()));
        return true;
    }

    public int parameterCount() {
        return parameters.size();
    }

    /**
     * The immutable model; checks Hermiticity and the symmetry of H(k) under every operation and the antiunitary
     * symmetry for random parameters.
     */
    public TightBindingModel build() {
        return new TightBindingModel(name, symmetry, orbitals, parameters);
    }
}
