package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlfoundations.calculus.Differences;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class ActivationAndLossTest {

    @Test
    void activationValuesMatchClosedForms() {
        assertEquals(0.5, Activation.SIGMOID.value(0), 0);
        assertEquals(0.75, Activation.SIGMOID.value(Math.log(3)), 1e-15);   // 1 / (1 + 1/3)
        assertEquals(0.25, Activation.SIGMOID.derivative(0), 0);
        assertEquals(Math.tanh(0.3), Activation.TANH.value(0.3), 0);
        assertEquals(1.0, Activation.TANH.derivative(0), 0);
        assertEquals(0.0, Activation.RELU.value(-2), 0);
        assertEquals(2.0, Activation.RELU.value(2), 0);
        assertEquals(-3.5, Activation.IDENTITY.value(-3.5), 0);
        // No overflow far out in the tails.
        assertEquals(0.0, Activation.SIGMOID.value(-1000), 1e-300);
        assertEquals(1.0, Activation.SIGMOID.value(1000), 0);
    }

    @Property
    void derivativesMatchCentralDifferences(@ForAll @DoubleRange(min = -6, max = 6) double z) {
        for (Activation g : Activation.values()) {
            if (g == Activation.RELU) {
                Assume.that(Math.abs(z) > 1e-3);   // away from the kink, where the derivative is not defined
            }
            double numeric = Differences.central(g::value, z);
            assertEquals(numeric, g.derivative(z), 1e-8, g + " at z = " + z);
        }
    }

    @Test
    void unknownActivationNamesAreRejectedWithTheChoices() {
        assertEquals(Activation.TANH, Activation.named(" tanh "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.named("swish"));
        assertTrue(e.getMessage().contains("swish") && e.getMessage().contains("SIGMOID"), e.getMessage());
    }

    private static SimpleMatrix col(double... v) {
        SimpleMatrix m = new SimpleMatrix(v.length, 1);
        for (int i = 0; i < v.length; i++) {
            m.set(i, 0, v[i]);
        }
        return m;
    }

    @Test
    void lossValuesMatchHandWorkedExamples() {
        // Predicting 0.5 for a 0 and a 1: MSE = (0.25 + 0.25) / 2, BCE = ln 2.
        assertEquals(0.25, Loss.MSE.value(col(1, 0), col(0.5, 0.5)), 1e-15);
        assertEquals(Math.log(2), Loss.BCE.value(col(1, 0), col(0.5, 0.5)), 1e-15);
        // One example, label 1, probability 0.8: BCE = -ln 0.8.
        assertEquals(-Math.log(0.8), Loss.BCE.value(col(1), col(0.8)), 1e-15);
        // A certain wrong answer is clipped, not infinite: -ln(1e-12).
        assertEquals(-Math.log(mlfoundations.metrics.Losses.BCE_CLIP), Loss.BCE.value(col(1), col(0.0)), 1e-9);
        assertTrue(Double.isFinite(Loss.BCE.gradient(col(1), col(0.0)).get(0)));
    }

    @Test
    void sigmoidThenCrossEntropyGivesTheSimpleGradientAMinusY() {
        // dL/dz = dL/da * sigmoid'(z) = (a - y) / m, the well-known simplification.
        double[] z = {-1.3, 0.4, 2.0};
        double[] y = {0, 1, 1};
        SimpleMatrix a = new SimpleMatrix(3, 1);
        for (int i = 0; i < 3; i++) {
            a.set(i, 0, Activation.SIGMOID.value(z[i]));
        }
        SimpleMatrix dA = Loss.BCE.gradient(col(y), a);
        for (int i = 0; i < 3; i++) {
            assertEquals((a.get(i, 0) - y[i]) / 3, dA.get(i, 0) * Activation.SIGMOID.derivative(z[i]), 1e-15);
        }
    }

    @Property
    void lossGradientsMatchNumericalGradients(@ForAll @DoubleRange(min = 0.05, max = 0.95) double a1,
            @ForAll @DoubleRange(min = 0.05, max = 0.95) double a2, @ForAll @DoubleRange(min = 0, max = 1) double y1) {
        SimpleMatrix y = col(y1, 1 - y1);
        for (Loss loss : Loss.values()) {
            double[] numeric = Differences.gradient(p -> loss.value(y, col(p)), new double[] {a1, a2});
            SimpleMatrix g = loss.gradient(y, col(a1, a2));
            double[] analytic = {g.get(0), g.get(1)};
            double err = Differences.relativeError(numeric, analytic);
            double abs = Math.hypot(numeric[0] - analytic[0], numeric[1] - analytic[1]);
            // Where the prediction equals the target the gradient is 0 and only rounding noise (~1e-11) is left,
            // so a relative error means nothing there: accept a small absolute error (the h^2 term of the difference) instead.
            assertTrue(err < 1e-7 || abs < 1e-7, loss + ": relative error " + err + ", absolute error " + abs);
        }
    }

    @Test
    void badLossInputIsRejected() {
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Loss.MSE.value(col(1, 2, 3), col(1, 2)));
        assertTrue(shape.getMessage().contains("3x1") && shape.getMessage().contains("2x1"), shape.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> Loss.BCE.value(col(2), col(0.5)));
        assertTrue(label.getMessage().contains("[0, 1]") && label.getMessage().contains("2.0"), label.getMessage());
    }
}
