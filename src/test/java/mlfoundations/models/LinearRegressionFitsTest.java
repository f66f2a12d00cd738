package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlfoundations.calculus.Differences;
import mlfoundations.calculus.GradientAgreement;
import mlfoundations.data.StandardScaler;
import mlfoundations.stats.Rng;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.simple.SimpleMatrix;
import mlfoundations.optim.DivergenceException;
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
        GradientAgreement.assertAgree(analytic, numerical, j, m * (n + 1), 1e-5);
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
    void batchDescentFollowsTheClosedFormOfItsIterates() {
        // On J the gradient is H (theta - theta*) with H = (1/m) A^T A, A = [X, 1]; so every step multiplies the
        // error by (I - alpha H): theta_k = theta* + (I - alpha H)^k (theta_0 - theta*). Computed here with matrix
        // powers, independently of the loop; a mini-batch of all m examples must follow the same path.
        Rng.reset(5);
        SimpleMatrix x = random(20, 2);
        SimpleMatrix y = target(x, 0.1);
        int m = 20;
        double alpha = 0.1;
        int k = 50;
        SimpleMatrix a = x.concatColumns(SimpleMatrix.ones(m, 1));
        SimpleMatrix h = a.transpose().mult(a).scale(1.0 / m);
        SimpleMatrix thetaStar = pinvSolution(x, y);
        SimpleMatrix step = SimpleMatrix.identity(3).minus(h.scale(alpha));
        SimpleMatrix power = SimpleMatrix.identity(3);
        for (int i = 0; i < k; i++) {
            power = power.mult(step);
        }
        SimpleMatrix expected = thetaStar.plus(power.mult(new SimpleMatrix(3, 1).minus(thetaStar)));
        // The loop and the formula round differently; with ||I - alpha H|| < 1 the rounding does not grow, so a few
        // hundred ulps of |theta| (about 3) is plenty.
        assertModel(expected, LinearRegression.fitBatchGradientDescent(x, y, alpha, k), 1e-12);
        assertModel(expected, LinearRegression.fitMiniBatchGradientDescent(x, y, alpha, k, m), 1e-12);
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
        LinearRegression ridge = RegularisedRegression.fitRidge(x, y, lambda);
        for (int j = 0; j < 3; j++) {
            assertEquals(w.get(j, 0), ridge.weight(j), 1e-10);
        }
        assertEquals(b, ridge.bias(), 1e-9);
        // gradient descent on the same penalised cost lands on the same point
        SimpleMatrix z = new StandardScaler().fitTransform(x);
        LinearRegression closed = RegularisedRegression.fitRidge(z, y, lambda);
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
        LinearRegression lasso = RegularisedRegression.fitLasso(x, y, lambda);
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
        LinearRegression lasso = RegularisedRegression.fitLasso(x, y, 2.5);
        LinearRegression ridge = RegularisedRegression.fitRidge(x, y, 2.5 * 80);
        int lassoZeros = 0;
        for (int j = 0; j < 6; j++) {
            lassoZeros += lasso.weight(j) == 0.0 ? 1 : 0;
            assertTrue(ridge.weight(j) != 0.0, "ridge weight " + j + " is not exactly zero");
        }
        assertTrue(lassoZeros >= 2, "weights 1 and 2 are below the threshold: " + lasso);
        // lambda above max_j |x_j . yc| / m: every weight is zero and the bias is mean(y)
        LinearRegression all = RegularisedRegression.fitLasso(x, y, 100);
        for (int j = 0; j < 6; j++) {
            assertEquals(0.0, all.weight(j), 0.0);
        }
        assertEquals(y.elementSum() / 80, all.bias(), 1e-12);
    }

    @Test
    void lassoWithLambdaZeroConvergesToLeastSquares() {
        // Coordinate descent with no penalty is Gauss-Seidel on the normal equations: it must reach the least-squares
        // answer (computed here from the pseudo-inverse) to within its stopping tolerance.
        Rng.reset(11);
        SimpleMatrix x = random(30, 3);
        SimpleMatrix y = target(x, 0.2);
        assertModel(pinvSolution(x, y), RegularisedRegression.fitLasso(x, y, 0), 1e-8);
    }

    @Test
    void ridgeIsTheLeastSquaresSolutionOfTheAugmentedSystem() {
        // Minimising ||X w + b - y||^2 + lambda ||w||^2 (b free) is ordinary least squares on the stacked system
        // [X 1; sqrt(lambda) I 0] (w, b) = (y, 0): solved here by the pseudo-inverse, on the raw (uncentred) data,
        // while the library centres first. Several lambdas, including a tiny and a huge one.
        Rng.reset(12);
        SimpleMatrix x = random(30, 3).plus(4);
        SimpleMatrix y = target(x, 0.5);
        for (double lambda : new double[] {1e-6, 0.5, 30, 1e4}) {
            SimpleMatrix top = x.concatColumns(SimpleMatrix.ones(30, 1));
            SimpleMatrix bottom = SimpleMatrix.identity(3).scale(Math.sqrt(lambda)).concatColumns(new SimpleMatrix(3, 1));
            SimpleMatrix theta = top.concatRows(bottom).pseudoInverse().mult(y.concatRows(new SimpleMatrix(3, 1)));
            assertModel(theta, RegularisedRegression.fitRidge(x, y, lambda), 1e-9);
        }
    }

    @Test
    void lassoThatCannotConvergeSaysSo() {
        // Two features that differ by 0.1% and a target that is their (scaled) difference: the correlation is about
        // 1 - 1e-6, so each coordinate-descent sweep shrinks the error by a factor of about 1 - 2e-6, and 5 sweeps are
        // far from enough. The error names the cap and lambda and says what to do.
        Rng.reset(13);
        SimpleMatrix base = random(40, 1);
        SimpleMatrix x = base.concatColumns(base.plus(random(40, 1).scale(1e-3)));
        SimpleMatrix y = x.extractVector(false, 1).minus(x.extractVector(false, 0)).scale(1000);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RegularisedRegression.fitLasso(x, y, 1e-6, 5));
        assertTrue(e.getMessage().contains("did not converge in 5 sweeps") && e.getMessage().contains("lambda = 1.0E-6")
                && e.getMessage().contains("standardise"), e.getMessage());
    }

    @Test
    void softThresholdHandWorked() {
        assertEquals(2.0, RegularisedRegression.softThreshold(3.0, 1.0), 0);
        assertEquals(-2.0, RegularisedRegression.softThreshold(-3.0, 1.0), 0);
        assertEquals(0.0, RegularisedRegression.softThreshold(0.7, 1.0), 0);
        assertEquals(0.0, RegularisedRegression.softThreshold(-1.0, 1.0), 0);
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
                () -> RegularisedRegression.fitRidge(x, y, -1));
        assertMessage(IllegalArgumentException.class, "lambda must be finite and >= 0, got -0.5",
                () -> RegularisedRegression.fitLasso(x, y, -0.5));
        assertMessage(IllegalArgumentException.class, "lambda must be finite and >= 0, got -2.0",
                () -> LinearRegression.descent(0.1, 5).ridge(-2));
        assertMessage(IllegalArgumentException.class, "at least one example",
                () -> RegularisedRegression.fitLasso(new SimpleMatrix(0, 2), new SimpleMatrix(0, 1), 1));
        assertMessage(IllegalArgumentException.class, "X is 3x2 but y is 2x1",
                () -> RegularisedRegression.fitRidge(x, new SimpleMatrix(2, 1), 1));
        assertMessage(IllegalArgumentException.class, "X is 3x2 but y is 4x1",
                () -> LinearRegression.fitBatchGradientDescent(x, new SimpleMatrix(4, 1), 0.1, 5));
        assertMessage(IllegalArgumentException.class, "epochs (iterations) must be > 0, got 0",
                () -> LinearRegression.descent(0.1, 0));
        assertMessage(IllegalArgumentException.class, "decay must be finite and >= 0, got -1.0",
                () -> LinearRegression.descent(0.1, 5).decay(-1));
        assertMessage(DivergenceException.class, "diverged",
                () -> LinearRegression.fitBatchGradientDescent(x, y, 10.0, 200));
    }

    private static void assertMessage(Class<? extends RuntimeException> type, String part,
            org.junit.jupiter.api.function.Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should contain '" + part + "'");
    }
}
