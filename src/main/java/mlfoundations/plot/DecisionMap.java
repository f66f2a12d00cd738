package mlfoundations.plot;

import java.awt.image.BufferedImage;
import java.util.function.ToDoubleFunction;

import mlfoundations.data.ToyData;

/**
 * The probability map of a two-feature classifier: P(y = 1 | x1, x2) as colour over the plane, on a fixed [0, 1]
 * scale in 10 bands, so the contour between the fifth and sixth band is the decision boundary P = 0.5; the training
 * points of class 0 (white) and class 1 (black) are drawn on top. It stands in for the usual matplotlib recipe
 * {@code plt.contourf(xx, yy, model.predict_proba(grid)[:, 1].reshape(xx.shape)); plt.scatter(X[:, 0], X[:, 1], c=y)},
 * and is a {@link Surface} underneath.
 */
public final class DecisionMap {

    private DecisionMap() {
    }

    /**
     * The map of {@code probability} (a function of a point {x1, x2} returning P(y = 1)) over the data's bounding box
     * widened by {@code margin} on every side, with the data's points of both classes.
     */
    public static BufferedImage of(String title, ToDoubleFunction<double[]> probability, ToyData.Classification data,
            double margin) {
        return surface(title, probability, data, margin).image();
    }

    /** The same map as a {@link Surface}, to add paths (e.g. another model's boundary) before drawing it. */
    public static Surface surface(String title, ToDoubleFunction<double[]> probability, ToyData.Classification data,
            double margin) {
        if (probability == null || data == null) {
            throw new IllegalArgumentException("a decision map needs a probability function and the data");
        }
        if (data.x().getNumCols() != 2) {
            throw new IllegalArgumentException("a decision map draws two features, the data have "
                    + data.x().getNumCols() + "; pick two columns or project first");
        }
        if (!(margin >= 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("margin must be finite and >= 0, got " + margin);
        }
        double[] x1 = ToyData.column(data.x(), 0);
        double[] x2 = ToyData.column(data.x(), 1);
        ToDoubleFunction<double[]> checked = p -> {
            double v = probability.applyAsDouble(p);
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("the function must return a probability in [0, 1], got " + v
                        + " at (" + p[0] + ", " + p[1] + ")");
            }
            return v;
        };
        Surface s = Surface.of(title, "x1", "x2", checked, min(x1) - margin, max(x1) + margin, min(x2) - margin,
                max(x2) + margin).range(0, 1).levels(10).zLabel("P(y = 1 | x)");
        double[][] p0 = data.points(0);
        double[][] p1 = data.points(1);
        if (p0.length > 0) {
            s.points("class 0", p0);
        }
        if (p1.length > 0) {
            s.points("class 1", p1);
        }
        return s;
    }

    private static double min(double[] a) {
        double v = Double.POSITIVE_INFINITY;
        for (double d : a) {
            v = Math.min(v, d);
        }
        return v;
    }

    private static double max(double[] a) {
        double v = Double.NEGATIVE_INFINITY;
        for (double d : a) {
            v = Math.max(v, d);
        }
        return v;
    }
}
