package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlfoundations.calculus.Differences;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class SigmoidTest {

    @Test
    void knownValues() {
        assertEquals(0.5, Sigmoid.value(0), 0.0);
        // sigma(ln 3) = 1 / (1 + 1/3) = 3/4; sigma(-ln 3) = 1/4.
        assertEquals(0.75, Sigmoid.value(Math.log(3)), 1e-15);
        assertEquals(0.25, Sigmoid.value(-Math.log(3)), 1e-15);
        assertEquals(0.25, Sigmoid.derivative(0), 0.0);
    }

    @Property(tries = 300)
    void symmetryOneMinusSigmaIsSigmaOfMinusZ(@ForAll @DoubleRange(min = -40, max = 40) double z) {
        assertEquals(1 - Sigmoid.value(z), Sigmoid.value(-z), 1e-15);
    }

    @Property(tries = 300)
    void derivativeMatchesCentralDifferences(@ForAll @DoubleRange(min = -12, max = 12) double z) {
        double numerical = Differences.central(Sigmoid::value, z);
        double analytic = Sigmoid.derivative(z);
        assertEquals(numerical, analytic, 1e-10);
        assertEquals(Sigmoid.value(z) * (1 - Sigmoid.value(z)), analytic, 1e-15);
    }

    @Test
    void extremeInputsStayFiniteAndInRange() {
        assertEquals(1.0, Sigmoid.value(1000), 0.0);
        assertEquals(0.0, Sigmoid.value(-1000), 0.0);
        assertTrue(Sigmoid.value(-700) > 0);
        assertEquals(0.0, Sigmoid.derivative(1000), 0.0);
        double[] v = Sigmoid.value(new double[] {-1000, 0, 1000});
        assertEquals(0.5, v[1], 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sigmoid.value(Double.NaN));
        assertTrue(e.getMessage().contains("NaN"));
    }
}
