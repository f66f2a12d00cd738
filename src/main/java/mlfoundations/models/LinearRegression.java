package mlfoundations.models;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.simple.SimpleMatrix;

/**
 * Linear regression p = X W + b: one weight per feature plus a bias, fitted to minimise the mean squared error
 * MSE(W, b) = (1/m) sum_i (y_i - p_i)^2. X is m x n (one example per row), y is m x 1, W is n x 1, b a number.
 *
 * <p>Two ways to fit it: {@link #fitGradientDescent} (batch gradient descent, keeping the loss after every step) and
 * {@link #fitClosedForm} (the normal equation, solved as a least-squares problem). Scikit-learn's
 * {@code LinearRegression().fit(X, y)} is the closed form; {@code coef_} is {@link #weights()},
 * {@code intercept_} is {@link #bias()}.
 */
public final class LinearRegression {

    /** Above this condition number of [X, 1], X^T X is treated as singular: its condition number would be above 1e20. */
    static final double MAX_CONDITION = 1e10;

    /** Gradient descent is declared diverged when the loss exceeds this multiple of its starting value. */
    static final double DIVERGENCE_FACTOR = 1e6;

    private final SimpleMatrix weights;
    private final double bias;
    private final double[] lossHistory;

    private LinearRegression(SimpleMatrix weights, double bias, double[] lossHistory) {
        this.weights = weights;
        this.bias = bias;
        this.lossHistory = lossHistory;
    }

    /** The gradient of the MSE: dW = dMSE/dW (n x 1) and db = dMSE/db. */
    public record Gradient(SimpleMatrix dW, double db) {
    }

    /** A model with the given weights (n x 1) and bias, for predicting or evaluating without fitting. */
    public static LinearRegression of(SimpleMatrix weights, double bias) {
        checkWeights(weights);
        checkFinite("bias", bias);
        return new LinearRegression(weights.copy(), bias, new double[0]);
    }

    /**
     * The MSE gradient at (W, b): with residuals R = y - (X W + b), dW = -(2/m) X^T R and db = -(2/m) sum_i R_i
     * (the document's code: {@code -2 / m * np.dot(X.T, residuals)} and {@code -2 / m * np.sum(residuals)}).
     */
    public static Gradient gradient(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w, double b) {
        checkData(x, y);
        checkParameters(x, w, b);
        int m = x.getNumRows();
        SimpleMatrix r = y.minus(x.mult(w).plus(b));
        SimpleMatrix dW = x.transpose().mult(r).scale(-2.0 / m);
        double db = -2.0 / m * r.elementSum();
        return new Gradient(dW, db);
    }

    /** The MSE (1/m) sum_i (y_i - (x_i . W + b))^2 of the parameters (W, b) on the data (X, y). */
    public static double mse(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w, double b) {
        checkData(x, y);
        checkParameters(x, w, b);
        SimpleMatrix r = y.minus(x.mult(w).plus(b));
        return r.elementMult(r).elementSum() / x.getNumRows();
    }

    /** Batch gradient descent from W = 0, b = 0: see {@link #fitGradientDescent(SimpleMatrix, SimpleMatrix, double, int, SimpleMatrix, double)}. */
    public static LinearRegression fitGradientDescent(SimpleMatrix x, SimpleMatrix y, double learningRate, int iterations) {
        checkData(x, y);
        return fitGradientDescent(x, y, learningRate, iterations, new SimpleMatrix(x.getNumCols(), 1), 0.0);
    }

    /**
     * Batch gradient descent from (w0, b0): {@code iterations} times, W <- W - lr dW and b <- b - lr db, with the
     * gradient of {@link #gradient}. The loss history holds iterations + 1 values: the MSE before the first step and
     * after each step. Throws IllegalStateException if the loss blows up (not finite, or a million times its start):
     * the learning rate is too large.
     */
    public static LinearRegression fitGradientDescent(SimpleMatrix x, SimpleMatrix y, double learningRate, int iterations,
            SimpleMatrix w0, double b0) {
        checkData(x, y);
        checkParameters(x, w0, b0);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        if (iterations <= 0) {
            throw new IllegalArgumentException("number of iterations must be > 0, got " + iterations);
        }
        int m = x.getNumRows();
        DMatrixRMaj xd = x.getDDRM();
        double[] yv = new double[m];
        for (int i = 0; i < m; i++) {
            yv[i] = y.get(i, 0);
        }
        DMatrixRMaj w = w0.getDDRM().copy();
        double b = b0;
        // Work arrays allocated once: predictions, residuals and X^T R are overwritten on every step.
        DMatrixRMaj p = new DMatrixRMaj(m, 1);
        DMatrixRMaj r = new DMatrixRMaj(m, 1);
        DMatrixRMaj xtr = new DMatrixRMaj(x.getNumCols(), 1);
        double[] pv = p.getData();
        double[] rv = r.getData();
        double[] history = new double[iterations + 1];
        for (int k = 0; k <= iterations; k++) {
            CommonOps_DDRM.mult(xd, w, p);               // P = X W
            double sumR = 0;
            double sumSq = 0;
            for (int i = 0; i < m; i++) {
                rv[i] = yv[i] - (pv[i] + b);             // R = Y - (X W + b)
                sumR += rv[i];
                sumSq += rv[i] * rv[i];
            }
            history[k] = sumSq / m;
            // On this convex bowl a small enough step never raises the loss, so a loss that is no longer finite, or
            // a million times the starting one, means the steps overshoot further each time.
            if (!Double.isFinite(history[k]) || history[k] > DIVERGENCE_FACTOR * history[0]) {
                throw new IllegalStateException("gradient descent diverged: the MSE went from " + history[0] + " to "
                        + history[k] + " after " + k + " steps; the learning rate " + learningRate
                        + " is too large for this data, try a smaller one");
            }
            if (k == iterations) {
                break;
            }
            CommonOps_DDRM.multTransA(xd, r, xtr);        // X^T R without forming X^T
            // W - lr * (-(2/m) X^T R) = W + (2 lr / m) X^T R; the same for b with sum(R).
            CommonOps_DDRM.addEquals(w, 2 * learningRate / m, xtr);
            b += 2 * learningRate / m * sumR;
        }
        return new LinearRegression(SimpleMatrix.wrap(w), b, history);
    }

