package io.bandsmith.app.gui.view;

import java.util.Locale;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TextField;

/**
 * Text fields for numbers of the view models: Enter or leaving the field commits, a text that is not a number is
 * refused with a status message and the field shows the old value again.
 */
final class NumberFields {
    private NumberFields() {
    }

    static TextField of(DoubleProperty p, String format, StringProperty status, String what) {
        TextField f = new TextField();
        f.setPrefColumnCount(7);
        Runnable show = () -> f.setText(format == null ? plain(p.get()) : String.format(Locale.ROOT, format, p.get()));
        p.addListener((o, a, b) -> show.run());
        show.run();
        wire(f, show, text -> p.set(Double.parseDouble(text)), status, what);
        return f;
    }

    static TextField of(IntegerProperty p, StringProperty status, String what) {
        TextField f = new TextField();
        f.setPrefColumnCount(6);
        Runnable show = () -> f.setText(Integer.toString(p.get()));
        p.addListener((o, a, b) -> show.run());
        show.run();
        wire(f, show, text -> p.set(Integer.parseInt(text)), status, what);
        return f;
    }

    static TextField of(LongProperty p, StringProperty status, String what) {
        TextField f = new TextField();
        f.setPrefColumnCount(6);
        Runnable show = () -> f.setText(Long.toString(p.get()));
        p.addListener((o, a, b) -> show.run());
        show.run();
        wire(f, show, text -> p.set(Long.parseLong(text)), status, what);
        return f;
    }

    /** 0.035, -0.002, 0.6: the shortest decimal that reads back as the same double. */
    static String plain(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()
                : Double.toString(v);
    }

    private interface Parser {
        void accept(String text);
    }

    private static void wire(TextField f, Runnable show, Parser parse, StringProperty status, String what) {
        Runnable commit = () -> {
            try {
                parse.accept(f.getText().trim());
            } catch (NumberFormatException e) {
                status.set(what + " must be a number, got \"" + f.getText() + "\"");
            }
            show.run();
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
    }
}
