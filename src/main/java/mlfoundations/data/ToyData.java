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
