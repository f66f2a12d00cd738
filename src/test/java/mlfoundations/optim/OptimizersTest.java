package mlfoundations.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

class OptimizersTest {

    /** One step of {@code opt} on f(x) = x^2 (gradient 2x) for the array {@code x}. */
    private static void stepOnSquare(Optimizer opt, double[] x) {
        opt.update(x, new double[] {2 * x[0]});
    }

    @Test
    void sgdHalvesTheWayToTheMinimumOnXSquaredWithLearningRateQuarter() {
        // x <- x - 0.25 * 2x = x / 2: 1, 0.5, 0.25 (the halving of lesson 00-3).
        Optimizer opt = new Sgd(0.25);
        double[] x = {1.0};
        stepOnSquare(opt, x);
        assertEquals(0.5, x[0], 0.0);
        stepOnSquare(opt, x);
        assertEquals(0.25, x[0], 0.0);
    }

    @Test
    void momentumSecondStepIsLrTimesG2PlusBetaTimesLrTimesG1() {
        // f = x^2 from x = 1, lr 0.1, beta 0.9. Step 1: g1 = 2, v = 2, x = 1 - 0.2 = 0.8.
        // Step 2: g2 = 1.6, v = 0.9*2 + 1.6 = 3.4, step = 0.1*1.6 + 0.9*0.1*2 = 0.34, x = 0.46.
        Optimizer opt = new Momentum(0.1, 0.9);
        double[] x = {1.0};
        stepOnSquare(opt, x);
        assertEquals(0.8, x[0], 1e-15);
        stepOnSquare(opt, x);
        assertEquals(0.8 - (0.1 * 1.6 + 0.9 * 0.1 * 2), x[0], 1e-15);
        assertEquals(0.46, x[0], 1e-15);
    }

    @Test
    void momentumWithBetaZeroIsPlainSgd() {
        Optimizer a = new Momentum(0.1, 0.0);
        Optimizer b = new Sgd(0.1);
        double[] x = {1.0, -2.0};
        double[] y = {1.0, -2.0};
        for (int k = 0; k < 10; k++) {
            a.update(x, new double[] {2 * x[0], 6 * x[1]});
            b.update(y, new double[] {2 * y[0], 6 * y[1]});
        }
        assertArrayEquals(y, x, 0.0);
    }

    @Property(tries = 100)
    void rmsPropFirstStepIsLrOverRootOfOneMinusRhoWhateverTheGradient(
            @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double g, @ForAll @DoubleRange(min = 0, max = 0.99) double rho) {
        // s1 = (1 - rho) g^2, so the step is lr g / (|g| sqrt(1 - rho)) = lr / sqrt(1 - rho) (eps negligible).
        Optimizer opt = new RmsProp(0.01, rho, 1e-12);
        double[] x = {0.0};
        opt.update(x, new double[] {g});
        assertEquals(-0.01 / Math.sqrt(1 - rho), x[0], 1e-8);
    }

    @Test
    void rmsPropSecondStepByHand() {
        // f = x^2 from x = 1, lr 0.01, rho 0.9. Step 1: s = 0.1*4 = 0.4, x = 1 - 0.02/sqrt(0.4).
        // Step 2: g = 2 x1, s = 0.9*0.4 + 0.1 g^2, x2 = x1 - 0.01 g / sqrt(s).
        Optimizer opt = new RmsProp(0.01, 0.9, 1e-8);
        double[] x = {1.0};
        stepOnSquare(opt, x);
        double x1 = 1 - 0.02 / Math.sqrt(0.4);
        assertEquals(x1, x[0], 1e-9);
        assertEquals(0.968377223, x[0], 1e-9);
        stepOnSquare(opt, x);
        double g = 2 * x1;
        assertEquals(x1 - 0.01 * g / Math.sqrt(0.36 + 0.1 * g * g), x[0], 1e-9);
    }

    @Property(tries = 100)
    void adamFirstStepHasSizeLrWhateverTheGradientScale(@ForAll @DoubleRange(min = 1e-3, max = 1e6) @Scale(6) double g,
            @ForAll boolean negative) {
        // Bias correction: mHat = g, vHat = g^2, so the step is lr * g / |g| = lr * sign(g).
        double grad = negative ? -g : g;
        Optimizer opt = new Adam(0.05);
        double[] x = {3.0};
        opt.update(x, new double[] {grad});
        // eps = 1e-8 shortens the step by lr * eps / |g| <= 5e-7 for |g| >= 1e-3.
        assertEquals(3.0 - 0.05 * Math.signum(grad), x[0], 1e-6);
    }

