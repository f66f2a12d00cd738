package mlfoundations.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @Test
    void lineChartHasTheRequestedSizeAndIsNotBlank() {
        BufferedImage img = Charts.xy("Running average", "question", "fraction", 500, 300)
                .line("fraction", new double[] {1, 0.5, 0.66, 0.5}).hline("1/2", 0.5, 1, 4).image();
        assertEquals(500, img.getWidth());
        assertEquals(300, img.getHeight());
        assertTrue(distinctColours(img) > 5, "a drawn chart has more than a background colour");
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
