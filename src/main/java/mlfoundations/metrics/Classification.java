package mlfoundations.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.ejml.simple.SimpleMatrix;

/**
 * How good a classifier is. Labels y are 0 or 1 (1 = "positive"); predictions are 0/1 labels, scores are any
 * numbers that rank examples (higher = more likely positive), probabilities lie in [0, 1]. With TP, FP, TN, FN the
 * counts of true/false positives/negatives:
 * <pre>
 *   accuracy = (TP + TN) / m,  precision = TP / (TP + FP),  recall = TP / (TP + FN),  F1 = 2 P R / (P + R)
 * </pre>
 * These are scikit-learn's {@code sklearn.metrics} functions of the same names; where a ratio has 0/0 the result is 0
 * (sklearn's {@code zero_division=0}). Arrays or m x 1 matrices are accepted alike.
 */
public final class Classification {

    private Classification() {
    }

    /** The fraction of predictions equal to the labels ({@code accuracy_score(y, yhat)}); any class codes. */
    public static double accuracy(double[] yTrue, double[] yPred) {
        checkLengths(yTrue, yPred);
        int right = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] == yPred[i]) {
                right++;
            }
        }
        return (double) right / yTrue.length;
    }

    /** Accuracy for m x 1 label columns. */
    public static double accuracy(SimpleMatrix yTrue, SimpleMatrix yPred) {
        return accuracy(column(yTrue), column(yPred));
    }

    /** Accuracy for class numbers 0..k-1 (e.g. a softmax model's {@code predict}). */
    public static double accuracy(int[] yTrue, int[] yPred) {
        return accuracy(toDouble(yTrue), toDouble(yPred));
    }

    /** The 2 x 2 confusion matrix {{TN, FP}, {FN, TP}}: row = true class, column = predicted ({@code confusion_matrix}). */
    public static int[][] confusionMatrix(double[] yTrue, double[] yPred) {
        checkBinary(yTrue, "labels");
        checkBinary(yPred, "predictions");
        checkLengths(yTrue, yPred);
        int[][] c = new int[2][2];
        for (int i = 0; i < yTrue.length; i++) {
            c[(int) yTrue[i]][(int) yPred[i]]++;
        }
        return c;
    }

    /** The 2 x 2 confusion matrix for m x 1 label columns. */
    public static int[][] confusionMatrix(SimpleMatrix yTrue, SimpleMatrix yPred) {
        return confusionMatrix(column(yTrue), column(yPred));
    }

    /** The k x k confusion matrix: entry (t, p) counts examples of true class t predicted as p (classes 0..k-1). */
    public static int[][] confusionMatrix(int[] yTrue, int[] yPred, int k) {
        checkLengths(toDouble(yTrue), toDouble(yPred));
        if (k < 2) {
            throw new IllegalArgumentException("a confusion matrix needs k >= 2 classes, got " + k);
        }
        int[][] c = new int[k][k];
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] < 0 || yTrue[i] >= k || yPred[i] < 0 || yPred[i] >= k) {
                throw new IllegalArgumentException("class numbers must be in 0.." + (k - 1) + ", got true "
                        + yTrue[i] + " and predicted " + yPred[i] + " at index " + i);
            }
            c[yTrue[i]][yPred[i]]++;
        }
        return c;
    }

    /** TP / (TP + FP): of the examples called positive, the fraction that are ({@code precision_score}). */
    public static double precision(double[] yTrue, double[] yPred) {
        int[][] c = confusionMatrix(yTrue, yPred);
        return ratio(c[1][1], c[1][1] + c[0][1]);
    }

    /** TP / (TP + FN): of the positive examples, the fraction found ({@code recall_score}); also called sensitivity. */
    public static double recall(double[] yTrue, double[] yPred) {
        int[][] c = confusionMatrix(yTrue, yPred);
        return ratio(c[1][1], c[1][1] + c[1][0]);
    }

    /** F1 = 2 P R / (P + R) = 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall ({@code f1_score}). */
    public static double f1(double[] yTrue, double[] yPred) {
        int[][] c = confusionMatrix(yTrue, yPred);
        return ratio(2 * c[1][1], 2 * c[1][1] + c[0][1] + c[1][0]);
    }

    /** Precision for m x 1 label columns. */
    public static double precision(SimpleMatrix yTrue, SimpleMatrix yPred) {
        return precision(column(yTrue), column(yPred));
    }

    /** Recall for m x 1 label columns. */
    public static double recall(SimpleMatrix yTrue, SimpleMatrix yPred) {
        return recall(column(yTrue), column(yPred));
    }

    /** F1 for m x 1 label columns. */
    public static double f1(SimpleMatrix yTrue, SimpleMatrix yPred) {
        return f1(column(yTrue), column(yPred));
    }

    /** Labels 0/1 from probabilities: 1 where p &gt;= threshold ({@code (p >= t).astype(int)}). */
    public static double[] threshold(double[] probabilities, double threshold) {
        checkProbabilities(probabilities);
        double[] out = new double[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities[i] >= threshold ? 1 : 0;
        }
        return out;
    }

    /**
     * An ROC curve: false-positive rate FPR = FP / (FP + TN) against true-positive rate TPR = TP / (TP + FN) as the
     * threshold falls from above the highest score (0, 0) through every distinct score to the lowest (1, 1).
     */
    public record Roc(double[] fpr, double[] tpr, double[] thresholds) {
    }

    /** The ROC curve of scores against 0/1 labels; both classes must be present ({@code roc_curve(y, scores)}). */
    public static Roc rocCurve(double[] yTrue, double[] scores) {
        checkBinary(yTrue, "labels");
        checkLengths(yTrue, scores);
        int positives = 0;
        for (double v : yTrue) {
            positives += (int) v;
        }
        int negatives = yTrue.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("an ROC curve needs both classes, but all " + yTrue.length
                    + " labels are " + (positives == 0 ? 0 : 1));
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is not finite: " + scores[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 0, Double.POSITIVE_INFINITY});
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (yTrue[i] == 1) {
                tp++;
            } else {
                fp++;
            }
            // tied scores move together: a threshold cannot separate them, so one point per distinct score
            if (k + 1 == order.length || scores[order[k + 1]] != scores[i]) {
                pts.add(new double[] {(double) fp / negatives, (double) tp / positives, scores[i]});
            }
        }
        double[] f = new double[pts.size()];
        double[] t = new double[pts.size()];
        double[] th = new double[pts.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = pts.get(k)[0];
            t[k] = pts.get(k)[1];
            th[k] = pts.get(k)[2];
        }
        return new Roc(f, t, th);
    }

    /**
     * The area under the ROC curve, by the trapezoid rule ({@code roc_auc_score(y, scores)}). It equals the chance
     * that a random positive example scores above a random negative one (ties counting one half): 1 for a perfect
     * ranking, 0.5 for a coin, 0 for a reversed one.
     */
    public static double auc(double[] yTrue, double[] scores) {
        Roc r = rocCurve(yTrue, scores);
        double area = 0;
        for (int k = 1; k < r.fpr().length; k++) {
            area += (r.fpr()[k] - r.fpr()[k - 1]) * (r.tpr()[k] + r.tpr()[k - 1]) / 2;
        }
        return area;
    }

    /** AUC for an m x 1 label column and an m x 1 column of scores. */
    public static double auc(SimpleMatrix yTrue, SimpleMatrix scores) {
        return auc(column(yTrue), column(scores));
    }

    /** The Brier score (1/m) sum_i (p_i - y_i)^2: the MSE of probabilities, 0 is perfect ({@code brier_score_loss}). */
    public static double brier(double[] yTrue, double[] probabilities) {
        checkBinary(yTrue, "labels");
        checkProbabilities(probabilities);
        return Losses.mse(yTrue, probabilities);
    }

    /** The Brier score for m x 1 columns of labels and probabilities. */
    public static double brier(SimpleMatrix yTrue, SimpleMatrix probabilities) {
        return brier(column(yTrue), column(probabilities));
    }

    /**
     * A reliability (calibration) curve: [0, 1] cut into {@code bins} equal bins by predicted probability; for each
     * non-empty bin the mean predicted probability, the fraction of positives and the count. A calibrated model lies
     * on the diagonal ({@code sklearn.calibration.calibration_curve(y, p, n_bins=bins)}).
     */
    public record Calibration(double[] meanPredicted, double[] fractionPositive, int[] counts) {
    }

    /** The reliability curve of probabilities against 0/1 labels, with {@code bins} equal-width bins. */
    public static Calibration calibrationCurve(double[] yTrue, double[] probabilities, int bins) {
        checkBinary(yTrue, "labels");
        checkProbabilities(probabilities);
        checkLengths(yTrue, probabilities);
        if (bins < 1) {
            throw new IllegalArgumentException("need at least 1 bin, got " + bins);
        }
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        int[] n = new int[bins];
        for (int i = 0; i < yTrue.length; i++) {
            int b = Math.min(bins - 1, (int) (probabilities[i] * bins));
            sumP[b] += probabilities[i];
            sumY[b] += yTrue[i];
            n[b]++;
        }
        int used = 0;
        for (int c : n) {
            used += c > 0 ? 1 : 0;
        }
        double[] mp = new double[used];
        double[] fp = new double[used];
        int[] cnt = new int[used];
        int k = 0;
        for (int b = 0; b < bins; b++) {
            if (n[b] > 0) {
                mp[k] = sumP[b] / n[b];
                fp[k] = sumY[b] / n[b];
                cnt[k] = n[b];
                k++;
            }
        }
        return new Calibration(mp, fp, cnt);
    }

    /** The first column of an m x 1 matrix as an array. */
    static double[] column(SimpleMatrix a) {
        if (a == null) {
            throw new IllegalArgumentException("the labels or scores must not be null");
        }
        if (a.getNumCols() != 1) {
            throw new IllegalArgumentException("expected a column (m x 1), got " + a.getNumRows() + "x" + a.getNumCols());
        }
        double[] out = new double[a.getNumRows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i, 0);
        }
        return out;
    }

    private static double ratio(int num, int den) {
        return den == 0 ? 0 : (double) num / den;
    }

    private static double[] toDouble(int[] a) {
        if (a == null) {
            throw new IllegalArgumentException("the labels must not be null");
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    private static void checkLengths(double[] a, double[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("labels and predictions must not be null");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot compare " + a.length + " labels with " + b.length
                    + " predictions; they must have the same length");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("no examples to score (empty arrays)");
        }
    }

    private static void checkBinary(double[] y, String what) {
        if (y == null) {
            throw new IllegalArgumentException("the " + what + " must not be null");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("the " + what + " must be 0 or 1, got " + y[i] + " at index " + i
                        + "; a binary metric scores one class (1) against the rest (0)");
            }
        }
    }

    private static void checkProbabilities(double[] p) {
        if (p == null) {
            throw new IllegalArgumentException("the probabilities must not be null");
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("probabilities must lie in [0, 1], got " + p[i] + " at index " + i
                        + "; pass sigma(z), not the score z");
            }
        }
    }
}
