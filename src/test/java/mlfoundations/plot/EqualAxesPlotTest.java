package mlfoundations.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class EqualAxesPlotTest {

    @Test
    void aCircleIsDrawnAsWideAsItIsTall() {
        // A circle of radius 1 next to a wide segment, so the data are far from square.
        int n = 200;
        double[] x = new double[n + 1];
        double[] y = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            x[i] = Math.cos(2 * Math.PI * i / n);
            y[i] = Math.sin(2 * Math.PI * i / n);
        }
        BufferedImage img = EqualAxesPlot.of("circle", "x", "y").curve("circle", x, y).image();
        assertEquals(Style.WIDTH, img.getWidth());
        assertEquals(Style.HEIGHT, img.getHeight());
        // Bounding box of the pixels in the first series colour.
        Color c = Style.PALETTE[0];
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        for (int i = 0; i < img.getWidth(); i++) {
            for (int j = 0; j < img.getHeight(); j++) {
                Color p = new Color(img.getRGB(i, j));
                if (Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen())
                        + Math.abs(p.getBlue() - c.getBlue()) < 30) {
                    minX = Math.min(minX, i);
                    maxX = Math.max(maxX, i);
                    minY = Math.min(minY, j);
                    maxY = Math.max(maxY, j);
                }
            }
        }
        int w = maxX - minX;
        int h = maxY - minY;
        assertTrue(h > 150, "the circle should fill most of the height, got " + h);
        assertTrue(Math.abs(w - h) <= 3, "circle drawn " + w + " wide and " + h + " tall");
    }

    @Test
    void badInputIsNamed() {
        EqualAxesPlot p = EqualAxesPlot.of("t", "x", "y");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.arrow("v", new double[] {0, 0}));
        assertTrue(e.getMessage().contains("'v'") && e.getMessage().contains("non-zero"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.arrow("w", new double[] {1, 2, 3}));
        assertThrows(IllegalStateException.class, p::image);
    }
}
