package mlfoundations.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BinomialTest {

    @Test
    void pmfMatchesHandComputedValuesForTenFairQuestions() {
        Binomial b = new Binomial(10, 0.5);
        // C(10, k) / 2^10 worked by hand: 1, 10, 45, 120, 210, 252 over 1024.
        assertEquals(1.0 / 1024, b.pmf(0), 1e-15);
        assertEquals(10.0 / 1024, b.pmf(1), 1e-15);
        assertEquals(45.0 / 1024, b.pmf(2), 1e-15);
        assertEquals(120.0 / 1024, b.pmf(3), 1e-15);
        assertEquals(210.0 / 1024, b.pmf(4), 1e-15);
        assertEquals(252.0 / 1024, b.pmf(5), 1e-15);
        assertEquals(b.pmf(3), b.pmf(7), 1e-15, "a fair binomial is symmetric");
        assertEquals(0.0, b.pmf(-1));
        assertEquals(0.0, b.pmf(11));
    }

    @Test
    void pmfMatchesHandComputedValueForAnUnfairCoin() {
        // P(K = 2) for n = 3, p = 0.2: 3 * 0.04 * 0.8 = 0.096.
        assertEquals(0.096, new Binomial(3, 0.2).pmf(2), 1e-15);
        assertEquals(0.008, new Binomial(3, 0.2).pmf(3), 1e-15);
    }

    @Test
    void chooseGivesPascalsTriangle() {
        assertEquals(252.0, Binomial.choose(10, 5));
        assertEquals(1.0, Binomial.choose(7, 0));
        assertEquals(184756.0, Binomial.choose(20, 10));
        assertEquals(0.0, Binomial.choose(4, 5));
    }

    @Property
    void pmfSumsToOneAndMomentsMatchClosedForms(@ForAll @IntRange(min = 0, max = 400) int n,
            @ForAll @DoubleRange(min = 0, max = 1) double p) {
        Binomial b = new Binomial(n, p);
        double[] pmf = b.pmf();
        double total = 0;
        double mean = 0;
        double second = 0;
        for (int k = 0; k <= n; k++) {
            total += pmf[k];
            mean += k * pmf[k];
            second += (double) k * k * pmf[k];
        }
        assertEquals(1.0, total, 1e-9);
        assertEquals(n * p, b.mean(), 1e-12);
        assertEquals(n * p * (1 - p), b.variance(), 1e-12);
        // The moments computed from the pmf agree with the closed forms n p and n p (1 - p).
        assertEquals(b.mean(), mean, 1e-7 * Math.max(1, n));
        assertEquals(b.variance(), second - mean * mean, 1e-6 * Math.max(1, n));
    }

    @Test
    void largeTestsDoNotOverflow() {
        Binomial b = new Binomial(10_000, 0.5);
        // Normal approximation at the centre: 1 / sqrt(2 pi n p (1-p)) = 1 / sqrt(2 pi 2500) ~ 0.0079786.
        assertEquals(1 / Math.sqrt(2 * Math.PI * 2500), b.pmf(5000), 1e-6);
        assertEquals(1.0, b.cdf(10_000), 1e-9);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Binomial(-1, 0.5));
        assertTrue(e.getMessage().contains("n must be >= 0, got -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Binomial(10, 1.5));
        assertTrue(e.getMessage().contains("p must be in [0, 1], got 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Binomial(10, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Binomial(10, -0.1));
    }
}
