package mlfoundations.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class NesterovAdaGradTest {

    @Test
    void nesterovFirstTwoStepsByHandOnXSquared() {
        // f = x^2 (g = 2x) from x = 1, lr 0.1, beta 0.9, in the look-ahead form u <- beta u + g, x <- x - lr (g + beta u).
        // Step 1: g = 2, u = 2, x = 1 - 0.1 (2 + 1.8) = 0.62.
        // Step 2: g = 1.24, u = 1.8 + 1.24 = 3.04, x = 0.62 - 0.1 (1.24 + 2.736) = 0.2224.
        // Textbook form for comparison: v1 = -0.1 * 2 = -0.2, theta1 = 0.8, theta1 + 0.9 v1 = 0.62;
        // v2 = -0.18 - 0.1 * 2 * 0.62 = -0.304, theta2 = 0.496, theta2 + 0.9 v2 = 0.2224.
        Optimizer opt = new Nesterov(0.1, 0.9);
        double[] x = {1.0};
        opt.update(x, new double[] {2 * x[0]});
        assertEquals(0.62, x[0], 1e-15);
        opt.update(x, new double[] {2 * x[0]});
        assertEquals(0.2224, x[0], 1e-15);
    }

    @Property(tries = 200)
    void nesterovHoldsTheLookAheadPointOfTheTextbookRule(
            @ForAll @DoubleRange(min = 0.1, max = 10) double a,
            @ForAll @DoubleRange(min = 0.01, max = 1) double lrTimesA,
            @ForAll @DoubleRange(min = 0, max = 0.95) double beta,
            @ForAll @DoubleRange(min = -10, max = 10) double x0) {
        // f = a x^2 / 2, gradient a x. Textbook: v <- beta v - lr grad(theta + beta v), theta <- theta + v.
        // The library should hold phi = theta + beta v at every step. lr a <= 1 keeps both runs bounded (a stable
        // heavy-ball iteration on a quadratic stays within a small multiple of |x0|), so 20 steps of a few roundings
        // each on numbers of size |x0| keep the difference far below 1e-10 (1 + |x0|).
        double lr = lrTimesA / a;
        Optimizer opt = new Nesterov(lr, beta);
        double[] phi = {x0};
        double theta = x0;
        double v = 0;
        for (int k = 0; k < 20; k++) {
            v = beta * v - lr * a * (theta + beta * v);
            theta += v;
            opt.update(phi, new double[] {a * phi[0]});
            assertEquals(theta + beta * v, phi[0], 1e-10 * (1 + Math.abs(x0)), "step " + (k + 1));
        }
    }

    @Test
    void nesterovWithBetaZeroIsPlainSgd() {
        Optimizer a = new Nesterov(0.1, 0.0);
        Optimizer b = new Sgd(0.1);
        double[] x = {1.0, -2.0};
        double[] y = {1.0, -2.0};
        for (int k = 0; k < 10; k++) {
            a.update(x, new double[] {2 * x[0], 6 * x[1]});
            b.update(y, new double[] {2 * y[0], 6 * y[1]});
        }
        assertEquals(y[0], x[0], 0.0);
        assertEquals(y[1], x[1], 0.0);
    }

    @Test
    void adaGradFirstTwoStepsByHandOnAConstantGradient() {
        // f = 3x (g = 3 everywhere) from x = 0, lr 0.1. Step 1: G = 9, move 0.1 * 3 / 3 = 0.1, x = -0.1.
        // Step 2: G = 18, move 0.1 * 3 / sqrt(18) = 0.1 / sqrt(2), x = -0.1 - 0.0707106781... : steps shrink like 1/sqrt(t).
        Optimizer opt = new AdaGrad(0.1, 1e-12);
        double[] x = {0.0};
        opt.update(x, new double[] {3});
        assertEquals(-0.1, x[0], 1e-12);
        opt.update(x, new double[] {3});
        assertEquals(-0.1 - 0.1 / Math.sqrt(2), x[0], 1e-12);
    }

    @Test
    void adaGradGivesARarelyActiveComponentAFullStep() {
        // Component 0 has gradient 3 twice; component 1 has 0 then 4 (a sparse feature, seen for the first time).
        // Step 2: component 0 moves 0.1 * 3 / sqrt(18) = 0.0707..., component 1 moves 0.1 * 4 / sqrt(16) = 0.1.
        Optimizer opt = new AdaGrad(0.1, 1e-12);
        double[] x = {0.0, 0.0};
        opt.update(x, new double[] {3, 0});
        assertEquals(0.0, x[1], 0.0, "a zero gradient does not move its component");
        opt.update(x, new double[] {3, 4});
        assertEquals(-0.1 - 0.1 / Math.sqrt(2), x[0], 1e-12);
        assertEquals(-0.1, x[1], 1e-12);
    }

    @Test
    void adaGradKeepsItsSumPerArrayAndResetForgetsIt() {
        AdaGrad opt = new AdaGrad(0.1, 1e-12);
        double[] p = {0.0};
        double[] q = {0.0};
        opt.update(p, new double[] {3});
        opt.update(q, new double[] {3});
        assertEquals(-0.1, q[0], 1e-12, "q has its own sum, so its first step is a full one");
        opt.reset();
        opt.update(p, new double[] {3});
        assertEquals(-0.2, p[0], 1e-12, "after reset the sum starts again from 0");
    }

    @Test
    void badHyperparametersAreRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Nesterov(-0.1));
        assertTrue(e.getMessage().contains("learning rate must be > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Nesterov(0.1, 1.0));
        assertTrue(e.getMessage().contains("Nesterov beta must be in [0, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AdaGrad(0));
        assertTrue(e.getMessage().contains("learning rate must be > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AdaGrad(0.1, -1e-8));
        assertTrue(e.getMessage().contains("eps must be > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AdaGrad(0.1).update(new double[2], new double[3]));
        assertTrue(e.getMessage().contains("same length"), e.getMessage());
    }
}
