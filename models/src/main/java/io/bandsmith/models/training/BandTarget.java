package io.bandsmith.models.training;

/**
 * What one training sample must reproduce: exact energies [k][band] on the training k set and the labelled levels
 * at Γ, K, M ([point][level] energies and |m|), all in E0.
 */
public record BandTarget(double[][] energies, double[][] hspEnergies, byte[][] hspLabels) {
}
