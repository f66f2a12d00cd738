package mlfoundations.metrics;

import org.ejml.simple.SimpleMatrix;

import mlfoundations.linalg.Matrices;

/**
 * Regression losses: how far predictions are from the true values, averaged over the examples.
 * MSE squares each residual (big misses count a lot), MAE takes its absolute value (every unit of miss counts the same).
 * Binary cross-entropy (BCE) scores predicted probabilities against yes/no labels (classification).
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
     * probabilities p_i in [0, 1], each p_i first clipped to [BCE_CLIP, 1 - BCE_CLIP] so log(0) never occurs
     * (sklearn {@code log_loss(y, p)}; PyTorch {@code nn.BCELoss}).
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
