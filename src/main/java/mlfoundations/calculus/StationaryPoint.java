package mlfoundations.calculus;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import mlfoundations.linalg.SymmetricEigen;
import org.ejml.simple.SimpleMatrix;

/**
 * What kind of stationary point (grad f = 0) a point is, read off the eigenvalues of the Hessian H there:
 * all lambda_i &gt; 0 a minimum (H positive definite), all lambda_i &lt; 0 a maximum (negative definite), both signs a
 * saddle, and some lambda_i = 0 (to within a tolerance) degenerate: second derivatives alone cannot tell.
 * The Hessian is estimated by {@link Hessian} and decomposed by {@link SymmetricEigen}
 * ({@code np.linalg.eigvalsh(torch.autograd.functional.hessian(f, x))} in NumPy/PyTorch terms).
 * For a minimum it also gives the two numbers that govern gradient descent near it: the largest stable step
 * 2 / lambda_max and the condition number kappa = lambda_max / lambda_min.
 */
public final class StationaryPoint {

    /** The four cases the Hessian's eigenvalues can show. */
    public enum Kind {
        /** Every eigenvalue &gt; 0: f curves up in every direction. */
        MINIMUM,
        /** Every eigenvalue &lt; 0: f curves down in every direction. */
        MAXIMUM,
        /** Eigenvalues of both signs: up along some directions, down along others. */
        SADDLE,
        /** No eigenvalue of both signs but some eigenvalue is zero: a flat direction, higher derivatives decide. */
        DEGENERATE
    }

    /**
     * An eigenvalue smaller than this times the largest |lambda| (or than this, if all are below 1) counts as zero.
     * The numerical Hessian carries errors near 1e-7 for f of order 1 (round-off eps |f| / h^2 with h = 1e-4), so a
     * tolerance well above that keeps round-off from deciding the kind.
     */
    public static final double ZERO_TOLERANCE = 1e-5;

    /**
     * How long the gradient at x may be, relative to max(1, largest |lambda|), for x to count as stationary. A
     * descent run stopped at step length 1e-6 leaves a gradient near 1e-6 lambda_max, well inside this.
     */
    public static final double GRADIENT_TOLERANCE = 1e-3;

    private final SimpleMatrix hessian;
    private final double[] eigenvalues;
    private final Kind kind;

    private StationaryPoint(SimpleMatrix hessian, double[] eigenvalues, Kind kind) {
        this.hessian = hessian;
        this.eigenvalues = eigenvalues;
        this.kind = kind;
    }

    /**
     * Classifies the stationary point x of f from the eigenvalues of f's numerical Hessian there. Throws if the
     * gradient at x (central differences) is not close to 0, because then x is not a stationary point at all.
     */
    public static StationaryPoint at(ToDoubleFunction<double[]> f, double[] x) {
        SimpleMatrix h = Hessian.of(f, x);
        StationaryPoint p = ofHessian(h);
        double[] g = Differences.gradient(f, x);
        double norm = 0;
        for (double gi : g) {
            norm += gi * gi;
        }
        norm = Math.sqrt(norm);
        double scale = Math.max(1, Math.max(Math.abs(p.eigenvalues[0]), Math.abs(p.eigenvalues[g.length - 1])));
        if (norm > GRADIENT_TOLERANCE * scale) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the gradient at %s has length %.3g, so it is not a stationary point (grad f = 0); "
                            + "move to one first (e.g. by gradient descent), or classify the curvature alone with "
                            + "StationaryPoint.ofHessian(Hessian.of(f, x))", Arrays.toString(x), norm));
        }
        return p;
    }

    /** Classifies a symmetric Hessian matrix H that is already known, by the signs of its eigenvalues. */
    public static StationaryPoint ofHessian(SimpleMatrix h) {
        if (h == null) {
            throw new IllegalArgumentException("the Hessian must not be null");
        }
        double[] values = SymmetricEigen.of(h).values();
        return new StationaryPoint(h.copy(), values, classify(values));
    }

    /**
     * The kind shown by these eigenvalues: signs of the ones clearly away from zero, where "zero" means
     * |lambda| &lt;= {@link #ZERO_TOLERANCE} max(1, largest |lambda|).
     */
    public static Kind classify(double[] eigenvalues) {
        if (eigenvalues == null || eigenvalues.length == 0) {
            throw new IllegalArgumentException("classify needs at least one eigenvalue");
        }
        double big = 1;
        for (double v : eigenvalues) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("eigenvalue " + v + " is not finite; the Hessian must be finite");
            }
            big = Math.max(big, Math.abs(v));
        }
        double zero = ZERO_TOLERANCE * big;
        int positive = 0;
        int negative = 0;
        for (double v : eigenvalues) {
            if (v > zero) {
                positive++;
            } else if (v < -zero) {
                negative++;
            }
        }
        if (positive > 0 && negative > 0) {
            return Kind.SADDLE;
        }
        if (positive + negative < eigenvalues.length) {
            return Kind.DEGENERATE;
        }
        return positive > 0 ? Kind.MINIMUM : Kind.MAXIMUM;
    }

    /** Minimum, maximum, saddle or degenerate. */
    public Kind kind() {
        return kind;
    }

    /** The Hessian's eigenvalues, largest first (a copy). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The Hessian H_ij = d^2 f / (dx_i dx_j) at the point (a copy). */
    public SimpleMatrix hessian() {
        return hessian.copy();
    }

    /**
     * The largest step for which gradient descent settles into this minimum: alpha &lt; 2 / lambda_max, since each
     * step multiplies the error along eigenvector i by 1 - alpha lambda_i. Only defined at a minimum.
     */
    public double largestStableStep() {
        requireMinimum("a largest stable step");
        return 2 / eigenvalues[0];
    }

    /** The condition number kappa = lambda_max / lambda_min of the Hessian at a minimum (1 = round bowl). */
    public double conditionNumber() {
        requireMinimum("a condition number");
        return eigenvalues[0] / eigenvalues[eigenvalues.length - 1];
    }

    private void requireMinimum(String what) {
        if (kind != Kind.MINIMUM) {
            throw new IllegalStateException("only a minimum has " + what + "; this point is a " + kind
                    + " with eigenvalues " + Arrays.toString(eigenvalues));
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(kind.toString().toLowerCase(Locale.ROOT)).append(", eigenvalues [");
        for (int i = 0; i < eigenvalues.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", eigenvalues[i]));
        }
        return s.append(']').toString();
    }
}
