package mlfoundations.models;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

import mlfoundations.stats.Rng;

/**
 * Linear regression p = X W + b: one weight per feature plus a bias, fitted to minimise the mean squared error
 * MSE(W, b) = (1/m) sum_i (y_i - p_i)^2. X is m x n (one example per row), y is m x 1, W is n x 1, b a number.
 *
 * <p>Two ways to fit it: {@link #fitGradientDescent} (batch gradient descent, keeping the loss after every step) and
 * {@link #fitClosedForm} (the normal equation, solved as a least-squares problem). Scikit-learn's
 * {@code LinearRegression().fit(X, y)} is the closed form; {@code coef_} is {@link #weights()},
 * {@code intercept_} is {@link #bias()}.
 *
 * <p>Lesson 01-2 adds the textbook cost J(W, b) = (1/2m) sum_i (p_i - y_i)^2 = MSE / 2 ({@link #cost}, with gradient
 * {@link #costGradient}); halving does not move the minimum, it only tidies the derivative. Fitted on J:
 * {@link #fitNormalEquation} (the same as {@link #fitClosedForm}); batch, stochastic and mini-batch gradient descent
 * ({@link #fitBatchGradientDescent}, {@link #fitStochasticGradientDescent}, {@link #fitMiniBatchGradientDescent}, or
 * {@link #descent} for every setting); ridge (L2) in closed form ({@link #fitRidge}) and lasso (L1) by coordinate
 * descent ({@link #fitLasso}). The bias is never penalised.
 */
public final class LinearRegression {

    /** Above this condition number of [X, 1], X^T X is treated as singular: its condition number would be above 1e20. */
    static final double MAX_CONDITION = 1e10;

    /** Gradient descent is declared diverged when the loss exceeds this multiple of its starting value. */
    static final double DIVERGENCE_FACTOR = 1e6;

    /** Lasso coordinate descent stops when no weight moved more than this (relative to the largest weight). */
    static final double LASSO_TOLERANCE = 1e-12;

    /** Lasso coordinate descent gives up (with an exception) after this many sweeps over the features. */
    static final int LASSO_MAX_SWEEPS = 100_000;

    private final SimpleMatrix weights;
    private final double bias;
    private final double[] lossHistory;
    private final double[] batchLossHistory;

    private LinearRegression(SimpleMatrix weights, double bias, double[] lossHistory) {
        this(weights, bias, lossHistory, new double[0]);
    }

