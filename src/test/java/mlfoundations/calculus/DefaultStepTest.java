package mlfoundations.calculus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class DefaultStepTest {

    @Property(tries = 100)
    void derivativeOfSineIsCosine(@ForAll @DoubleRange(min = -5, max = 5) double x) {
        assertEquals(Math.cos(x), Differences.central(Math::sin, x), 1e-8);
    }

    @Test
    void gradientMatchesTheHandWorkedPartials() {
        // f = x^2 y + 3y: df/dx = 2xy = -4, df/dy = x^2 + 3 = 7 at (2, -1).
        assertArrayEquals(new double[] {-4, 7}, Differences.gradient(p -> p[0] * p[0] * p[1] + 3 * p[1],
                new double[] {2, -1}), 1e-7);
        // The bowl: (2x, 2y).
        assertArrayEquals(new double[] {-3, 1}, Differences.gradient(p -> p[0] * p[0] + p[1] * p[1],
                new double[] {-1.5, 0.5}), 1e-8);
    }

    @Test
    void badInputThrows() {
        assertThrows(IllegalArgumentException.class, () -> Differences.central(x -> x, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Differences.central(Math::log, 0));
        assertThrows(IllegalArgumentException.class, () -> Differences.gradient(p -> 0, new double[0]));
    }
}
