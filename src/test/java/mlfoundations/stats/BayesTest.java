package mlfoundations.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class BayesTest {

    @Test
    void medicalTestWorkedByHand() {
        // Prevalence 1%, sensitivity 90%, specificity 95%. In 10,000 people: 100 ill, of whom 90 test positive;
        // 9,900 healthy, of whom 5% = 495 test positive. P(ill | +) = 90 / (90 + 495) = 90 / 585 = 2 / 13.
        assertEquals(2.0 / 13, Bayes.positivePredictive(0.01, 0.90, 0.95), 1e-15);
        assertEquals(585.0 / 10_000, Bayes.evidence(0.01, 0.90, 0.05), 1e-15);
        // Negative: 10 ill people test negative, 9,405 healthy ones do: P(ill | -) = 10 / 9415 = 2 / 1883.
        assertEquals(2.0 / 1883, Bayes.diseaseGivenNegative(0.01, 0.90, 0.95), 1e-15);
        // A second, independent positive test starts from the first posterior: 90 * 0.9 / (90 * 0.9 + 495 * 0.05).
        double twice = Bayes.positivePredictive(Bayes.positivePredictive(0.01, 0.90, 0.95), 0.90, 0.95);
        assertEquals(81 / (81 + 24.75), twice, 1e-15);
    }

    @Test
    void uninformativeEvidenceLeavesThePriorAlone() {
        assertEquals(0.3, Bayes.posterior(0.3, 0.6, 0.6), 1e-15);
        assertEquals(1.0, Bayes.posterior(1.0, 0.2, 0.9), 0.0);
        assertEquals(0.0, Bayes.posterior(0.0, 0.2, 0.9), 0.0);
    }

    @Property
    void posteriorsOfBothOutcomesAverageBackToThePrior(@ForAll @DoubleRange(min = 0.01, max = 0.99) double prior,
            @ForAll @DoubleRange(min = 0.01, max = 0.99) double sens,
            @ForAll @DoubleRange(min = 0.01, max = 0.99) double spec) {
        // Law of total probability: P(+) P(H | +) + P(-) P(H | -) = P(H). Inputs are kept away from 0 and 1 so both
        // outcomes are possible; every quantity is a few roundings of numbers in [0, 1], so 1e-14 is ample.
        double pPos = Bayes.evidence(prior, sens, 1 - spec);
        double mix = pPos * Bayes.positivePredictive(prior, sens, spec)
                + (1 - pPos) * Bayes.diseaseGivenNegative(prior, sens, spec);
        assertEquals(prior, mix, 1e-14);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bayes.positivePredictive(1.5, 0.9, 0.9));
        assertTrue(e.getMessage().contains("prior P(H) must be a probability in [0, 1], got 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Bayes.positivePredictive(0.1, 0.9, -0.2));
        assertTrue(e.getMessage().contains("specificity must be a probability in [0, 1], got -0.2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Bayes.posterior(0.5, 0, 0));
        assertTrue(e.getMessage().contains("probability 0"), e.getMessage());
    }
}
