package io.bandsmith.app.gui.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/** A pane holding a canvas that follows its size and redraws through {@link #draw()} when resized. */
abstract class CanvasPane extends Pane {
    protected final Canvas canvas = new Canvas();

    CanvasPane() {
        getChildren().add(canvas);
        setMinSize(120, 100);
        widthProperty().addListener((o, a, b) -> resizeCanvas());
        heightProperty().addListener((o, a, b) -> resizeCanvas());
    }

    private void resizeCanvas() {
        canvas.setWidth(Math.max(1, getWidth()));
        canvas.setHeight(Math.max(1, getHeight()));
        draw();
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Draws everything; called on the FX thread. */
    abstract void draw();
}