    private LinearRegression(SimpleMatrix weights, double bias, double[] lossHistory, double[] batchLossHistory) {
        this.weights = weights;
        this.bias = bias;
        this.lossHistory = lossHistory;
        this.batchLossHistory = batchLossHistory;
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
        int n = x.getNumCols();
        double[] xv = x.getDDRM().getData();             // row-major: x_ij = xv[i * n + j]
        double[] yv = new double[m];
        for (int i = 0; i < m; i++) {
            yv[i] = y.get(i, 0);
        }
        DMatrixRMaj w = w0.getDDRM().copy();
        double[] wv = w.getData();
        double b = b0;
        // One work array, allocated once: X^T R, overwritten on every step. No transposes, no per-step allocation.
        double[] xtr = new double[n];
        double[] history = new double[iterations + 1];
        for (int k = 0; k <= iterations; k++) {
            // One pass over X computes the residuals R = Y - (X W + b), the loss and X^T R together: each row x_i is
            // read once while it is in cache (NumPy's X @ w then X.T @ r reads X twice).
            Arrays.fill(xtr, 0);
            double sumR = 0;
            double sumSq = 0;
            int i = 0;
            // Four rows at a time: their four dot products are independent chains the processor runs side by
            // side. Every sum is still taken in the same order as one row at a time, so the result is the same to
            // the bit.
            for (; i + 4 <= m; i += 4) {
                int row0 = i * n;
                int row1 = row0 + n;
                int row2 = row1 + n;
                int row3 = row2 + n;
                double p0 = 0;
                double p1 = 0;
                double p2 = 0;
                double p3 = 0;
                for (int j = 0; j < n; j++) {
                    double wj = wv[j];
                    p0 += xv[row0 + j] * wj;
                    p1 += xv[row1 + j] * wj;
                    p2 += xv[row2 + j] * wj;
                    p3 += xv[row3 + j] * wj;
                }
                double r0 = yv[i] - (p0 + b);
                double r1 = yv[i + 1] - (p1 + b);
                double r2 = yv[i + 2] - (p2 + b);
                double r3 = yv[i + 3] - (p3 + b);
                sumR += r0;
                sumSq += r0 * r0;
                sumR += r1;
                sumSq += r1 * r1;
                sumR += r2;
                sumSq += r2 * r2;
                sumR += r3;
                sumSq += r3 * r3;
                for (int j = 0; j < n; j++) {
                    double g = xtr[j];
                    g += xv[row0 + j] * r0;
                    g += xv[row1 + j] * r1;
                    g += xv[row2 + j] * r2;
                    g += xv[row3 + j] * r3;
                    xtr[j] = g;
                }
            }
            for (; i < m; i++) {
                int row = i * n;
                double p = 0;
                for (int j = 0; j < n; j++) {
                    p += xv[row + j] * wv[j];
                }
                double r = yv[i] - (p + b);
                sumR += r;
                sumSq += r * r;
                for (int j = 0; j < n; j++) {
                    xtr[j] += xv[row + j] * r;
                }
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
            // W - lr * (-(2/m) X^T R) = W + (2 lr / m) X^T R; the same for b with sum(R).
            double step = 2 * learningRate / m;
            for (int j = 0; j < n; j++) {
                wv[j] += step * xtr[j];
            }
            b += step * sumR;
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

    /**
     * The cost J(W, b) = (1/2m) sum_i (p_i - y_i)^2 with p = X W + b: the document's cost, exactly half the MSE, so it
     * has the same minimiser. ({@code np.sum((X @ W + b - y)**2) / (2 * m)})
     */
    public static double cost(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w, double b) {
        return mse(x, y, w, b) / 2;
    }

    /**
     * The gradient of the cost J: with errors E = X W + b - y, dJ/dW = (1/m) X^T E and dJ/db = (1/m) sum_i E_i.
     * With a column of ones appended to X and theta = (W, b) this is the document's (1/m) X^T (X theta - y); it is half
     * the MSE gradient of {@link #gradient}.
     */
    public static Gradient costGradient(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w, double b) {
        checkData(x, y);
        checkParameters(x, w, b);
        int m = x.getNumRows();
        SimpleMatrix e = x.mult(w).plus(b).minus(y);
        return new Gradient(x.transpose().mult(e).scale(1.0 / m), e.elementSum() / m);
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
     * Batch gradient descent on J from W = 0, b = 0: every iteration uses all m examples, W <- W - lr (1/m) X^T E.
     * The loss history holds J before the first step and after each of the {@code iterations} steps.
     */
    public static LinearRegression fitBatchGradientDescent(SimpleMatrix x, SimpleMatrix y, double learningRate,
            int iterations) {
        return descent(learningRate, iterations).fit(x, y);
    }

    /**
     * Stochastic gradient descent on J (batch size 1): each epoch visits the examples once in a fresh random order
     * (through {@link Rng}) and steps after every single example.
     */
    public static LinearRegression fitStochasticGradientDescent(SimpleMatrix x, SimpleMatrix y, double learningRate,
            int epochs) {
        return descent(learningRate, epochs).batchSize(1).fit(x, y);
    }

    /**
     * Mini-batch gradient descent on J: each epoch shuffles the examples (through {@link Rng}), cuts them into batches
     * of {@code batchSize} (the last one may be smaller) and steps once per batch with that batch's average gradient.
     * batchSize = m is batch gradient descent, batchSize = 1 is SGD.
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
    public static Descent descent(double learningRate, int epochs) {
        return new Descent(learningRate, epochs);
    }

    /**
     * Gradient-descent settings for J (the optimizer-and-loop part of a PyTorch training script, in one object).
     * Each setter returns this object, so settings chain. An epoch is one pass over all m examples; with the full
     * batch an epoch is one step.
     */
    public static final class Descent {
        private final double learningRate;
        private final int epochs;
        private int batchSize = -1;
        private double decay = 0;
        private double lambda = 0;
        private SimpleMatrix w0;
        private double b0;

        private Descent(double learningRate, int epochs) {
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
            }
            if (epochs <= 0) {
                throw new IllegalArgumentException("number of epochs (iterations) must be > 0, got " + epochs);
            }
            this.learningRate = learningRate;
            this.epochs = epochs;
        }

        /** Examples per update: 1 is SGD, m (the default) is batch gradient descent; must be between 1 and m. */
        public Descent batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + size);
            }
            this.batchSize = size;
            return this;
        }

        /** Time-based decay: in epoch e (from 0) the learning rate is lr / (1 + decay * e); 0 (the default) keeps it constant. */
        public Descent decay(double rate) {
            if (!(rate >= 0) || !Double.isFinite(rate)) {
                throw new IllegalArgumentException("learning-rate decay must be finite and >= 0, got " + rate);
            }
            this.decay = rate;
            return this;
        }

        /**
         * Adds the ridge (L2) penalty: minimise J + (lambda/2m) sum_j W_j^2 (the bias is not penalised), whose
         * gradient adds (lambda/m) W. Converges to {@link #fitRidge} with the same lambda.
         */
        public Descent ridge(double lambda) {
            checkLambda(lambda);
            this.lambda = lambda;
            return this;
        }

        /** Starts from the given weights (n x 1) and bias instead of zeros. */
        public Descent from(SimpleMatrix w, double b) {
            checkWeights(w);
            checkFinite("starting bias", b);
            this.w0 = w.copy();
            this.b0 = b;
            return this;
        }

        /**
         * Runs the descent on (X, y) and returns the fitted model, with J after every epoch in
         * {@link #lossHistory()} and every mini-batch's cost in {@link #batchLossHistory()}. Throws
         * IllegalStateException if the cost blows up (the learning rate is too large).
         */
        public LinearRegression fit(SimpleMatrix x, SimpleMatrix y) {
            checkData(x, y);
            int m = x.getNumRows();
            int n = x.getNumCols();
            int size = batchSize < 0 ? m : batchSize;
            if (size > m) {
                throw new IllegalArgumentException("batch size " + size + " is larger than the number of examples m = "
                        + m + "; use at most m (m is batch gradient descent)");
            }
            SimpleMatrix start = w0 == null ? new SimpleMatrix(n, 1) : w0;
            checkParameters(x, start, b0);
            return runDescent(x, y, start, b0, learningRate, decay, epochs, size, lambda);
        }
    }

