package io.bandsmith.app.gui.view;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.controlsfx.control.PropertySheet;

import io.bandsmith.app.gui.model.ShapeSpec;
import io.bandsmith.app.gui.viewmodel.EditorViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The selected shape's parameters in a ControlsFX property sheet. Every item reads from and writes to the editor
 * view model ({@link EditorViewModel#updateSelectedShape}), so each change is one undoable edit; the items follow
 * undo/redo through the view model's selected-shape property.
 */
public final class ShapePropertySheet extends PropertySheet {
    private final EditorViewModel vm;
    /** The shape the items show: the selected one, or the last one selected while the sheet empties. */
    private ShapeSpec shown = ShapeSpec.disc(0, 0, 0.1, 0);

    private ShapeSpec shown() {
        ShapeSpec s = vm.selectedShapeSpecProperty().get();
        if (s != null) {
            shown = s;
        }
        return shown;
    }

    public ShapePropertySheet(EditorViewModel vm) {
        this.vm = vm;
        setId("shapeSheet");
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        setMode(Mode.NAME);
        List<PropertySheet.Item> items = List.of(
                new ShapeItem<>("Kind", "disc or regular polygon", ShapeSpec.Kind.class, ShapeSpec::kind,
                        ShapeSpec::withKind),
                new ShapeItem<>("Centre x (a)", "x of the centre, units of a", Double.class, ShapeSpec::cx,
                        (s, v) -> s.withCentre(v, s.cy())),
                new ShapeItem<>("Centre y (a)", "y of the centre, units of a", Double.class, ShapeSpec::cy,
                        (s, v) -> s.withCentre(s.cx(), v)),
                new ShapeItem<>("Size (a)", "disc radius or polygon circumradius, units of a", Double.class,
                        ShapeSpec::size, ShapeSpec::withSize),
                new ShapeItem<>("Sides", "number of polygon sides", Integer.class, ShapeSpec::sides,
                        ShapeSpec::withSides),
                new ShapeItem<>("Rotation (°)", "polygon rotation in degrees", Double.class, ShapeSpec::rotationDegrees,
                        ShapeSpec::withRotation),
                new ShapeItem<>("Value (Vmax)", "potential inside: 0 = hole, 1 = full step", Double.class,
                        ShapeSpec::valueFraction, ShapeSpec::withValue));
        // a disc has no sides and no rotation: its sheet leaves them out
        List<PropertySheet.Item> discItems = items.stream().filter(i -> !"Sides".equals(i.getName())
                && !i.getName().startsWith("Rotation")).toList();
        // editors cannot show "no value": the sheet is empty while no shape is selected
        Runnable fill = () -> {
            ShapeSpec s = vm.selectedShapeSpecProperty().get();
            List<PropertySheet.Item> wanted = s == null ? List.of()
                    : s.kind() == ShapeSpec.Kind.DISC ? discItems : items;
            if (!getItems().equals(wanted)) {
                getItems().setAll(wanted);
            }
        };
        vm.selectedShapeSpecProperty().addListener((o, a, b) -> fill.run());
        fill.run();
        // ControlsFX's numeric fields commit when they lose the focus: Enter commits too, by taking it away
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.getTarget() instanceof TextField) {
                requestFocus();
            }
        });
    }

    /** One parameter of the selected shape. */
    private final class ShapeItem<T> implements PropertySheet.Item {
        private final String name;
        private final String description;
        private final Class<T> type;
        private final Function<ShapeSpec, T> getter;
        private final BiFunction<ShapeSpec, T, ShapeSpec> setter;
        private final ObservableValue<T> observable;

        ShapeItem(String name, String description, Class<T> type, Function<ShapeSpec, T> getter,
                BiFunction<ShapeSpec, T, ShapeSpec> setter) {
            this.name = name;
            this.description = description;
            this.type = type;
            this.getter = getter;
            this.setter = setter;
            this.observable = Bindings.createObjectBinding(() -> getter.apply(shown()),
                    vm.selectedShapeSpecProperty());
        }

        @Override
        public Class<?> getType() {
            return type;
        }

        @Override
        public String getCategory() {
            return "Shape";
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Object getValue() {
            return getter.apply(shown());
        }

        @Override
        public void setValue(Object value) {
            if (value == null || vm.selectedShapeSpecProperty().get() == null || value.equals(getValue())) {
                return;
            }
            T v = type.cast(value instanceof Number num && type == Double.class ? Double.valueOf(num.doubleValue())
                    : value instanceof Number num2 && type == Integer.class ? Integer.valueOf(num2.intValue()) : value);
            vm.updateSelectedShape(s -> setter.apply(s, v));
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.of(observable);
        }
    }
}
