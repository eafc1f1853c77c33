package io.bandsmith.app.gui;

import javafx.application.Application;

/**
 * Starts the JavaFX workbench from the class path (the main class must not extend Application) and returns its exit
 * status once the window has closed.
 */
public final class WorkbenchLauncher {
    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" at every start when
     * it runs from the class path, as here (one jar list for the command line and the workbench; decision 0005). The
     * configuration works and is tested; that one message only alarms users, so a filter on JavaFX's logger ("javafx")
     * drops it and lets every other message through. Held in a field: java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger PLATFORM_LOG = java.util.logging.Logger.getLogger("javafx");

    private WorkbenchLauncher() {
    }

    public static int launch(GuiOptions options) {
        PLATFORM_LOG.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        WorkbenchApp.configure(options);
        Application.launch(WorkbenchApp.class);
        return WorkbenchApp.exitCode();
    }
}
