package mlfoundations.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import mlfoundations.stats.Rng;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    private static final double EPS = Math.ulp(1.0);

    private static double[] draw(int seed, int n, double scale) {
        RandomGenerator r = Rng.seeded(seed);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = scale * r.nextGaussian();
        }
        return g;
    }

    private static double plainNorm(double[] g) {
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Property(tries = 300)
    void clippedGradientIsNeverLongerThanTheBoundAndKeepsItsDirection(
            @ForAll @IntRange(min = 0, max = 1_000_000) int seed, @ForAll @IntRange(min = 1, max = 50) int n,
            @ForAll @DoubleRange(min = -6, max = 6) double logScale,
            @ForAll @DoubleRange(min = 0.01, max = 100) double bound) {
        double[] g = draw(seed, n, Math.pow(10, logScale));
        double[] c = GradientClipping.byNorm(g, bound);
        double before = plainNorm(g);
        double after = plainNorm(c);
        // Each of the n squares and the sqrt round once: relative error at most about (n + 2) eps.
        assertTrue(after <= bound * (1 + (n + 2) * EPS), "clipped norm " + after + " > bound " + bound);
        assertEquals(Math.min(before, bound), after, (n + 2) * EPS * Math.min(before, bound));
        // Direction kept: the cosine between g and its clipped version is 1, up to the same rounding.
        double dot = 0;
        for (int i = 0; i < n; i++) {
            dot += g[i] * c[i];
        }
        assertEquals(1.0, dot / (before * after), 4 * (n + 2) * EPS);
    }

    @Property(tries = 100)
    void aGradientInsideTheBoundIsReturnedUnchanged(@ForAll @IntRange(min = 0, max = 1_000_000) int seed,
            @ForAll @IntRange(min = 1, max = 30) int n) {
        double[] g = draw(seed, n, 1);
        double[] c = GradientClipping.byNorm(g, 1.01 * plainNorm(g));
        assertArrayEquals(g, c, 0);
    }

    @Test
    void theNormOfAThreeFourFiveGradientIsFiveEvenNearOverflow() {
        assertEquals(5.0, GradientClipping.norm(new double[] {3, 4}), 0);
        assertEquals(5e200, GradientClipping.norm(new double[] {3e200}, new double[] {4e200}), 1e186);
        assertArrayEquals(new double[] {0.6, 0.8}, GradientClipping.byNorm(new double[] {30, 40}, 1), 1e-15);
    }

    @Test
    void severalArraysAreClippedTogetherByTheirGlobalNorm() {
        double[] a = {3, 0};
        double[] b = {0, 4};
        double before = GradientClipping.clipInPlace(1, a, b);
        assertEquals(5, before, 0);
        assertArrayEquals(new double[] {0.6, 0}, a, 1e-15);
        assertArrayEquals(new double[] {0, 0.8}, b, 1e-15);
    }

    @Test
    void badInputGivesClearErrors() {
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> GradientClipping.byNorm(new double[] {1}, -1));
        assertTrue(neg.getMessage().contains(">= 0"), neg.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byNorm(new double[] {1}, Double.NaN));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> GradientClipping.byNorm(new double[] {1, Double.NaN}, 1));
        assertTrue(nan.getMessage().contains("index 1"), nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GradientClipping.byNorm(new double[] {Double.POSITIVE_INFINITY}, 1));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byNorm(null, 1));
    }
}