    /**
     * The closed form: the (W, b) minimising the MSE exactly, from the normal equation A^T A theta = A^T y with
     * A = [X, 1] and theta = (W, b), solved as a least-squares problem by QR ({@code np.linalg.lstsq}). Throws
     * IllegalStateException if X^T X is singular (a feature is constant or a combination of others).
     */
    public static LinearRegression fitClosedForm(SimpleMatrix x, SimpleMatrix y) {
        checkData(x, y);
        int m = x.getNumRows();
        int n = x.getNumCols();
        if (m < n + 1) {
            throw new IllegalArgumentException("the closed form needs at least n + 1 = " + (n + 1)
                    + " examples for " + n + " weights and a bias, got m = " + m + " (X is " + shape(x) + ")");
        }
        SimpleMatrix a = x.concatColumns(SimpleMatrix.ones(m, 1));
        double condition = a.conditionP2();
        if (!(condition < MAX_CONDITION)) {
            throw new IllegalStateException("X^T X is singular (or nearly so): the columns of [X, 1] (" + shape(a)
                    + ") are linearly dependent, condition number " + condition
                    + "; remove constant or duplicated features");
        }
        SimpleMatrix theta = a.solve(y);
        SimpleMatrix w = theta.extractMatrix(0, n, 0, 1);
        return new LinearRegression(w, theta.get(n, 0), new double[0]);
    }

    /** The fitted weights W (n x 1), a copy ({@code model.coef_}). */
    public SimpleMatrix weights() {
        return weights.copy();
    }

    /** The fitted bias b ({@code model.intercept_}). */
    public double bias() {
        return bias;
    }

    /** The weight of feature j. */
    public double weight(int j) {
        if (j < 0 || j >= weights.getNumRows()) {
            throw new IllegalArgumentException("feature " + j + " does not exist; the model has "
                    + weights.getNumRows() + " weights");
        }
        return weights.get(j, 0);
    }

    /** Predictions P = X W + b, m x 1 ({@code model.predict(X)}). */
    public SimpleMatrix predict(SimpleMatrix x) {
        if (x == null) {
            throw new IllegalArgumentException("X must not be null");
        }
        if (x.getNumCols() != weights.getNumRows()) {
            throw new IllegalArgumentException("cannot predict for X of shape " + shape(x) + " with weights of shape "
                    + shape(weights) + ": X needs " + weights.getNumRows() + " columns");
        }
        return x.mult(weights).plus(bias);
    }

    /** The model's MSE on (X, y). */
    public double mse(SimpleMatrix x, SimpleMatrix y) {
        return mse(x, y, weights, bias);
    }

    /** The MSE before the first gradient step and after each step (iterations + 1 values); empty for the closed form. */
    public double[] lossHistory() {
        return Arrays.copyOf(lossHistory, lossHistory.length);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("LinearRegression[W = (");
        for (int j = 0; j < weights.getNumRows(); j++) {
            s.append(j == 0 ? "" : ", ").append(weights.get(j, 0));
        }
        return s.append("), b = ").append(bias).append(']').toString();
    }

    private static void checkData(SimpleMatrix x, SimpleMatrix y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("X and y must not be null");
        }
        if (y.getNumCols() != 1) {
            throw new IllegalArgumentException("y must be a column (m x 1), got " + shape(y));
        }
        if (x.getNumRows() != y.getNumRows()) {
            throw new IllegalArgumentException("X is " + shape(x) + " but y is " + shape(y)
                    + ": they need the same number of rows (one per example)");
        }
        if (x.getNumRows() == 0 || x.getNumCols() == 0) {
            throw new IllegalArgumentException("X must have at least one example and one feature, got " + shape(x));
        }
        checkAllFinite("X", x);
        checkAllFinite("y", y);
    }

    private static void checkParameters(SimpleMatrix x, SimpleMatrix w, double b) {
        checkWeights(w);
        if (w.getNumRows() != x.getNumCols()) {
            throw new IllegalArgumentException("X is " + shape(x) + " but W is " + shape(w) + ": W needs "
                    + x.getNumCols() + " rows, one weight per feature");
        }
        checkFinite("bias", b);
    }

    private static void checkWeights(SimpleMatrix w) {
        if (w == null) {
            throw new IllegalArgumentException("W must not be null");
        }
        if (w.getNumCols() != 1 || w.getNumRows() == 0) {
            throw new IllegalArgumentException("W must be a column (n x 1), got " + shape(w));
        }
        checkAllFinite("W", w);
    }

    private static void checkAllFinite(String name, SimpleMatrix a) {
        for (int i = 0; i < a.getNumRows(); i++) {
            for (int j = 0; j < a.getNumCols(); j++) {
                if (!Double.isFinite(a.get(i, j))) {
                    throw new IllegalArgumentException(name + " has a non-finite value " + a.get(i, j) + " at row " + i
                            + ", column " + j);
                }
            }
        }
    }

    private static void checkFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }

    private static String shape(SimpleMatrix a) {
        return a.getNumRows() + "x" + a.getNumCols();
    }
}
