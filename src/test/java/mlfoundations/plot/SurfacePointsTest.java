package mlfoundations.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class SurfacePointsTest {

    // Every map below is over [0, 1] x [0, 1] at the default size with no legend, so they share one plot area.
    private static final Canvas.View VIEW = Surface.of("Flat", "x", "y", p -> 0.0, 0, 1, 0, 1).range(0, 1).view();

    private static int px(double x) {
        return (int) Math.round(VIEW.px(x));
    }

    private static int py(double y) {
        return (int) Math.round(VIEW.py(y));
    }

    @Test
    void pointsAreDrawnWhereTheyAreWithoutConnectingLines() {
        BufferedImage img = Surface.of("Flat", "x", "y", p -> 0.0, 0, 1, 0, 1)
                .points("class 0", new double[][] {{0.2, 0.2}, {0.8, 0.8}})
                .points("class 1", new double[][] {{0.2, 0.8}})
                .image();
        assertEquals(Color.WHITE.getRGB(), img.getRGB(px(0.2), py(0.2)));
        assertEquals(Color.WHITE.getRGB(), img.getRGB(px(0.8), py(0.8)));
        assertEquals(Color.BLACK.getRGB(), img.getRGB(px(0.2), py(0.8)));
        // Half way between the two white points there is no line, just the map.
        assertNotEquals(Color.WHITE.getRGB(), img.getRGB(px(0.5), py(0.5)));
    }

    @Test
    void aFixedRangeGivesTheSameColourToTheSameValue() {
        // f = 0.25 everywhere: with range [0, 1] it gets the colour of its band; the auto range would not know
        // where 0.25 sits. A map of x over [0, 1] with the same range has the same colour where x = 0.25.
        BufferedImage flat = Surface.of("Flat", "x", "y", p -> 0.25, 0, 1, 0, 1).range(0, 1).levels(10).image();
        BufferedImage ramp = Surface.of("Ramp", "x", "y", p -> p[0], 0, 1, 0, 1).range(0, 1).levels(10).image();
        int c = HeatMap.colour(0.25).getRGB();
        assertEquals(c, flat.getRGB(px(0.5), py(0.5)));
        assertEquals(c, ramp.getRGB(px(0.25), py(0.5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Surface.of("F", "x", "y", p -> 0.0, 0, 1, 0, 1).range(1, 0));
        assertTrue(e.getMessage().contains("lo < hi"), e.getMessage());
    }
}
