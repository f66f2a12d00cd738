package mlfoundations.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GuesserTest {

    @Test
    void simulatedMeanAndVarianceAreWithinFewStandardErrorsOfTheory() {
        Rng.reset(2024);
        int tests = 200_000;
        int n = 10;
        Guesser.Results r = Guesser.simulate(tests, n);
        assertEquals(tests, r.tests());
        // Theory: mean n p = 5, variance n p (1 - p) = 2.5. Standard error of the mean: sqrt(2.5 / tests).
        double seMean = Math.sqrt(2.5 / tests);
        assertEquals(5.0, r.mean(), 4 * seMean);
        // Standard error of a sample variance: sqrt((mu4 - sigma^4) / tests), mu4 of Binomial(10, 1/2) = 17.5.
        double seVar = Math.sqrt((17.5 - 2.5 * 2.5) / tests);
        assertEquals(2.5, r.variance(), 4 * seVar);
        assertEquals(0.5, r.meanFraction(), 4 * seMean / n);
    }

    @Test
    void everyCountIsCloseToItsBinomialProbability() {
        Rng.reset(7);
        int tests = 100_000;
        Guesser.Results r = Guesser.simulate(tests, 10);
        double[] freq = r.relativeFrequencies();
        double[] pmf = new Binomial(10, 0.5).pmf();
        for (int k = 0; k <= 10; k++) {
            double se = Math.sqrt(pmf[k] * (1 - pmf[k]) / tests);
            assertEquals(pmf[k], freq[k], 5 * se + 1e-12, "share of tests with " + k + " right answers");
        }
    }

    @Test
    void longTestsUseSeveralWordsOfBits() {
        Rng.reset(11);
        // 100 questions span two 64-bit words; the mean must still be n / 2 = 50 (sd of the mean 5 / sqrt(20000)).
        Guesser.Results r = Guesser.simulate(20_000, 100);
        assertEquals(50.0, r.mean(), 4 * 5 / Math.sqrt(20_000));
        assertEquals(25.0, r.variance(), 1.0);
    }

    @Test
    void resetRepeatsTheSameResults() {
        Rng.reset(5);
        long[] first = Guesser.simulate(1000, 10).counts();
        Rng.reset(5);
        assertArrayEquals(first, Guesser.simulate(1000, 10).counts());
    }

    @Test
    void readableVersionScoresAndAveragesAsWorkedByHand() {
        boolean[] right = {true, false, true, true};
        assertEquals(0.75, Guesser.score(right));
        assertArrayEquals(new double[] {1.0, 0.5, 2.0 / 3, 0.75}, Guesser.runningFraction(right), 1e-15);
        Rng.reset(3);
        boolean[] key = Guesser.generateTest(10_000);
        double score = Guesser.score(Guesser.takeTest(key));
        // One long test lands near 1/2: sd of the score is 0.5 / sqrt(10000) = 0.005.
        assertEquals(0.5, score, 0.02);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Guesser.simulate(-5, 10));
        assertTrue(e.getMessage().contains("tests must be > 0, got -5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Guesser.simulate(10, 0));
        assertTrue(e.getMessage().contains("questions must be > 0, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Guesser.takeTest(new boolean[0]));
    }
}
