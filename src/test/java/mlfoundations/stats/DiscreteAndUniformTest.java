package mlfoundations.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Bernoulli, categorical, uniform and binomial sampling: formulas by hand, sample moments within standard errors. */
class DiscreteAndUniformTest {

    private static final int N = 100_000;

    @Test
    void bernoulliFormulas() {
        Bernoulli b = new Bernoulli(0.3);
        assertEquals(0.3, b.pmf(1), 0.0);
        assertEquals(0.7, b.pmf(0), 1e-16);
        assertEquals(0.0, b.pmf(2), 0.0);
        assertEquals(0.0, b.cdf(-0.5), 0.0);
        assertEquals(0.7, b.cdf(0.5), 1e-16);
        assertEquals(1.0, b.cdf(1), 0.0);
        assertEquals(0.21, b.variance(), 1e-16);
        assertEquals(0, b.inverseCdf(0.69));
        assertEquals(1, b.inverseCdf(0.70));
    }

    @Test
    void bernoulliSampleMeanIsWithinStandardErrors() {
        Rng.reset(7);
        double p = 0.3;
        double mean = Arrays.stream(new Bernoulli(p).sample(N)).average().orElseThrow();
        // Standard error sqrt(p (1 - p) / N) = 0.00145; allow four.
        assertEquals(p, mean, 4 * Math.sqrt(p * (1 - p) / N));
        Rng.reset(7);
        assertEquals(0, Arrays.stream(new Bernoulli(0).sample(1000)).sum());
        assertEquals(1000, Arrays.stream(new Bernoulli(1).sample(1000)).sum());
    }

    @Test
    void categoricalFormulasAndFrequencies() {
        Categorical c = new Categorical(0.2, 0.5, 0.3);
        assertEquals(3, c.categories());
        assertEquals(0.5, c.pmf(1), 0.0);
        assertEquals(0.0, c.pmf(3), 0.0);
        assertEquals(0.7, c.cdf(1), 1e-15);
        assertEquals(1.0, c.cdf(2), 0.0);
        assertEquals(0.0, c.cdf(-1), 0.0);
        // u in [0, 0.2) -> 0, [0.2, 0.7) -> 1, [0.7, 1) -> 2.
        assertEquals(0, c.inverseCdf(0.0));
        assertEquals(0, c.inverseCdf(0.1999));
        assertEquals(1, c.inverseCdf(0.2));
        assertEquals(1, c.inverseCdf(0.6999));
        assertEquals(2, c.inverseCdf(0.7));
        assertEquals(2, c.inverseCdf(0.999999));
        Rng.reset(11);
        double[] freq = c.frequencies(c.sample(N));
        double[] p = {0.2, 0.5, 0.3};
        for (int k = 0; k < 3; k++) {
            // Each frequency is a Bernoulli(p_k) mean: standard error sqrt(p_k (1 - p_k) / N) <= 0.0016.
            assertEquals(p[k], freq[k], 4 * Math.sqrt(p[k] * (1 - p[k]) / N), "category " + k);
        }
        // A zero-probability category is never drawn.
        assertEquals(0.0, new Categorical(0.5, 0.0, 0.5).frequencies(new Categorical(0.5, 0.0, 0.5).sample(N))[1]);
    }

    @Test
    void uniformFormulasAndMoments() {
        Uniform u = new Uniform(2, 6);
        assertEquals(0.25, u.pdf(3), 0.0);
        assertEquals(0.0, u.pdf(6.5), 0.0);
        assertEquals(0.25, u.cdf(3), 0.0);
        assertEquals(0.0, u.cdf(1), 0.0);
        assertEquals(1.0, u.cdf(7), 0.0);
        assertEquals(5.0, u.inverseCdf(0.75), 0.0);
        assertEquals(4.0, u.mean(), 0.0);
        assertEquals(16.0 / 12, u.variance(), 1e-15);
        Rng.reset(13);
        double[] x = u.sample(N);
        double mean = Arrays.stream(x).average().orElseThrow();
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (N - 1);
        // Standard errors: sqrt(var / N) = 0.0037 for the mean; for the variance sqrt((mu4 - var^2) / N) with
        // mu4 = (b - a)^4 / 80 = 3.2 and var^2 = 1.78, i.e. 0.0038. Allow four of each.
        assertEquals(4.0, mean, 4 * Math.sqrt(16.0 / 12 / N));
        assertEquals(16.0 / 12, var, 4 * Math.sqrt((256.0 / 80 - 256.0 / 144) / N));
        assertTrue(Arrays.stream(x).allMatch(v -> v >= 2 && v < 6));
    }

    @Test
    void binomialSamplesAreSumsOfBernoullis() {
        Binomial b = new Binomial(10, 0.5);
        Rng.reset(17);
        int[] k = b.sample(N);
        double mean = Arrays.stream(k).average().orElseThrow();
        double var = Arrays.stream(k).mapToDouble(v -> (v - mean) * (v - mean)).sum() / (N - 1);
        // n p = 5, n p (1 - p) = 2.5: standard error of the mean sqrt(2.5 / N) = 0.005. For the variance,
        // mu4 = n p q (1 + 3 (n - 2) p q) = 2.5 * 7 = 17.5, so SE = sqrt((17.5 - 6.25) / N) = 0.0106.
        assertEquals(5.0, mean, 4 * Math.sqrt(2.5 / N));
        assertEquals(2.5, var, 4 * Math.sqrt((17.5 - 6.25) / N));
        // The same seed and the same rule (u < p) give the same draws as n Bernoulli trials added up.
        Rng.reset(19);
        int[] direct = b.sample(100);
        Rng.reset(19);
        int[] summed = new int[100];
        Bernoulli coin = new Bernoulli(0.5);
        for (int i = 0; i < 100; i++) {
            summed[i] = Arrays.stream(coin.sample(10)).sum();
        }
        assertArrayEquals(summed, direct);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Bernoulli(1.2));
        assertTrue(e.getMessage().contains("p must be a probability in [0, 1], got 1.2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Bernoulli(Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> new Categorical(0.5, -0.1, 0.6));
        assertTrue(e.getMessage().contains("p_1 must be a probability in [0, 1], got -0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Categorical(0.5, 0.4));
        assertTrue(e.getMessage().contains("must sum to 1, got 0.9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Categorical());
        e = assertThrows(IllegalArgumentException.class, () -> new Uniform(3, 3));
        assertTrue(e.getMessage().contains("needs a < b, got a=3.0, b=3.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Uniform(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new Uniform(0, 1).inverseCdf(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new Bernoulli(0.5).sample(-3));
    }
}
