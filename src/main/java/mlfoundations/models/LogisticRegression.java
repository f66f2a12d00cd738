package mlfoundations.models;

import java.util.Arrays;

import mlfoundations.data.Batches;
import mlfoundations.linalg.Matrices;
import mlfoundations.metrics.Losses;
import mlfoundations.optim.Optimizer;
import mlfoundations.optim.Sgd;
import mlfoundations.optim.Trainable;
import mlfoundations.optim.TrainingHistory;
import mlfoundations.optim.TrainingLoop;
import org.ejml.simple.SimpleMatrix;

/**
 * Logistic regression a = sigma(X W + b): the probability P(y = 1 | x) for each example, from a linear score z passed
 * through the sigmoid. X is m x n (one example per row), y is m x 1 with labels 0 or 1, W is n x 1, b a number.
 * Scikit-learn's {@code LogisticRegression}: {@link #predictProbability} is {@code predict_proba(X)[:, 1]},
 * {@link #weights()} is {@code coef_}, {@link #bias()} is {@code intercept_}.
 *
 * <p>The cost is the mean binary cross-entropy plus an optional penalty on W (never on b), in the scaling of the
 * course's source document:
 * <pre>
 *   J(W, b) = -(1/m) sum_i s_i [y_i ln a_i + (1 - y_i) ln(1 - a_i)] + (lambda1/m) sum_j |w_j| + (lambda2/(2m)) sum_j w_j^2
 * </pre>
 * with sample weights s_i = 1 unless class weights are asked for. Its gradient is dZ = s (a - y) (elementwise),
 * dW = (1/m) X^T dZ + (lambda1/m) sign(W) + (lambda2/m) W, db = (1/m) sum_i dZ_i. With lambda2 = lambda and
 * lambda1 = 0 this is scikit-learn's L2 model with {@code C = 1/lambda}. Fitting: gradient descent with any optimizer
 * through the one {@link TrainingLoop} ({@link #descent}), or Newton's method / IRLS ({@link #fitNewton}).
 */
public final class LogisticRegression {

    /** The penalty on the weights: (lambda1/m) sum |w_j| + (lambda2/(2m)) sum w_j^2 (L1, L2, or both: elastic net). */
    public record Penalty(double lambda1, double lambda2) {

        /** No penalty. */
        public static final Penalty NONE = new Penalty(0, 0);

        /** Checks that both strengths are finite and &gt;= 0. */
        public Penalty {
            if (!(lambda1 >= 0) || !(lambda2 >= 0) || !Double.isFinite(lambda1) || !Double.isFinite(lambda2)) {
                throw new IllegalArgumentException("penalty strengths must be finite and >= 0, got lambda1 = "
                        + lambda1 + ", lambda2 = " + lambda2);
            }
        }

        /** L2 (ridge): (lambda/(2m)) sum w_j^2, sklearn {@code penalty="l2", C=1/lambda}. */
        public static Penalty l2(double lambda) {
            return new Penalty(0, lambda);
        }

        /** L1 (lasso): (lambda/m) sum |w_j|, sklearn {@code penalty="l1", C=1/lambda}. */
        public static Penalty l1(double lambda) {
            return new Penalty(lambda, 0);
        }

        /** Elastic net: (lambda1/m) sum |w_j| + (lambda2/(2m)) sum w_j^2. */
        public static Penalty elasticNet(double lambda1, double lambda2) {
            return new Penalty(lambda1, lambda2);
        }

        /** The penalty's value at W for m examples. */
        public double value(double[] w, int m) {
            double abs = 0;
            double sq = 0;
            for (double v : w) {
                abs += Math.abs(v);
                sq += v * v;
            }
            return lambda1 / m * abs + lambda2 / (2.0 * m) * sq;
        }
    }

    /** The gradient of J: dW (n x 1) and db. */
    public record Gradient(SimpleMatrix dW, double db) {
    }

    private final SimpleMatrix weights;
    private final double bias;
    private final double threshold;
    private final double[] lossHistory;

    private LogisticRegression(SimpleMatrix weights, double bias, double threshold, double[] lossHistory) {
        this.weights = weights;
        this.bias = bias;
        this.threshold = threshold;
        this.lossHistory = lossHistory;
    }

