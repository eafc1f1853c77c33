package io.bandsmith.app.gui.preview;

/**
 * What a {@link BandSetClassifier} says about one band set.
 *
 * @param bandClass EBR, composite, fragile or unassigned; {@link BandSetClass#NOT_CLASSIFIED} when nothing ran
 * @param decomposition the EBR decomposition in the topology layer's notation, or a dash
 * @param note a short remark shown in the table (why it is not classified, for example)
 */
public record Classification(BandSetClass bandClass, String decomposition, String note) {
}
