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
        BufferedImage img = Surface.of("Bowl", "x", "y", BOWL, -2, 2, -2, 2).image();
        int left = 68;
        int top = 38;
        int pw = Style.WIDTH - 68 - 96;
        int ph = Style.HEIGHT - 38 - 52;
        double centre = brightness(img.getRGB(left + pw / 2 + 3, top + ph / 2 + 3));
        double corner = brightness(img.getRGB(left + 4, top + 4));
        assertTrue(centre < corner, "centre " + centre + " should be darker than corner " + corner);
    }

    @Test
    void colourScaleRunsFromDarkPurpleToYellow() {
        Color low = Surface.colour(0);
        Color high = Surface.colour(1);
        assertTrue(brightness(low.getRGB()) < brightness(high.getRGB()));
        assertTrue(high.getRed() > 200 && high.getGreen() > 200 && high.getBlue() < 100, "yellow at the top");
    }

    @Test
    void ticksAreRoundNumbersCoveringTheRange() {
        assertArrayEquals(new double[] {-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2}, Surface.ticks(-2, 2, 7), 1e-12);
        assertArrayEquals(new double[] {0, 2, 4, 6, 8}, Surface.ticks(0, 8, 6), 1e-12);
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
