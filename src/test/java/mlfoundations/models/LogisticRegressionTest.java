package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import mlfoundations.data.ToyData;
import mlfoundations.models.LogisticRegression.Penalty;
import mlfoundations.optim.Sgd;
import mlfoundations.stats.Rng;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    /**
     * One binary feature: at x = 0 the labels are 1, 0, 0, 0, at x = 1 they are 1, 1, 1, 0. The model has one free
     * probability per value of x, so the maximum-likelihood fit matches each group's share of ones:
     * sigma(b) = 1/4 and sigma(w + b) = 3/4, i.e. b = ln(1/3) and w = ln 3 - ln(1/3) = 2 ln 3.
     */
    private static final SimpleMatrix X = new SimpleMatrix(new double[][] {{0}, {0}, {0}, {0}, {1}, {1}, {1}, {1}});
    private static final SimpleMatrix Y = new SimpleMatrix(new double[][] {{1}, {0}, {0}, {0}, {1}, {1}, {1}, {0}});

    @Test
    void newtonFindsTheHandDerivedOptimum() {
        LogisticRegression fit = LogisticRegression.fitNewton(X, Y, Penalty.NONE, 50, 1e-12);
        assertEquals(-Math.log(3), fit.bias(), 1e-10);
        assertEquals(2 * Math.log(3), fit.weights().get(0), 1e-10);
        assertEquals(9.0, fit.oddsRatios()[0], 1e-9);
    }

    @Test
    void gradientDescentReachesTheSameOptimum() {
        LogisticRegression fit = LogisticRegression.fitGradientDescent(X, Y, 2.0, 5000);
        assertEquals(-Math.log(3), fit.bias(), 1e-4);
        assertEquals(2 * Math.log(3), fit.weights().get(0), 1e-4);
        double[] h = fit.lossHistory();
        assertEquals(5001, h.length);
        assertEquals(Math.log(2), h[0], 1e-15);   // W = 0, b = 0 gives a = 1/2 everywhere: cost ln 2
    }

    @Test
    void classWeightsMoveTheOptimumAsHandDerived() {
        // Class 1 counted 3 times: at x = 0 the weighted share of ones is 3*1 / (3*1 + 3) = 1/2, so b = 0; at x = 1
        // it is 3*3 / (3*3 + 1) = 9/10, so w + b = ln 9.
        LogisticRegression fit = LogisticRegression.descent(new Sgd(1.0), 20000).classWeights(1, 3).fit(X, Y);
        assertEquals(0, fit.bias(), 1e-3);
        assertEquals(Math.log(9), fit.weights().get(0), 1e-3);
    }

    @Test
    void newtonAndGradientDescentAgreeWithAnL2Penalty() {
        Rng.reset(3);
        ToyData.Classification d = ToyData.twoClassBlobs(60, 1.5);
        Penalty p = Penalty.l2(2.0);
        LogisticRegression newton = LogisticRegression.fitNewton(d.x(), d.y(), p, 50, 1e-12);
        LogisticRegression gd = LogisticRegression.descent(new Sgd(1.0), 3000).penalty(p).fit(d.x(), d.y());
        for (int j = 0; j < 2; j++) {
            assertEquals(newton.weights().get(j), gd.weights().get(j), 1e-6);
        }
        assertEquals(newton.bias(), gd.bias(), 1e-6);
        // At Newton's answer the gradient of J vanishes.
        LogisticRegression.Gradient g = LogisticRegression.gradient(d.x(), d.y(), newton.weights(), newton.bias(), p);
        assertTrue(g.dW().elementMaxAbs() < 1e-10 && Math.abs(g.db()) < 1e-10);
    }

    @Test
    void irlsNeedsAHandfulOfStepsWhereGradientDescentNeedsHundreds() {
        Rng.reset(5);
        ToyData.Classification d = ToyData.twoClassBlobs(100, 2.0);
        LogisticRegression newton = LogisticRegression.fitNewton(d.x(), d.y(), Penalty.NONE, 50, 1e-10);
        int newtonSteps = newton.lossHistory().length - 1;
        double best = newton.lossHistory()[newtonSteps];
        assertTrue(newtonSteps <= 10, "Newton took " + newtonSteps + " steps");
        double[] gd = LogisticRegression.fitGradientDescent(d.x(), d.y(), 0.5, 2000).lossHistory();
        int gdSteps = 0;
        while (gd[gdSteps] - best > 1e-6) {
            gdSteps++;
        }
        assertTrue(gdSteps > 100, "gradient descent reached within 1e-6 of the optimum in " + gdSteps + " steps");
    }

    /**
     * The analytic gradient against central differences of J. Inputs are kept in [-2, 2] and parameters in [-1, 1]
     * with n <= 3, so |z| <= 7 and 1 - a >= 9e-4: ln(1 - a) then keeps about 13 digits and the differences' rounding
     * noise is about 1e-16 / h = 1e-11. The truncation error is h^2 / 6 times a third derivative of at most
     * (n max|x|)^3 = 216, about 4e-9. L1 weights are kept at least 0.2 from its kink at 0, farther than h.
     */
    @Property(tries = 100)
    void gradientMatchesCentralDifferences(@ForAll long seed) {
        Random r = new Random(seed);
        int m = 2 + r.nextInt(20);
        int n = 1 + r.nextInt(3);
        SimpleMatrix x = new SimpleMatrix(m, n);
        SimpleMatrix y = new SimpleMatrix(m, 1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                x.set(i, j, -2 + 4 * r.nextDouble());
            }
            y.set(i, 0, r.nextBoolean() ? 1 : 0);
        }
        SimpleMatrix w = new SimpleMatrix(n, 1);
        for (int j = 0; j < n; j++) {
            w.set(j, 0, (r.nextBoolean() ? 1 : -1) * (0.2 + 0.8 * r.nextDouble()));
        }
        double b = -1 + 2 * r.nextDouble();
        Penalty p = new Penalty(r.nextDouble(), 2 * r.nextDouble());
        LogisticRegression.Gradient g = LogisticRegression.gradient(x, y, w, b, p);
        double h = 1e-5;
        for (int j = 0; j < n; j++) {
            SimpleMatrix wp = w.copy();
            SimpleMatrix wm = w.copy();
            wp.set(j, 0, w.get(j) + h);
            wm.set(j, 0, w.get(j) - h);
            double num = (LogisticRegression.cost(x, y, wp, b, p) - LogisticRegression.cost(x, y, wm, b, p)) / (2 * h);
            assertEquals(num, g.dW().get(j), 1e-7);
        }
        double numB = (LogisticRegression.cost(x, y, w, b + h, p) - LogisticRegression.cost(x, y, w, b - h, p)) / (2 * h);
        assertEquals(numB, g.db(), 1e-7);
    }

    @Test
    void thresholdDecidesTheLabel() {
        LogisticRegression model = LogisticRegression.of(new SimpleMatrix(new double[][] {{1}}), 0);
        SimpleMatrix x = new SimpleMatrix(new double[][] {{-0.1}, {0.0}, {1.0}});
        // sigma(-0.1) = 0.475, sigma(0) = 0.5, sigma(1) = 0.731
        assertArrayEq(new double[] {0, 1, 1}, model.predict(x));
        assertArrayEq(new double[] {0, 0, 1}, model.withThreshold(0.7).predict(x));
        assertThrows(IllegalArgumentException.class, () -> model.withThreshold(1.0));
    }

    @Test
    void badInputIsRejectedClearly() {
        SimpleMatrix bad = new SimpleMatrix(new double[][] {{0}, {2}});
        SimpleMatrix x2 = new SimpleMatrix(new double[][] {{0}, {1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fitGradientDescent(x2, bad, 0.1, 10));
        assertTrue(e.getMessage().contains("0 or 1") && e.getMessage().contains("2.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fitNewton(X, Y, Penalty.l1(1), 10, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> Penalty.l2(-1));
    }

    @Test
    void newtonOnSeparableDataAsksForAPenalty() {
        SimpleMatrix x = new SimpleMatrix(new double[][] {{-2}, {-1}, {1}, {2}});
        SimpleMatrix y = new SimpleMatrix(new double[][] {{0}, {0}, {1}, {1}});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogisticRegression.fitNewton(x, y, Penalty.NONE, 200, 1e-14));
        assertTrue(e.getMessage().contains("separable"), e.getMessage());
        // with a penalty the optimum is finite
        LogisticRegression ok = LogisticRegression.fitNewton(x, y, Penalty.l2(0.1), 200, 1e-12);
        assertTrue(ok.weights().get(0) > 0);
    }

    private static void assertArrayEq(double[] expected, SimpleMatrix actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(i, 0), 0.0, "row " + i);
        }
    }
}
