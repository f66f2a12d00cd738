package mlfoundations.data;

import mlfoundations.stats.Rng;
import org.ejml.simple.SimpleMatrix;

/**
 * Small synthetic data sets whose true answer is known, so a lesson can see how close a model gets to it.
 * All draws come from {@link Rng}, so {@code Rng.reset(seed)} makes them repeatable.
 */
public final class ToyData {

    private ToyData() {
    }

    /**
     * A regression data set: inputs {@code x} (m x n, one example per row) and targets {@code y} (m x 1).
     * {@link #xs()} and {@link #ys()} give the first feature and the targets as arrays, for plotting.
     */
    public record Regression(SimpleMatrix x, SimpleMatrix y) {

        /** Number of examples m (rows). */
        public int size() {
            return x.getNumRows();
        }

        /** The first input feature, column 0 of x, as an array ({@code X[:, 0]}). */
        public double[] xs() {
            return column(x, 0);
        }

        /** The targets as an array ({@code y.ravel()}). */
        public double[] ys() {
            return column(y, 0);
        }
    }

    /**
     * m points on the line y = intercept + slope * x plus noise: x uniform in [xLow, xHigh), noise normal with mean 0
     * and standard deviation noiseStd. The x values are drawn first, then the noise, like
     * {@code X = 2 * np.random.rand(m, 1); y = 4 + 3 * X + 0.5 * np.random.randn(m, 1)}.
     */
    public static Regression line(int m, double intercept, double slope, double xLow, double xHigh, double noiseStd) {
        if (m <= 0) {
            throw new IllegalArgumentException("number of points m must be > 0, got " + m);
        }
        if (!Double.isFinite(intercept) || !Double.isFinite(slope)) {
            throw new IllegalArgumentException("intercept and slope must be finite, got intercept=" + intercept
                    + ", slope=" + slope);
        }
        if (!Double.isFinite(xLow) || !Double.isFinite(xHigh) || !(xLow < xHigh)) {
            throw new IllegalArgumentException("x range needs finite xLow < xHigh, got [" + xLow + ", " + xHigh + "]");
        }
        if (!(noiseStd >= 0) || !Double.isFinite(noiseStd)) {
            throw new IllegalArgumentException("noise standard deviation must be finite and >= 0, got " + noiseStd);
        }
        double[] xs = Rng.uniform(xLow, xHigh, m);
        double[] noise = Rng.normal(0, noiseStd, m);
        SimpleMatrix x = new SimpleMatrix(m, 1);
        SimpleMatrix y = new SimpleMatrix(m, 1);
        for (int i = 0; i < m; i++) {
            x.set(i, 0, xs[i]);
            y.set(i, 0, intercept + slope * xs[i] + noise[i]);
        }
        return new Regression(x, y);
    }

    /**
     * A two-class classification data set: inputs {@code x} (m x n, one example per row) and 0/1 labels {@code y}
     * (m x 1).
     */
    public record Classification(SimpleMatrix x, SimpleMatrix y) {

        /** Number of examples m (rows). */
        public int size() {
            return x.getNumRows();
        }

        /** The labels as an array ({@code y.ravel()}). */
        public double[] labels() {
            return column(y, 0);
        }

        /** The points of one class as rows {x1, x2} (the first two features), e.g. for drawing over a map ({@code X[y == label]}). */
        public double[][] points(int label) {
            if (x.getNumCols() < 2) {
                throw new IllegalArgumentException("points need at least 2 features, the data have " + x.getNumCols());
            }
            java.util.List<double[]> out = new java.util.ArrayList<>();
            for (int i = 0; i < size(); i++) {
                if (y.get(i, 0) == label) {
                    out.add(new double[] {x.get(i, 0), x.get(i, 1)});
                }
            }
            return out.toArray(new double[0][]);
        }
    }

