package mlfoundations.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import mlfoundations.metrics.Losses;
import mlfoundations.models.Sigmoid;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class GradientCheckTest {

    // Six examples with two features; labels not linearly separable, so the loss has a finite minimum.
    private static final double[][] X = {{0.5, 1.0}, {-1.0, 0.3}, {1.5, -0.5}, {-0.2, -1.2}, {0.9, 0.8}, {-1.6, 1.1}};
    private static final double[] Y = {1, 0, 1, 0, 0, 1};

    /** Predictions a_i = sigma(w . x_i + b) for theta = (w1, w2, b). */
    private static double[] predict(double[] theta) {
        double[] a = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            a[i] = Sigmoid.value(theta[0] * X[i][0] + theta[1] * X[i][1] + theta[2]);
        }
        return a;
    }

    private static final ToDoubleFunction<double[]> BCE = theta -> Losses.bce(Y, predict(theta));

    /** Closed form: dL/dw_j = (1/m) sum_i (a_i - y_i) x_ij, dL/db = (1/m) sum_i (a_i - y_i). */
    private static double[] bceGradient(double[] theta) {
        double[] a = predict(theta);
        double[] g = new double[3];
        for (int i = 0; i < X.length; i++) {
            double d = a[i] - Y[i];
            g[0] += d * X[i][0] / X.length;
            g[1] += d * X[i][1] / X.length;
            g[2] += d / X.length;
        }
        return g;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }

    @Property(tries = 200)
    void correctSigmoidLinearBceGradientPasses(@ForAll @DoubleRange(min = -3, max = 3) double w1,
            @ForAll @DoubleRange(min = -3, max = 3) double w2, @ForAll @DoubleRange(min = -3, max = 3) double b) {
        double[] theta = {w1, w2, b};
        // Near the minimum the gradient itself is ~0 and a relative error means little; skip those rare points.
        // Elsewhere the central difference's rounding noise is about eps J / h per entry (h = 1e-5). Where the
        // gradient is smallest, J is close to its minimum, at most ln 2 on these six points, so the noise is below
        // 2e-11 and relative to |g| > 1e-3 below 1e-8: the 1e-7 bound holds with a margin for every theta here.
        Assume.that(norm(bceGradient(theta)) > 1e-3);
        GradientCheck check = GradientCheck.of(BCE, GradientCheckTest::bceGradient, theta);
        assertTrue(check.relativeError() < 1e-7, check.report());
        assertTrue(check.passed());
        assertEquals("great", check.verdict());
    }

    @Test
    void aGradientMissingTheInputFactorIsCaught() {
        // Bug: dL/dw_2 computed without the x_i2 factor (a classic chain-rule slip).
        double[] theta = {0.4, -0.7, 0.2};
        double[] wrong = bceGradient(theta);
        double[] a = predict(theta);
        wrong[1] = 0;
        for (int i = 0; i < X.length; i++) {
            wrong[1] += (a[i] - Y[i]) / X.length;
        }
        GradientCheck check = GradientCheck.of(BCE, wrong, theta);
        assertTrue(check.relativeError() > 1e-3, check.report());
        assertEquals("bug", check.verdict());
        assertEquals(1, check.worstIndex());
        assertTrue(check.report().contains("component 1"), check.report());
    }

    @Test
    void squaredErrorThroughSigmoidWithoutSigmaPrimeIsCaught() {
        // L = (1/m) sum (a_i - y_i)^2; correct dL/dz_i = (2/m)(a_i - y_i) a_i (1 - a_i). Forgetting a(1 - a) is a bug.
        ToDoubleFunction<double[]> mse = theta -> Losses.mse(Y, predict(theta));
        double[] theta = {0.3, 0.5, -0.1};
        double[] a = predict(theta);
        double[] right = new double[3];
        double[] wrong = new double[3];
        for (int i = 0; i < X.length; i++) {
            double dz = 2.0 / X.length * (a[i] - Y[i]);
            double dzRight = dz * a[i] * (1 - a[i]);
            double[] inputs = {X[i][0], X[i][1], 1};
            for (int j = 0; j < 3; j++) {
                right[j] += dzRight * inputs[j];
                wrong[j] += dz * inputs[j];
            }
        }
        assertTrue(GradientCheck.of(mse, right, theta).relativeError() < 1e-7);
        assertEquals("bug", GradientCheck.of(mse, wrong, theta).verdict());
    }

    @Test
    void verdictsFollowTheThresholds() {
        ToDoubleFunction<double[]> bowl = p -> p[0] * p[0] + 3 * p[1] * p[1];
        double[] at = {1.0, 2.0};
        double[] exact = {2.0, 12.0};
        assertEquals("great", GradientCheck.of(bowl, exact, at).verdict());
        // Scaling the exact gradient by (1 + e) gives relative error e / (1 + e), about e.
        assertEquals("acceptable", GradientCheck.of(bowl, new double[] {2 * (1 + 1e-6), 12 * (1 + 1e-6)}, at).verdict());
        assertEquals("suspicious", GradientCheck.of(bowl, new double[] {2 * (1 + 1e-4), 12 * (1 + 1e-4)}, at).verdict());
        assertEquals("bug", GradientCheck.of(bowl, new double[] {2, 6}, at).verdict());
        assertEquals(1e-4 / (1 + 1e-4),
                GradientCheck.of(bowl, new double[] {2 * (1 + 1e-4), 12 * (1 + 1e-4)}, at).relativeError(), 1e-9);
    }

    @Test
    void numericalGradientIsTheOneFromDifferences() {
        ToDoubleFunction<double[]> f = p -> Math.sin(p[0]) * p[1];
        double[] at = {0.3, 2.0};
        GradientCheck check = GradientCheck.of(f, new double[] {2 * Math.cos(0.3), Math.sin(0.3)}, at);
        double[] numerical = check.numerical();
        double[] reference = Differences.gradient(f, at);
        assertEquals(reference[0], numerical[0], 0.0);
        assertEquals(reference[1], numerical[1], 0.0);
    }

    @Test
    void badInputIsRejectedClearly() {
        ToDoubleFunction<double[]> f = p -> p[0] * p[0];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.of(f, new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("2 components") && e.getMessage().contains("1 parameters"), e.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.of(null, new double[] {1}, new double[] {1}));
        assertTrue(n.getMessage().contains("null"));
    }
}
