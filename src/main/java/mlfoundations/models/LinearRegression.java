package mlfoundations.models;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

import mlfoundations.data.Batches;
import mlfoundations.linalg.Matrices;
import mlfoundations.metrics.Losses;
import mlfoundations.optim.Sgd;
import mlfoundations.optim.TrainingHistory;
import mlfoundations.optim.TrainingLoop;

/**
 * Linear regression p = X W + b: one weight per feature plus a bias. X is m x n (one example per row), y is m x 1,
 * W is n x 1, b a number. Scikit-learn's {@code LinearRegression().fit(X, y)} is {@link #fitClosedForm};
 * {@code coef_} is {@link #weights()}, {@code intercept_} is {@link #bias()}.
 *
 * <p>The squared error comes in two scalings, and every method says in its name which one it descends:
 * <ul>
 * <li>MSE(W, b) = (1/m) sum_i (y_i - p_i)^2 ({@link Losses#mse}, lesson 00-4), gradient {@link #mseGradient}
 *     (2/m), descended by {@link #fitGradientDescentOnMse};
 * <li>the cost J(W, b) = (1/2m) sum_i (p_i - y_i)^2 = MSE / 2 ({@link #cost}, lesson 01-2), gradient
 *     {@link #costGradient} (1/m), descended by {@link #fitBatchGradientDescent},
 *     {@link #fitStochasticGradientDescent}, {@link #fitMiniBatchGradientDescent} and {@link #descent}.
 * </ul>
 * Both have the same minimiser, but with the same learning rate a step on the MSE is twice as long as a step on J.
 * Every descent runs the one {@link TrainingLoop} with {@link Sgd} (W &lt;- W - alpha dW, b &lt;- b - alpha db).
 * Regularised fits (ridge, lasso) are in {@link RegularisedRegression}; the benchmark's fused loop is
 * {@link LinearRegressionFastGd}.
 */
public final class LinearRegression {

    /** Above this condition number of [X, 1], X^T X is treated as singular: its condition number would be above 1e20. */
    static final double MAX_CONDITION = 1e10;

    private final SimpleMatrix weights;
    private final double bias;
    private final double[] lossHistory;
    private final double[] batchLossHistory;

    LinearRegression(SimpleMatrix weights, double bias, double[] lossHistory, double[] batchLossHistory) {
        this.weights = weights;
        this.bias = bias;
        this.lossHistory = lossHistory;
        this.batchLossHistory = batchLossHistory;
    }

    /** The gradient of a loss with respect to the parameters: dW (n x 1) and db. */
    public record Gradient(SimpleMatrix dW, double db) {
    }

    /** A model with the given weights (n x 1) and bias, for predicting or evaluating without fitting. */
    public static LinearRegression of(SimpleMatrix weights, double bias) {
        checkWeights(weights);
        checkFinite("bias", bias);
        return new LinearRegression(weights.copy(), bias, new double[0], new double[0]);
    }

    /**
     * The gradient of the MSE at (W, b): with residuals R = y - (X W + b), dW = -(2/m) X^T R and db = -(2/m) sum_i R_i
     * (the document's code: {@code -2 / m * np.dot(X.T, residuals)} and {@code -2 / m * np.sum(residuals)}).
     */
    public static Gradient mseGradient(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w, double b) {
        checkData(x, y);
        checkParameters(x, w, b);
        int m = x.getNumRows();
        SimpleMatrix r = y.minus(x.mult(w).plus(b));
        SimpleMatrix dW = x.transpose().mult(r).scale(-2.0 / m);
        double db = -2.0 / m * r.elementSum();
        return new Gradient(dW, db);
    }

    /** Batch gradient descent on the MSE from W = 0, b = 0: see the six-argument form. */
    public static LinearRegression fitGradientDescentOnMse(SimpleMatrix x, SimpleMatrix y, double learningRate,
            int iterations) {
        checkData(x, y);
        return fitGradientDescentOnMse(x, y, learningRate, iterations, new SimpleMatrix(x.getNumCols(), 1), 0.0);
    }

