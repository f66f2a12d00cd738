package mlfoundations.data;

import java.util.Arrays;

import mlfoundations.stats.Rng;
import org.ejml.simple.SimpleMatrix;

import mlfoundations.linalg.Matrices;

/**
 * A train/test split of (X, y): the rows shuffled with the seeded {@link Rng}, the first ceil(testFraction * m) of
 * them held out for testing (scikit-learn's {@code train_test_split(X, y, test_size=testFraction)}; the same sizes,
 * not the same rows). {@code trainRows} and {@code testRows} say which original rows went where.
 */
public record Split(SimpleMatrix xTrain, SimpleMatrix yTrain, SimpleMatrix xTest, SimpleMatrix yTest,
        int[] trainRows, int[] testRows) {

    /** The original row numbers of the training examples, in their shuffled order (a copy). */
    @Override
    public int[] trainRows() {
        return Arrays.copyOf(trainRows, trainRows.length);
    }

    /** The original row numbers of the test examples, in their shuffled order (a copy). */
    @Override
    public int[] testRows() {
        return Arrays.copyOf(testRows, testRows.length);
    }

    /**
     * Shuffles the rows of X (m x n) and y (m x 1) together and holds out ceil(testFraction * m) of them for testing;
     * both parts must end up non-empty.
     */
    public static Split trainTestSplit(SimpleMatrix x, SimpleMatrix y, double testFraction) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("X and y must not be null");
        }
        if (x.getNumRows() != y.getNumRows()) {
            throw new IllegalArgumentException("X is " + Matrices.shape(x) + " but y is " + Matrices.shape(y)
                    + ": they need the same number of rows (one per example)");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be strictly between 0 and 1, got " + testFraction);
        }
        int m = x.getNumRows();
        int nTest = (int) Math.ceil(testFraction * m);
        int nTrain = m - nTest;
        if (nTrain < 1) {
            throw new IllegalArgumentException("a test fraction of " + testFraction + " of " + m
                    + " examples leaves no training examples");
        }
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        for (int i = m - 1; i > 0; i--) {        // Fisher-Yates shuffle
            int k = Rng.integer(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        int[] test = Arrays.copyOfRange(order, 0, nTest);
        int[] train = Arrays.copyOfRange(order, nTest, m);
        return new Split(rows(x, train), rows(y, train), rows(x, test), rows(y, test), train, test);
    }

    /**
     * A stratified split ({@code train_test_split(X, y, test_size=f, stratify=y)}): from each class c of y (m x 1, any
     * class codes) with m_c rows, round(testFraction * m_c) rows drawn at random for the test set (through
     * {@link mlfoundations.stats.Sampling#stratified}) and the rest kept for training, so both parts keep the class
     * shares. Every class must land in both parts, or this throws naming the class.
     */
    public static Split stratified(SimpleMatrix x, SimpleMatrix y, double testFraction) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("X and y must not be null");
        }
        if (x.getNumRows() != y.getNumRows() || y.getNumCols() != 1) {
            throw new IllegalArgumentException("X is " + Matrices.shape(x) + " but y is " + Matrices.shape(y)
                    + ": y must be a column (m x 1) with one class per row of X");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be strictly between 0 and 1, got " + testFraction);
        }
        int m = y.getNumRows();
        String[] classes = new String[m];
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            classes[i] = String.valueOf(y.get(i, 0));
            counts.merge(classes[i], 1, Integer::sum);
        }
        for (java.util.Map.Entry<String, Integer> e : counts.entrySet()) {
            long test = Math.round(testFraction * e.getValue());
            if (test == 0 || test == e.getValue()) {
                throw new IllegalArgumentException("class " + e.getKey() + " has " + e.getValue() + " row(s): a test"
                        + " fraction of " + testFraction + " puts " + (test == 0 ? "none of them in the test set"
                        : "all of them in the test set and none in training") + "; change the fraction or"
                        + " gather more examples of that class");
            }
        }
        int[] test = mlfoundations.stats.Sampling.stratified(classes, testFraction);
        int[] train = mlfoundations.stats.Sampling.complement(m, test);
        return new Split(rows(x, train), rows(y, train), rows(x, test), rows(y, test), train, test);
    }

    private static SimpleMatrix rows(SimpleMatrix a, int[] which) {
        SimpleMatrix out = new SimpleMatrix(which.length, a.getNumCols());
        for (int r = 0; r < which.length; r++) {
            for (int c = 0; c < a.getNumCols(); c++) {
                out.set(r, c, a.get(which[r], c));
            }
        }
        return out;
    }
}
