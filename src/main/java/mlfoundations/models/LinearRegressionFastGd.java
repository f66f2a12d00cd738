package mlfoundations.models;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

import mlfoundations.optim.DivergenceException;
import mlfoundations.optim.Sgd;
import mlfoundations.optim.TrainingHistory;
import mlfoundations.optim.TrainingLoop;

/**
 * The benchmark's fast path: the same batch gradient descent on the MSE as
 * {@link LinearRegression#fitGradientDescentOnMse} (W &lt;- W - alpha dW with dW = -(2/m) X^T R), computing the same
 * numbers up to rounding, fused into one pass over X per step. It exists for the Java-versus-NumPy benchmark
 * (linear gradient descent on 100,000 x 10, where reading X once per step instead of twice, with no per-step
 * allocation, is what keeps Java level with NumPy); lessons use the readable loop, and a test checks that the two
 * agree. Read {@link LinearRegression#fitGradientDescentOnMse} first: this is that loop with its arithmetic
 * rearranged for speed.
 */
public final class LinearRegressionFastGd {

    private LinearRegressionFastGd() {
    }

    /** {@link #fit(SimpleMatrix, SimpleMatrix, double, int, SimpleMatrix, double)} from W = 0, b = 0. */
    public static LinearRegression fit(SimpleMatrix x, SimpleMatrix y, double learningRate, int iterations) {
        LinearRegression.checkData(x, y);
        return fit(x, y, learningRate, iterations, new SimpleMatrix(x.getNumCols(), 1), 0.0);
    }

    /**
     * Batch gradient descent on the MSE from (w0, b0), as {@link LinearRegression#fitGradientDescentOnMse}: the
     * same history (the MSE before the first step and after each), the same {@link DivergenceException}.
     */
    public static LinearRegression fit(SimpleMatrix x, SimpleMatrix y, double learningRate, int iterations,
            SimpleMatrix w0, double b0) {
        LinearRegression.checkData(x, y);
        LinearRegression.checkParameters(x, w0, b0);
        new Sgd(learningRate);   // the same check, and the same message, as the readable loop
        if (iterations <= 0) {
            throw new IllegalArgumentException("number of epochs (iterations) must be > 0, got " + iterations);
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
            if (k == 0 && !Double.isFinite(history[0])) {
                throw new IllegalArgumentException("the loss before training is " + history[0]
                        + "; check the data and the starting parameters");
            }
            if (!Double.isFinite(history[k]) || history[k] > TrainingLoop.DIVERGENCE_FACTOR * history[0]) {
                throw DivergenceException.training(k, k, history[k], history[0], learningRate,
                        TrainingHistory.of(Arrays.copyOf(history, k + 1), Arrays.copyOf(history, k)));
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
        return new LinearRegression(SimpleMatrix.wrap(w), b, history, Arrays.copyOf(history, iterations));
    }
}
