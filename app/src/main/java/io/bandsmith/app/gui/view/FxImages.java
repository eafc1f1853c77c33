package io.bandsmith.app.gui.view;

import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import io.bandsmith.engine.io.AtomicFiles;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;

/** Snapshots of nodes and scenes written as PNG (atomically). Snapshots are taken on the FX thread. */
public final class FxImages {
    private FxImages() {
    }

    public static WritableImage snapshot(Node node) {
        return node.snapshot(null, null);
    }

    public static void writePng(Image image, Path file) {
        java.awt.image.BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(buffered, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
