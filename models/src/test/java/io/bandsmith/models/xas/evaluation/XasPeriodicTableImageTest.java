package io.bandsmith.models.xas.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bandsmith.models.xas.ChemicalElement;

class XasPeriodicTableImageTest {
    @TempDir
    Path tmp;

    private static int cellBackground(BufferedImage img, ChemicalElement e) {
        int[] xy = PeriodicTableRecallImage.cellOrigin(e);
        // a pixel near the bottom-left corner of the cell, clear of the text
        return img.getRGB(xy[0] + 3, xy[1] + PeriodicTableRecallImage.CELL - 6) & 0xffffff;
    }

    @Test
    void cellsAreColouredByRecallAndGreyWithoutData() throws Exception {
        ChemicalElement bi = ChemicalElement.ofSymbol("Bi");
        ChemicalElement o = ChemicalElement.ofSymbol("O");
        ChemicalElement ce = ChemicalElement.ofSymbol("Ce");
        ChemicalElement fe = ChemicalElement.ofSymbol("Fe");
        Path f = tmp.resolve("recall.png");
        PeriodicTableRecallImage.write(f, Map.of(bi, 1.0, o, 0.0, ce, 0.5), "recall (topological)");
        BufferedImage img = ImageIO.read(f.toFile());
        assertTrue(img.getWidth() > 18 * PeriodicTableRecallImage.CELL);
        assertEquals(PeriodicTableRecallImage.colour(1.0).getRGB() & 0xffffff, cellBackground(img, bi));
        assertEquals(PeriodicTableRecallImage.colour(0.0).getRGB() & 0xffffff, cellBackground(img, o));
        assertEquals(PeriodicTableRecallImage.colour(0.5).getRGB() & 0xffffff, cellBackground(img, ce));
        assertEquals(PeriodicTableRecallImage.NO_DATA.getRGB() & 0xffffff, cellBackground(img, fe));
        assertNotEquals(PeriodicTableRecallImage.colour(0.0).getRGB(), PeriodicTableRecallImage.colour(1.0).getRGB());
    }

    @Test
    void cellsDoNotOverlap() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int z = 1; z <= ChemicalElement.count(); z++) {
            int[] xy = PeriodicTableRecallImage.cellOrigin(ChemicalElement.ofAtomicNumber(z));
            assertTrue(seen.add(xy[0] + "," + xy[1]), "two elements share the cell of Z=" + z);
        }
    }
}
