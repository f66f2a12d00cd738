package mlfoundations.calculus;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * Gradient checking: compares a gradient worked out by hand (analytic) with the numerical gradient from central
 * differences, {@link Differences#gradient}, at one parameter vector. The measure is the relative error
 * ||analytic - numerical|| / max(||analytic||, ||numerical||) ({@link Differences#relativeError}); the usual reading:
 * below 1e-7 great, around 1e-5 suspicious, above 1e-3 almost certainly a bug. The result also names the component
 * where the two differ most, which is where to look for the bug. (PyTorch has {@code torch.autograd.gradcheck}.)
 */
public final class GradientCheck {

    /** Below this relative error the gradients agree as well as central differences allow. */
    public static final double GREAT = 1e-7;
    /** At or above this the gradient deserves a second look. */
    public static final double SUSPICIOUS = 1e-5;
    /** At or above this the analytic gradient is almost certainly wrong. */
    public static final double BUG = 1e-3;

    private final double[] analytic;
    private final double[] numerical;
    private final double relativeError;
    private final int worst;

    private GradientCheck(double[] analytic, double[] numerical) {
        this.analytic = analytic;
        this.numerical = numerical;
        this.relativeError = Differences.relativeError(analytic, numerical);
        int w = 0;
        for (int k = 1; k < analytic.length; k++) {
            if (Math.abs(analytic[k] - numerical[k]) > Math.abs(analytic[w] - numerical[w])) {
                w = k;
            }
        }
        this.worst = w;
    }

    /**
     * Checks {@code analytic}, a gradient of f claimed at {@code theta}, against central differences of f with the
     * default step h = 1e-5. Neither array is modified.
     */
    public static GradientCheck of(ToDoubleFunction<double[]> f, double[] analytic, double[] theta) {
        return of(f, analytic, theta, Differences.H);
    }

    /** The same check with central-difference step {@code h}. */
    public static GradientCheck of(ToDoubleFunction<double[]> f, double[] analytic, double[] theta, double h) {
        if (f == null) {
            throw new IllegalArgumentException("gradient check needs the function f, got null");
        }
        if (analytic == null || theta == null) {
            throw new IllegalArgumentException("gradient check needs an analytic gradient and a parameter vector, got "
                    + (analytic == null ? "null" : "an array") + " and " + (theta == null ? "null" : "an array"));
        }
        if (analytic.length != theta.length) {
            throw new IllegalArgumentException("the analytic gradient has " + analytic.length + " components but there are "
                    + theta.length + " parameters; there must be one partial derivative per parameter");
        }
        double[] numerical = Differences.gradient(f, theta, h);
        return new GradientCheck(analytic.clone(), numerical);
    }

    /** Checks the gradient function {@code gradient} (theta -&gt; grad f(theta)) at {@code theta}. */
    public static GradientCheck of(ToDoubleFunction<double[]> f, UnaryOperator<double[]> gradient, double[] theta) {
        if (gradient == null || theta == null) {
            throw new IllegalArgumentException("gradient check needs a gradient function and a parameter vector");
        }
        return of(f, gradient.apply(theta.clone()), theta);
    }

    /** ||analytic - numerical|| / max(||analytic||, ||numerical||); 0 when both are zero. */
    public double relativeError() {
        return relativeError;
    }

    /** True when the relative error is below {@link #GREAT} (1e-7). */
    public boolean passed() {
        return relativeError < GREAT;
    }

    /** The index of the component where analytic and numerical differ most (in absolute terms). */
    public int worstIndex() {
        return worst;
    }

    /** |analytic_k - numerical_k| / max(|analytic_k|, |numerical_k|) at the worst component k. */
    public double worstRelativeError() {
        return Differences.relativeError(analytic[worst], numerical[worst]);
    }

    /** The analytic gradient that was checked (a copy). */
    public double[] analytic() {
        return analytic.clone();
    }

    /** The numerical gradient by central differences (a copy). */
    public double[] numerical() {
        return numerical.clone();
    }

    /** "great", "acceptable", "suspicious" or "bug", from the relative error and the thresholds above. */
    public String verdict() {
        if (relativeError < GREAT) {
            return "great";
        }
        if (relativeError < SUSPICIOUS) {
            return "acceptable";
        }
        if (relativeError < BUG) {
            return "suspicious";
        }
        return "bug";
    }

    /** A few lines for a reader: both gradients, the relative error, the verdict and the worst component. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-10s %16s %16s %14s%n", "component", "analytic", "numerical", "difference"));
        for (int k = 0; k < analytic.length; k++) {
            sb.append(String.format(Locale.ROOT, "%-10d %16.9f %16.9f %14.3e%n", k, analytic[k], numerical[k],
                    analytic[k] - numerical[k]));
        }
        sb.append(String.format(Locale.ROOT, "relative error %.3e: %s", relativeError, explanation()));
        if (relativeError >= SUSPICIOUS) {
            sb.append(String.format(Locale.ROOT, "%nlargest difference at component %d (relative error %.3e there)",
                    worst, worstRelativeError()));
        }
        return sb.toString();
    }

    private String explanation() {
        switch (verdict()) {
            case "great":
                return "great (< 1e-7), the gradients agree";
            case "acceptable":
                return "acceptable (< 1e-5), but worth a second look";
            case "suspicious":
                return "suspicious (>= 1e-5), look for a bug";
            default:
                return "a bug (>= 1e-3), the analytic gradient is wrong";
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "gradient check: relative error %.3e (%s)", relativeError, verdict());
    }
}
