package io.bandsmith.app.gui.view;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/**
 * Spinners that take typed numbers: Enter or leaving the field commits the text (clamped to the spinner's range by
 * its value factory); a text that is not a number shows the old value again.
 */
final class Spinners {
    private Spinners() {
    }

    static <T> Spinner<T> editable(Spinner<T> s) {
        s.setEditable(true);
        s.getEditor().setOnAction(e -> commit(s));
        s.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit(s);
            }
        });
        return s;
    }

    /** Takes the typed text as the value, if it is one; the field then shows the value. */
    static <T> void commit(Spinner<T> s) {
        SpinnerValueFactory<T> f = s.getValueFactory();
        String text = s.getEditor().getText();
        try {
            T v = f.getConverter().fromString(text == null ? "" : text.trim());
            if (v != null) {
                f.setValue(v);
            }
        } catch (RuntimeException e) {
            // not a number: the old value stays
        }
        s.getEditor().setText(f.getConverter().toString(f.getValue()));
    }
}
