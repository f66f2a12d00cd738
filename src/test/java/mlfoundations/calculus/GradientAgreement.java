package mlfoundations.calculus;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule the gradient-check properties share: an analytic gradient must agree with central differences to a
 * relative error below 1e-7 wherever the gradient stands well above the differences' own rounding noise, and to within
 * a few times that noise where it does not (near a minimum the gradient is ~0 and a relative error means nothing).
 */
public final class GradientAgreement {

    private GradientAgreement() {
    }

    /**
     * Rounding noise of one central-difference entry: the loss, a sum of {@code terms} rounded terms, is known to about
     * 4 terms eps (1 + |loss|); dividing a difference of two such values by 2h gives that over h.
     */
    public static double noise(double loss, int terms, double h) {
        return 4 * terms * Math.ulp(1.0) * (1 + Math.abs(loss)) / h;
    }

    /** Asserts the rule for one gradient; {@code loss} is the value at the point, {@code terms} its number of terms. */
    public static void assertAgree(double[] analytic, double[] numeric, double loss, int terms, double h) {
        double noise = noise(loss, terms, h) * Math.sqrt(analytic.length);
        double scale = Math.max(norm(analytic), norm(numeric));
        double[] diff = new double[analytic.length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = analytic[i] - numeric[i];
        }
        if (scale > 1e4 * noise) {
            double rel = Differences.relativeError(analytic, numeric);
            assertTrue(rel < 1e-7, "relative error " + rel + " (gradient norm " + scale + ")");
        } else {
            assertTrue(norm(diff) < 10 * noise, "absolute error " + norm(diff) + " where the gradient norm " + scale
                    + " is within 1e4 times the rounding noise " + noise);
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
