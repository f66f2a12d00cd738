package mlfoundations.stats;

/**
 * Bayes' theorem for one hypothesis H and its complement: how a prior belief P(H) becomes a posterior P(H | E)
 * once evidence E is seen.
 *
 * <p>P(H | E) = P(E | H) P(H) / P(E), with the evidence P(E) = P(E | H) P(H) + P(E | not H) (1 - P(H)).
 */
public final class Bayes {

    private Bayes() {
    }

    /** P(E) = P(E | H) P(H) + P(E | not H) (1 - P(H)): the total probability of seeing the evidence. */
    public static double evidence(double prior, double likelihood, double likelihoodIfNot) {
        Probabilities.requireProbability("prior P(H)", prior);
        Probabilities.requireProbability("likelihood P(E | H)", likelihood);
        Probabilities.requireProbability("likelihood P(E | not H)", likelihoodIfNot);
        return likelihood * prior + likelihoodIfNot * (1 - prior);
    }

    /** P(H | E) = P(E | H) P(H) / P(E); throws when P(E) = 0, because then E cannot be observed at all. */
    public static double posterior(double prior, double likelihood, double likelihoodIfNot) {
        double evidence = evidence(prior, likelihood, likelihoodIfNot);
        if (evidence == 0) {
            throw new IllegalArgumentException("the evidence has probability 0 (P(E | H) = " + likelihood
                    + " with prior " + prior + ", P(E | not H) = " + likelihoodIfNot + "), so it cannot be observed");
        }
        return likelihood * prior / evidence;
    }

    /**
     * P(disease | positive test) for a test with the given sensitivity P(+ | disease) and specificity
     * P(- | healthy), at a prevalence P(disease): sens * prev / (sens * prev + (1 - spec) (1 - prev)).
     */
    public static double positivePredictive(double prevalence, double sensitivity, double specificity) {
        Probabilities.requireProbability("specificity", specificity);
        return posterior(prevalence, sensitivity, 1 - specificity);
    }

    /**
     * P(disease | negative test) = (1 - sens) prev / ((1 - sens) prev + spec (1 - prev)): the chance of being ill
     * although the test said no.
     */
    public static double diseaseGivenNegative(double prevalence, double sensitivity, double specificity) {
        Probabilities.requireProbability("sensitivity", sensitivity);
        Probabilities.requireProbability("specificity", specificity);
        return posterior(prevalence, 1 - sensitivity, specificity);
    }
}
