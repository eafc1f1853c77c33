package io.bandsmith.app.gui.view;

import java.nio.file.Path;

import io.bandsmith.engine.io.AtomicFiles;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** A table as CSV, exactly as shown: the column titles, then one line per row of the cells' texts. */
final class TableCsv {
    private TableCsv() {
    }

    static <S> String csv(TableView<S> table) {
        StringBuilder sb = new StringBuilder();
        var columns = table.getVisibleLeafColumns();
        for (int c = 0; c < columns.size(); c++) {
            sb.append(c == 0 ? "" : ",").append(quote(columns.get(c).getText()));
        }
        sb.append('\n');
        for (int r = 0; r < table.getItems().size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                TableColumn<S, ?> col = columns.get(c);
                Object v = col.getCellData(r);
                sb.append(c == 0 ? "" : ",").append(quote(v == null ? "" : v.toString()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static <S> void write(TableView<S> table, Path file) {
        AtomicFiles.writeString(file, csv(table));
    }
}