    /**
     * The XOR problem: the four corners of the unit square, labelled 1 when exactly one coordinate is 1:
     * (0,0) -> 0, (0,1) -> 1, (1,0) -> 1, (1,1) -> 0. No straight line separates the two classes.
     */
    public static Classification xor() {
        SimpleMatrix x = new SimpleMatrix(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        SimpleMatrix y = new SimpleMatrix(new double[][] {{0}, {1}, {1}, {0}});
        return new Classification(x, y);
    }

    /**
     * A noisy XOR cloud: {@code perCorner} points around each corner of the unit square, each coordinate plus normal
     * noise of standard deviation {@code noiseStd}, labelled like the corner (rows ordered by corner as in {@link #xor()}).
     */
    public static Classification xorCloud(int perCorner, double noiseStd) {
        if (perCorner <= 0) {
            throw new IllegalArgumentException("points per corner must be > 0, got " + perCorner);
        }
        if (!(noiseStd >= 0) || !Double.isFinite(noiseStd)) {
            throw new IllegalArgumentException("noise standard deviation must be finite and >= 0, got " + noiseStd);
        }
        Classification corners = xor();
        int m = 4 * perCorner;
        SimpleMatrix x = new SimpleMatrix(m, 2);
        SimpleMatrix y = new SimpleMatrix(m, 1);
        for (int c = 0; c < 4; c++) {
            for (int k = 0; k < perCorner; k++) {
                int i = c * perCorner + k;
                x.set(i, 0, corners.x().get(c, 0) + Rng.normal(0, noiseStd));
                x.set(i, 1, corners.x().get(c, 1) + Rng.normal(0, noiseStd));
                y.set(i, 0, corners.y().get(c, 0));
            }
        }
        return new Classification(x, y);
    }

    /**
     * Two round blobs in the plane, m points in all: the first m/2 (rounded up) have label 0 and sit around
     * (-separation/2, 0), the rest label 1 around (+separation/2, 0); each coordinate has standard deviation 1
     * (like sklearn {@code make_blobs(centers=2)}). A larger separation makes the classes easier to tell apart.
     */
    public static Classification twoClassBlobs(int m, double separation) {
        if (m < 2) {
            throw new IllegalArgumentException("two classes need at least 2 points, got m = " + m);
        }
        if (!(separation >= 0) || !Double.isFinite(separation)) {
            throw new IllegalArgumentException("separation must be finite and >= 0, got " + separation);
        }
        int m0 = (m + 1) / 2;
        SimpleMatrix x = new SimpleMatrix(m, 2);
        SimpleMatrix y = new SimpleMatrix(m, 1);
        for (int i = 0; i < m; i++) {
            int label = i < m0 ? 0 : 1;
            x.set(i, 0, (label == 0 ? -separation / 2 : separation / 2) + Rng.normal());
            x.set(i, 1, Rng.normal());
            y.set(i, 0, label);
        }
        return new Classification(x, y);
    }

    /**
     * An imbalanced two-class set: m points, of which round(positiveFraction * m) have label 1 and sit around
     * (+separation/2, 0), the rest label 0 around (-separation/2, 0), each coordinate with standard deviation 1
     * (like sklearn {@code make_classification(weights=[1 - f, f])}). Rows: all of class 0, then all of class 1.
     */
    public static Classification imbalancedBlobs(int m, double positiveFraction, double separation) {
        if (!(positiveFraction > 0 && positiveFraction < 1)) {
            throw new IllegalArgumentException("the positive fraction must be strictly between 0 and 1, got "
                    + positiveFraction);
        }
        if (!(separation >= 0) || !Double.isFinite(separation)) {
            throw new IllegalArgumentException("separation must be finite and >= 0, got " + separation);
        }
        int m1 = (int) Math.round(positiveFraction * m);
        if (m1 < 1 || m1 > m - 1) {
            throw new IllegalArgumentException("a positive fraction of " + positiveFraction + " of m = " + m
                    + " leaves a class empty; use more points");
        }
        SimpleMatrix x = new SimpleMatrix(m, 2);
        SimpleMatrix y = new SimpleMatrix(m, 1);
        for (int i = 0; i < m; i++) {
            int label = i < m - m1 ? 0 : 1;
            x.set(i, 0, (label == 0 ? -separation / 2 : separation / 2) + Rng.normal());
            x.set(i, 1, Rng.normal());
            y.set(i, 0, label);
        }
        return new Classification(x, y);
    }

    /** Column j of a matrix as an array ({@code A[:, j]}). */
    public static double[] column(SimpleMatrix a, int j) {
        if (j < 0 || j >= a.getNumCols()) {
            throw new IllegalArgumentException("column " + j + " does not exist in a " + a.getNumRows() + "x"
                    + a.getNumCols() + " matrix");
        }
        double[] out = new double[a.getNumRows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i, j);
        }
        return out;
    }
}
