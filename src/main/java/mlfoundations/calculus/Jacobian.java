package mlfoundations.calculus;

import java.util.Arrays;
import java.util.function.Function;

import org.ejml.simple.SimpleMatrix;

/**
 * The Jacobian of a vector function f: R^n -&gt; R^k estimated by central differences: the k x n matrix
 * J_ij = df_i/dx_j ~ (f_i(x + h e_j) - f_i(x - h e_j)) / (2h), column j from two evaluations of f. Each entry's
 * truncation error is h^2 |d^3 f_i/dx_j^3| / 6, so O(h^2), plus round-off of about eps |f_i| / h; the default
 * h = 1e-5 balances the two ({@code torch.autograd.functional.jacobian} computes the exact one by autograd). For a
 * scalar f (k = 1) the Jacobian is the gradient as a 1 x n row.
 */
public final class Jacobian {

    private Jacobian() {
    }

    /** The k x n Jacobian of f at x by central differences with the default step h = 1e-5; x is not modified. */
    public static SimpleMatrix of(Function<double[], double[]> f, double[] x) {
        return of(f, x, Differences.H);
    }

    /** The k x n Jacobian J_ij = df_i/dx_j of f at x by central differences with step h; x is not modified. */
    public static SimpleMatrix of(Function<double[], double[]> f, double[] x, double h) {
        if (f == null) {
            throw new IllegalArgumentException("the Jacobian needs a function f, got null");
        }
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("the Jacobian needs a point x with at least one coordinate");
        }
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("step size h must be finite and > 0, got " + h);
        }
        double[] probe = Arrays.copyOf(x, x.length);
        int k = outputs(f, probe).length;
        SimpleMatrix jac = new SimpleMatrix(k, x.length);
        for (int j = 0; j < x.length; j++) {
            probe[j] = x[j] + h;
            double[] up = outputs(f, probe);
            probe[j] = x[j] - h;
            double[] down = outputs(f, probe);
            probe[j] = x[j];
            if (up.length != k || down.length != k) {
                throw new IllegalArgumentException("f returned " + k + " outputs at x but " + up.length + " and "
                        + down.length + " when coordinate " + j + " moved; it must always return the same number");
            }
            for (int i = 0; i < k; i++) {
                jac.set(i, j, (up[i] - down[i]) / (2 * h));
            }
        }
        return jac;
    }

    private static double[] outputs(Function<double[], double[]> f, double[] point) {
        double[] y = f.apply(point.clone());
        if (y == null || y.length == 0) {
            throw new IllegalArgumentException("f returned no outputs at " + Arrays.toString(point));
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("output " + i + " of f is " + y[i] + " at " + Arrays.toString(point)
                        + "; a finite difference needs finite values");
            }
        }
        return y;
    }
}
