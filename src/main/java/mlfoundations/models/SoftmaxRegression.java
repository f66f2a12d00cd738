package mlfoundations.models;

import mlfoundations.data.Batches;
import mlfoundations.linalg.Matrices;
import mlfoundations.metrics.Losses;
import mlfoundations.optim.Optimizer;
import mlfoundations.optim.Trainable;
import mlfoundations.optim.TrainingHistory;
import mlfoundations.optim.TrainingLoop;
import org.ejml.simple.SimpleMatrix;

/**
 * Softmax (multinomial logistic) regression for k classes: scores Z = X W + b (X m x n, W n x k, b 1 x k added to
 * every row), probabilities P = softmax(Z) row by row, P_ik = e^(Z_ik) / sum_c e^(Z_ic). Trained on one-hot labels Y
 * (m x k) by minimising the cross-entropy plus an L2 penalty on W:
 * <pre>
 *   J(W, b) = -(1/m) sum_i sum_c Y_ic ln P_ic + (lambda/(2m)) sum W_jc^2,
 *   dZ = (1/m)(P - Y),  dW = X^T dZ + (lambda/m) W,  db = the column sums of dZ
 * </pre>
 * Scikit-learn's {@code LogisticRegression(multi_class="multinomial")}; Keras {@code Dense(k, activation="softmax")}
 * with {@code categorical_crossentropy}. With k = 2 it is logistic regression on the difference of the two scores.
 */
public final class SoftmaxRegression {

    private final SimpleMatrix weights;
    private final SimpleMatrix bias;
    private final double[] lossHistory;

    private SoftmaxRegression(SimpleMatrix weights, SimpleMatrix bias, double[] lossHistory) {
        this.weights = weights;
        this.bias = bias;
        this.lossHistory = lossHistory;
    }

