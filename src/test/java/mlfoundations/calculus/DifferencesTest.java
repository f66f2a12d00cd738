package mlfoundations.calculus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class DifferencesTest {

    private interface Rule {
        double apply(DoubleUnaryOperator f, double x, double h);
    }

    /** Error of a rule at step h divided by its error at h / 2. */
    private static double errorRatio(Rule rule, DoubleUnaryOperator f, double exact, double x, double h) {
        double big = Math.abs(rule.apply(f, x, h) - exact);
        double small = Math.abs(rule.apply(f, x, h / 2) - exact);
        return big / small;
    }

    @Test
    void forwardAndBackwardErrorsHalveWhenTheStepHalves() {
        // d/dx sin x = cos x, d/dx exp x = exp x (closed forms).
        for (double h : new double[] {1e-2, 1e-3}) {
            assertEquals(2.0, errorRatio(Differences::forward, Math::sin, Math.cos(1.0), 1.0, h), 0.1);
            assertEquals(2.0, errorRatio(Differences::backward, Math::sin, Math.cos(1.0), 1.0, h), 0.1);
            assertEquals(2.0, errorRatio(Differences::forward, Math::exp, Math.exp(0.5), 0.5, h), 0.1);
            assertEquals(2.0, errorRatio(Differences::backward, Math::exp, Math.exp(0.5), 0.5, h), 0.1);
        }
    }

    @Test
    void centralErrorQuartersWhenTheStepHalves() {
        for (double h : new double[] {1e-1, 1e-2}) {
            assertEquals(4.0, errorRatio(Differences::central, Math::sin, Math.cos(1.0), 1.0, h), 0.1);
            assertEquals(4.0, errorRatio(Differences::central, Math::exp, Math.exp(0.5), 0.5, h), 0.1);
        }
    }

    @Test
    void leadingErrorTermsMatchTaylorSeries() {
        // Taylor: forward error ~ h f''/2, central error ~ h^2 f'''/6. For sin at 1: f'' = -sin 1, f''' = -cos 1.
        double h = 1e-3;
        double fwdErr = Differences.forward(Math::sin, 1.0, h) - Math.cos(1.0);
        double cenErr = Differences.central(Math::sin, 1.0, h) - Math.cos(1.0);
        assertEquals(-h * Math.sin(1.0) / 2, fwdErr, 1e-3 * h);
        assertEquals(-h * h * Math.cos(1.0) / 6, cenErr, 1e-3 * h * h);
    }

    @Test
    void differencesAreExactOnLinesAndCentralIsExactOnParabolas() {
        assertEquals(3.0, Differences.forward(x -> 3 * x + 1, 2.0, 0.5), 1e-12);
        assertEquals(3.0, Differences.backward(x -> 3 * x + 1, 2.0, 0.5), 1e-12);
        // (x+h)^2 - (x-h)^2 = 4xh exactly, so the central difference of x^2 is 2x for any h.
        assertEquals(4.0, Differences.central(x -> x * x, 2.0, 0.5), 1e-12);
        assertEquals(4.5, Differences.forward(x -> x * x, 2.0, 0.5), 1e-12); // 2x + h
        assertEquals(3.5, Differences.backward(x -> x * x, 2.0, 0.5), 1e-12); // 2x - h
    }

    @Property
    void gradientMatchesTheClosedFormOfAQuadraticPlusSine(@ForAll @DoubleRange(min = -3, max = 3) double a,
            @ForAll @DoubleRange(min = -3, max = 3) double b, @ForAll @DoubleRange(min = -3, max = 3) double c) {
        // f = a^2 + 3ab + sin(c): grad = (2a + 3b, 3a, cos c).
        double[] g = Differences.gradient(v -> v[0] * v[0] + 3 * v[0] * v[1] + Math.sin(v[2]), new double[] {a, b, c}, 1e-5);
        double[] exact = {2 * a + 3 * b, 3 * a, Math.cos(c)};
        assertTrue(Differences.relativeError(g, exact) < 1e-8 || maxAbsDiff(g, exact) < 1e-9,
                "numerical " + java.util.Arrays.toString(g) + " vs exact " + java.util.Arrays.toString(exact));
    }

    @Test
    void gradientLeavesThePointUnchanged() {
        double[] x = {1.5, -2.0};
        Differences.gradient(v -> v[0] * v[1], x, 1e-4);
        assertArrayEquals(new double[] {1.5, -2.0}, x);
    }

    @Test
    void relativeErrorOnHandWorkedVectors() {
        // ||(3,4) - (3,0)|| = 4; max(||(3,4)||, ||(3,0)||) = max(5, 3) = 5.
        assertEquals(0.8, Differences.relativeError(new double[] {3, 4}, new double[] {3, 0}), 1e-15);
        assertEquals(0.0, Differences.relativeError(new double[] {0, 0}, new double[] {0, 0}));
        assertEquals(0.0, Differences.relativeError(new double[] {1, 2}, new double[] {1, 2}));
        assertEquals(0.5, Differences.relativeError(2.0, 1.0), 1e-15); // |2 - 1| / max(2, 1)
        // symmetric in its arguments
        assertEquals(Differences.relativeError(new double[] {1, 7}, new double[] {2, 5}),
                Differences.relativeError(new double[] {2, 5}, new double[] {1, 7}));
    }

    @Test
    void badStepsAreRejectedWithTheValue() {
        for (double h : new double[] {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Differences.central(Math::sin, 1.0, h));
            assertTrue(e.getMessage().contains("step size h must be finite and > 0, got " + h), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Differences.forward(Math::sin, 1.0, h));
            assertThrows(IllegalArgumentException.class, () -> Differences.backward(Math::sin, 1.0, h));
            assertThrows(IllegalArgumentException.class,
                    () -> Differences.gradient(v -> v[0], new double[] {1.0}, h));
        }
    }

    @Test
    void otherBadInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Differences.relativeError(new double[] {1, 2, 3}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("lengths 3 and 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Differences.central(Math::log, 0.0, 0.1));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Differences.gradient(v -> 0, new double[0], 0.1));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
