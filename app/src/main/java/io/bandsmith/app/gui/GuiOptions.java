package io.bandsmith.app.gui;

import java.nio.file.Path;

/**
 * How the workbench starts.
 *
 * @param open a project to open, or null
 * @param screenshot when set: wait until the preview is drawn, write a PNG of the whole window there, and exit
 * @param timeoutSeconds how long a screenshot run waits for the preview
 * @param width window width (pixels)
 * @param height window height (pixels)
 */
public record GuiOptions(Path open, Path screenshot, double timeoutSeconds, int width, int height) {
    public static final int DEFAULT_WIDTH = 1500;
    public static final int DEFAULT_HEIGHT = 940;

    public GuiOptions {
        if (width < 1200 || height < 700) {
            throw new IllegalArgumentException("the workbench window needs at least 1200x700, got " + width + "x"
                    + height);
        }
        if (!(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeoutSeconds);
        }
    }

    public boolean screenshotMode() {
        return screenshot != null;
    }
}
