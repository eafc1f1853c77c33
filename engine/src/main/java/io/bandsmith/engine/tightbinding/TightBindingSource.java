package io.bandsmith.engine.tightbinding;

import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.engine.geometry.PotentialGrid;

/**
 * A band-structure source that goes through a tight-binding model (the network predictor): besides bands it gives
 * the model and its parameters, so that Berry-flux connectivity and any k point are available.
 */
public interface TightBindingSource extends BandStructureSource {
    /** The model whose parameters {@link #parameters} predicts. */
    TightBindingModel model();

    /** The model parameters for a geometry. */
    double[] parameters(PotentialGrid potential);
}
