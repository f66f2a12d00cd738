package mlfoundations.calculus;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

import org.ejml.simple.SimpleMatrix;

/**
 * The Hessian of a scalar function f: R^n -&gt; R, the n x n matrix of second partial derivatives
 * H_ij = d^2 f / (dx_i dx_j), estimated by second-order central differences:
 * <ul>
 * <li>diagonal: H_ii ~ (f(x + h e_i) - 2 f(x) + f(x - h e_i)) / h^2;</li>
 * <li>off the diagonal: H_ij ~ (f(x + h e_i + h e_j) - f(x + h e_i - h e_j) - f(x - h e_i + h e_j)
 * + f(x - h e_i - h e_j)) / (4 h^2).</li>
 * </ul>
 * Both have truncation error O(h^2) (the odd Taylor terms cancel), but round-off now grows like eps |f| / h^2, so
 * the best step is larger than for a first derivative: about eps^(1/4) ~ 1e-4, the default. The result is symmetric
 * by construction (H_ij and H_ji use the same four values), as the true Hessian of a smooth f is
 * ({@code torch.autograd.functional.hessian} computes it exactly).
 */
public final class Hessian {

    /** The default step for second differences: about eps^(1/4), where truncation h^2 and round-off eps / h^2 meet. */
    public static final double H = 1e-4;

    private Hessian() {
    }

    /** The n x n Hessian of f at x by central second differences with the default step 1e-4; x is not modified. */
    public static SimpleMatrix of(ToDoubleFunction<double[]> f, double[] x) {
        return of(f, x, H);
    }

    /** The n x n Hessian H_ij = d^2 f / (dx_i dx_j) of f at x by central second differences with step h. */
    public static SimpleMatrix of(ToDoubleFunction<double[]> f, double[] x, double h) {
        if (f == null) {
            throw new IllegalArgumentException("the Hessian needs a function f, got null");
        }
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("the Hessian needs a point x with at least one coordinate");
        }
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("step size h must be finite and > 0, got " + h);
        }
        int n = x.length;
        double[] p = Arrays.copyOf(x, n);
        double f0 = value(f, p);
        SimpleMatrix hess = new SimpleMatrix(n, n);
        for (int i = 0; i < n; i++) {
            p[i] = x[i] + h;
            double up = value(f, p);
            p[i] = x[i] - h;
            double down = value(f, p);
            p[i] = x[i];
            hess.set(i, i, (up - 2 * f0 + down) / (h * h));
            for (int j = i + 1; j < n; j++) {
                double pp = shifted(f, p, x, i, h, j, h);
                double pm = shifted(f, p, x, i, h, j, -h);
                double mp = shifted(f, p, x, i, -h, j, h);
                double mm = shifted(f, p, x, i, -h, j, -h);
                double hij = (pp - pm - mp + mm) / (4 * h * h);
                hess.set(i, j, hij);
                hess.set(j, i, hij);
            }
        }
        return hess;
    }

    private static double shifted(ToDoubleFunction<double[]> f, double[] p, double[] x, int i, double di, int j,
            double dj) {
        p[i] = x[i] + di;
        p[j] = x[j] + dj;
        double v = value(f, p);
        p[i] = x[i];
        p[j] = x[j];
        return v;
    }

    private static double value(ToDoubleFunction<double[]> f, double[] point) {
        double v = f.applyAsDouble(point.clone());
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("f is " + v + " at " + Arrays.toString(point)
                    + "; a finite difference needs finite values");
        }
        return v;
    }
}
