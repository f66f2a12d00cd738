package mlfoundations.metrics;

import org.ejml.simple.SimpleMatrix;

/**
 * Regression losses: how far predictions are from the true values, averaged over the examples.
 * MSE squares each residual (big misses count a lot), MAE takes its absolute value (every unit of miss counts the same).
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
            throw new IllegalArgumentException("cannot take the " + what + " of a " + shape(yTrue) + " target matrix and a "
                    + shape(yPred) + " prediction matrix; the shapes must match");
        }
    }

    private static double[] values(SimpleMatrix a) {
        double[] out = new double[a.getNumElements()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i);
        }
        return out;
    }

    static String shape(SimpleMatrix a) {
        return a.getNumRows() + "x" + a.getNumCols();
    }
}
