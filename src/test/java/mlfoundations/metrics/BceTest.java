package mlfoundations.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

class BceTest {

    @Test
    void handWorkedExample() {
        // Label 1 predicted 0.8 costs -ln 0.8; label 0 predicted 0.4 costs -ln 0.6; the mean of the two.
        double expected = -(Math.log(0.8) + Math.log(0.6)) / 2;
        assertEquals(expected, Losses.bce(new double[] {1, 0}, new double[] {0.8, 0.4}), 1e-15);
        assertEquals(0.366985, expected, 1e-6);
    }

    @Test
    void aCoinFlipCostsLnTwo() {
        assertEquals(Math.log(2), Losses.bce(new double[] {1, 0, 1}, new double[] {0.5, 0.5, 0.5}), 1e-15);
    }

    @Test
    void clippingKeepsAConfidentWrongAnswerFinite() {
        // p = 0 for label 1 is clipped to 1e-15: cost -ln(1e-15) = 15 ln 10 = 34.54, not infinity.
        assertEquals(15 * Math.log(10), Losses.bce(new double[] {1}, new double[] {0}), 1e-9);
        assertEquals(15 * Math.log(10), Losses.bce(new double[] {0}, new double[] {1}), 1e-3);
        assertEquals(0.0, Losses.bce(new double[] {1}, new double[] {1}), 1e-14);
    }

    @Property(tries = 200)
    void isTheNegativeLogLikelihoodOfOneBernoulliLabel(@ForAll @DoubleRange(min = 0.001, max = 0.999) @Scale(6) double p) {
        // P(y = 1) = p and P(y = 0) = 1 - p.
        assertEquals(-Math.log(p), Losses.bce(new double[] {1}, new double[] {p}), 1e-12);
        assertEquals(-Math.log(1 - p), Losses.bce(new double[] {0}, new double[] {p}), 1e-12);
    }

    @Test
    void badInputIsRejectedClearly() {
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> Losses.bce(new double[] {2}, new double[] {0.5}));
        assertTrue(label.getMessage().contains("labels in [0, 1]") && label.getMessage().contains("2.0"));
        IllegalArgumentException prob = assertThrows(IllegalArgumentException.class,
                () -> Losses.bce(new double[] {1}, new double[] {1.5}));
        assertTrue(prob.getMessage().contains("probabilities") && prob.getMessage().contains("1.5"));
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> Losses.bce(new double[] {1, 0}, new double[] {0.5}));
        assertTrue(len.getMessage().contains("2 targets") && len.getMessage().contains("1 predictions"));
    }
}
