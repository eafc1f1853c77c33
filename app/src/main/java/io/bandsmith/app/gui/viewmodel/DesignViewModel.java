package io.bandsmith.app.gui.viewmodel;

import java.util.concurrent.Executor;

import io.bandsmith.engine.bands.BandStructureSource;
import io.bandsmith.models.network.TightBindingNetwork;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * The Design area of the workbench: inverse design, phase map, exploration and the band-inversion designer, each with its own background
 * worker, all loading their results into the same geometry editor. JavaFX properties only.
 */
public final class DesignViewModel implements AutoCloseable {
    /** The panels of the Design area. */
    public enum Panel {
        INVERSE_DESIGN("Inverse design"),
        PHASE_MAP("Phase map"),
        EXPLORATION("Exploration"),
        BAND_INVERSION("Band inversion (fig. 2)");

        private final String title;

        Panel(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final InverseDesignViewModel inverseDesign;
    private final PhaseMapViewModel phaseMap;
    private final ExplorationViewModel exploration;
    private final BandInversionViewModel bandInversion;
    private final ObjectProperty<Panel> panel = new SimpleObjectProperty<>(Panel.INVERSE_DESIGN);
    private final BooleanProperty shown = new SimpleBooleanProperty(false);

    public DesignViewModel(EditorViewModel editor, StringProperty status, DialogService dialogs, Executor ui) {
        this.inverseDesign = new InverseDesignViewModel(editor, status, dialogs, ui);
        this.phaseMap = new PhaseMapViewModel(editor, status, dialogs, ui);
        this.exploration = new ExplorationViewModel(editor, status, ui);
        this.bandInversion = new BandInversionViewModel(editor, status, ui);
        // a geometry opened from a panel is shown in the editor's area
        Runnable showEditor = () -> shown.set(false);
        inverseDesign.setOnOpened(showEditor);
        phaseMap.setOnOpened(showEditor);
        exploration.setOnOpened(showEditor);
        bandInversion.setOnOpened(showEditor);
    }

    /**
     * @param network the trained network (null: none; inverse design is then disabled)
     * @param classifySource what phase map, exploration and band inversion compute with: the network's source when installed,
     *     else the exact solver
     * @param exact checks the best designs
     */
    public void setSources(TightBindingNetwork network, BandStructureSource classifySource, BandStructureSource exact) {
        inverseDesign.setSources(network, exact);
        phaseMap.setSource(classifySource);
        exploration.setSource(classifySource);
        bandInversion.setSource(classifySource);
    }

    public InverseDesignViewModel inverseDesign() {
        return inverseDesign;
    }

    public PhaseMapViewModel phaseMap() {
        return phaseMap;
    }

    public ExplorationViewModel exploration() {
        return exploration;
    }

    public BandInversionViewModel bandInversion() {
        return bandInversion;
    }

    /** True while the Design area is in front (false: the editor's panels). */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** The panel shown. */
    public ObjectProperty<Panel> panelProperty() {
        return panel;
    }

    @Override
    public void close() {
        inverseDesign.close();
        phaseMap.close();
        exploration.close();
        bandInversion.close();
    }
}
