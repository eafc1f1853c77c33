package io.bandsmith.app.gui;

import java.nio.file.Path;
import java.util.List;

/**
 * How the workbench starts.
 *
 * @param open a project to open, or null
 * @param screenshot when set: wait until the preview is drawn (and the started run, see {@code run}), write a PNG of
 *     the whole window there, and exit
 * @param timeoutSeconds how long a screenshot run waits
 * @param width window width (pixels)
 * @param height window height (pixels)
 * @param model a trained network file to use instead of the installed one, or null
 * @param show what is in front at start: {@code editor}, {@code design}, {@code phase-map}, {@code explore} or {@code inversion}
 * @param run start the computation of the panel in front (design, phase-map, explore) at start
 * @param designTrials inverse-design trials at start (0: the panel's default)
 * @param designSteps inverse-design steps at start (0: the panel's default)
 * @param zoneMap what the zone map shows at start: {@code gap} or {@code berry} (the Berry flux; needs a
 *     tight-binding source, with --screenshot the picture waits for the flux map)
 * @param berryFirst first band of the Berry-flux group (1-based)
 * @param berryLast last band of the Berry-flux group (1-based)
 * @param source the band source at start: {@code nn}, {@code exact} or {@code both}; null for the default (the network
 *     when installed)
 */
public record GuiOptions(Path open, Path screenshot, double timeoutSeconds, int width, int height, Path model,
        String show, boolean run, int designTrials, int designSteps, String zoneMap, int berryFirst,
        int berryLast, String source) {
    public static final int DEFAULT_WIDTH = 1500;
    public static final int DEFAULT_HEIGHT = 940;
    public static final List<String> SHOW = List.of("editor", "design", "phase-map", "explore", "inversion");
    public static final List<String> ZONE_MAP = List.of("gap", "berry");

    public GuiOptions {
        if (width < 1200 || height < 700) {
            throw new IllegalArgumentException("the workbench window needs at least 1200x700, got " + width + "x"
                    + height);
        }
        if (!(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeoutSeconds);
        }
        if (show == null) {
            show = "editor";
        }
        if (!SHOW.contains(show)) {
            throw new IllegalArgumentException("--show must be one of " + SHOW + ", got '" + show + "'");
        }
        if (run && "editor".equals(show)) {
            throw new IllegalArgumentException("--run needs --show design, phase-map, explore or inversion");
        }
        if (designTrials < 0 || designSteps < 0) {
            throw new IllegalArgumentException("--trials and --steps must be positive");
        }
        if (zoneMap == null) {
            zoneMap = "gap";
        }
        if (!ZONE_MAP.contains(zoneMap)) {
            throw new IllegalArgumentException("--zone-map must be one of " + ZONE_MAP + ", got '" + zoneMap + "'");
        }
        if (source != null && !List.of("nn", "exact", "both").contains(source)) {
            throw new IllegalArgumentException("--source must be nn, exact or both, got '" + source + "'");
        }
        if (berryFirst < 1 || berryLast < berryFirst) {
            throw new IllegalArgumentException("--berry-bands needs 1 <= FIRST <= LAST, got " + berryFirst + "-"
                    + berryLast);
        }
    }

    public GuiOptions(Path open, Path screenshot, double timeoutSeconds, int width, int height, Path model,
            String show, boolean run, int designTrials, int designSteps) {
        this(open, screenshot, timeoutSeconds, width, height, model, show, run, designTrials, designSteps, "gap", 1,
                1, null);
    }

    public GuiOptions(Path open, Path screenshot, double timeoutSeconds, int width, int height, Path model,
            String show, boolean run, int designTrials, int designSteps, String zoneMap, int berryFirst,
            int berryLast) {
        this(open, screenshot, timeoutSeconds, width, height, model, show, run, designTrials, designSteps, zoneMap,
                berryFirst, berryLast, null);
    }

    public boolean berryZoneMap() {
        return "berry".equals(zoneMap);
    }

    public GuiOptions(Path open, Path screenshot, double timeoutSeconds, int width, int height) {
        this(open, screenshot, timeoutSeconds, width, height, null, "editor", false, 0, 0);
    }

    public boolean screenshotMode() {
        return screenshot != null;
    }
}
