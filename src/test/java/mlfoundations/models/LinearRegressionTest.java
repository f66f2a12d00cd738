package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlfoundations.calculus.Differences;
import mlfoundations.calculus.GradientAgreement;
import mlfoundations.data.ToyData;
import mlfoundations.stats.Rng;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.simple.SimpleMatrix;
import mlfoundations.metrics.Losses;
import mlfoundations.optim.DivergenceException;
import org.junit.jupiter.api.Test;

class LinearRegressionTest {

    private static SimpleMatrix column(double... v) {
        return new SimpleMatrix(v.length, 1, true, v);
    }

    private static SimpleMatrix randomMatrix(int rows, int cols) {
        SimpleMatrix a = new SimpleMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a.set(i, j, Rng.uniform(-2, 2));
            }
        }
        return a;
    }

    @Property(tries = 200)
    void analyticGradientMatchesCentralDifferences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int m,
            @ForAll @IntRange(min = 1, max = 4) int n) {
        Rng.reset(seed);
        SimpleMatrix x = randomMatrix(m, n);
        SimpleMatrix y = randomMatrix(m, 1);
        SimpleMatrix w = randomMatrix(n, 1);
        double b = Rng.uniform(-2, 2);
        // Pack (W, b) into one vector theta so the numerical gradient sees a function of n + 1 numbers.
        double[] theta = new double[n + 1];
        for (int j = 0; j < n; j++) {
            theta[j] = w.get(j, 0);
        }
        theta[n] = b;
        double[] numerical = Differences.gradient(t -> {
            SimpleMatrix wt = new SimpleMatrix(n, 1);
            for (int j = 0; j < n; j++) {
                wt.set(j, 0, t[j]);
            }
            return Losses.mse(y, x.mult(wt).plus(t[n]));
        }, theta, 1e-5);
        LinearRegression.Gradient g = LinearRegression.mseGradient(x, y, w, b);
        double[] analytic = new double[n + 1];
        for (int j = 0; j < n; j++) {
            analytic[j] = g.dW().get(j, 0);
        }
        analytic[n] = g.db();
        GradientAgreement.assertAgree(analytic, numerical, Losses.mse(y, x.mult(w).plus(b)), m * (n + 1), 1e-5);
    }

    @Test
    void gradientOnAHandWorkedExample() {
        // x = (0, 1, 2), y = (1, 3, 5), W = 1, b = 0: P = (0, 1, 2), R = (1, 2, 3).
        // dW = -(2/3)(0*1 + 1*2 + 2*3) = -16/3, db = -(2/3)(1 + 2 + 3) = -4, MSE = (1 + 4 + 9)/3 = 14/3.
        SimpleMatrix x = column(0, 1, 2);
        SimpleMatrix y = column(1, 3, 5);
        LinearRegression.Gradient g = LinearRegression.mseGradient(x, y, column(1), 0);
        assertEquals(-16.0 / 3, g.dW().get(0, 0), 1e-14);
        assertEquals(-4.0, g.db(), 1e-14);
        assertEquals(14.0 / 3, Losses.mse(y, x.mult(column(1)).plus(0)), 1e-14);
    }

    @Test
    void oneGradientStepIsTheUpdateRule() {
        Rng.reset(5);
        SimpleMatrix x = randomMatrix(6, 2);
        SimpleMatrix y = randomMatrix(6, 1);
        SimpleMatrix w0 = column(0.3, -0.7);
        double b0 = 0.2;
        double lr = 0.1;
        LinearRegression.Gradient g = LinearRegression.mseGradient(x, y, w0, b0);
        LinearRegression one = LinearRegression.fitGradientDescentOnMse(x, y, lr, 1, w0, b0);
        assertEquals(0.3 - lr * g.dW().get(0, 0), one.weight(0), 1e-14);
        assertEquals(-0.7 - lr * g.dW().get(1, 0), one.weight(1), 1e-14);
        assertEquals(b0 - lr * g.db(), one.bias(), 1e-14);
        double[] h = one.lossHistory();
        assertEquals(2, h.length);
        assertEquals(Losses.mse(y, x.mult(w0).plus(b0)), h[0], 1e-14);
        assertEquals(one.mse(x, y), h[1], 1e-14);
    }

    @Test
    void closedFormRecoversExactCoefficientsOnNoiseFreeData() {
        Rng.reset(11);
        SimpleMatrix x = randomMatrix(30, 3);
        SimpleMatrix y = x.mult(column(2.0, -3.0, 0.5)).plus(1.25);
        LinearRegression fit = LinearRegression.fitClosedForm(x, y);
        assertEquals(2.0, fit.weight(0), 1e-12);
        assertEquals(-3.0, fit.weight(1), 1e-12);
        assertEquals(0.5, fit.weight(2), 1e-12);
        assertEquals(1.25, fit.bias(), 1e-12);
        assertEquals(0.0, fit.mse(x, y), 1e-24);
    }

    @Test
    void closedFormMatchesTheTextbookSlopeAndInterceptInOneDimension() {
        // slope = cov(x, y) / var(x), intercept = mean(y) - slope * mean(x): an independent route to the same line.
        Rng.reset(42);
        ToyData.Regression d = ToyData.line(100, 4, 3, 0, 2, 0.5);
        double[] xs = d.xs();
        double[] ys = d.ys();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < xs.length; i++) {
            mx += xs[i] / xs.length;
            my += ys[i] / ys.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < xs.length; i++) {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
        }
        LinearRegression fit = LinearRegression.fitClosedForm(d.x(), d.y());
        assertEquals(sxy / sxx, fit.weight(0), 1e-12);
        assertEquals(my - sxy / sxx * mx, fit.bias(), 1e-12);
    }

    @Test
    void gradientDescentReachesTheClosedFormOnTheLessonData() {
        // The lesson's data and start: Rng.reset(42), 100 points of y = 4 + 3x + N(0, 0.5^2), W0 and b0 ~ N(0, 1).
        Rng.reset(42);
        ToyData.Regression d = ToyData.line(100, 4, 3, 0, 2, 0.5);
        SimpleMatrix w0 = column(Rng.normal());
        double b0 = Rng.normal();
        LinearRegression exact = LinearRegression.fitClosedForm(d.x(), d.y());
        // The lesson's setting, 1000 steps at lr 0.05, is enough for 1e-6 on this data (the gap is about 3e-8).
        LinearRegression lesson = LinearRegression.fitGradientDescentOnMse(d.x(), d.y(), 0.05, 1000, w0, b0);
        assertEquals(exact.weight(0), lesson.weight(0), 1e-6);
        assertEquals(exact.bias(), lesson.bias(), 1e-6);
        // Each further step shrinks the gap by a constant factor; 3000 steps reach round-off level.
        LinearRegression longer = LinearRegression.fitGradientDescentOnMse(d.x(), d.y(), 0.05, 3000, w0, b0);
        assertEquals(exact.weight(0), longer.weight(0), 1e-11);
        assertEquals(exact.bias(), longer.bias(), 1e-11);
        // and the loss never goes up with this small a step (a convex bowl, lr below 1 / largest curvature)
        double[] h = longer.lossHistory();
        for (int k = 1; k < h.length; k++) {
            assertTrue(h[k] <= h[k - 1] + 1e-15, "loss rose at step " + k + ": " + h[k - 1] + " -> " + h[k]);
        }
        assertEquals(exact.mse(d.x(), d.y()), h[h.length - 1], 1e-12);
    }

    @Test
    void predictIsXWPlusB() {
        LinearRegression model = LinearRegression.of(column(2, -1), 0.5);
        SimpleMatrix x = new SimpleMatrix(2, 2, true, 1, 1, 3, 4);
        SimpleMatrix p = model.predict(x);
        assertEquals(2 - 1 + 0.5, p.get(0, 0), 1e-15);
        assertEquals(6 - 4 + 0.5, p.get(1, 0), 1e-15);
    }

    @Test
    void tooLargeALearningRateIsReportedAsDivergence() {
        Rng.reset(42);
        ToyData.Regression d = ToyData.line(100, 4, 3, 0, 2, 0.5);
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> LinearRegression.fitGradientDescentOnMse(d.x(), d.y(), 1.0, 1000));
        assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("learning rate 1"), e.getMessage());
    }

    @Test
    void singularXTransposeXIsReported() {
        // Second feature is twice the first: the columns of [X, 1] are dependent.
        SimpleMatrix x = new SimpleMatrix(4, 2, true, 1, 2, 2, 4, 3, 6, 4, 8);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LinearRegression.fitClosedForm(x, column(1, 2, 3, 4)));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
        // A constant feature duplicates the bias column.
        SimpleMatrix c = column(5, 5, 5);
        e = assertThrows(IllegalStateException.class, () -> LinearRegression.fitClosedForm(c, column(1, 2, 3)));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
    }

    @Test
    void badInputIsNamedWithValuesAndShapes() {
        SimpleMatrix x = new SimpleMatrix(5, 2);
        SimpleMatrix y = new SimpleMatrix(4, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearRegression.fitGradientDescentOnMse(x, y, 0.05, 10));
        assertTrue(e.getMessage().contains("5x2") && e.getMessage().contains("4x1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinearRegression.fitClosedForm(x, y));
        SimpleMatrix y5 = new SimpleMatrix(5, 1);
        e = assertThrows(IllegalArgumentException.class, () -> LinearRegression.fitGradientDescentOnMse(x, y5, -0.1, 10));
        assertTrue(e.getMessage().contains("learning rate") && e.getMessage().contains("-0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LinearRegression.fitGradientDescentOnMse(x, y5, 0.0, 10));
        assertTrue(e.getMessage().contains("got 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LinearRegression.fitGradientDescentOnMse(x, y5, 0.1, 0));
        assertTrue(e.getMessage().contains("iterations") && e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LinearRegression.mseGradient(x, y5, column(1, 2, 3), 0));
        assertTrue(e.getMessage().contains("3x1") && e.getMessage().contains("5x2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LinearRegression.fitGradientDescentOnMse(x, new SimpleMatrix(5, 2), 0.1, 5));
        assertTrue(e.getMessage().contains("y must be a column") && e.getMessage().contains("5x2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LinearRegression.fitClosedForm(new SimpleMatrix(2, 2), column(1, 2)));
        assertTrue(e.getMessage().contains("m = 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LinearRegression.of(column(1), 0).predict(x));
        assertTrue(e.getMessage().contains("5x2") && e.getMessage().contains("1x1"), e.getMessage());
        SimpleMatrix bad = column(1, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> LinearRegression.fitClosedForm(column(1, 2), bad));
        assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
    }
}