    /** A model with the given weights (n x 1) and bias, threshold 0.5, for predicting without fitting. */
    public static LogisticRegression of(SimpleMatrix weights, double bias) {
        LinearRegression.checkWeights(weights);
        LinearRegression.checkFinite("bias", bias);
        return new LogisticRegression(weights.copy(), bias, 0.5, new double[0]);
    }

    /** The probabilities a = sigma(X W + b), m x 1 (the forward pass; {@code expit(X @ w + b)}). */
    public static SimpleMatrix probabilities(SimpleMatrix x, SimpleMatrix w, double b) {
        LinearRegression.checkParameters(x, w, b);
        SimpleMatrix z = x.mult(w).plus(b);
        SimpleMatrix a = new SimpleMatrix(z.getNumRows(), 1);
        for (int i = 0; i < z.getNumRows(); i++) {
            a.set(i, 0, Activation.SIGMOID.value(z.get(i, 0)));
        }
        return a;
    }

    /** The cost J(W, b) with this penalty and no sample weights (see the class comment); the BCE is clipped as in {@link Losses#bce}. */
    public static double cost(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w, double b, Penalty penalty) {
        checkData(x, y);
        SimpleMatrix a = probabilities(x, w, b);
        return Losses.bce(Matrices.column(y, 0), Matrices.column(a, 0))
                + penalty.value(w.getDDRM().getData(), x.getNumRows());
    }

    /**
     * The gradient of J: dZ = a - y, dW = (1/m) X^T dZ + (lambda1/m) sign(W) + (lambda2/m) W, db = (1/m) sum dZ
     * (the document's {@code dw = (1/m) X @ dZ.T} in its one-example-per-column layout is X^T dZ here).
     */
    public static Gradient gradient(SimpleMatrix x, SimpleMatrix y, SimpleMatrix w, double b, Penalty penalty) {
        checkData(x, y);
        int m = x.getNumRows();
        SimpleMatrix dz = probabilities(x, w, b).minus(y);
        SimpleMatrix dW = x.transpose().mult(dz).scale(1.0 / m);
        for (int j = 0; j < dW.getNumRows(); j++) {
            double wj = w.get(j, 0);
            dW.set(j, 0, dW.get(j, 0) + penalty.lambda1() / m * Math.signum(wj) + penalty.lambda2() / m * wj);
        }
        return new Gradient(dW, dz.elementSum() / m);
    }

    /**
     * Settings for gradient descent on J, refined and then fitted, e.g.
     * {@code LogisticRegression.descent(new Sgd(0.1), 1000).penalty(Penalty.l2(1)).fit(X, y)}. Defaults: full batch,
     * no penalty, equal sample weights, start from W = 0, b = 0.
     */
    public static Descent descent(Optimizer optimizer, int epochs) {
        return new Descent(optimizer, epochs);
    }

    /** Batch gradient descent with learning rate alpha: W &lt;- W - alpha dW, b &lt;- b - alpha db, {@code epochs} times. */
    public static LogisticRegression fitGradientDescent(SimpleMatrix x, SimpleMatrix y, double learningRate,
            int epochs) {
        return descent(new Sgd(learningRate), epochs).fit(x, y);
    }

    /** Settings for gradient descent on J; see {@link LogisticRegression#descent}. */
    public static final class Descent {
        private final Optimizer optimizer;
        private final int epochs;
        private Penalty penalty = Penalty.NONE;
        private int batchSize;
        private double weight0 = 1;
        private double weight1 = 1;
        private boolean balanced;

        private Descent(Optimizer optimizer, int epochs) {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer must not be null, e.g. new Sgd(0.1)");
            }
            if (epochs <= 0) {
                throw new IllegalArgumentException("number of epochs must be > 0, got " + epochs);
            }
            this.optimizer = optimizer;
            this.epochs = epochs;
        }

        /** The penalty on W (L1, L2, elastic net). */
        public Descent penalty(Penalty p) {
            if (p == null) {
                throw new IllegalArgumentException("penalty must not be null; use Penalty.NONE for none");
            }
            this.penalty = p;
            return this;
        }