    /**
     * softmax of every row of Z: P_ik = e^(Z_ik - max_c Z_ic) / sum_c e^(Z_ic - max_c Z_ic). Subtracting the row's
     * largest score first (the log-sum-exp trick) changes nothing mathematically but keeps e^(...) from overflowing
     * ({@code scipy.special.softmax(Z, axis=1)}, {@code torch.softmax(Z, dim=1)}).
     */
    public static SimpleMatrix softmax(SimpleMatrix z) {
        if (z == null || z.getNumElements() == 0) {
            throw new IllegalArgumentException("softmax needs a non-empty matrix of scores");
        }
        SimpleMatrix p = new SimpleMatrix(z.getNumRows(), z.getNumCols());
        for (int i = 0; i < z.getNumRows(); i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < z.getNumCols(); c++) {
                if (Double.isNaN(z.get(i, c))) {
                    throw new IllegalArgumentException("score at row " + i + ", column " + c + " is NaN");
                }
                max = Math.max(max, z.get(i, c));
            }
            double sum = 0;
            for (int c = 0; c < z.getNumCols(); c++) {
                double e = Math.exp(z.get(i, c) - max);
                p.set(i, c, e);
                sum += e;
            }
            for (int c = 0; c < z.getNumCols(); c++) {
                p.set(i, c, p.get(i, c) / sum);
            }
        }
        return p;
    }

    /** The probabilities softmax(X W + b), m x k. */
    public static SimpleMatrix probabilities(SimpleMatrix x, SimpleMatrix w, SimpleMatrix b) {
        checkParameters(x, w, b);
        return softmax(addRow(x.mult(w), b));
    }

    /** The cost J(W, b) = cross-entropy of Y and softmax(X W + b) + (lambda/(2m)) sum W^2 (see the class comment). */
    public static double cost(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w, SimpleMatrix b, double lambda) {
        checkData(x, y);
        int m = x.getNumRows();
        return Losses.crossEntropy(y, probabilities(x, w, b)) + lambda / (2.0 * m) * w.elementPower(2).elementSum();
    }

    /** The gradient of J: {dW (n x k), db (1 x k)} with dZ = (1/m)(P - Y), dW = X^T dZ + (lambda/m) W, db = column sums of dZ. */
    public static SimpleMatrix[] gradient(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w, SimpleMatrix b,
            double lambda) {
        checkData(x, y);
        int m = x.getNumRows();
        SimpleMatrix dz = probabilities(x, w, b).minus(y).scale(1.0 / m);
        SimpleMatrix dW = x.transpose().mult(dz).plus(w.scale(lambda / m));
        SimpleMatrix db = SimpleMatrix.ones(1, m).mult(dz);
        return new SimpleMatrix[] {dW, db};
    }

    /**
     * Trains from W = 0, b = 0 on X (m x n) and one-hot Y (m x k) with the optimizer, full batch, {@code epochs}
     * steps, through the one {@link TrainingLoop}; lambda is the L2 strength in the (lambda/(2m)) scaling.
     */
    public static SoftmaxRegression fit(SimpleMatrix x, SimpleMatrix y, Optimizer optimizer, int epochs, double lambda) {
        checkData(x, y);
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null, e.g. new Sgd(0.1)");
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        Objective obj = new Objective(x, y, lambda);
        TrainingHistory h = TrainingLoop.run(obj, optimizer, Batches.full(x.getNumRows()), epochs);
        return new SoftmaxRegression(new SimpleMatrix(x.getNumCols(), y.getNumCols(), true, obj.w),
                new SimpleMatrix(1, y.getNumCols(), true, obj.b), h.losses());
    }

    /** The class probabilities for every row of X, m x k ({@code model.predict_proba(X)}). */
    public SimpleMatrix predictProbability(SimpleMatrix x) {
        return probabilities(x, weights, bias);
    }

    /** The most probable class of each row, 0..k-1 ({@code model.predict(X)}, {@code argmax(P, axis=1)}). */
    public int[] predict(SimpleMatrix x) {
        SimpleMatrix p = predictProbability(x);
        int[] out = new int[p.getNumRows()];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int c = 1; c < p.getNumCols(); c++) {
                if (p.get(i, c) > p.get(i, best)) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** The weights W, n x k (a copy; {@code coef_.T} in scikit-learn, which stores k x n). */
    public SimpleMatrix weights() {
        return weights.copy();
    }

    /** The biases b, 1 x k (a copy; {@code intercept_}). */
    public SimpleMatrix bias() {
        return bias.copy();
    }

    /** J before the first step and after each step. */
    public double[] lossHistory() {
        return lossHistory.clone();
    }

    static SimpleMatrix addRow(SimpleMatrix a, SimpleMatrix row) {
        SimpleMatrix out = a.copy();
        for (int i = 0; i < a.getNumRows(); i++) {
            for (int c = 0; c < a.getNumCols(); c++) {
                out.set(i, c, a.get(i, c) + row.get(0, c));
            }
        }
        return out;
    }

    private static void checkParameters(SimpleMatrix x, SimpleMatrix w, SimpleMatrix b) {
        if (x == null || w == null || b == null) {
            throw new IllegalArgumentException("X, W and b must not be null");
        }
        if (w.getNumRows() != x.getNumCols() || b.getNumRows() != 1 || b.getNumCols() != w.getNumCols()) {
            throw new IllegalArgumentException("X is " + Matrices.shape(x) + ", W is " + Matrices.shape(w) + ", b is "
                    + Matrices.shape(b) + ": W must be n x k = " + x.getNumCols() + " x k and b 1 x k");
        }
    }

    private static void checkData(SimpleMatrix x, SimpleMatrix y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("X and Y must not be null");
        }
        if (x.getNumRows() != y.getNumRows() || x.getNumRows() == 0) {
            throw new IllegalArgumentException("X is " + Matrices.shape(x) + " but Y is " + Matrices.shape(y)
                    + ": they need the same, non-zero, number of rows");
        }
        if (y.getNumCols() < 2) {
            throw new IllegalArgumentException("Y must be one-hot with a column per class (m x k, k >= 2), got "
                    + Matrices.shape(y) + "; make it with Labels.oneHot");
        }
        for (int i = 0; i < y.getNumRows(); i++) {
            double sum = 0;
            for (int c = 0; c < y.getNumCols(); c++) {
                double v = y.get(i, c);
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException("Y must be one-hot (0s and 1s), got " + v + " at row " + i
                            + ", column " + c);
                }
                sum += v;
            }
            if (sum != 1) {
                throw new IllegalArgumentException("row " + i + " of Y has " + (int) sum + " ones; a one-hot row"
                        + " has exactly one");
            }
        }
    }

    private static final class Objective implements Trainable {
        private final SimpleMatrix x;
        private final SimpleMatrix y;
        private final double lambda;
        final double[] w;
        final double[] b;
        private final double[][] grads;

        Objective(SimpleMatrix x, SimpleMatrix y, double lambda) {
            this.x = x;
            this.y = y;
            this.lambda = lambda;
            this.w = new double[x.getNumCols() * y.getNumCols()];
            this.b = new double[y.getNumCols()];
            this.grads = new double[][] {new double[w.length], new double[b.length]};
        }

        private SimpleMatrix wm() {
            return new SimpleMatrix(x.getNumCols(), y.getNumCols(), true, w);
        }

        private SimpleMatrix bm() {
            return new SimpleMatrix(1, y.getNumCols(), true, b);
        }

        @Override
        public double[][] parameters() {
            return new double[][] {w, b};
        }

        @Override
        public double lossAndGradient(int[] examples) {
            SimpleMatrix[] g = gradient(x, y, wm(), bm(), lambda);
            System.arraycopy(g[0].getDDRM().getData(), 0, grads[0], 0, w.length);
            System.arraycopy(g[1].getDDRM().getData(), 0, grads[1], 0, b.length);
            return loss();
        }

        @Override
        public double[][] gradients() {
            return grads;
        }

        @Override
        public double loss() {
            return cost(x, y, wm(), bm(), lambda);
        }

        @Override
        public int examples() {
            return x.getNumRows();
        }
    }
}
