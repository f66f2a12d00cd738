package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

import mlfoundations.optim.DivergenceException;
import mlfoundations.stats.Rng;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The benchmark's fused loop must compute what the readable loop computes. */
class LinearRegressionFastGdTest {

    private static SimpleMatrix normal(int rows, int cols) {
        SimpleMatrix a = new SimpleMatrix(rows, cols);
        for (int k = 0; k < rows * cols; k++) {
            a.set(k, Rng.normal());
        }
        return a;
    }

    @Property(tries = 30)
    void fastPathEqualsTheReadableLoop(@ForAll long seed, @ForAll @IntRange(min = 20, max = 300) int m,
            @ForAll @IntRange(min = 1, max = 6) int n) {
        // Standard normal features with m >= 20 examples and at most 6 features: (1/m) A^T A has eigenvalues within
        // a few units of 1, so with lr = 0.05 every step contracts the error and the two loops, which differ only
        // in the order of rounding (one fused pass versus matrix products), stay within a few hundred ulps.
        Rng.reset(seed);
        SimpleMatrix x = normal(m, n);
        SimpleMatrix y = x.mult(normal(n, 1)).plus(2).plus(normal(m, 1).scale(0.3));
        SimpleMatrix w0 = normal(n, 1);
        double b0 = Rng.normal();
        LinearRegression readable = LinearRegression.fitGradientDescentOnMse(x, y, 0.05, 200, w0, b0);
        LinearRegression fast = LinearRegressionFastGd.fit(x, y, 0.05, 200, w0, b0);
        for (int j = 0; j < n; j++) {
            assertEquals(readable.weight(j), fast.weight(j), 1e-11 * Math.max(1, Math.abs(readable.weight(j))));
        }
        assertEquals(readable.bias(), fast.bias(), 1e-11 * Math.max(1, Math.abs(readable.bias())));
        double[] h1 = readable.lossHistory();
        double[] h2 = fast.lossHistory();
        assertEquals(h1.length, h2.length);
        for (int k = 0; k < h1.length; k++) {
            assertEquals(h1[k], h2[k], 1e-11 * Math.max(1, h1[k]), "MSE after step " + k);
        }
    }

    @Test
    void bothDivergeAtTheSameStepWithTheSameMessage() {
        Rng.reset(3);
        SimpleMatrix x = normal(50, 2).scale(3);
        SimpleMatrix y = x.mult(new SimpleMatrix(2, 1, true, 1.0, -2.0));
        DivergenceException a = assertThrows(DivergenceException.class,
                () -> LinearRegression.fitGradientDescentOnMse(x, y, 2.0, 100));
        DivergenceException b = assertThrows(DivergenceException.class, () -> LinearRegressionFastGd.fit(x, y, 2.0, 100));
        assertEquals(a.step(), b.step());
        assertEquals(a.loss(), b.loss(), 1e-9 * a.loss());
        assertEquals(2.0, b.learningRate());
        assertEquals(a.history().losses().length, b.history().losses().length);
    }
}
