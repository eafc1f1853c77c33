package io.bandsmith.engine.topology;

import io.bandsmith.engine.lattice.KVector;

/**
 * A plaquette of a Berry-flux grid whose flux is close to ±π: a Dirac cone (touching with the next band) inside it.
 *
 * @param i index along b1
 * @param j index along b2
 * @param centre the plaquette centre (1/a)
 * @param flux the Berry flux Φ in (-π, π]
 */
public record PlaquetteDefect(int i, int j, KVector centre, double flux) {
}
