package mlfoundations.metrics;

import org.ejml.simple.SimpleMatrix;

import mlfoundations.linalg.Matrices;

/**
 * Regression losses: how far predictions are from the true values, averaged over the examples.
 * MSE squares each residual (big misses count a lot), MAE takes its absolute value (every unit of miss counts the same).
 * Binary cross-entropy (BCE) scores predicted probabilities against yes/no labels (classification).
 * Huber is squared for small misses and absolute for large ones. Entropy, cross-entropy and the KL divergence compare
 * whole probability distributions (natural logarithms, so the unit is the nat).
 */
public final class Losses {

    private Losses() {
    }

    /** Mean squared error (1/m) sum_i (y_i - p_i)^2 ({@code np.mean((y - p)**2)}, sklearn {@code mean_squared_error}). */
    public static double mse(double[] yTrue, double[] yPred) {
        check(yTrue, yPred);
        double sum = 0;
        for (int i = 0; i < yTrue.length; i++) {
            double r = yTrue[i] - yPred[i];
            sum += r * r;
        }
        return sum / yTrue.length;
    }

    /** Mean absolute error (1/m) sum_i |y_i - p_i| ({@code np.mean(np.abs(y - p))}, sklearn {@code mean_absolute_error}). */
    public static double mae(double[] yTrue, double[] yPred) {
        check(yTrue, yPred);
        double sum = 0;
        for (int i = 0; i < yTrue.length; i++) {
            sum += Math.abs(yTrue[i] - yPred[i]);
        }
        return sum / yTrue.length;
    }

    /**
     * The one clipping constant of the course: before a logarithm, a probability p is clipped to
     * [BCE_CLIP, 1 - BCE_CLIP], so a confident wrong answer costs a lot (-ln BCE_CLIP, about 36) but never infinity,
     * and a gradient 1 / (p (1 - p)) stays finite. The value is the machine epsilon of a double, 2^-52
     * ({@code np.finfo(np.float64).eps}), which is what scikit-learn's {@code log_loss} clips with since version 1.2
     * ({@code eps="auto"}; before 1.2 its default was 1e-15). It is the smallest clip for which 1 - BCE_CLIP is still
     * a double below 1, so the upper end is really clipped too.
     */
    public static final double BCE_CLIP = Math.ulp(1.0);

