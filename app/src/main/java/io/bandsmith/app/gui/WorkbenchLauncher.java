package io.bandsmith.app.gui;

import javafx.application.Application;

/**
 * Starts the JavaFX workbench from the class path (the main class must not extend Application) and returns its exit
 * status once the window has closed.
 */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static int launch(GuiOptions options) {
        WorkbenchApp.configure(options);
        Application.launch(WorkbenchApp.class);
        return WorkbenchApp.exitCode();
    }
}
