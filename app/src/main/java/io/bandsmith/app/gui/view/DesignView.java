package io.bandsmith.app.gui.view;

import io.bandsmith.app.gui.viewmodel.DesignViewModel;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The Design area: one tab per panel (inverse design, phase map, exploration), following the view model's panel. */
public final class DesignView extends TabPane {
    private final InverseDesignView inverseDesign;
    private final PhaseMapView phaseMap;
    private final ExplorationView exploration;
    private final BandInversionView bandInversion;

    public DesignView(DesignViewModel vm, StringProperty status) {
        setId("designArea");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        inverseDesign = new InverseDesignView(vm.inverseDesign(), status);
        phaseMap = new PhaseMapView(vm.phaseMap(), status);
        exploration = new ExplorationView(vm.exploration(), status);
        bandInversion = new BandInversionView(vm.bandInversion(), status);
        Tab[] tabs = {
            tab(DesignViewModel.Panel.INVERSE_DESIGN, inverseDesign),
            tab(DesignViewModel.Panel.PHASE_MAP, phaseMap),
            tab(DesignViewModel.Panel.EXPLORATION, exploration),
            tab(DesignViewModel.Panel.BAND_INVERSION, bandInversion)};
        getTabs().addAll(tabs);
        getSelectionModel().select(vm.panelProperty().get().ordinal());
        getSelectionModel().selectedIndexProperty().addListener((o, a, b) ->
                vm.panelProperty().set(DesignViewModel.Panel.values()[b.intValue()]));
        vm.panelProperty().addListener((o, a, b) -> getSelectionModel().select(b.ordinal()));
    }

    private static Tab tab(DesignViewModel.Panel panel, javafx.scene.Node content) {
        Tab t = new Tab(panel.title(), content);
        t.setId(panel.name().toLowerCase(java.util.Locale.ROOT) + "Tab");
        return t;
    }

    public InverseDesignView inverseDesign() {
        return inverseDesign;
    }

    public PhaseMapView phaseMap() {
        return phaseMap;
    }

    public BandInversionView bandInversion() {
        return bandInversion;
    }

    public ExplorationView exploration() {
        return exploration;
    }
}