    @Test
    void adamSecondStepByHand() {
        // f = x^2 from 1, lr 0.1. Step 1: g = 2, m = 0.2, v = 0.004, mHat = 2, vHat = 4, x1 = 0.9.
        // Step 2: g = 1.8, m = 0.18 + 0.18 = 0.36, v = 0.003996 + 0.00324 = 0.007236,
        // mHat = 0.36 / 0.19, vHat = 0.007236 / 0.001999, x2 = 0.9 - 0.1 mHat / sqrt(vHat) = 0.8004122...
        Optimizer opt = new Adam(0.1);
        double[] x = {1.0};
        stepOnSquare(opt, x);
        assertEquals(0.9, x[0], 1e-8);
        stepOnSquare(opt, x);
        assertEquals(0.9 - 0.1 * (0.36 / 0.19) / Math.sqrt(0.007236 / 0.001999), x[0], 1e-8);
        assertEquals(0.8004122, x[0], 1e-7);
    }

    private static final ToDoubleFunction<double[]> QUADRATIC =
            p -> (p[0] - 3) * (p[0] - 3) + 10 * (p[1] + 1) * (p[1] + 1);
    private static final UnaryOperator<double[]> QUADRATIC_GRAD = p -> new double[] {2 * (p[0] - 3), 20 * (p[1] + 1)};

    @Test
    void everyOptimizerConvergesOnAConvexQuadraticToWithinOneMillionth() {
        // Minimum at (3, -1) (closed form: set both partial derivatives to zero).
        List<Optimizer> all = List.of(new Sgd(0.04), new Momentum(0.02, 0.9), new RmsProp(0.01), new Adam(0.1));
        for (Optimizer opt : all) {
            Trajectory t = new Minimizer(opt).threshold(1e-12).maxSteps(20_000)
                    .minimize(QUADRATIC, QUADRATIC_GRAD, new double[] {0, 0});
            double[] x = t.last();
            assertEquals(3.0, x[0], 1e-6, opt.toString());
            assertEquals(-1.0, x[1], 1e-6, opt.toString());
        }
    }

    private static List<Supplier<Optimizer>> statefulOptimizers() {
        return List.of(() -> new Momentum(0.05, 0.9), () -> new RmsProp(0.05, 0.9, 1e-8),
                () -> new Adam(0.05, 0.9, 0.999, 1e-8));
    }

    @Test
    void stateIsKeptPerParameterArray() {
        // Two arrays updated alternately by one optimizer must evolve exactly as with two separate optimizers.
        for (Supplier<Optimizer> make : statefulOptimizers()) {
            Optimizer shared = make.get();
            Optimizer forA = make.get();
            Optimizer forB = make.get();
            double[] a = {1.0, -1.0};
            double[] b = {4.0};
            double[] a2 = a.clone();
            double[] b2 = b.clone();
            for (int k = 0; k < 25; k++) {
                shared.update(a, new double[] {2 * a[0], 8 * a[1]});
                shared.update(b, new double[] {2 * b[0]});
                forA.update(a2, new double[] {2 * a2[0], 8 * a2[1]});
                forB.update(b2, new double[] {2 * b2[0]});
            }
            assertArrayEquals(a2, a, 0.0, shared.toString());
            assertArrayEquals(b2, b, 0.0, shared.toString());
        }
    }

    @Test
    void resetForgetsTheState() {
        for (Supplier<Optimizer> make : statefulOptimizers()) {
            Optimizer used = make.get();
            double[] x = {1.0};
            for (int k = 0; k < 10; k++) {
                stepOnSquare(used, x);
            }
            used.reset();
            double[] fresh = x.clone();
            stepOnSquare(used, x);
            stepOnSquare(make.get(), fresh);
            assertEquals(fresh[0], x[0], 0.0, used.toString());
        }
    }

    @Test
    void stateMattersWithoutReset() {
        // The contrary of the test above, so that it can fail: without reset the next step differs from a fresh one.
        for (Supplier<Optimizer> make : statefulOptimizers()) {
            Optimizer used = make.get();
            double[] x = {1.0};
            for (int k = 0; k < 10; k++) {
                stepOnSquare(used, x);
            }
            double[] fresh = x.clone();
            stepOnSquare(used, x);
            stepOnSquare(make.get(), fresh);
            assertTrue(Math.abs(fresh[0] - x[0]) > 1e-6, used.toString());
        }
    }

    @Test
    void learningRateIsReported() {
        assertEquals(0.3, new Sgd(0.3).learningRate());
        assertEquals(0.3, new Momentum(0.3).learningRate());
        assertEquals(0.3, new RmsProp(0.3).learningRate());
        assertEquals(0.3, new Adam(0.3).learningRate());
    }

