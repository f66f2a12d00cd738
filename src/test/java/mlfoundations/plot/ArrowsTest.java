package mlfoundations.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class ArrowsTest {

    @Test
    void imageHasTheRequestedSizeAndIsNotBlank() {
        BufferedImage img = Arrows.plot("Vectors", "x", "y", 500, 300)
                .arrow("a", new double[] {3, 1}).arrow("b", new double[] {1, 2})
                .arrowFrom("b moved", new double[] {3, 1}, new double[] {1, 2}).image();
        assertEquals(500, img.getWidth());
        assertEquals(300, img.getHeight());
        assertTrue(ChartsTest.distinctColours(img) > 5, "a drawn plot has more than a background colour");
    }

    @Test
    void defaultSizeIsTheCourseSize() {
        BufferedImage img = Arrows.plot("One arrow", "x", "y").arrow("v", new double[] {-2, 5}).image();
        assertEquals(Style.WIDTH, img.getWidth());
        assertEquals(Style.HEIGHT, img.getHeight());
    }

    @Test
    void oneUnitIsTheSameLengthOnBothAxes() {
        // A wide and a tall data set: either way, right angles must stay right angles.
        for (double[] v : new double[][] {{10, 1}, {1, 10}, {-3, -0.5}}) {
            Canvas.View view = Arrows.plot("t", "x", "y", 640, 420).arrow("v", v).view();
            double xUnit = view.px(1) - view.px(0);
            double yUnit = view.py(0) - view.py(1);
            assertEquals(xUnit, yUnit, 1e-9);
            assertTrue(xUnit > 0);
            // The data (origin and tip) lies inside the plot box.
            for (double[] p : new double[][] {{0, 0}, v}) {
                assertTrue(view.px(p[0]) >= view.left() && view.px(p[0]) <= view.left() + view.plotW());
                assertTrue(view.py(p[1]) >= view.top() && view.py(p[1]) <= view.top() + view.plotH());
            }
        }
    }

    @Test
    void theArrowIsDrawnWhereTheVectorIs() {
        Arrows plot = Arrows.plot("t", "x", "y").arrow("v", new double[] {4, 2}).arrow("w", new double[] {-2, -4});
        BufferedImage img = plot.image();
        Canvas.View view = plot.view();
        // Midway along each shaft there is a pixel of that arrow's colour (first and second palette colours);
        // antialiasing blends the edges, so look for the nearest match in a 3x3 patch.
        assertTrue(nearestColourDistance(img, view.px(2), view.py(1), Style.PALETTE[0]) < 40);
        assertTrue(nearestColourDistance(img, view.px(-1), view.py(-2), Style.PALETTE[1]) < 40);
        // Where no arrow goes, there is no arrow colour.
        assertTrue(nearestColourDistance(img, view.px(2), view.py(-2), Style.PALETTE[0]) > 100);
        Color off = new Color(img.getRGB((int) Math.round(view.px(2)), (int) Math.round(view.py(-2))));
        assertTrue(off.getRed() > 200 && off.getGreen() > 200 && off.getBlue() > 200, off.toString());
    }

    private static double nearestColourDistance(BufferedImage img, double x, double y, Color c) {
        double best = Double.MAX_VALUE;
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                Color p = new Color(img.getRGB((int) Math.round(x) + dx, (int) Math.round(y) + dy));
                best = Math.min(best, Math.sqrt(Math.pow(p.getRed() - c.getRed(), 2)
                        + Math.pow(p.getGreen() - c.getGreen(), 2) + Math.pow(p.getBlue() - c.getBlue(), 2)));
            }
        }
        return best;
    }

    @Test
    void anArrowToOneOneEndsAtThePixelOfOneOne() {
        Arrows plot = Arrows.plot("t", "x", "y").arrow("v", new double[] {1, 1});
        BufferedImage img = plot.image();
        Canvas.View view = plot.view();
        // The head is filled up to the tip: the arrow colour is at the tip, and not a few pixels beyond it.
        double tx = view.px(1);
        double ty = view.py(1);
        assertTrue(nearestColourDistance(img, tx - 2, ty + 2, Style.PALETTE[0]) < 40, "the head reaches the tip");
        assertTrue(nearestColourDistance(img, tx + 4, ty - 4, Style.PALETTE[0]) > 100, "nothing beyond the tip");
        assertTrue(nearestColourDistance(img, view.px(0.5), view.py(0.5), Style.PALETTE[0]) < 40, "the shaft");
    }

    @Test
    void aLegendListsEveryArrowOutsideThePlot() {
        Arrows one = Arrows.plot("t", "x", "y").arrow("a", new double[] {1, 0});
        Arrows two = Arrows.plot("t", "x", "y").arrow("a", new double[] {1, 0}).arrow("b", new double[] {0, 1});
        assertEquals(one.view().plotW(), Style.WIDTH - one.view().left() - 10, 1, "one arrow: no legend, full width");
        Canvas.View v = two.view();
        BufferedImage img = two.image();
        int right = v.left() + v.plotW();
        int first = 0;
        int second = 0;
        for (int x = right + 1; x < img.getWidth(); x++) {
            for (int y = v.top(); y < v.top() + 60; y++) {
                Color c = new Color(img.getRGB(x, y));
                first += c.equals(Style.PALETTE[0]) ? 1 : 0;
                second += c.equals(Style.PALETTE[1]) ? 1 : 0;
            }
        }
        assertTrue(first > 10 && second > 10, "a legend sample per arrow right of the plot: " + first + ", " + second);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Arrows.plot("t", "x", "y").arrow("c", new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("'c'") && e.getMessage().contains("3 components"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Arrows.plot("t", "x", "y").arrow("n", new double[] {Double.NaN, 1}));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Arrows.plot("t", "x", "y").arrow("a", new double[] {1, 2}).arrow("a", new double[] {2, 1}));
        assertTrue(e.getMessage().contains("already has an arrow named 'a'"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> Arrows.plot("empty", "x", "y").image());
        assertTrue(s.getMessage().contains("no arrows"), s.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Arrows.plot("t", "x", "y", 10, 10));
    }

    @Test
    void theZeroVectorIsDrawnAsAPoint() {
        BufferedImage img = Arrows.plot("t", "x", "y").arrow("zero", new double[] {0, 0}).image();
        assertTrue(ChartsTest.distinctColours(img) > 5);
    }
}
