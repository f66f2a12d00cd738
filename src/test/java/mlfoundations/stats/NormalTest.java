package mlfoundations.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class NormalTest {

    private static final Normal STD = Normal.standard();

    @Test
    void cdfMatchesPublishedValues() {
        assertEquals(0.5, STD.cdf(0), 0.0);
        // Reference values: scipy.stats.norm.cdf / norm.sf (SciPy 1.17, via the Cephes ndtr), not this code.
        assertEquals(0.9750021048517795, STD.cdf(1.96), 2e-16);
        assertEquals(0.8413447460685429, STD.cdf(1), 2e-16);
        assertEquals(0.6914624612740131, STD.cdf(0.5), 2e-16);
        assertEquals(0.9937903346742238, STD.cdf(2.5), 2e-16);
        assertEquals(0.9986501019683699, STD.cdf(3), 2e-16);
        // Lower tail: relative accuracy matters there, because the values are tiny.
        assertRelative(0.006209665325776132, STD.cdf(-2.5), 1e-14);
        assertRelative(0.006211418374944587, STD.cdf(-2.4999), 1e-13);   // just inside the series' range
        assertRelative(0.0013498980316300933, STD.cdf(-3), 1e-14);
        assertRelative(2.866515718791933e-07, STD.cdf(-5), 1e-14);
        assertRelative(6.22096057427174e-16, STD.cdf(-8), 1e-14);
        assertEquals(0.0, STD.cdf(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, STD.cdf(Double.POSITIVE_INFINITY));
        // Shift and scale: F(x) for N(mu, sigma^2) is Phi((x - mu) / sigma); 1.96 standard deviations above 10.
        assertEquals(0.9750021048517795, new Normal(10, 2).cdf(10 + 1.96 * 2), 2e-16);
    }

    @Property
    void cdfIsSymmetric(@ForAll @DoubleRange(min = -9, max = 9) double z) {
        // Phi(-z) = 1 - Phi(z). Each side carries an absolute error of a few units of 1e-16.
        assertEquals(1.0, STD.cdf(z) + STD.cdf(-z), 1e-15);
    }

    @Property
    void cdfIsNonDecreasingAndItsSlopeIsThePdf(@ForAll @DoubleRange(min = -7, max = 7) double x) {
        double h = 1e-4;
        double slope = (STD.cdf(x + h) - STD.cdf(x - h)) / (2 * h);
        // Central difference: truncation h^2 |f''(x)| / 6 <= 1e-8 * 0.4 / 6 < 1e-9, round-off 2e-16 / h = 2e-12.
        assertEquals(STD.pdf(x), slope, 2e-9);
        assertTrue(STD.cdf(x + h) >= STD.cdf(x));
    }

    @Test
    void pdfMatchesItsFormula() {
        assertEquals(1 / Math.sqrt(2 * Math.PI), STD.pdf(0), 1e-16);
        // N(3, 2^2) at x = 5 is one standard deviation up: exp(-1/2) / (2 sqrt(2 pi)).
        assertEquals(Math.exp(-0.5) / (2 * Math.sqrt(2 * Math.PI)), new Normal(3, 2).pdf(5), 1e-16);
        // It integrates to 1: trapezoid rule on [-10, 10] with step 0.001 (error far below 1e-9 for this curve).
        double total = 0;
        for (int i = 0; i < 20_000; i++) {
            double a = -10 + i * 0.001;
            total += 0.0005 * (STD.pdf(a) + STD.pdf(a + 0.001));
        }
        assertEquals(1.0, total, 1e-9);
    }

    @Test
    void acklamMeetsItsStatedAccuracy() {
        // Reference quantiles from scipy.stats.norm.ppf (Cephes ndtri); Acklam states relative error < 1.15e-9.
        double[] p = {1e-300, 1e-10, 0.001, 0.025, 0.3, 0.975, 0.999, 1 - 1e-12};
        double[] z = {-37.0470962993612, -6.361340902404056, -3.090232306167813, -1.9599639845400545,
                -0.5244005127080409, 1.959963984540054, 3.090232306167813, 7.0344869100478356};
        for (int i = 0; i < p.length; i++) {
            assertRelative(z[i], Normal.acklam(p[i]), 1.15e-9);
            // After one Halley step the quantile is as good as the cdf it was polished with (about 1e-15).
            double tol = 1e-14;
            assertRelative(z[i], STD.inverseCdf(p[i]), tol);
        }
        assertEquals(0.0, STD.inverseCdf(0.5), 1e-16);
        // The smallest positive double, 4.9e-324 (subnormal, below the range Acklam's bound is stated for): the
        // polishing step would overflow, so Acklam's value is returned as it is, finite and close (1.8e-9 measured).
        assertRelative(-38.467405617144344, STD.inverseCdf(Double.MIN_VALUE), 1e-8);
        assertEquals(Double.NEGATIVE_INFINITY, STD.inverseCdf(0));
        assertEquals(Double.POSITIVE_INFINITY, STD.inverseCdf(1));
        assertEquals(10 + 2 * 1.959963984540054, new Normal(10, 2).inverseCdf(0.975), 1e-13);
    }

    @Test
    void inverseCdfUndoesCdfOverAGrid() {
        // z -> p = Phi(z) -> z' = Phi^-1(p). Where p < 1/2 it is stored with relative error ~1e-16, which moves z by
        // about 1e-16 * Phi(z) / phi(z) <= 1e-16 * 1.3 (Mills ratio bound): a relative 1e-14 is generous.
        // Where p > 1/2 it is stored to an absolute 1.1e-16 (one ulp near 1), which moves z by 1.1e-16 / phi(z):
        // the tolerance grows with that, as the problem's own conditioning demands.
        for (double z = -37; z <= 6; z += 0.01) {
            double p = STD.cdf(z);
            double back = STD.inverseCdf(p);
            double tol = 1e-14 * Math.max(1, Math.abs(z)) + (z > 0 ? 4 * Math.ulp(p) / STD.pdf(z) : 0);
            assertEquals(z, back, tol, "z = " + z);
        }
        // p -> Phi^-1(p) -> Phi again, for p across (0, 1): the cdf's own error (about 1e-16 absolute, 1e-14 relative).
        for (double p = 0.0005; p < 1; p += 0.0005) {
            assertEquals(p, STD.cdf(STD.inverseCdf(p)), 4e-16 + 1e-14 * p, "p = " + p);
        }
    }

    @Test
    void samplesHaveTheRightMomentsAndShape() {
        Rng.reset(2024);
        int n = 100_000;
        Normal d = new Normal(3, 2);
        double[] x = d.sample(n);
        double mean = Arrays.stream(x).average().orElseThrow();
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        // Standard errors: sigma / sqrt(n) = 0.0063 for the mean; sigma^2 sqrt(2 / n) = 0.018 for the variance
        // (normal data have fourth central moment 3 sigma^4). Allow four of each.
        assertEquals(3, mean, 4 * 2 / Math.sqrt(n));
        assertEquals(4, var, 4 * 4 * Math.sqrt(2.0 / n));
        // Kolmogorov-Smirnov distance to the cdf: under the model it exceeds 1.95 / sqrt(n) with probability 0.001.
        assertTrue(ksDistance(x, d) < 1.95 / Math.sqrt(n));
        // Inverse-transform sampling with the quantile function gives the same distribution.
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = d.inverseCdf(Rng.uniform());
        }
        assertTrue(ksDistance(y, d) < 1.95 / Math.sqrt(n));
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Normal(0, 0));
        assertTrue(e.getMessage().contains("sigma must be finite and > 0, got 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Normal(0, -1));
        assertTrue(e.getMessage().contains("got -1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Normal(Double.NaN, 1));
        e = assertThrows(IllegalArgumentException.class, () -> STD.inverseCdf(1.5));
        assertTrue(e.getMessage().contains("in [0, 1], got 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> STD.inverseCdf(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> STD.cdf(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> STD.sample(-1));
    }

    static double ksDistance(double[] sample, Normal d) {
        double[] s = sample.clone();
        Arrays.sort(s);
        double worst = 0;
        for (int i = 0; i < s.length; i++) {
            double f = d.cdf(s[i]);
            worst = Math.max(worst, Math.max((i + 1.0) / s.length - f, f - (double) i / s.length));
        }
        return worst;
    }

    private static void assertRelative(double expected, double actual, double rel) {
        assertTrue(Math.abs(actual - expected) <= rel * Math.abs(expected),
                "expected " + expected + " but got " + actual + " (relative tolerance " + rel + ")");
    }
}