    private static void assertMessage(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should mention '" + p + "'");
        }
    }

    @Test
    void badHyperparametersAreRejectedClearly() {
        assertMessage(() -> new Sgd(0), "learning rate", "0.0");
        assertMessage(() -> new Sgd(-0.1), "learning rate", "-0.1");
        assertMessage(() -> new Momentum(Double.NaN), "learning rate", "NaN");
        assertMessage(() -> new Momentum(0.1, 1.0), "beta", "[0, 1)", "1.0");
        assertMessage(() -> new Momentum(0.1, -0.5), "beta", "-0.5");
        assertMessage(() -> new RmsProp(0.1, 1.2, 1e-8), "rho", "1.2");
        assertMessage(() -> new RmsProp(0.1, 0.9, 0), "eps", "0.0");
        assertMessage(() -> new Adam(0.1, 0.9, 1.0, 1e-8), "beta2", "1.0");
        assertMessage(() -> new Adam(0.1, 1.5, 0.999, 1e-8), "beta1", "1.5");
        assertMessage(() -> new Adam(0.1, 0.9, 0.999, -1), "eps", "-1.0");
        assertMessage(() -> new Adam(Double.POSITIVE_INFINITY), "learning rate", "Infinity");
    }

    @Test
    void badUpdatesAreRejectedClearly() {
        for (Optimizer opt : List.of(new Sgd(0.1), new Momentum(0.1), new RmsProp(0.1), new Adam(0.1))) {
            assertMessage(() -> opt.update(new double[2], new double[3]), "2 parameters", "length 3");
            assertMessage(() -> opt.update(null, new double[3]), "null");
            assertMessage(() -> opt.update(new double[] {1, 2}, new double[] {0, Double.NaN}), "index 1", "NaN");
        }
    }

    @Test
    void minimizerWithSgdFollowsTheClosedFormOnASquare() {
        // On f(x) = x^2 one SGD step is x - alpha 2x = (1 - 2 alpha) x, so x_k = x0 (1 - 2 alpha)^k exactly in
        // real arithmetic. alpha = 0.375 makes the factor 1/4, a power of two: every iterate is exact in floating
        // point too, so the comparison can be exact. Also for GradientDescent, the front lesson 00-3 uses.
        double alpha = 0.375;
        double x0 = -3.0;
        Trajectory viaMinimizer = new Minimizer(new Sgd(alpha)).threshold(1e-9).minimize(x -> x * x, x -> 2 * x, x0);
        Trajectory viaFront = new GradientDescent(alpha).threshold(1e-9).minimize(x -> x * x, x -> 2 * x, x0);
        for (Trajectory t : List.of(viaMinimizer, viaFront)) {
            for (int k = 0; k <= t.steps(); k++) {
                assertEquals(x0 * Math.pow(0.25, k), t.xs()[k], 0.0, "x_" + k);
            }
            // It stops at the first step shorter than 1e-9: |x_k - x_(k-1)| = 3 * 0.75 * 0.25^(k-1) < 1e-9 first at k = 17.
            assertEquals(17, t.steps());
            assertEquals(Trajectory.Stop.CONVERGED, t.reason());
            assertEquals(alpha, t.stepSize());
        }
    }

    @Test
    void gradientDescentChecksItsStepSizeOnceInItsOwnWords() {
        assertMessage(() -> new GradientDescent(-0.5), "step size must be > 0 and finite, got -0.5");
        assertMessage(() -> new GradientDescent(Double.NaN), "step size must be > 0 and finite, got NaN");
        assertMessage(() -> new Sgd(0), "learning rate must be > 0 and finite, got 0.0");
    }

    @Test
    void minimizerResetsTheOptimizerAndLeavesTheStartAlone() {
        Optimizer adam = new Adam(0.1);
        double[] start = {0.0, 0.0};
        Minimizer run = new Minimizer(adam).maxSteps(30);
        Trajectory first = run.minimize(QUADRATIC, QUADRATIC_GRAD, start);
        Trajectory second = run.minimize(QUADRATIC, QUADRATIC_GRAD, start);
        assertArrayEquals(new double[] {0.0, 0.0}, start, 0.0);
        assertArrayEquals(first.last(), second.last(), 0.0);
        // Adam's first step moves each coordinate by exactly lr against the sign of its gradient.
        assertArrayEquals(new double[] {0.1, -0.1}, first.point(1), 1e-9);
    }

    @Test
    void minimizerReportsDivergence() {
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> new Minimizer(new Momentum(2.0, 0.9)).minimize(x -> x * x, x -> 2 * x, 1.0));
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
        assertEquals(Trajectory.Stop.DIVERGED, e.trajectory().reason());
    }
}
