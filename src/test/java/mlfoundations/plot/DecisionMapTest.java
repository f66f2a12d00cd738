package mlfoundations.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;

import mlfoundations.data.ToyData;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class DecisionMapTest {

    private static final ToyData.Classification DATA = new ToyData.Classification(
            new SimpleMatrix(new double[][] {{-1, 0}, {1, 0}}), new SimpleMatrix(new double[][] {{0}, {1}}));

    @Test
    void colourFollowsTheProbability() {
        // P = 1 right of x1 = 0, 0 left of it: the right edge is viridis yellow, the left edge dark purple
        BufferedImage img = DecisionMap.of("step", p -> p[0] > 0 ? 1 : 0, DATA, 1);
        assertEquals(640, img.getWidth());
        assertEquals(420, img.getHeight());
        Canvas.View v = DecisionMap.surface("step", p -> p[0] > 0 ? 1 : 0, DATA, 1).view();
        Color right = new Color(img.getRGB(v.left() + v.plotW() - 3, v.top() + v.plotH() - 3));
        Color left = new Color(img.getRGB(v.left() + 3, v.top() + v.plotH() - 3));
        assertTrue(right.getRed() > 200 && right.getGreen() > 200 && right.getBlue() < 100, "right: " + right);
        assertTrue(left.getRed() < 100 && left.getGreen() < 60 && left.getBlue() > 60, "left: " + left);
    }

    @Test
    void aFunctionThatIsNotAProbabilityIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DecisionMap.of("score", p -> p[0] * 5, DATA, 1));
        assertTrue(e.getMessage().contains("probability in [0, 1]"), e.getMessage());
    }
}
