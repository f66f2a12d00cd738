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
        // The clip is the machine epsilon 2^-52 (scikit-learn's log_loss since 1.2). p = 0 for label 1 is clipped to
        // 2^-52: cost -ln(2^-52) = 52 ln 2 = 36.04, not infinity. p = 1 for label 0 is clipped to 1 - 2^-52: cost
        // -ln(1 - (1 - 2^-52)) = 52 ln 2 again, since 1 - 2^-52 is a double and 1 minus it is exactly 2^-52.
        double byHand = 52 * Math.log(2);
        assertEquals(36.0436533891, byHand, 1e-10);
        assertEquals(Math.pow(2, -52), Losses.BCE_CLIP, 0.0);
        assertEquals(byHand, Losses.bce(new double[] {1}, new double[] {0}), 1e-12);
        assertEquals(byHand, Losses.bce(new double[] {0}, new double[] {1}), 1e-12);
        // A right, confident answer is clipped too: -ln(1 - 2^-52) = 2^-52 to first order, about 2.2e-16.
        assertEquals(Math.pow(2, -52), Losses.bce(new double[] {1}, new double[] {1}), 1e-20);
        // The network's BCE uses the same clip (no second constant): its value at p = 0 is the same cost.
        assertEquals(byHand, mlfoundations.models.Loss.BCE.value(new org.ejml.simple.SimpleMatrix(1, 1, true, 1.0),
                new org.ejml.simple.SimpleMatrix(1, 1, true, 0.0)), 1e-12);
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
