package io.bandsmith.engine.tightbinding;

import java.util.List;

/**
 * One independent real parameter F_l of a symmetry-enhanced tight-binding model with its constant real-space
 * matrix ∂H/∂F_l: H = Σ_l F_l Σ_terms. The terms already contain every symmetry image and the Hermitian partner.
 *
 * @param name for example "onsite s1" or "J[s1,p2+]"
 * @param kind "onsite" or "hopping" (or a shell name)
 * @param terms the matrix elements of ∂H/∂F_l
 */
public record TightBindingParameter(String name, String kind, List<HoppingTerm> terms) {
    public TightBindingParameter {
        terms = List.copyOf(terms);
    }
}
