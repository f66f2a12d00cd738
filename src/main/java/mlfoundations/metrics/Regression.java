package mlfoundations.metrics;

import org.ejml.simple.SimpleMatrix;

import mlfoundations.linalg.Matrices;

/**
 * Regression scores beyond the losses in {@link Losses}. R^2, the coefficient of determination, compares a model with
 * the laziest possible one, which always predicts the mean of the targets: R^2 = 1 - SS_res / SS_tot with
 * SS_res = sum_i (y_i - p_i)^2 and SS_tot = sum_i (y_i - mean(y))^2. 1 is a perfect fit, 0 is no better than the mean,
 * and it is negative when the model is worse than the mean.
 */
public final class Regression {

    private Regression() {
    }

    /**
     * R^2 = 1 - MSE(y, p) / MSE(y, mean(y)) (the same ratio as SS_res / SS_tot; scikit-learn's {@code r2_score(y, p)}).
     * Throws if all targets are equal: then SS_tot = 0 and R^2 is undefined.
     */
    public static double r2(double[] yTrue, double[] yPred) {
        double mseModel = Losses.mse(yTrue, yPred);   // also checks lengths, emptiness and finiteness
        boolean allEqual = true;
        double mean = 0;
        for (double v : yTrue) {
            mean += v / yTrue.length;
            allEqual &= v == yTrue[0];
        }
        double[] meanPrediction = new double[yTrue.length];
        java.util.Arrays.fill(meanPrediction, mean);
        double mseMean = Losses.mse(yTrue, meanPrediction);
        if (allEqual) {
            throw new IllegalArgumentException("R^2 is undefined when all " + yTrue.length
                    + " targets are equal (here all " + yTrue[0] + "): there is no variance to explain");
        }
        return 1 - mseModel / mseMean;
    }

    /** R^2 of two matrices of the same shape (typically m x 1 columns of targets and predictions). */
    public static double r2(SimpleMatrix yTrue, SimpleMatrix yPred) {
        if (yTrue == null || yPred == null) {
            throw new IllegalArgumentException("targets and predictions must not be null");
        }
        if (yTrue.getNumRows() != yPred.getNumRows() || yTrue.getNumCols() != yPred.getNumCols()) {
            throw new IllegalArgumentException("cannot take the R^2 of a " + Matrices.shape(yTrue)
                    + " target matrix and a " + Matrices.shape(yPred) + " prediction matrix; the shapes must match");
        }
        double[] t = new double[yTrue.getNumElements()];
        double[] p = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = yTrue.get(i);
            p[i] = yPred.get(i);
        }
        return r2(t, p);
    }
}
