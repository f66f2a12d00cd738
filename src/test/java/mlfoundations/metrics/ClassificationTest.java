package mlfoundations.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ClassificationTest {

    // 10 examples, counted by hand: TP = 3 (rows 0, 1, 2), FN = 1 (row 3), FP = 2 (rows 4, 5), TN = 4 (rows 6-9)
    private static final double[] Y = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
    private static final double[] P = {1, 1, 1, 0, 1, 1, 0, 0, 0, 0};

    @Test
    void confusionMatrixCountsAHandMadeExample() {
        int[][] c = Classification.confusionMatrix(Y, P);
        assertArrayEquals(new int[] {4, 2}, c[0]);   // true 0: TN, FP
        assertArrayEquals(new int[] {1, 3}, c[1]);   // true 1: FN, TP
    }

    @Test
    void ratiosFromTheCounts() {
        assertEquals(7 / 10.0, Classification.accuracy(Y, P), 1e-15);
        assertEquals(3 / 5.0, Classification.precision(Y, P), 1e-15);     // 3 / (3 + 2)
        assertEquals(3 / 4.0, Classification.recall(Y, P), 1e-15);        // 3 / (3 + 1)
        assertEquals(2 * 0.6 * 0.75 / (0.6 + 0.75), Classification.f1(Y, P), 1e-15);
        // no positive predictions: precision is 0/0, reported 0 as scikit-learn's zero_division=0 does
        assertEquals(0.0, Classification.precision(Y, new double[10]), 0.0);
    }

    @Test
    void multiclassConfusion() {
        int[][] c = Classification.confusionMatrix(new int[] {0, 1, 2, 2, 1}, new int[] {0, 2, 2, 1, 1}, 3);
        assertArrayEquals(new int[] {1, 0, 0}, c[0]);
        assertArrayEquals(new int[] {0, 1, 1}, c[1]);
        assertArrayEquals(new int[] {0, 1, 1}, c[2]);
    }

    @Test
    void aucOfPerfectAndReversedRankings() {
        double[] y = {0, 0, 1, 0, 1, 1};
        double[] s = {0.1, 0.2, 0.8, 0.3, 0.9, 0.7};
        assertEquals(1.0, Classification.auc(y, s), 0.0);
        double[] rev = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            rev[i] = -s[i];
        }
        assertEquals(0.0, Classification.auc(y, rev), 0.0);
        // the ROC curve of the perfect ranking goes (0,0) -> (0,1) -> (1,1)
        Classification.Roc roc = Classification.rocCurve(y, s);
        assertEquals(0.0, roc.fpr()[3], 0.0);
        assertEquals(1.0, roc.tpr()[3], 0.0);
    }

    /** AUC equals the Mann-Whitney statistic: the share of (positive, negative) pairs ranked right, ties half. */
    @Property(tries = 200)
    void aucIsTheMannWhitneyStatistic(@ForAll long seed) {
        Random r = new Random(seed);
        int m = 2 + r.nextInt(40);
        double[] y = new double[m];
        double[] s = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = i == 0 ? 0 : i == 1 ? 1 : r.nextInt(2);
            s[i] = r.nextInt(8) / 8.0;    // a coarse grid, so ties happen often
        }
        double pairs = 0;
        double wins = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        // both sides are sums of at most 400 terms of size 1/pairs: a few hundred ulps at most
        assertEquals(wins / pairs, Classification.auc(y, s), 1e-12);
    }

    @Test
    void brierScoreByHand() {
        // (0.9 - 1)^2 + (0.2 - 0)^2 + (0.6 - 1)^2 + (0.5 - 0)^2 = 0.01 + 0.04 + 0.16 + 0.25 = 0.46, / 4
        assertEquals(0.115, Classification.brier(new double[] {1, 0, 1, 0}, new double[] {0.9, 0.2, 0.6, 0.5}), 1e-15);
    }

    @Test
    void calibrationCurveBinsByHand() {
        // bins of width 0.5: {0.1, 0.3} with labels {0, 1}; {0.6, 0.8, 0.9} with labels {1, 1, 0}
        Classification.Calibration c = Classification.calibrationCurve(new double[] {0, 1, 1, 1, 0},
                new double[] {0.1, 0.3, 0.6, 0.8, 0.9}, 2);
        assertArrayEquals(new double[] {0.2, 2.3 / 3}, c.meanPredicted(), 1e-15);
        assertArrayEquals(new double[] {0.5, 2 / 3.0}, c.fractionPositive(), 1e-15);
        assertArrayEquals(new int[] {2, 3}, c.counts());
    }

    @Test
    void badInputIsRejectedClearly() {
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> Classification.confusionMatrix(new double[] {0, 2}, new double[] {0, 1}));
        assertTrue(labels.getMessage().contains("0 or 1") && labels.getMessage().contains("2.0"));
        IllegalArgumentException prob = assertThrows(IllegalArgumentException.class,
                () -> Classification.brier(new double[] {0, 1}, new double[] {0.5, 1.2}));
        assertTrue(prob.getMessage().contains("[0, 1]") && prob.getMessage().contains("1.2"));
        IllegalArgumentException oneClass = assertThrows(IllegalArgumentException.class,
                () -> Classification.auc(new double[] {1, 1}, new double[] {0.5, 0.6}));
        assertTrue(oneClass.getMessage().contains("both classes"));
        assertThrows(IllegalArgumentException.class, () -> Classification.accuracy(new double[] {1}, new double[] {1, 0}));
    }
}