    /**
     * Batch gradient descent on the MSE from (w0, b0): {@code iterations} times, with the gradient of
     * {@link #mseGradient}, W &lt;- W - alpha dW and b &lt;- b - alpha db. The loss history holds iterations + 1
     * values: the MSE before the first step and after each step. Throws {@link mlfoundations.optim.DivergenceException}
     * if the MSE blows up (the learning rate is too large).
     */
    public static LinearRegression fitGradientDescentOnMse(SimpleMatrix x, SimpleMatrix y, double learningRate,
            int iterations, SimpleMatrix w0, double b0) {
        checkData(x, y);
        checkParameters(x, w0, b0);
        Sgd sgd = new Sgd(learningRate);
        LinearObjective.Mse mse = new LinearObjective.Mse(x, y, w0, b0);
        TrainingHistory h = TrainingLoop.run(mse, sgd, Batches.full(x.getNumRows()), iterations);
        return mse.model(h);
    }

    /**
     * The closed form: the (W, b) minimising the MSE (and J) exactly, from the normal equation A^T A theta = A^T y
     * with A = [X, 1] and theta = (W, b), solved as a least-squares problem by QR ({@code np.linalg.lstsq}). Throws
     * IllegalStateException if X^T X is singular (a feature is constant or a combination of others).
     */
    public static LinearRegression fitClosedForm(SimpleMatrix x, SimpleMatrix y) {
        checkData(x, y);
        int m = x.getNumRows();
        int n = x.getNumCols();
        if (m < n + 1) {
            throw new IllegalArgumentException("the closed form needs at least n + 1 = " + (n + 1) + " examples for "
                    + n + " weights and a bias, got m = " + m + " (X is " + Matrices.shape(x) + ")");
        }
        SimpleMatrix a = x.concatColumns(SimpleMatrix.ones(m, 1));
        double condition = a.conditionP2();
        if (!(condition < MAX_CONDITION)) {
            throw new IllegalStateException("X^T X is singular (or nearly so): the columns of [X, 1] ("
                    + Matrices.shape(a) + ") are linearly dependent, condition number " + condition
                    + "; remove constant or duplicated features");
        }
        SimpleMatrix theta = a.solve(y);
        return new LinearRegression(theta.extractMatrix(0, n, 0, 1), theta.get(n, 0), new double[0], new double[0]);
    }

    /**
     * The normal equation theta = (A^T A)^-1 A^T y with A = [X, 1]: the exact minimiser of J (and of the MSE). The same
     * as {@link #fitClosedForm}, under the name the document uses; it is solved by QR rather than by forming the
     * inverse, which is more accurate and never needs (A^T A)^-1 itself.
     */
    public static LinearRegression fitNormalEquation(SimpleMatrix x, SimpleMatrix y) {
        return fitClosedForm(x, y);
    }

    /**
     * The cost J(W, b) = (1/2m) sum_i (p_i - y_i)^2 with p = X W + b: the document's cost, exactly half the MSE, so it
     * has the same minimiser ({@code np.sum((X @ W + b - y)**2) / (2 * m)}).
     */
    public static double cost(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w, double b) {
        checkData(x, y);
        checkParameters(x, w, b);
        return Losses.mse(y, x.mult(w).plus(b)) / 2;
    }

    /**
     * The gradient of the cost J: with errors E = X W + b - y, dJ/dW = (1/m) X^T E and dJ/db = (1/m) sum_i E_i.
     * With a column of ones appended to X and theta = (W, b) this is the document's (1/m) X^T (X theta - y); it is half
     * the MSE gradient of {@link #mseGradient}.
     */
    public static Gradient costGradient(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w, double b) {
        checkData(x, y);
        checkParameters(x, w, b);
        int m = x.getNumRows();
        SimpleMatrix e = x.mult(w).plus(b).minus(y);
        return new Gradient(x.transpose().mult(e).scale(1.0 / m), e.elementSum() / m);
    }

    /**
     * Batch gradient descent on J from W = 0, b = 0: every iteration uses all m examples, W &lt;- W - alpha (1/m) X^T E.
     * The loss history holds J before the first step and after each of the {@code iterations} steps.
     */
    public static LinearRegression fitBatchGradientDescent(SimpleMatrix x, SimpleMatrix y, double learningRate,
            int iterations) {
        return descent(learningRate, iterations).fit(x, y);
    }

    /**
     * Stochastic gradient descent on J (batch size 1): each epoch visits the examples once in a fresh random order
     * (through {@link mlfoundations.stats.Rng}) and steps after every single example.
     */
    public static LinearRegression fitStochasticGradientDescent(SimpleMatrix x, SimpleMatrix y, double learningRate,
            int epochs) {
        return descent(learningRate, epochs).batchSize(1).fit(x, y);
    }

