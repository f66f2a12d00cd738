package mlfoundations.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import mlfoundations.stats.Rng;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class GradientDescentTest {

    private static final DoubleUnaryOperator SQUARE = x -> x * x;
    private static final DoubleUnaryOperator SQUARE_SLOPE = x -> 2 * x;

    // Two minima: f(x) = x^4 - 3x^2 + x, f'(x) = 4x^3 - 6x + 1.
    private static final DoubleUnaryOperator BUMPY = x -> x * x * x * x - 3 * x * x + x;
    private static final DoubleUnaryOperator BUMPY_SLOPE = x -> 4 * x * x * x - 6 * x + 1;

    @Test
    void firstStepsOnXSquaredMatchTheHandWorkedHalving() {
        // x <- x - 0.25 * 2x = x / 2, so from -1: -0.5, -0.25, -0.125 (exact in binary floating point).
        Trajectory t = new GradientDescent(0.25).minimize(SQUARE, SQUARE_SLOPE, -1.0);
        double[] xs = t.xs();
        assertEquals(-1.0, xs[0]);
        assertEquals(-0.5, xs[1]);
        assertEquals(-0.25, xs[2]);
        assertEquals(-0.125, xs[3]);
        assertEquals(-2.0, t.gradients()[0][0]);
        assertEquals(1.0, t.values()[0]);
        assertEquals(0.25, t.values()[1]);
    }

    @Test
    void convergesToZeroInTheNumberOfStepsTheClosedFormPredicts() {
        // x_k = -(1/2)^k and the k-th step has length (1/2)^k; it stops at the first k with (1/2)^k < 1e-6.
        int expectedSteps = 0;
        while (Math.pow(0.5, expectedSteps) >= 1e-6) {
            expectedSteps++;
        }
        assertEquals(20, expectedSteps, "2^-19 = 1.9e-6 is not below 1e-6 but 2^-20 = 9.5e-7 is");
        Trajectory t = new GradientDescent(0.25).threshold(1e-6).minimize(SQUARE, SQUARE_SLOPE, -1.0);
        assertEquals(Trajectory.Stop.CONVERGED, t.reason());
        assertTrue(t.converged());
        assertEquals(expectedSteps, t.steps());
        for (int k = 0; k <= t.steps(); k++) {
            assertEquals(-Math.pow(0.5, k), t.xs()[k], 0.0, "x_" + k);
        }
        assertTrue(Math.abs(t.lastX()) < 1e-6);
        assertEquals(Math.pow(0.5, 20), t.stepLengths()[19], 0.0);
    }

    @Property(tries = 200)
    void everyStepOnXSquaredMultipliesByOneMinusTwiceTheStepSize(
            @ForAll @DoubleRange(min = 0.01, max = 0.99) double alpha, @ForAll @DoubleRange(min = -10, max = 10) double x0) {
        Trajectory t = new GradientDescent(alpha).maxSteps(30).minimize(SQUARE, SQUARE_SLOPE, x0);
        double[] xs = t.xs();
        for (int k = 0; k < xs.length; k++) {
            assertEquals(x0 * Math.pow(1 - 2 * alpha, k), xs[k], 1e-12 * Math.max(1, Math.abs(x0)));
        }
    }

    @Property(tries = 100)
    void stopsAtTheFirstStepShorterThanTheThreshold(@ForAll @DoubleRange(min = 0.4, max = 9) double exponent) {
        double threshold = Math.pow(10, -exponent);
        int expected = 0;
        while (Math.pow(0.5, expected) >= threshold) {
            expected++;
        }
        Trajectory t = new GradientDescent(0.25).threshold(threshold).minimize(SQUARE, SQUARE_SLOPE, -1.0);
        assertEquals(expected, t.steps());
    }

    @Test
    void stepSizeTenIsReportedAsDivergentWithTheStepAndValues() {
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> new GradientDescent(10).minimize(SQUARE, SQUARE_SLOPE, -1.0));
        Trajectory t = e.trajectory();
        // x <- x - 10 * 2x = -19x: -1, 19, -361, 6859, -130321, 2476099 (the first beyond 1e6).
        assertEquals(19.0, t.point(1)[0], 0.0, "first step: -1 - 10 * 2 * (-1) = 19");
        assertArrayEquals(new double[] {-1, 19, -361, 6859, -130321, 2476099}, t.xs(), 0.0);
        assertEquals(5, e.step());
        assertEquals(Trajectory.Stop.DIVERGED, t.reason());
        assertTrue(e.getMessage().contains("diverged at step 5"), e.getMessage());
        assertTrue(e.getMessage().contains("step size"), e.getMessage());
        for (double v : t.values()) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void overflowToInfinityIsReportedNotReturned() {
        DivergenceException e = assertThrows(DivergenceException.class, () -> new GradientDescent(10)
                .bound(Double.MAX_VALUE).maxSteps(100_000).minimize(SQUARE, SQUARE_SLOPE, -1.0));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
        for (double x : e.trajectory().xs()) {
            assertTrue(Double.isFinite(x));
        }
        // |x_k| = 19^k; f = x^2 overflows past Double.MAX_VALUE (~1.8e308) once 19^k > ~1.34e154.
        int k = 0;
        while (Math.pow(19, 2 * k) <= Double.MAX_VALUE) {
            k++;
        }
        assertEquals(k, e.step());
    }

    @Test
    void startingAtAMaximumNeverMoves() {
        Trajectory hill = new GradientDescent(0.1).minimize(x -> -x * x, x -> -2 * x, 0.0);
        assertEquals(1, hill.steps());
        assertEquals(0.0, hill.lastX(), 0.0);
        assertEquals(0.0, hill.stepLengths()[0], 0.0);
        assertTrue(hill.converged(), "the step rule alone cannot tell a maximum from a minimum");
        assertTrue(hill.summary().contains("never moved"), hill.summary());

        // Double well x^4 - 2x^2: a maximum at 0 between minima at -1 and 1.
        Trajectory well = new GradientDescent(0.05).minimize(x -> x * x * x * x - 2 * x * x,
                x -> 4 * x * x * x - 4 * x, 0.0);
        assertEquals(0.0, well.lastX(), 0.0);
        Trajectory nudged = new GradientDescent(0.05).threshold(1e-10).minimize(x -> x * x * x * x - 2 * x * x,
                x -> 4 * x * x * x - 4 * x, 0.01);
        assertEquals(1.0, nudged.lastX(), 1e-8);
    }

    @Test
    void stepSizeOneOnXSquaredBouncesUntilTheCap() {
        // x <- x - 1 * 2x = -x: -1, 1, -1, ... every step has length 2, so only the cap stops it.
        Trajectory t = new GradientDescent(1.0).maxSteps(50).minimize(SQUARE, SQUARE_SLOPE, -1.0);
        assertEquals(Trajectory.Stop.STEP_CAP, t.reason());
        assertFalse(t.converged());
        assertEquals(50, t.steps());
        for (int k = 0; k <= 50; k++) {
            assertEquals(k % 2 == 0 ? -1.0 : 1.0, t.xs()[k], 0.0);
        }
        assertTrue(t.summary().contains("step cap of 50"), t.summary());
    }

    @Test
    void descentOnTheBowlConvergesToTheOrigin() {
        // grad(x^2 + y^2) = (2x, 2y), so with step 0.1 every point is 0.8 times the previous one.
        Trajectory t = new GradientDescent(0.1).threshold(1e-9).minimize(p -> p[0] * p[0] + p[1] * p[1],
                p -> new double[] {2 * p[0], 2 * p[1]}, new double[] {3, -4});
        assertTrue(t.converged());
        assertEquals(2, t.dimension());
        for (int k = 0; k <= t.steps(); k++) {
            double s = Math.pow(0.8, k);
            assertArrayEquals(new double[] {3 * s, -4 * s}, t.point(k), 1e-12);
        }
        assertEquals(0.0, Math.hypot(t.last()[0], t.last()[1]), 1e-8);
        assertEquals(5.0 * 0.2, t.stepLengths()[0], 1e-12, "first move: 0.2 of the distance 5 to the origin");
    }

    @Test
    void differentStartsReachTheTwoMinimaFoundByBisection() {
        double left = bisect(BUMPY_SLOPE, -2, -1);
        double right = bisect(BUMPY_SLOPE, 1, 2);
        GradientDescent gd = new GradientDescent(0.05).threshold(1e-10);
        for (double start : new double[] {-2, -0.5, 0.0}) {
            assertEquals(left, gd.minimize(BUMPY, BUMPY_SLOPE, start).lastX(), 1e-8, "start " + start);
        }
        for (double start : new double[] {0.5, 1.0, 2.0}) {
            assertEquals(right, gd.minimize(BUMPY, BUMPY_SLOPE, start).lastX(), 1e-8, "start " + start);
        }
        assertTrue(BUMPY.applyAsDouble(left) < BUMPY.applyAsDouble(right), "the left minimum is the global one");
    }

    @Test
    void randomRestartsKeepTheLowestRunAndDrawStartsFromRng() {
        double global = bisect(BUMPY_SLOPE, -2, -1);
        Rng.reset(7);
        double[] expectedStarts = Rng.uniform(-2, 2, 8);
        Rng.reset(7);
        Restarts r = new GradientDescent(0.05).threshold(1e-10).restarts(BUMPY, BUMPY_SLOPE, -2, 2, 8);
        assertEquals(8, r.runs().size());
        for (int i = 0; i < 8; i++) {
            assertEquals(expectedStarts[i], r.starts()[i][0], 0.0);
        }
        for (Trajectory t : r.runs()) {
            assertTrue(r.best().lastValue() <= t.lastValue());
        }
        assertEquals(global, r.best().lastX(), 1e-8);
        assertEquals(r.best(), r.runs().get(r.bestIndex()));
    }

    @Test
    void restartsKeepDivergedRunsButNeverPickThem() {
        Rng.reset(1);
        // Step 0.3 on x^4: stable near 0, but from |x| > ~0.9 the first step overshoots and runs away.
        Restarts r = new GradientDescent(0.3).maxSteps(100_000).restarts(x -> x * x * x * x, x -> 4 * x * x * x,
                -3, 3, 20);
        boolean anyDiverged = r.runs().stream().anyMatch(t -> t.reason() == Trajectory.Stop.DIVERGED);
        assertTrue(anyDiverged);
        assertTrue(r.best().reason() != Trajectory.Stop.DIVERGED);
    }

    @Test
    void badSettingsThrowWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GradientDescent(-0.1));
        assertTrue(e.getMessage().contains("step size must be > 0") && e.getMessage().contains("-0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GradientDescent(0));
        assertThrows(IllegalArgumentException.class, () -> new GradientDescent(Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> new GradientDescent(0.1).threshold(0));
        assertTrue(e.getMessage().contains("threshold must be > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GradientDescent(0.1).maxSteps(-5));
        assertTrue(e.getMessage().contains("max steps") && e.getMessage().contains("-5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GradientDescent(0.1).minimize(
                p -> p[0] * p[0] + p[1] * p[1], p -> new double[] {2 * p[0]}, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("must return 2 partial derivatives") && e.getMessage().contains("got 1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GradientDescent(0.1).minimize(x -> Math.log(x), x -> 1 / x, -1.0));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GradientDescent(0.1).restarts(SQUARE, SQUARE_SLOPE, 1, 1, 3));
        assertTrue(e.getMessage().contains("low < high"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GradientDescent(0.1).restarts(SQUARE, SQUARE_SLOPE, -1, 1, 0));
        assertTrue(e.getMessage().contains("restarts must be > 0"), e.getMessage());
    }

    @Test
    void tableListsTheHandWorkedSteps() {
        String table = new GradientDescent(0.25).minimize(SQUARE, SQUARE_SLOPE, -1.0).table(6);
        assertTrue(table.contains("-0.5 "), table);
        assertTrue(table.contains("-0.125 "), table);
        assertTrue(table.contains("..."), table);
        assertTrue(table.contains("9.5367e-07"), table); // x_20 = -(1/2)^20
    }

    /** The root of g in [a, b] by bisection (g(a) and g(b) of opposite signs): independent of gradient descent. */
    static double bisect(DoubleUnaryOperator g, double a, double b) {
        double ga = g.applyAsDouble(a);
        assertTrue(ga * g.applyAsDouble(b) < 0, "bisection needs a sign change");
        for (int i = 0; i < 200; i++) {
            double m = 0.5 * (a + b);
            double gm = g.applyAsDouble(m);
            if ((gm < 0) == (ga < 0)) {
                a = m;
                ga = gm;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }
}
