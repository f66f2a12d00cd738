package mlfoundations.calculus;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Derivatives estimated from function values alone (finite differences), and the relative error used to compare
 * an analytic gradient with a numerical one (gradient checking).
 *
 * <p>Forward and backward differences are accurate to O(h): halving h roughly halves their error. The central
 * difference is accurate to O(h^2): halving h roughly quarters its error, until round-off takes over (for h much
 * below about 1e-5 the subtraction f(x + h) - f(x - h) loses too many digits).
 */
public final class Differences {

    /** The step h used when none is given: small, yet far above rounding noise for central differences. */
    public static final double H = 1e-5;

    private Differences() {
    }

    /** Central difference with the default step {@link #H}: f'(x) ~ (f(x + h) - f(x - h)) / (2h). */
    public static double central(DoubleUnaryOperator f, double x) {
        return central(f, x, H);
    }

    /** Numerical gradient by central differences with the default step {@link #H}. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        return gradient(f, x, H);
    }

    /** Forward difference f'(x) ~ (f(x + h) - f(x)) / h, error O(h). */
    public static double forward(DoubleUnaryOperator f, double x, double h) {
        checkStep(h);
        return (value(f, x + h) - value(f, x)) / h;
    }

    /** Backward difference f'(x) ~ (f(x) - f(x - h)) / h, error O(h). */
    public static double backward(DoubleUnaryOperator f, double x, double h) {
        checkStep(h);
        return (value(f, x) - value(f, x - h)) / h;
    }

    /** Central difference f'(x) ~ (f(x + h) - f(x - h)) / (2h), error O(h^2). */
    public static double central(DoubleUnaryOperator f, double x, double h) {
        checkStep(h);
        return (value(f, x + h) - value(f, x - h)) / (2 * h);
    }

    /**
     * Numerical gradient of f: R^n -> R at x by central differences, component k being
     * (f(x + h e_k) - f(x - h e_k)) / (2h) (what {@code scipy.optimize.approx_fprime} estimates, but central).
     * The array {@code x} is not modified.
     */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        checkStep(h);
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("cannot take the gradient at an empty point; x needs at least one coordinate");
        }
        double[] probe = Arrays.copyOf(x, x.length);
        double[] grad = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            probe[k] = x[k] + h;
            double up = valueAt(f, probe, k);
            probe[k] = x[k] - h;
            double down = valueAt(f, probe, k);
            probe[k] = x[k];
            grad[k] = (up - down) / (2 * h);
        }
        return grad;
    }

    /**
     * Relative error ||a - b|| / max(||a||, ||b||) (Euclidean norms), the usual gradient-check measure: about 1e-7 or
     * less means the two gradients agree; 0 when both are zero vectors.
     */
    public static double relativeError(double[] a, double[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("relative error needs two arrays, got " + (a == null ? "null" : "an array")
                    + " and " + (b == null ? "null" : "an array"));
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot compare vectors of lengths " + a.length + " and " + b.length);
        }
        double diff = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("relative error needs finite values, got " + a[i] + " and " + b[i]
                        + " at index " + i);
            }
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        double scale = Math.sqrt(Math.max(na, nb));
        return scale == 0 ? 0 : Math.sqrt(diff) / scale;
    }

    /** Relative error |a - b| / max(|a|, |b|) of two numbers; 0 when both are 0. */
    public static double relativeError(double a, double b) {
        return relativeError(new double[] {a}, new double[] {b});
    }

    private static void checkStep(double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("step size h must be finite and > 0, got " + h);
        }
    }

    private static double value(DoubleUnaryOperator f, double x) {
        double v = f.applyAsDouble(x);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("the function is not finite at x = " + x + " (value " + v
                    + "); a finite difference needs finite values");
        }
        return v;
    }

    private static double valueAt(ToDoubleFunction<double[]> f, double[] point, int k) {
        double v = f.applyAsDouble(point);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("the function is not finite at " + Arrays.toString(point)
                    + " (value " + v + ", probing coordinate " + k + "); a finite difference needs finite values");
        }
        return v;
    }
}
