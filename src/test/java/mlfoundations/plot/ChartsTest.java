package mlfoundations.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @Test
    void lineChartHasTheRequestedSize() {
        BufferedImage img = Charts.xy("Running average", "question", "fraction", 500, 300)
                .line("fraction", new double[] {1, 0.5, 0.66, 0.5}).hline("1/2", 0.5, 1, 4).image();
        assertEquals(500, img.getWidth());
        assertEquals(300, img.getHeight());
    }

    @Test
    void seriesAreDrawnAtTheHeightTheDataSay() {
        // Flat lines at y = 0.25, 0.5 and 0.75 on a fixed [0, 1] axis, each in its palette colour: the middle one
        // must lie half way between the others, and higher values must be higher up the image.
        double[] x = {0, 1};
        XYPlot plot = Charts.xy("levels", "x", "y").line("low", x, new double[] {0.25, 0.25})
                .line("mid", x, new double[] {0.5, 0.5}).line("high", x, new double[] {0.75, 0.75})
                .xRange(0, 1).yRange(0, 1);
        BufferedImage img = plot.image();
        double low = meanRow(img, Style.PALETTE[0], 0, Style.WIDTH / 3);
        double mid = meanRow(img, Style.PALETTE[1], 0, Style.WIDTH / 3);
        double high = meanRow(img, Style.PALETTE[2], 0, Style.WIDTH / 3);
        assertTrue(high < mid && mid < low, "image rows grow downwards: " + high + ", " + mid + ", " + low);
        assertEquals((low + high) / 2, mid, 1.0, "0.5 is half way between 0.25 and 0.75");
    }

    @Test
    void aLegendAppearsWithTheSecondSeriesAndShowsItsColours() {
        // The data sit at the bottom left; XChart's legend goes inside the top right. Pixels of a series colour in
        // the top-right quarter can only be the legend's samples.
        double[] x = {0, 0.3};
        double[] y = {0, 0.1};
        BufferedImage one = Charts.xy("t", "x", "y").line("a", x, y).xRange(0, 1).yRange(0, 1).image();
        BufferedImage two = Charts.xy("t", "x", "y").line("a", x, y).line("b", x, new double[] {0.1, 0})
                .xRange(0, 1).yRange(0, 1).image();
        assertEquals(0, count(one, Style.PALETTE[0], Style.WIDTH / 2, Style.WIDTH, 0, Style.HEIGHT / 3),
                "one series: no legend");
        assertTrue(count(two, Style.PALETTE[0], Style.WIDTH / 2, Style.WIDTH, 0, Style.HEIGHT / 3) > 5);
        assertTrue(count(two, Style.PALETTE[1], Style.WIDTH / 2, Style.WIDTH, 0, Style.HEIGHT / 3) > 5);
    }

    @Test
    void anArrowFromTheOriginToOneOneIsDrawnAtFortyFiveDegreesOnEqualAxes() {
        // The image is wide, the data square: only equal axes keep the arrow at 45 degrees, its pixels' bounding
        // box as wide as it is tall.
        BufferedImage img = EqualAxesPlot.of("t", "x", "y", 640, 300).arrow("v", new double[] {1, 1}).image();
        int[] box = boundingBox(img, Style.PALETTE[0]);
        int w = box[2] - box[0];
        int h = box[3] - box[1];
        assertTrue(h > 100, "the arrow fills the height: " + h);
        assertEquals(w, h, 3, "45 degrees");
    }

    @Test
    void defaultSizeIsReadable() {
        BufferedImage img = Charts.bars("t", "x", "y", "a", "b").bars("v", new double[] {1, 2})
                .line("w", new double[] {1.5, 1.5}).image();
        assertEquals(Style.WIDTH, img.getWidth());
        assertEquals(Style.HEIGHT, img.getHeight());
    }

    @Test
    void binCountsMatchAHandCount() {
        double[] data = {0.0, 0.05, 0.1, 0.5, 0.99, 1.0, 1.5, -0.2};
        // Bins of width 0.25 on [0, 1]: {0, .05, .1}, {}, {.5}, {.99, 1.0}; 1.5 and -0.2 fall outside.
        assertArrayEquals(new double[] {3, 0, 1, 2}, Charts.binCounts(data, 4, 0, 1));
        BufferedImage img = Charts.histogram("h", "x", data, 4, 0, 1);
        assertEquals(Style.WIDTH, img.getWidth());
    }

    @Test
    void gridPlacesImagesSideBySide() {
        BufferedImage a = Charts.xy("a", "x", "y", 200, 100).line("a", new double[] {1, 2}).image();
        BufferedImage b = Charts.xy("b", "x", "y", 300, 150).line("b", new double[] {2, 1}).image();
        BufferedImage g = Grid.row(a, b);
        assertEquals(600, g.getWidth());
        assertEquals(150, g.getHeight());
        BufferedImage g2 = Grid.of(1, a, b);
        assertEquals(300, g2.getWidth());
        assertEquals(300, g2.getHeight());
        assertEquals(a.getRGB(10, 10), g.getRGB(10, 10));
        assertEquals(b.getRGB(50, 50), g.getRGB(350, 50));
    }

    @Test
    void savesAReadablePng(@TempDir Path dir) throws Exception {
        Path file = Charts.xy("s", "x", "y").scatter("p", new double[] {1, 2, 3}, new double[] {3, 1, 2})
                .save(dir.resolve("sub/plot.png"));
        assertTrue(Files.size(file) > 1000);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(Style.WIDTH, back.getWidth());
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.xy("t", "x", "y").line("s", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("x has 2 values but y has 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Charts.xy("t", "x", "y").line("s", new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Charts.bars("t", "x", "y", "a", "b").bars("v", new double[] {1}));
        assertTrue(e.getMessage().contains("1 values but the chart has 2 categories"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Charts.xy("t", "x", "y", 0, 100));
        assertThrows(IllegalStateException.class, () -> Charts.xy("empty", "x", "y").image());
        assertThrows(IllegalArgumentException.class, () -> Charts.binCounts(new double[] {1}, 0, 0, 1));
        assertNotEquals(0, Charts.labels(new double[] {0.1}, 1).length);
    }

    private static double meanRow(BufferedImage img, Color c, int x0, int x1) {
        double sum = 0;
        int n = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if (img.getRGB(x, y) == c.getRGB()) {
                    sum += y;
                    n++;
                }
            }
        }
        assertTrue(n > 20, "colour " + c + " should be drawn, found " + n + " pixels");
        return sum / n;
    }

    private static int count(BufferedImage img, Color c, int x0, int x1, int y0, int y1) {
        int n = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                n += img.getRGB(x, y) == c.getRGB() ? 1 : 0;
            }
        }
        return n;
    }

    static int[] boundingBox(BufferedImage img, Color c) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                Color p = new Color(img.getRGB(x, y));
                if (Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen())
                        + Math.abs(p.getBlue() - c.getBlue()) < 30) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }

    static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