    /**
     * Binary cross-entropy -(1/m) sum_i [y_i log p_i + (1 - y_i) log(1 - p_i)] for labels y_i in [0, 1] and predicted
     * probabilities p_i in [0, 1], each p_i first clipped to [BCE_CLIP, 1 - BCE_CLIP] so log(0) never occurs. Equal
     * to scikit-learn's {@code log_loss(y, p)} from version 1.2 on (which clips with the same 2^-52); older versions
     * clipped with 1e-15 and differ where some p_i is exactly 0 or 1. PyTorch's {@code nn.BCELoss} agrees wherever
     * every p_i is inside (0, 1); at exactly 0 or 1 it clamps each logarithm at -100 instead of clipping p.
     */
    public static double bce(double[] yTrue, double[] yProb) {
        check(yTrue, yProb);
        double sum = 0;
        for (int i = 0; i < yTrue.length; i++) {
            double y = yTrue[i];
            double p = yProb[i];
            if (y < 0 || y > 1) {
                throw new IllegalArgumentException("binary cross-entropy needs labels in [0, 1], got " + y
                        + " at index " + i);
            }
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("binary cross-entropy needs probabilities in [0, 1], got " + p
                        + " at index " + i + "; apply the sigmoid first");
            }
            p = clipProbability(p);
            sum += y * Math.log(p) + (1 - y) * Math.log(1 - p);
        }
        return -sum / yTrue.length;
    }

    /** p clipped to [BCE_CLIP, 1 - BCE_CLIP] ({@code np.clip(p, eps, 1 - eps)}), as {@link #bce} does before the log. */
    public static double clipProbability(double p) {
        return Math.min(1 - BCE_CLIP, Math.max(BCE_CLIP, p));
    }

    /**
     * Categorical cross-entropy -(1/m) sum_i sum_k y_ik ln p_ik for m examples (rows) and k classes (columns): y holds
     * one-hot labels (or any class weights in [0, 1]), p the predicted probabilities, each row summing to 1 (a
     * softmax output). Each p_ik is clipped below at {@link #BCE_CLIP} before the log, as in {@link #bce}
     * (sklearn {@code log_loss(y, p)} with k columns; PyTorch {@code nn.NLLLoss} on {@code log(p)}).
     */
    public static double crossEntropy(SimpleMatrix yTrue, SimpleMatrix yProb) {
        checkShapes(yTrue, yProb, "cross-entropy");
        check(values(yTrue), values(yProb));
        int m = yTrue.getNumRows();
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double rowSum = 0;
            for (int c = 0; c < yProb.getNumCols(); c++) {
                double y = yTrue.get(i, c);
                double p = yProb.get(i, c);
                if (y < 0 || y > 1 || p < 0 || p > 1) {
                    throw new IllegalArgumentException("cross-entropy needs labels and probabilities in [0, 1], got y = "
                            + y + ", p = " + p + " at row " + i + ", column " + c);
                }
                rowSum += p;
                sum += y * Math.log(clipProbability(p));
            }
            if (Math.abs(rowSum - 1) > 1e-6) {
                throw new IllegalArgumentException("the probabilities of row " + i + " sum to " + rowSum
                        + ", not 1; apply the softmax first");
            }
        }
        return -sum / m;
    }

    /**
     * Huber loss (1/m) sum_i h(y_i - p_i) with h(r) = r^2 / 2 for |r| <= delta and delta (|r| - delta / 2) beyond:
     * squared near zero, absolute (slope delta) for outliers ({@code torch.nn.HuberLoss(delta=delta)}).
     */
    public static double huber(double[] yTrue, double[] yPred, double delta) {
        check(yTrue, yPred);
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("the Huber threshold delta must be a positive finite number, got "
                    + delta);
        }
        double sum = 0;
        for (int i = 0; i < yTrue.length; i++) {
            double r = Math.abs(yTrue[i] - yPred[i]);
            sum += r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
        }
        return sum / yTrue.length;
    }

    /**
     * Entropy H(p) = -sum_k p_k ln p_k of a probability distribution, in nats, with 0 ln 0 taken as 0
     * ({@code scipy.stats.entropy(p)}).
     */
    public static double entropy(double[] p) {
        checkDistribution(p, "p");
        double sum = 0;
        for (double pk : p) {
            if (pk > 0) {
                sum -= pk * Math.log(pk);
            }
        }
        return sum;
    }

    /**
     * Cross-entropy H(p, q) = -sum_k p_k ln q_k of a predicted distribution q against a true one p, in nats; terms
     * with p_k = 0 count 0, and q_k = 0 where p_k > 0 gives +infinity (no clipping, unlike the matrix version).
     * For a one-hot p it is -ln q_true, one row of {@link #crossEntropy(SimpleMatrix, SimpleMatrix)}.
     */
    public static double crossEntropy(double[] p, double[] q) {
        checkDistributions(p, q);
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            if (p[k] > 0) {
                sum -= p[k] * Math.log(q[k]);
            }
        }
        return sum;
    }

    /**
     * Kullback-Leibler divergence KL(p || q) = sum_k p_k ln(p_k / q_k) in nats: never negative, 0 only when q = p,
     * and +infinity when some q_k = 0 where p_k > 0 ({@code scipy.stats.entropy(p, q)};
     * {@code torch.nn.functional.kl_div(q.log(), p, reduction="sum")}). H(p, q) = H(p) + KL(p || q).
     */
    public static double klDivergence(double[] p, double[] q) {
        checkDistributions(p, q);
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            if (p[k] > 0) {
                sum += p[k] * Math.log(p[k] / q[k]);
            }
        }
        // Each term can be negative; rounding could leave a sum of about -1e-17 for q = p. The divergence is >= 0.
        return Math.max(0.0, sum);
    }

    /** How far a distribution's sum may be from 1: a few roundings per entry, generous for hand-typed decimals. */
    private static final double SUM_TOLERANCE = 1e-9;

    private static void checkDistributions(double[] p, double[] q) {
        checkDistribution(p, "p");
        checkDistribution(q, "q");
        if (p.length != q.length) {
            throw new IllegalArgumentException("p has " + p.length + " outcomes but q has " + q.length
                    + "; both distributions must be over the same outcomes");
        }
    }

    private static void checkDistribution(double[] p, String name) {
        if (p == null || p.length == 0) {
            throw new IllegalArgumentException("the distribution " + name + " must have at least one outcome");
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            if (!(p[k] >= 0) || Double.isInfinite(p[k])) {
                throw new IllegalArgumentException("probabilities must be finite and >= 0, but " + name + "[" + k
                        + "] = " + p[k]);
            }
            sum += p[k];
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("the probabilities of " + name + " sum to " + sum
                    + ", not 1; divide by their sum (or apply the softmax) first");
        }
    }

    /** MSE over all entries of two matrices of the same shape (typically m x 1 columns of targets and predictions). */
    public static double mse(SimpleMatrix yTrue, SimpleMatrix yPred) {
        checkShapes(yTrue, yPred, "MSE");
        return mse(values(yTrue), values(yPred));
    }

    /** MAE over all entries of two matrices of the same shape. */
    public static double mae(SimpleMatrix yTrue, SimpleMatrix yPred) {
        checkShapes(yTrue, yPred, "MAE");
        return mae(values(yTrue), values(yPred));
    }

    private static void check(double[] yTrue, double[] yPred) {
        if (yTrue == null || yPred == null) {
            throw new IllegalArgumentException("targets and predictions must not be null");
        }
        if (yTrue.length != yPred.length) {
            throw new IllegalArgumentException("cannot compare " + yTrue.length + " targets with " + yPred.length
                    + " predictions; they must have the same length");
        }
        if (yTrue.length == 0) {
            throw new IllegalArgumentException("cannot average a loss over no examples (empty arrays)");
        }
        for (int i = 0; i < yTrue.length; i++) {
            if (!Double.isFinite(yTrue[i]) || !Double.isFinite(yPred[i])) {
                throw new IllegalArgumentException("non-finite value at index " + i + ": target " + yTrue[i]
                        + ", prediction " + yPred[i]);
            }
        }
    }

    private static void checkShapes(SimpleMatrix yTrue, SimpleMatrix yPred, String what) {
        if (yTrue == null || yPred == null) {
            throw new IllegalArgumentException("targets and predictions must not be null");
        }
        if (yTrue.getNumRows() != yPred.getNumRows() || yTrue.getNumCols() != yPred.getNumCols()) {
            throw new IllegalArgumentException("cannot take the " + what + " of a " + Matrices.shape(yTrue)
                    + " target matrix and a " + Matrices.shape(yPred) + " prediction matrix; the shapes must match");
        }
    }

    private static double[] values(SimpleMatrix a) {
        double[] out = new double[a.getNumElements()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i);
        }
        return out;
    }
}
