package mlfoundations.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class MatrixImageTest {

    @Test
    void greyLevelFollowsTheValueAndRowZeroIsOnTop() {
        // Top row 0 and 1, bottom row 0.5 and 0.25, on the scale [0, 1]: black, white, mid grey (128), 64.
        SimpleMatrix a = new SimpleMatrix(2, 2, true, 0, 1, 0.5, 0.25);
        BufferedImage img = MatrixImage.of("test", a).range(0, 1).size(200, 240).image();
        assertEquals(200, img.getWidth());
        assertEquals(240, img.getHeight());
        int[] ys = rowsOfGrey(img, 0);      // black pixels: entry (0, 0)
        int[] ysMid = rowsOfGrey(img, 128); // entry (1, 0)
        assertTrue(ys[0] >= 0 && ysMid[0] >= 0, "both grey levels are drawn");
        assertTrue(ys[1] < ysMid[0], "row 0 is drawn above row 1");
        assertTrue(rowsOfGrey(img, 64)[0] >= 0);
    }

    @Test
    void badInputIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> MatrixImage.of("x", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixImage.of("x", new SimpleMatrix(1, 1)).range(1, 0));
        assertEquals("grey range needs finite lo < hi, got [1.0, 0.0]", e.getMessage());
        SimpleMatrix nan = new SimpleMatrix(1, 2, true, 0, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> MatrixImage.of("x", nan));
    }

    /** First and last image row holding a pixel of exactly this grey, or {-1, -1}. */
    private static int[] rowsOfGrey(BufferedImage img, int grey) {
        int rgb = (grey << 16) | (grey << 8) | grey;
        int first = -1;
        int last = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    if (first < 0) {
                        first = y;
                    }
                    last = y;
                }
            }
        }
        return new int[] {first, last};
    }
}
