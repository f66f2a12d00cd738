package mlfoundations.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class SurfaceTest {

    private static final ToDoubleFunction<double[]> BOWL = p -> p[0] * p[0] + p[1] * p[1];
    private static final UnaryOperator<double[]> BOWL_GRAD = p -> new double[] {2 * p[0], 2 * p[1]};

    @Test
    void imageHasTheRequestedSizeAndIsNotBlank() {
        BufferedImage img = Surface.of("Bowl", "x", "y", BOWL, -2, 2, -2, 2).size(500, 360).arrows(BOWL_GRAD, 8)
                .path("descent", new double[][] {{-1.5, 1}, {-1.2, 0.8}, {-0.96, 0.64}}).image();
        assertEquals(500, img.getWidth());
        assertEquals(360, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < img.getWidth(); x += 3) {
            for (int y = 0; y < img.getHeight(); y += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "a drawn map has many colours, got " + colours.size());
        BufferedImage plain = Surface.of("Bowl", "x", "y", BOWL, -2, 2, -2, 2).image();
        assertEquals(Style.WIDTH, plain.getWidth());
        assertEquals(Style.HEIGHT, plain.getHeight());
    }

    @Test
    void lowValuesAreDarkAndHighValuesBright() {
        // Without arrows or paths, the pixel at the bowl's centre (value 0) is darker than one near a corner (8).
        Surface bowl = Surface.of("Bowl", "x", "y", BOWL, -2, 2, -2, 2);
        BufferedImage img = bowl.image();
        Canvas.View v = bowl.view();
        double centre = brightness(img.getRGB((int) v.px(0.05), (int) v.py(0.05)));
        double corner = brightness(img.getRGB((int) v.px(-1.95), (int) v.py(1.95)));
        assertTrue(centre < corner, "centre " + centre + " should be darker than corner " + corner);
    }

    @Test
    void colourScaleRunsFromDarkPurpleToYellow() {
        Color low = HeatMap.colour(0);
        Color high = HeatMap.colour(1);
        assertTrue(brightness(low.getRGB()) < brightness(high.getRGB()));
        assertTrue(high.getRed() > 200 && high.getGreen() > 200 && high.getBlue() < 100, "yellow at the top");
    }

    @Test
    void theColourBarShowsEachBandAtItsHeight() {
        // f = x on [0, 1] with 4 levels: the bar, from bottom to top, holds the colours of bands 0..3.
        Surface ramp = Surface.of("Ramp", "x", "y", p -> p[0], 0, 1, 0, 1).range(0, 1).levels(4);
        BufferedImage img = ramp.image();
        Canvas.View v = ramp.view();
        int barX = v.left() + v.plotW() + 18 + 8;
        for (int b = 0; b < 4; b++) {
            int y = (int) Math.round(v.top() + v.plotH() * (1 - (b + 0.5) / 4));
            assertEquals(HeatMap.colour((b + 0.5) / 4).getRGB(), img.getRGB(barX, y), "band " + b);
            // The map itself has the same colour where x is in that band.
            assertEquals(HeatMap.colour((b + 0.5) / 4).getRGB(), img.getRGB((int) v.px((b + 0.5) / 4), (int) v.py(0.5)));
        }
    }

    @Test
    void equalScaleKeepsTheRectangleAndMakesUnitsSquare() {
        Canvas.View v = Surface.of("t", "x", "y", BOWL, -2.8, 2.8, -2, 2).equalScale().view();
        // The area is a whole number of pixels each way: rounding 5.6 and 4 units' worth moves a unit's length by
        // at most 0.5 / 5.6 + 0.5 / 4 < 0.25 pixels.
        assertEquals(v.px(1) - v.px(0), v.py(0) - v.py(1), 0.25, "one unit as long across as up");
        assertEquals(-2.8, v.xMin());
        assertEquals(2, v.yMax());
    }

    @Test
    void aPathIsDrawnThroughItsPointsAndTheGradientArrowsPointUphill() {
        // On f = x the gradient is (1, 0) everywhere: uphill is to the right, so each arrow's head (white) lies right
        // of its centre, and the path's colour (the first path colour) sits on its points.
        Surface s = Surface.of("Slope", "x", "y", p -> p[0], 0, 1, 0, 1).arrows(p -> new double[] {1, 0}, 2)
                .path("walk", new double[][] {{0.1, 0.9}, {0.4, 0.9}});
        BufferedImage img = s.image();
        Canvas.View v = s.view();
        int cx = (int) Math.round(v.px(0.25));
        int cy = (int) Math.round(v.py(0.25));
        // The head is the widest part of the white arrow: measure the white's height column by column.
        int headSide = 0;
        int tailSide = 0;
        for (int d = 4; d < 100; d++) {
            headSide = Math.max(headSide, whiteRun(img, cx + d, cy));
            tailSide = Math.max(tailSide, whiteRun(img, cx - d, cy));
        }
        assertTrue(headSide > tailSide + 1, "head on the right (uphill): " + tailSide + " vs " + headSide);
        Color walk = new Color(230, 159, 0);
        double best = Double.MAX_VALUE;
        for (int dy = -1; dy <= 1; dy++) {
            Color c = new Color(img.getRGB((int) Math.round(v.px(0.25)), (int) Math.round(v.py(0.9)) + dy));
            best = Math.min(best, Math.abs(c.getRed() - walk.getRed()) + Math.abs(c.getGreen() - walk.getGreen())
                    + Math.abs(c.getBlue() - walk.getBlue()));
        }
        assertTrue(best < 30, "the path's line passes half way between its two points");
    }

    private static int whiteRun(BufferedImage img, int x, int cy) {
        int n = 0;
        for (int y = cy - 10; y <= cy + 10; y++) {
            n += whiteish(img.getRGB(x, y)) ? 1 : 0;
        }
        return n;
    }

    private static boolean whiteish(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 230 && c.getGreen() > 230 && c.getBlue() > 230;
    }

    @Test
    void badInputThrowsWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Surface.of("t", "x", "y", BOWL, 1, -1, 0, 1));
        assertTrue(e.getMessage().contains("xMin < xMax"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Surface.of("t", "x", "y", BOWL, -1, 1, 0, 1)
                .path("p", new double[][] {{0, 0, 0}}));
        assertTrue(e.getMessage().contains("2 coordinates") && e.getMessage().contains("got 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Surface.of("t", "x", "y", BOWL, -1, 1, 0, 1)
                .path("p", new double[][] {{0, Double.NaN}}));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Surface.of("t", "x", "y", BOWL, -1, 1, 0, 1).arrows(BOWL_GRAD, 1));
        assertTrue(e.getMessage().contains("got 1"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Surface.of("t", "x", "y", p -> Double.NaN, -1, 1, 0, 1).image());
    }

    private static double brightness(int rgb) {
        Color c = new Color(rgb);
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }
}