    /** The loop behind {@link Descent#fit}: plain arrays, so that SGD's many tiny steps stay fast. */
    private static LinearRegression runDescent(SimpleMatrix x, SimpleMatrix y, SimpleMatrix start, double startBias,
            double lr0, double decay, int epochs, int batchSize, double lambda) {
        int m = x.getNumRows();
        int n = x.getNumCols();
        double[] xv = x.getDDRM().getData();       // row-major: x_ij = xv[i * n + j]
        double[] yv = y.getDDRM().getData();
        double[] w = start.getDDRM().getData().clone();
        double b = startBias;
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        int batchesPerEpoch = (m + batchSize - 1) / batchSize;
        double[] history = new double[epochs + 1];
        double[] batchHistory = new double[epochs * batchesPerEpoch];
        double[] gw = new double[n];
        history[0] = penalisedCost(xv, yv, w, b, m, n, lambda);
        int update = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            double lr = lr0 / (1 + decay * epoch);
            if (batchSize < m) {
                shuffle(order);
            }
            for (int start0 = 0; start0 < m; start0 += batchSize) {
                int end = Math.min(start0 + batchSize, m);
                int size = end - start0;
                Arrays.fill(gw, 0);
                double gb = 0;
                double sumSq = 0;
                for (int k = start0; k < end; k++) {
                    int i = order[k];
                    double e = b - yv[i];                        // error e_i = x_i . W + b - y_i
                    for (int j = 0; j < n; j++) {
                        e += xv[i * n + j] * w[j];
                    }
                    sumSq += e * e;
                    for (int j = 0; j < n; j++) {
                        gw[j] += e * xv[i * n + j];
                    }
                    gb += e;
                }
                double penalty = 0;
                for (int j = 0; j < n; j++) {
                    penalty += w[j] * w[j];
                }
                batchHistory[update++] = sumSq / (2 * size) + lambda / (2 * m) * penalty;
                // The batch average of the per-example gradients estimates (1/m) X^T E; the ridge part is exact.
                for (int j = 0; j < n; j++) {
                    w[j] -= lr * (gw[j] / size + lambda / m * w[j]);
                }
                b -= lr * gb / size;
            }
            history[epoch + 1] = penalisedCost(xv, yv, w, b, m, n, lambda);
            if (!Double.isFinite(history[epoch + 1]) || history[epoch + 1] > DIVERGENCE_FACTOR * history[0]) {
                throw new IllegalStateException("gradient descent diverged: the cost J went from " + history[0] + " to "
                        + history[epoch + 1] + " after " + (epoch + 1) + " epochs; the learning rate " + lr0
                        + " is too large for this data (are the features scaled?), try a smaller one");
            }
        }
        return new LinearRegression(new SimpleMatrix(n, 1, true, w), b, history, batchHistory);
    }

    private static double penalisedCost(double[] xv, double[] yv, double[] w, double b, int m, int n, double lambda) {
        double sumSq = 0;
        for (int i = 0; i < m; i++) {
            double e = b - yv[i];
            for (int j = 0; j < n; j++) {
                e += xv[i * n + j] * w[j];
            }
            sumSq += e * e;
        }
        double penalty = 0;
        for (int j = 0; j < n; j++) {
            penalty += w[j] * w[j];
        }
        return sumSq / (2 * m) + lambda / (2 * m) * penalty;
    }

    /** Fisher-Yates shuffle with the course's seeded generator ({@code np.random.permutation}). */
    private static void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int k = Rng.integer(i + 1);
            int t = a[i];
            a[i] = a[k];
            a[k] = t;
        }
    }

    /**
     * Ridge regression in closed form: minimises (1/2m) [ sum_i (p_i - y_i)^2 + lambda sum_j W_j^2 ], the bias not
     * penalised. The bias is taken out by centring (Xc = X - column means, yc = y - mean), then
     * W = (Xc^T Xc + lambda I)^-1 Xc^T yc and b = mean(y) - mean(X) . W. This is scikit-learn's
     * {@code Ridge(alpha=lambda)}. Lambda = 0 is ordinary least squares; any lambda > 0 makes the system solvable even
     * when features are duplicated, and shrinks every weight towards 0 without making any exactly 0.
     */
    public static LinearRegression fitRidge(SimpleMatrix x, SimpleMatrix y, double lambda) {
        checkData(x, y);
        checkLambda(lambda);
        if (lambda == 0) {
            return fitClosedForm(x, y);
        }
        int m = x.getNumRows();
        int n = x.getNumCols();
        Centred c = centre(x, y);
        // Least squares on [Xc; sqrt(lambda) I] W = [yc; 0] has the same normal equation, (Xc^T Xc + lambda I) W =
        // Xc^T yc, and QR solves it without squaring the condition number.
        SimpleMatrix a = c.x.concatRows(SimpleMatrix.identity(n).scale(Math.sqrt(lambda)));
        SimpleMatrix rhs = c.y.concatRows(new SimpleMatrix(n, 1));
        SimpleMatrix w = a.solve(rhs);
        return new LinearRegression(w, c.yMean - dotMeans(c, w), new double[0]);
    }

    /**
     * Lasso regression by coordinate descent: minimises (1/2m) sum_i (p_i - y_i)^2 + lambda sum_j |W_j|, the bias not
     * penalised (scikit-learn's {@code Lasso(alpha=lambda)}). On centred data each sweep sets, for one feature at a
     * time, W_j = S(rho_j, lambda) / z_j with rho_j = (1/m) x_j . (r + x_j W_j), z_j = (1/m) x_j . x_j and the
     * soft-threshold S(rho, lambda) = sign(rho) max(|rho| - lambda, 0). Because S is exactly 0 whenever
     * |rho_j| <= lambda, the lasso sets weights to exactly zero (it selects features); ridge never does. Stops when
     * no weight moves by more than 1e-12 (relative); throws IllegalStateException after 100000 sweeps.
     */
    public static LinearRegression fitLasso(SimpleMatrix x, SimpleMatrix y, double lambda) {
        checkData(x, y);
        checkLambda(lambda);
        int m = x.getNumRows();
        int n = x.getNumCols();
        Centred c = centre(x, y);
        double[] xv = c.x.getDDRM().getData();
        double[] r = c.y.getDDRM().getData().clone();     // residuals yc - Xc W, with W = 0 at the start
        double[] w = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                z[j] += xv[i * n + j] * xv[i * n + j] / m;
            }
        }
        double[] history = new double[LASSO_MAX_SWEEPS];
        for (int sweep = 0; sweep < LASSO_MAX_SWEEPS; sweep++) {
            double maxChange = 0;
            double maxWeight = 0;
            for (int j = 0; j < n; j++) {
                if (z[j] == 0) {
                    continue;   // a constant column explains nothing: its weight stays 0
                }
                double rho = 0;
                for (int i = 0; i < m; i++) {
                    rho += xv[i * n + j] * r[i];
                }
                rho = rho / m + z[j] * w[j];
                double wNew = softThreshold(rho, lambda) / z[j];
                double delta = wNew - w[j];
                if (delta != 0) {
                    for (int i = 0; i < m; i++) {
                        r[i] -= xv[i * n + j] * delta;
                    }
                    w[j] = wNew;
                }
                maxChange = Math.max(maxChange, Math.abs(delta));
                maxWeight = Math.max(maxWeight, Math.abs(wNew));
            }
            double sumSq = 0;
            for (double ri : r) {
                sumSq += ri * ri;
            }
            double l1 = 0;
            for (double wj : w) {
                l1 += Math.abs(wj);
            }
            history[sweep] = sumSq / (2 * m) + lambda * l1;
            if (maxChange <= LASSO_TOLERANCE * Math.max(1, maxWeight)) {
                SimpleMatrix wm = new SimpleMatrix(n, 1, true, w);
                return new LinearRegression(wm, c.yMean - dotMeans(c, wm), Arrays.copyOf(history, sweep + 1));
            }
        }
        throw new IllegalStateException("lasso coordinate descent did not converge in " + LASSO_MAX_SWEEPS
                + " sweeps (lambda = " + lambda + "); standardise the features or use a larger lambda");
    }

    /** The soft-threshold S(rho, t) = sign(rho) max(|rho| - t, 0): shrinks rho towards 0 by t, and to exactly 0 if |rho| <= t. */
    public static double softThreshold(double rho, double t) {
        checkFinite("rho", rho);
        checkLambda(t);
        if (rho > t) {
            return rho - t;
        }
        if (rho < -t) {
            return rho + t;
        }
        return 0;
    }

    /** Centred copies of X and y, with the means needed to recover the bias. */
    private record Centred(SimpleMatrix x, SimpleMatrix y, double[] xMean, double yMean) {
    }

    private static Centred centre(SimpleMatrix x, SimpleMatrix y) {
        int m = x.getNumRows();
        int n = x.getNumCols();
        double[] mean = new double[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                mean[j] += x.get(i, j) / m;
            }
        }
        double yMean = y.elementSum() / m;
        SimpleMatrix xc = new SimpleMatrix(m, n);
        SimpleMatrix yc = new SimpleMatrix(m, 1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                xc.set(i, j, x.get(i, j) - mean[j]);
            }
            yc.set(i, 0, y.get(i, 0) - yMean);
        }
        return new Centred(xc, yc, mean, yMean);
    }

    private static double dotMeans(Centred c, SimpleMatrix w) {
        double s = 0;
        for (int j = 0; j < c.xMean.length; j++) {
            s += c.xMean[j] * w.get(j, 0);
        }
        return s;
    }

    private static void checkLambda(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("regularisation strength lambda must be finite and >= 0, got " + lambda);
        }
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

    /**
     * The loss during fitting, for plotting: for {@link #fitGradientDescent} the MSE before the first step and after
     * each step (iterations + 1 values); for the J-based gradient descents ({@link #descent} and friends) the full-data
     * cost J (plus the ridge penalty, if any) before the first epoch and after each epoch (epochs + 1 values); for
     * {@link #fitLasso} the lasso cost after each sweep; empty for the closed forms.
     */
    public double[] lossHistory() {
        return Arrays.copyOf(lossHistory, lossHistory.length);
    }

    /**
     * For the J-based gradient descents: the cost of each mini-batch just before the step it caused, one value per
     * update (the noisy curve of SGD); empty otherwise.
     */
    public double[] batchLossHistory() {
        return Arrays.copyOf(batchLossHistory, batchLossHistory.length);
    }

    /** The model's cost J = (1/2m) sum_i (p_i - y_i)^2 on (X, y), half its MSE. */
    public double cost(SimpleMatrix x, SimpleMatrix y) {
        return cost(x, y, weights, bias);
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