        /** Mini-batches of this size, reshuffled every epoch through the seeded Rng (default: all m at once). */
        public Descent batchSize(int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("batch size must be > 0, got " + size);
            }
            this.batchSize = size;
            return this;
        }

        /** Each example of class 0 counts {@code w0} times in the loss, of class 1 {@code w1} times ({@code class_weight={0: w0, 1: w1}}). */
        public Descent classWeights(double w0, double w1) {
            if (!(w0 > 0) || !(w1 > 0) || !Double.isFinite(w0) || !Double.isFinite(w1)) {
                throw new IllegalArgumentException("class weights must be finite and > 0, got " + w0 + " and " + w1);
            }
            this.weight0 = w0;
            this.weight1 = w1;
            this.balanced = false;
            return this;
        }

        /** Class weights m / (2 m_c), so both classes weigh the same in total ({@code class_weight="balanced"}). */
        public Descent balanced() {
            this.balanced = true;
            return this;
        }

        /** Trains from W = 0, b = 0 on (X, y) and returns the fitted model with its loss history (epochs + 1 values). */
        public LogisticRegression fit(SimpleMatrix x, SimpleMatrix y) {
            checkData(x, y);
            int m = x.getNumRows();
            double w0 = weight0;
            double w1 = weight1;
            if (balanced) {
                double positives = y.elementSum();
                if (positives == 0 || positives == m) {
                    throw new IllegalArgumentException("balanced class weights need both classes in y, but all "
                            + m + " labels are " + (positives == 0 ? 0 : 1));
                }
                w0 = m / (2 * (m - positives));
                w1 = m / (2 * positives);
            }
            Objective obj = new Objective(x, y, penalty, w0, w1);
            Batches batches = batchSize == 0 || batchSize >= m ? Batches.full(m) : Batches.mini(m, batchSize);
            TrainingHistory h = TrainingLoop.run(obj, optimizer, batches, epochs);
            return new LogisticRegression(SimpleMatrix.wrap(new org.ejml.data.DMatrixRMaj(obj.w.length, 1, true,
                    obj.w.clone())), obj.b[0], 0.5, h.losses());
        }
    }

    /**
     * Newton's method, also called iteratively reweighted least squares (IRLS), on J with an L2 penalty
     * (lambda1 must be 0: |w| has no second derivative at 0). With A = [X, 1], theta = (W, b),
     * S = diag(a_i (1 - a_i)) and R = diag(1, ..., 1, 0) (b is not penalised), each step solves
     * <pre>
     *   H = (1/m) A^T S A + (lambda2/m) R,   g = (1/m) A^T (a - y) + (lambda2/m) R theta,   theta &lt;- theta - H^-1 g
     * </pre>
     * until the largest change in theta is below {@code tolerance} or {@code maxIterations} steps are done. The loss
     * history holds J before the first step and after each step, so its length - 1 is the number of steps taken.
     * On separable data without a penalty the optimum is at infinity and H becomes singular: that throws, asking for
     * lambda2 &gt; 0.
     */
    public static LogisticRegression fitNewton(SimpleMatrix x, SimpleMatrix y, Penalty penalty, int maxIterations,
            double tolerance) {
        checkData(x, y);
        if (penalty.lambda1() != 0) {
            throw new IllegalArgumentException("Newton's method needs a twice-differentiable cost, but the L1 penalty"
                    + " (lambda1 = " + penalty.lambda1() + ") has a kink at 0; use descent(...) for L1 or elastic net");
        }
        if (maxIterations <= 0 || !(tolerance > 0)) {
            throw new IllegalArgumentException("need maxIterations > 0 and tolerance > 0, got " + maxIterations
                    + " and " + tolerance);
        }
        int m = x.getNumRows();
        int n = x.getNumCols();
        SimpleMatrix a = x.concatColumns(SimpleMatrix.ones(m, 1));
        SimpleMatrix theta = new SimpleMatrix(n + 1, 1);
        SimpleMatrix reg = SimpleMatrix.identity(n + 1);
        reg.set(n, n, 0);
        reg = reg.scale(penalty.lambda2() / m);
        double[] history = new double[maxIterations + 1];
        history[0] = cost(x, y, theta.extractMatrix(0, n, 0, 1), 0, penalty);
        int k = 0;
        while (k < maxIterations) {
            SimpleMatrix p = probabilities(a, theta, 0);
            SimpleMatrix sa = a.copy();
            for (int i = 0; i < m; i++) {
                double s = p.get(i, 0) * (1 - p.get(i, 0));
                for (int j = 0; j <= n; j++) {
                    sa.set(i, j, s * a.get(i, j));
                }
            }
            SimpleMatrix h = a.transpose().mult(sa).scale(1.0 / m).plus(reg);
            SimpleMatrix g = a.transpose().mult(p.minus(y)).scale(1.0 / m).plus(reg.mult(theta));
            SimpleMatrix step = null;
            double condition = h.conditionP2();
            if (condition < 1e12) {
                try {
                    step = h.solve(g);
                } catch (org.ejml.data.SingularMatrixException e) {
                    step = null;
                }
            }
            if (step == null || !Double.isFinite(step.elementMaxAbs())) {
                throw new IllegalStateException("the Hessian is singular after " + k + " Newton steps (condition "
                        + condition + "): the classes are probably separable, so the weights grow without"
                        + " bound; add an L2 penalty (lambda2 > 0)");
            }
            theta = theta.minus(step);
            k++;
            history[k] = cost(x, y, theta.extractMatrix(0, n, 0, 1), theta.get(n, 0), penalty);
            if (step.elementMaxAbs() < tolerance) {
                break;
            }
        }
        return new LogisticRegression(theta.extractMatrix(0, n, 0, 1), theta.get(n, 0), 0.5,
                Arrays.copyOf(history, k + 1));
    }

    /** P(y = 1 | x) = sigma(x W + b) for every row of X, m x 1 ({@code model.predict_proba(X)[:, 1]}). */
    public SimpleMatrix predictProbability(SimpleMatrix x) {
        checkFeatures(x);
        return probabilities(x, weights, bias);
    }

    /** P(y = 1 | x) for one point, e.g. {@code model.probability(new double[] {x1, x2})}. */
    public double probability(double[] point) {
        if (point == null || point.length != weights.getNumRows()) {
            throw new IllegalArgumentException("the model expects points with " + weights.getNumRows()
                    + " coordinates, got " + (point == null ? "null" : point.length));
        }
        double z = bias;
        for (int j = 0; j < point.length; j++) {
            z += weights.get(j, 0) * point[j];
        }
        return Activation.SIGMOID.value(z);
    }

    /** The scores z = X W + b, the log-odds ({@code model.decision_function(X)}), m x 1. */
    public SimpleMatrix decisionFunction(SimpleMatrix x) {
        checkFeatures(x);
        return x.mult(weights).plus(bias);
    }

    /** Labels 0 or 1: 1 where P(y = 1 | x) &gt;= the threshold (0.5 unless changed), m x 1 ({@code model.predict(X)}). */
    public SimpleMatrix predict(SimpleMatrix x) {
        SimpleMatrix p = predictProbability(x);
        for (int i = 0; i < p.getNumRows(); i++) {
            p.set(i, 0, p.get(i, 0) >= threshold ? 1 : 0);
        }
        return p;
    }

    /** The same model, predicting 1 where P(y = 1 | x) &gt;= t (a threshold in (0, 1)). */
    public LogisticRegression withThreshold(double t) {
        if (!(t > 0 && t < 1)) {
            throw new IllegalArgumentException("the threshold must be strictly between 0 and 1, got " + t);
        }
        return new LogisticRegression(weights, bias, t, lossHistory);
    }

    /** The threshold {@link #predict} uses. */
    public double threshold() {
        return threshold;
    }

    /** The fitted weights W (n x 1), a copy ({@code coef_}). */
    public SimpleMatrix weights() {
        return weights.copy();
    }

    /** The fitted bias b ({@code intercept_}). */
    public double bias() {
        return bias;
    }

    /** The odds ratios e^(w_j): how many times the odds P/(1-P) grow when feature j grows by one unit. */
    public double[] oddsRatios() {
        double[] out = new double[weights.getNumRows()];
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.exp(weights.get(j, 0));
        }
        return out;
    }

    /** The cost J during fitting: before the first step and after each epoch (or Newton step). */
    public double[] lossHistory() {
        return lossHistory.clone();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("LogisticRegression[W = (");
        for (int j = 0; j < weights.getNumRows(); j++) {
            s.append(j == 0 ? "" : ", ").append(weights.get(j, 0));
        }
        return s.append("), b = ").append(bias).append(", threshold = ").append(threshold).append(']').toString();
    }

    private void checkFeatures(SimpleMatrix x) {
        if (x == null || x.getNumCols() != weights.getNumRows()) {
            throw new IllegalArgumentException("cannot predict for X of shape " + (x == null ? "null" : Matrices.shape(x))
                    + " with weights of shape " + Matrices.shape(weights) + ": X needs " + weights.getNumRows()
                    + " columns");
        }
    }

    /** Checks X and y as linear regression does, and that every label is 0 or 1. */
    static void checkData(SimpleMatrix x, SimpleMatrix y) {
        LinearRegression.checkData(x, y);
        for (int i = 0; i < y.getNumRows(); i++) {
            double v = y.get(i, 0);
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1, got " + v + " at row " + i
                        + "; for more than two classes use SoftmaxRegression");
            }
        }
    }

    /** J and its gradient on a batch, with sample weights per class, for the training loop. */
    private static final class Objective implements Trainable {
        private final SimpleMatrix x;
        private final SimpleMatrix y;
        private final Penalty penalty;
        private final double weight0;
        private final double weight1;
        final double[] w;
        final double[] b = new double[1];
        private final double[] xd;     // X row by row: x_ij = xd[i n + j], read directly because this loop is hot
        private final double[][] grads;

        Objective(SimpleMatrix x, SimpleMatrix y, Penalty penalty, double weight0, double weight1) {
            this.x = x;
            this.y = y;
            this.penalty = penalty;
            this.weight0 = weight0;
            this.weight1 = weight1;
            this.w = new double[x.getNumCols()];
            this.xd = x.getDDRM().getData();
            this.grads = new double[][] {new double[w.length], new double[1]};
        }

        @Override
        public double[][] parameters() {
            return new double[][] {w, b};
        }

        @Override
        public double lossAndGradient(int[] examples) {
            double[] dw = grads[0];
            Arrays.fill(dw, 0);
            double db = 0;
            double loss = 0;
            int mb = examples.length;
            int m = x.getNumRows();
            for (int i : examples) {
                double z = b[0];
                int row = i * w.length;
                for (int j = 0; j < w.length; j++) {
                    z += xd[row + j] * w[j];
                }
                double a = Activation.SIGMOID.value(z);
                double yi = y.get(i, 0);
                double s = yi == 1 ? weight1 : weight0;
                double pc = Losses.clipProbability(a);
                loss -= s * (yi * Math.log(pc) + (1 - yi) * Math.log(1 - pc));
                double dz = s * (a - yi);                       // dJ/dz_i = a_i - y_i, weighted
                for (int j = 0; j < w.length; j++) {
                    dw[j] += dz * xd[row + j];
                }
                db += dz;
            }
            for (int j = 0; j < w.length; j++) {
                // the penalty is scaled by the full m, so a batch's gradient estimates the gradient of J itself
                dw[j] = dw[j] / mb + penalty.lambda1() / m * Math.signum(w[j]) + penalty.lambda2() / m * w[j];
            }
            grads[1][0] = db / mb;
            return loss / mb + penalty.value(w, m);
        }

        @Override
        public double[][] gradients() {
            return grads;
        }

        @Override
        public double loss() {
            int m = x.getNumRows();
            int[] all = new int[m];
            for (int i = 0; i < m; i++) {
                all[i] = i;
            }
            double[] saved = grads[0].clone();
            double savedB = grads[1][0];
            double l = lossAndGradient(all);
            System.arraycopy(saved, 0, grads[0], 0, saved.length);
            grads[1][0] = savedB;
            return l;
        }

        @Override
        public int examples() {
            return x.getNumRows();
        }
    }
}
