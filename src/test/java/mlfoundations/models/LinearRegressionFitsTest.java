package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlfoundations.calculus.Differences;
import mlfoundations.data.StandardScaler;
import mlfoundations.stats.Rng;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

/** Tests of the lesson 01-2 additions: cost J, normal equation, batch/SGD/mini-batch descent, ridge and lasso. */
class LinearRegressionFitsTest {

    private static SimpleMatrix random(int rows, int cols) {
        SimpleMatrix a = new SimpleMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a.set(i, j, Rng.normal());
            }
        }
        return a;
    }

    /** y = X trueW + 3 + noise, with features of very different scales unless told otherwise. */
    private static SimpleMatrix target(SimpleMatrix x, double noise) {
        SimpleMatrix y = new SimpleMatrix(x.getNumRows(), 1);
        for (int i = 0; i < x.getNumRows(); i++) {
            double v = 3;
            for (int j = 0; j < x.getNumCols(); j++) {
                v += (j + 1) * (j % 2 == 0 ? 1 : -1) * x.get(i, j);
            }
            y.set(i, 0, v + noise * Rng.normal());
        }
        return y;
    }

    /** theta = (W, b) from the SVD pseudo-inverse of [X, 1], computed here independently of the library. */
    private static SimpleMatrix pinvSolution(SimpleMatrix x, SimpleMatrix y) {
        SimpleMatrix a = x.concatColumns(SimpleMatrix.ones(x.getNumRows(), 1));
        return a.pseudoInverse().mult(y);
    }

    private static void assertModel(SimpleMatrix theta, LinearRegression model, double tol) {
        int n = theta.getNumRows() - 1;
        for (int j = 0; j < n; j++) {
            assertEquals(theta.get(j, 0), model.weight(j), tol, "weight " + j);
        }
        assertEquals(theta.get(n, 0), model.bias(), tol, "bias");
    }

    @Test
    void normalEquationMatchesPseudoInverseLeastSquares() {
        Rng.reset(1);
        SimpleMatrix x = random(40, 5);
        SimpleMatrix y = target(x, 0.5);
        assertModel(pinvSolution(x, y), LinearRegression.fitNormalEquation(x, y), 1e-9);
    }

    @Property(tries = 100)
    void costIsHalfTheMseAndItsGradientMatchesCentralDifferences(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 8) int m, @ForAll @IntRange(min = 1, max = 4) int n) {
        Rng.reset(seed);
        SimpleMatrix x = random(m, n);
        SimpleMatrix y = random(m, 1);
        SimpleMatrix w = random(n, 1);
        double b = Rng.normal();
        // J by its definition, summed here: (1/2m) sum (p - y)^2
        double j = 0;
        for (int i = 0; i < m; i++) {
            double p = b;
            for (int k = 0; k < n; k++) {
                p += x.get(i, k) * w.get(k, 0);
            }
            j += (p - y.get(i, 0)) * (p - y.get(i, 0)) / (2.0 * m);
        }
        assertEquals(j, LinearRegression.cost(x, y, w, b), 1e-12 * (1 + j));
        double[] theta = new double[n + 1];
        for (int k = 0; k < n; k++) {
            theta[k] = w.get(k, 0);
        }
        theta[n] = b;
        double[] numerical = Differences.gradient(t -> LinearRegression.cost(x, y,
                new SimpleMatrix(n, 1, true, java.util.Arrays.copyOf(t, n)), t[n]), theta, 1e-5);
        LinearRegression.Gradient g = LinearRegression.costGradient(x, y, w, b);
        double[] analytic = new double[n + 1];
        for (int k = 0; k < n; k++) {
            analytic[k] = g.dW().get(k, 0);
        }
        analytic[n] = g.db();
        double rel = Differences.relativeError(analytic, numerical);
        assertTrue(rel < 1e-7, "relative error " + rel);
    }

    @Test
    void batchGradientDescentReachesTheNormalEquationOnStandardisedData() {
        Rng.reset(2);
        SimpleMatrix x = new StandardScaler().fitTransform(random(60, 4));
        SimpleMatrix y = target(x, 0.3);
        LinearRegression gd = LinearRegression.fitBatchGradientDescent(x, y, 0.3, 3000);
        assertModel(pinvSolution(x, y), gd, 1e-6);
        double[] h = gd.lossHistory();
        assertEquals(3001, h.length);
        assertEquals(LinearRegression.cost(x, y, new SimpleMatrix(4, 1), 0), h[0], 1e-12);
        for (int k = 1; k < h.length; k++) {
            assertTrue(h[k] <= h[k - 1] + 1e-15, "batch GD with a small step never raises J; step " + k);
        }
    }

    @Test
    void stochasticAndMiniBatchDescentGetCloseWithADecayingStep() {
        Rng.reset(3);
        SimpleMatrix x = new StandardScaler().fitTransform(random(200, 3));
        SimpleMatrix y = target(x, 0.5);
        SimpleMatrix theta = pinvSolution(x, y);
        LinearRegression sgd = LinearRegression.descent(0.05, 200).batchSize(1).decay(0.2).fit(x, y);
        assertModel(theta, sgd, 2e-2);
        LinearRegression mini = LinearRegression.descent(0.1, 300).batchSize(16).decay(0.05).fit(x, y);
        assertModel(theta, mini, 5e-3);
        assertEquals(301, mini.lossHistory().length);
        assertEquals(300 * 13, mini.batchLossHistory().length, "ceil(200 / 16) = 13 updates per epoch");
        assertEquals(200 * 200, sgd.batchLossHistory().length);
    }

    @Test
    void shufflingIsSeeded() {
        Rng.reset(4);
        SimpleMatrix x = random(30, 2);
        SimpleMatrix y = target(x, 0.1);
        Rng.reset(7);
        LinearRegression a = LinearRegression.fitMiniBatchGradientDescent(x, y, 0.05, 5, 4);
        Rng.reset(7);
        LinearRegression b = LinearRegression.fitMiniBatchGradientDescent(x, y, 0.05, 5, 4);
        Rng.reset(8);
        LinearRegression c = LinearRegression.fitMiniBatchGradientDescent(x, y, 0.05, 5, 4);
        assertArrayEquals(a.lossHistory(), b.lossHistory(), 0.0);
        assertTrue(a.weight(0) != c.weight(0), "another seed visits the examples in another order");
    }

    @Test
    void miniBatchOfSizeMIsBatchDescent() {
        Rng.reset(5);
        SimpleMatrix x = random(20, 2);
        SimpleMatrix y = target(x, 0.1);
        LinearRegression batch = LinearRegression.fitBatchGradientDescent(x, y, 0.1, 50);
        LinearRegression mini = LinearRegression.fitMiniBatchGradientDescent(x, y, 0.1, 50, 20);
        assertArrayEquals(batch.lossHistory(), mini.lossHistory(), 1e-12);
    }

    @Test
    void ridgeClosedFormMatchesTheExplicitFormulaOnCentredData() {
        Rng.reset(6);
        SimpleMatrix x = random(25, 3).plus(5);          // off-centre, so an unpenalised bias matters
        SimpleMatrix y = target(x, 1.0);
        double lambda = 4.0;
        int m = x.getNumRows();
        SimpleMatrix mean = SimpleMatrix.ones(1, m).mult(x).scale(1.0 / m);
        SimpleMatrix xc = x.minus(SimpleMatrix.ones(m, 1).mult(mean));
        double yMean = y.elementSum() / m;
        SimpleMatrix yc = y.minus(yMean);
        SimpleMatrix w = xc.transpose().mult(xc).plus(SimpleMatrix.identity(3).scale(lambda)).invert()
                .mult(xc.transpose()).mult(yc);
        double b = yMean - mean.mult(w).get(0, 0);
        LinearRegression ridge = LinearRegression.fitRidge(x, y, lambda);
        for (int j = 0; j < 3; j++) {
            assertEquals(w.get(j, 0), ridge.weight(j), 1e-10);
        }
        assertEquals(b, ridge.bias(), 1e-9);
        // gradient descent on the same penalised cost lands on the same point
        SimpleMatrix z = new StandardScaler().fitTransform(x);
        LinearRegression closed = LinearRegression.fitRidge(z, y, lambda);
        LinearRegression gd = LinearRegression.descent(0.3, 3000).ridge(lambda).fit(z, y);
        for (int j = 0; j < 3; j++) {
            assertEquals(closed.weight(j), gd.weight(j), 1e-6);
        }
        assertEquals(closed.bias(), gd.bias(), 1e-6);
    }

    @Test
    void lassoOnAnOrthonormalDesignIsTheSoftThresholdOfTheLeastSquaresWeights() {
        Rng.reset(9);
        int m = 50;
        int n = 4;
        // QR of [1, random]: the other Q columns are orthonormal and orthogonal to the ones column (so centred).
        SimpleMatrix a = SimpleMatrix.ones(m, 1).concatColumns(random(m, n));
        var qr = org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(m, n + 1);
        qr.decompose(a.copy().getDDRM());
        SimpleMatrix q = SimpleMatrix.wrap(qr.getQ(null, true));
        SimpleMatrix x = q.extractMatrix(0, m, 1, n + 1).scale(Math.sqrt(m));   // (1/m) X^T X = I
        SimpleMatrix y = x.mult(new SimpleMatrix(n, 1, true, 2.0, -0.3, 0.05, -1.0)).plus(7)
                .plus(random(m, 1).scale(0.1));
        double lambda = 0.25;
        LinearRegression lasso = LinearRegression.fitLasso(x, y, lambda);
        for (int j = 0; j < n; j++) {
            double ols = x.extractVector(false, j).dot(y) / m;           // least-squares weight (1/m) x_j . y
            double expected = Math.signum(ols) * Math.max(Math.abs(ols) - lambda, 0);
            assertEquals(expected, lasso.weight(j), 1e-10, "weight " + j);
        }
        assertEquals(y.elementSum() / m, lasso.bias(), 1e-10, "the bias is the mean of y, unpenalised");
        assertEquals(0.0, lasso.weight(2), 0.0, "|0.05| < lambda: exactly zero");
    }

    @Test
    void lassoMakesExactZerosWhereRidgeOnlyShrinks() {
        Rng.reset(10);
        SimpleMatrix x = new StandardScaler().fitTransform(random(80, 6));
        SimpleMatrix y = target(x, 1.0);
        LinearRegression lasso = LinearRegression.fitLasso(x, y, 2.5);
        LinearRegression ridge = LinearRegression.fitRidge(x, y, 2.5 * 80);
        int lassoZeros = 0;
        for (int j = 0; j < 6; j++) {
            lassoZeros += lasso.weight(j) == 0.0 ? 1 : 0;
            assertTrue(ridge.weight(j) != 0.0, "ridge weight " + j + " is not exactly zero");
        }
        assertTrue(lassoZeros >= 2, "weights 1 and 2 are below the threshold: " + lasso);
        // lambda above max_j |x_j . yc| / m: every weight is zero and the bias is mean(y)
        LinearRegression all = LinearRegression.fitLasso(x, y, 100);
        for (int j = 0; j < 6; j++) {
            assertEquals(0.0, all.weight(j), 0.0);
        }
        assertEquals(y.elementSum() / 80, all.bias(), 1e-12);
    }

    @Test
    void lassoAndRidgeWithLambdaZeroAreLeastSquares() {
        Rng.reset(11);
        SimpleMatrix x = random(30, 3);
        SimpleMatrix y = target(x, 0.2);
        SimpleMatrix theta = pinvSolution(x, y);
        assertModel(theta, LinearRegression.fitLasso(x, y, 0), 1e-8);
        assertModel(theta, LinearRegression.fitRidge(x, y, 0), 1e-9);
    }

    @Test
    void softThresholdHandWorked() {
        assertEquals(2.0, LinearRegression.softThreshold(3.0, 1.0), 0);
        assertEquals(-2.0, LinearRegression.softThreshold(-3.0, 1.0), 0);
        assertEquals(0.0, LinearRegression.softThreshold(0.7, 1.0), 0);
        assertEquals(0.0, LinearRegression.softThreshold(-1.0, 1.0), 0);
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        SimpleMatrix x = new SimpleMatrix(new double[][] {{1, 2}, {3, 4}, {5, 7}});
        SimpleMatrix y = new SimpleMatrix(3, 1, true, 1, 2, 3);
        assertMessage(IllegalArgumentException.class, "got -0.1",
                () -> LinearRegression.fitBatchGradientDescent(x, y, -0.1, 10));
        assertMessage(IllegalArgumentException.class, "got 0.0",
                () -> LinearRegression.fitStochasticGradientDescent(x, y, 0.0, 10));
        assertMessage(IllegalArgumentException.class, "batch size must be at least 1, got 0",
                () -> LinearRegression.fitMiniBatchGradientDescent(x, y, 0.1, 10, 0));
        assertMessage(IllegalArgumentException.class, "batch size 4 is larger than the number of examples m = 3",
                () -> LinearRegression.fitMiniBatchGradientDescent(x, y, 0.1, 10, 4));
        assertMessage(IllegalArgumentException.class, "lambda must be finite and >= 0, got -1.0",
                () -> LinearRegression.fitRidge(x, y, -1));
        assertMessage(IllegalArgumentException.class, "lambda must be finite and >= 0, got -0.5",
                () -> LinearRegression.fitLasso(x, y, -0.5));
        assertMessage(IllegalArgumentException.class, "lambda must be finite and >= 0, got -2.0",
                () -> LinearRegression.descent(0.1, 5).ridge(-2));
        assertMessage(IllegalArgumentException.class, "at least one example",
                () -> LinearRegression.fitLasso(new SimpleMatrix(0, 2), new SimpleMatrix(0, 1), 1));
        assertMessage(IllegalArgumentException.class, "X is 3x2 but y is 2x1",
                () -> LinearRegression.fitRidge(x, new SimpleMatrix(2, 1), 1));
        assertMessage(IllegalArgumentException.class, "X is 3x2 but y is 4x1",
                () -> LinearRegression.fitBatchGradientDescent(x, new SimpleMatrix(4, 1), 0.1, 5));
        assertMessage(IllegalArgumentException.class, "epochs (iterations) must be > 0, got 0",
                () -> LinearRegression.descent(0.1, 0));
        assertMessage(IllegalArgumentException.class, "decay must be finite and >= 0, got -1.0",
                () -> LinearRegression.descent(0.1, 5).decay(-1));
        assertMessage(IllegalStateException.class, "diverged",
                () -> LinearRegression.fitBatchGradientDescent(x, y, 10.0, 200));
    }

    private static void assertMessage(Class<? extends RuntimeException> type, String part,
            org.junit.jupiter.api.function.Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should contain '" + part + "'");
    }
}
