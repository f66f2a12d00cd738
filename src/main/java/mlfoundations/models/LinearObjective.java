package mlfoundations.models;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

import mlfoundations.metrics.Losses;
import mlfoundations.optim.TrainingHistory;
import mlfoundations.optim.Trainable;

/**
 * Linear regression's losses as {@link Trainable}s, for the training loop: the parameters are W (n values) and b
 * (one value), held in two arrays that the optimizer updates in place.
 */
abstract class LinearObjective implements Trainable {

    final SimpleMatrix x;
    final SimpleMatrix y;
    final double[] w;
    final double[] b;
    private final double[][] gradients;

    LinearObjective(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w0, double b0) {
        this.x = x;
        this.y = y;
        this.w = w0.getDDRM().getData().clone();
        this.b = new double[] {b0};
        this.gradients = new double[][] {new double[w.length], new double[1]};
    }

    @Override
    public double[][] parameters() {
        return new double[][] {w, b};
    }

    @Override
    public double[][] gradients() {
        return gradients;
    }

    @Override
    public int examples() {
        return x.getNumRows();
    }

    /** W as a live n x 1 matrix over the parameter array. */
    SimpleMatrix weights() {
        return SimpleMatrix.wrap(DMatrixRMaj.wrap(w.length, 1, w));
    }

    /** The fitted model, with the run's history. */
    LinearRegression model(TrainingHistory h) {
        return new LinearRegression(new SimpleMatrix(w.length, 1, true, w), b[0], h.losses(), h.batchLosses());
    }

    /** The rows of {@code a} with these indices ({@code a[idx]}); {@code a} itself when they are all rows in order. */
    static SimpleMatrix rows(SimpleMatrix a, int[] idx) {
        boolean all = idx.length == a.getNumRows();
        for (int k = 0; all && k < idx.length; k++) {
            all = idx[k] == k;
        }
        if (all) {
            return a;
        }
        SimpleMatrix out = new SimpleMatrix(idx.length, a.getNumCols());
        for (int k = 0; k < idx.length; k++) {
            out.setRow(k, 0, Arrays.copyOfRange(a.getDDRM().getData(), idx[k] * a.getNumCols(),
                    (idx[k] + 1) * a.getNumCols()));
        }
        return out;
    }

    /** The MSE (1/m) sum_i (y_i - p_i)^2 and its gradient {@link LinearRegression#mseGradient}, in matrix form. */
    static final class Mse extends LinearObjective {

        Mse(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w0, double b0) {
            super(x, y, w0, b0);
        }

        @Override
        public double lossAndGradient(int[] examples) {
            SimpleMatrix xb = rows(x, examples);
            SimpleMatrix yb = rows(y, examples);
            LinearRegression.Gradient g = LinearRegression.mseGradient(xb, yb, weights(), b[0]);
            System.arraycopy(g.dW().getDDRM().getData(), 0, gradients()[0], 0, w.length);
            gradients()[1][0] = g.db();
            return Losses.mse(yb, xb.mult(weights()).plus(b[0]));
        }

        @Override
        public double loss() {
            return Losses.mse(y, x.mult(weights()).plus(b[0]));
        }
    }

    /**
     * The cost J = (1/2m) sum_i e_i^2 + (lambda/2m) sum_j W_j^2 with errors e_i = x_i . W + b - y_i, and its gradient
     * dJ/dW = (1/m) sum_i e_i x_i + (lambda/m) W, dJ/db = (1/m) sum_i e_i; on a batch B, the averages run over B.
     * Written with plain arrays: stochastic descent takes m tiny steps per epoch, and none of them may copy X.
     */
    static final class Cost extends LinearObjective {

        private final double lambda;
        private final double[] xv;
        private final double[] yv;

        Cost(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w0, double b0, double lambda) {
            super(x, y, w0, b0);
            this.lambda = lambda;
            this.xv = x.getDDRM().getData();      // row-major: x_ij = xv[i * n + j]
            this.yv = y.getDDRM().getData();
        }

        @Override
        public double lossAndGradient(int[] examples) {
            int n = w.length;
            double[] dW = gradients()[0];
            Arrays.fill(dW, 0);
            double db = 0;
            double sumSq = 0;
            for (int i : examples) {
                double e = error(i);
                sumSq += e * e;
                for (int j = 0; j < n; j++) {
                    dW[j] += e * xv[i * n + j];
                }
                db += e;
            }
            int size = examples.length;
            int m = examples();
            for (int j = 0; j < n; j++) {
                dW[j] = dW[j] / size + lambda / m * w[j];
            }
            gradients()[1][0] = db / size;
            return sumSq / (2 * size) + lambda / (2 * m) * squaredNorm();
        }

        @Override
        public double loss() {
            int m = examples();
            double sumSq = 0;
            for (int i = 0; i < m; i++) {
                double e = error(i);
                sumSq += e * e;
            }
            return sumSq / (2 * m) + lambda / (2 * m) * squaredNorm();
        }

        /** e_i = x_i . W + b - y_i. */
        private double error(int i) {
            int n = w.length;
            double e = b[0] - yv[i];
            for (int j = 0; j < n; j++) {
                e += xv[i * n + j] * w[j];
            }
            return e;
        }

        private double squaredNorm() {
            double s = 0;
            for (double wj : w) {
                s += wj * wj;
            }
            return s;
        }
    }
}
