package io.bandsmith.engine.group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;

/**
 * The character table of a finite point group (a little co-group of a k point or the site-symmetry group of a Wyckoff
 * position), read from data and checked when it is made: its elements must be exactly the given group, every
 * character must be a class function, the rows must be orthonormal (Σ_g χ_i(g)* χ_j(g) = |G| δ_ij, computed with
 * EJML) and Σ dim² = |G| (the table is complete).
 *
 * <p>With time reversal the physically irreducible representations ({@link Corep}) are derived, not typed: an irrep D
 * pairs with D^a(g) = D(r₀⁻¹ g r₀)* when the antiunitary element a = r₀·T (r₀ maps k to −k) gives Herring's sum
 * Σ_g χ((r₀ g)²) = 0. The data names each irrep's physical label; paired irreps must carry the same label.
 */
public final class CharacterTable {
    private static final double TOL = 1e-9;

    /** One irrep: its name in the data, its physical label and its characters on the table's elements. */
    public record Irrep(String name, String label, List<Complex_F64> characters) {
        public Irrep {
            Objects.requireNonNull(name);
            Objects.requireNonNull(label);
            characters = List.copyOf(characters);
        }

        public int dimension() {
            return (int) Math.rint(characters.get(0).real);
        }
    }

    /** A physically irreducible (co-)representation: one real irrep, or an irrep and its time-reversal partner. */
    public record Corep(String label, List<Irrep> components) {
        public Corep {
            components = List.copyOf(components);
        }

        public int dimension() {
            return components.stream().mapToInt(Irrep::dimension).sum();
        }
    }

    private final String name;
    private final List<SymOp> elements;
    private final List<Irrep> irreps;

    private CharacterTable(String name, List<SymOp> elements, List<Irrep> irreps) {
        this.name = name;
        this.elements = List.copyOf(elements);
        this.irreps = List.copyOf(irreps);
    }

    /**
     * Binds a table given by element names to the point group {@code group} (rotational parts, any order) and checks
     * it (class doc). Throws IllegalArgumentException naming the table and the problem.
     */
    public static CharacterTable of(String name, List<String> elementNames, List<Irrep> irreps, List<SymOp> group) {
        Map<String, SymOp> byName = new LinkedHashMap<>();
        for (SymOp g : group) {
            byName.put(g.pointName(), g);
        }
        if (byName.size() != group.size() || !byName.keySet().equals(new java.util.HashSet<>(elementNames))
                || elementNames.size() != group.size()) {
            throw new IllegalArgumentException("table " + name + ": elements " + elementNames + " are not the group "
                    + byName.keySet());
        }
        List<SymOp> elements = new ArrayList<>();
        for (String n : elementNames) {
            elements.add(byName.get(n));
        }
        for (Irrep r : irreps) {
            if (r.characters().size() != elements.size()) {
                throw new IllegalArgumentException("table " + name + ", irrep " + r.name() + ": "
                        + r.characters().size() + " characters for " + elements.size() + " elements");
            }
        }
        CharacterTable t = new CharacterTable(name, elements, irreps);
        t.check();
        return t;
    }

    private void check() {
        int n = elements.size();
        int sumSquares = 0;
        for (Irrep r : irreps) {
            Complex_F64 e = r.characters().get(indexOf(SymOp.identity(elements.get(0).dimension())));
            if (Math.abs(e.imaginary) > TOL || e.real < 1 - TOL || Math.abs(e.real - Math.rint(e.real)) > TOL) {
                throw new IllegalArgumentException("table " + name + ", irrep " + r.name() + ": χ(E) = " + e
                        + " is not a dimension");
            }
            sumSquares += r.dimension() * r.dimension();
            for (SymOp g : elements) {
                for (SymOp h : elements) {
                    Complex_F64 a = character(r, g);
                    Complex_F64 b = character(r, h.compose(g).compose(h.inverse()));
                    if (Math.abs(a.real - b.real) > TOL || Math.abs(a.imaginary - b.imaginary) > TOL) {
                        throw new IllegalArgumentException("table " + name + ", irrep " + r.name()
                                + ": not a class function at " + g.pointName());
                    }
                }
            }
        }
        if (sumSquares != n) {
            throw new IllegalArgumentException("table " + name + ": Σ dim² = " + sumSquares + " ≠ |G| = " + n
                    + " (incomplete)");
        }
        ZMatrixRMaj x = characterMatrix();
        ZMatrixRMaj xh = new ZMatrixRMaj(n, irreps.size());
        CommonOps_ZDRM.transposeConjugate(x, xh);
        ZMatrixRMaj gram = new ZMatrixRMaj(irreps.size(), irreps.size());
        CommonOps_ZDRM.mult(x, xh, gram);
        for (int i = 0; i < irreps.size(); i++) {
            for (int j = 0; j < irreps.size(); j++) {
                double re = gram.getReal(i, j) / n;
                double im = gram.getImag(i, j) / n;
                if (Math.abs(re - (i == j ? 1 : 0)) > TOL || Math.abs(im) > TOL) {
                    throw new IllegalArgumentException("table " + name + ": irreps " + irreps.get(i).name() + " and "
                            + irreps.get(j).name() + " are not orthonormal (⟨χ_i, χ_j⟩ = " + re + " + " + im + "i)");
                }
            }
        }
    }

    /** The irreps × elements matrix of characters. */
    private ZMatrixRMaj characterMatrix() {
        ZMatrixRMaj x = new ZMatrixRMaj(irreps.size(), elements.size());
        for (int i = 0; i < irreps.size(); i++) {
            for (int j = 0; j < elements.size(); j++) {
                Complex_F64 c = irreps.get(i).characters().get(j);
                x.set(i, j, c.real, c.imaginary);
            }
        }
        return x;
    }

