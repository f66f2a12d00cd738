package mlfoundations.optim;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Slopes measured from the function values alone (central differences), for checking a derivative or gradient
 * worked out by hand: {@code f'(x) ~ (f(x + h) - f(x - h)) / (2h)}, with an error that shrinks like h^2.
 */
public final class Slopes {

    /** The step h used by the methods without an explicit h: small, yet far above rounding noise. */
    public static final double H = 1e-5;

    private Slopes() {
    }

    /** f'(x) estimated as (f(x + h) - f(x - h)) / (2h) with h = 1e-5 (like {@code scipy.optimize.approx_fprime}). */
    public static double derivative(DoubleUnaryOperator f, double x) {
        if (f == null) {
            throw new IllegalArgumentException("the function f must not be null");
        }
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite, got " + x);
        }
        double d = (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("f is not finite near x = " + x + "; cannot estimate its slope there");
        }
        return d;
    }

    /** The gradient (df/dx_1, ..., df/dx_n) at {@code point}, each partial derivative by a central difference. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] point) {
        if (f == null || point == null || point.length == 0) {
            throw new IllegalArgumentException("need a function and a point with at least one coordinate");
        }
        double[] g = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            double[] up = point.clone();
            double[] down = point.clone();
            up[i] += H;
            down[i] -= H;
            g[i] = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * H);
            if (!Double.isFinite(g[i])) {
                throw new IllegalArgumentException("f is not finite near the point along coordinate " + i
                        + "; cannot estimate the gradient there");
            }
        }
        return g;
    }
}