    /**
     * Mini-batch gradient descent on J: each epoch shuffles the examples (through {@link mlfoundations.stats.Rng}),
     * cuts them into batches of {@code batchSize} (the last one may be smaller) and steps once per batch with that
     * batch's average gradient. batchSize = m is batch gradient descent, batchSize = 1 is SGD.
     */
    public static LinearRegression fitMiniBatchGradientDescent(SimpleMatrix x, SimpleMatrix y, double learningRate,
            int epochs, int batchSize) {
        return descent(learningRate, epochs).batchSize(batchSize).fit(x, y);
    }

    /**
     * Settings for gradient descent on J, to be refined and then fitted, e.g.
     * {@code LinearRegression.descent(0.1, 50).batchSize(16).decay(0.05).ridge(1.0).fit(X, y)}. Defaults: full batch,
     * no decay, no penalty, start from W = 0, b = 0.
     */
    public static LinearRegressionDescent descent(double learningRate, int epochs) {
        return new LinearRegressionDescent(learningRate, epochs);
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
            throw new IllegalArgumentException("cannot predict for X of shape " + Matrices.shape(x)
                    + " with weights of shape " + Matrices.shape(weights) + ": X needs " + weights.getNumRows()
                    + " columns");
        }
        return x.mult(weights).plus(bias);
    }

    /** The model's MSE on (X, y): {@link Losses#mse} of y and the predictions. */
    public double mse(SimpleMatrix x, SimpleMatrix y) {
        checkData(x, y);
        return Losses.mse(y, predict(x));
    }

    /** The model's cost J = (1/2m) sum_i (p_i - y_i)^2 on (X, y), half its MSE. */
    public double cost(SimpleMatrix x, SimpleMatrix y) {
        return cost(x, y, weights, bias);
    }

    /**
     * The loss during fitting, for plotting: for the descents the loss they descend (the MSE, or J plus the ridge
     * penalty, if any) on all the data before the first epoch and after each epoch (epochs + 1 values); for the lasso
     * the lasso cost after each sweep; empty for the closed forms.
     */
    public double[] lossHistory() {
        return Arrays.copyOf(lossHistory, lossHistory.length);
    }

    /**
     * For the descents: the loss of each mini-batch just before the step it caused, one value per update (the noisy
     * curve of SGD); empty otherwise.
     */
    public double[] batchLossHistory() {
        return Arrays.copyOf(batchLossHistory, batchLossHistory.length);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("LinearRegression[W = (");
        for (int j = 0; j < weights.getNumRows(); j++) {
            s.append(j == 0 ? "" : ", ").append(weights.get(j, 0));
        }
        return s.append("), b = ").append(bias).append(']').toString();
    }

    static void checkData(SimpleMatrix x, SimpleMatrix y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("X and y must not be null");
        }
        if (y.getNumCols() != 1) {
            throw new IllegalArgumentException("y must be a column (m x 1), got " + Matrices.shape(y));
        }
        if (x.getNumRows() != y.getNumRows()) {
            throw new IllegalArgumentException("X is " + Matrices.shape(x) + " but y is " + Matrices.shape(y)
                    + ": they need the same number of rows (one per example)");
        }
        if (x.getNumRows() == 0 || x.getNumCols() == 0) {
            throw new IllegalArgumentException("X must have at least one example and one feature, got "
                    + Matrices.shape(x));
        }
        checkAllFinite("X", x.getDDRM());
        checkAllFinite("y", y.getDDRM());
    }

    static void checkParameters(SimpleMatrix x, SimpleMatrix w, double b) {
        checkWeights(w);
        if (w.getNumRows() != x.getNumCols()) {
            throw new IllegalArgumentException("X is " + Matrices.shape(x) + " but W is " + Matrices.shape(w)
                    + ": W needs " + x.getNumCols() + " rows, one weight per feature");
        }
        checkFinite("bias", b);
    }

    static void checkWeights(SimpleMatrix w) {
        if (w == null) {
            throw new IllegalArgumentException("W must not be null");
        }
        if (w.getNumCols() != 1 || w.getNumRows() == 0) {
            throw new IllegalArgumentException("W must be a column (n x 1), got " + Matrices.shape(w));
        }
        checkAllFinite("W", w.getDDRM());
    }

    private static void checkAllFinite(String name, DMatrixRMaj a) {
        for (int k = 0; k < a.getNumElements(); k++) {
            if (!Double.isFinite(a.data[k])) {
                throw new IllegalArgumentException(name + " has a non-finite value " + a.data[k] + " at row "
                        + k / a.numCols + ", column " + k % a.numCols);
            }
        }
    }

    static void checkFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }
}