    public String name() {
        return name;
    }

    public List<SymOp> elements() {
        return elements;
    }

    public List<Irrep> irreps() {
        return irreps;
    }

    public int order() {
        return elements.size();
    }

    /** The character of an irrep on the element with the rotational part of {@code g}. */
    public Complex_F64 character(Irrep r, SymOp g) {
        return r.characters().get(indexOf(g));
    }

    private int indexOf(SymOp g) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).sameRotation(g)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no element " + g.pointName());
    }

    /**
     * Multiplicities n_i = (1/|G|) Σ_g χ_i(g)* χ(g) of the irreps in a representation with characters {@code chi}
     * (on the table's elements, in order), checked to be non-negative integers.
     */
    public int[] multiplicities(List<Complex_F64> chi) {
        int n = elements.size();
        ZMatrixRMaj x = characterMatrix();
        ZMatrixRMaj xc = new ZMatrixRMaj(x.numRows, x.numCols);
        CommonOps_ZDRM.conjugate(x, xc);
        ZMatrixRMaj v = new ZMatrixRMaj(n, 1);
        for (int j = 0; j < n; j++) {
            v.set(j, 0, chi.get(j).real, chi.get(j).imaginary);
        }
        ZMatrixRMaj out = new ZMatrixRMaj(irreps.size(), 1);
        CommonOps_ZDRM.mult(xc, v, out);
        int[] m = new int[irreps.size()];
        for (int i = 0; i < m.length; i++) {
            double re = out.getReal(i, 0) / n;
            double im = out.getImag(i, 0) / n;
            m[i] = (int) Math.rint(re);
            if (Math.abs(im) > 1e-7 || Math.abs(re - m[i]) > 1e-7 || m[i] < 0) {
                throw new IllegalStateException("table " + name + ": multiplicity of " + irreps.get(i).name()
                        + " is " + re + " + " + im + "i, not a non-negative integer");
            }
        }
        return m;
    }

    /**
     * The physically irreducible representations with an antiunitary element r₀·T (class doc), or the irreps
     * themselves when {@code r0} is null (no antiunitary element leaves the point invariant). Checks the labels.
     */
    public List<Corep> coreps(SymOp r0) {
        List<Corep> out = new ArrayList<>();
        boolean[] used = new boolean[irreps.size()];
        for (int i = 0; i < irreps.size(); i++) {
            if (used[i]) {
                continue;
            }
            Irrep d = irreps.get(i);
            used[i] = true;
            if (r0 == null) {
                out.add(new Corep(d.label(), List.of(d)));
                continue;
            }
            double herring = 0;
            for (SymOp g : elements) {
                SymOp rg = r0.compose(g);
                herring += character(d, rg.compose(rg)).real;
            }
            herring /= order();
            if (Math.abs(herring - 1) < TOL) {
                out.add(new Corep(d.label(), List.of(d)));
            } else if (Math.abs(herring) < TOL) {
                int partner = partnerOf(d, r0);
                if (partner == i || used[partner]) {
                    throw new IllegalStateException("table " + name + ": time-reversal partner of " + d.name());
                }
                used[partner] = true;
                Irrep p = irreps.get(partner);
                if (!p.label().equals(d.label())) {
                    throw new IllegalArgumentException("table " + name + ": " + d.name() + " and " + p.name()
                            + " are time-reversal partners but are labelled " + d.label() + " and " + p.label());
                }
                out.add(new Corep(d.label(), List.of(d, p)));
            } else {
                throw new UnsupportedOperationException("table " + name + ": " + d.name()
                        + " is doubled by time reversal (Herring sum " + herring + "), not supported");
            }
        }
        for (int i = 0; i < out.size(); i++) {
            for (int j = i + 1; j < out.size(); j++) {
                if (out.get(i).label().equals(out.get(j).label())) {
                    throw new IllegalArgumentException("table " + name + ": two representations labelled "
                            + out.get(i).label());
                }
            }
        }
        return out;
    }

    private int partnerOf(Irrep d, SymOp r0) {
        SymOp r0inv = r0.inverse();
        for (int j = 0; j < irreps.size(); j++) {
            boolean match = true;
            for (SymOp g : elements) {
                Complex_F64 a = character(d, r0inv.compose(g).compose(r0));
                Complex_F64 b = character(irreps.get(j), g);
                match &= Math.abs(a.real - b.real) < TOL && Math.abs(a.imaginary + b.imaginary) < TOL;
            }
            if (match) {
                return j;
            }
        }
        throw new IllegalStateException("table " + name + ": no time-reversal partner of " + d.name());
    }

    /**
     * Parses a character as written in the data: a number, "i", "-i", or "[-]e(p/q)" for ±e^{2πi p/q}.
     */
    public static Complex_F64 parseCharacter(String s) {
        String x = s.trim();
        double sign = 1;
        if (x.startsWith("-")) {
            sign = -1;
            x = x.substring(1);
        }
        if (x.equals("i")) {
            return new Complex_F64(0, sign);
        }
        if (x.startsWith("e(") && x.endsWith(")")) {
            String[] pq = x.substring(2, x.length() - 1).split("/");
            double f = Double.parseDouble(pq[0]) / (pq.length > 1 ? Double.parseDouble(pq[1]) : 1);
            double a = 2 * Math.PI * f;
            return new Complex_F64(sign * clean(Math.cos(a)), sign * clean(Math.sin(a)));
        }
        return new Complex_F64(sign * Double.parseDouble(x), 0);
    }

    private static double clean(double v) {
        return Math.abs(v) < 1e-15 ? 0 : v;
    }

    @Override
    public String toString() {
        return name + irreps.stream().map(Irrep::label).toList();
    }
}
