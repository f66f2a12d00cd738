package mlfoundations.stats;

import java.util.Arrays;

/**
 * The categorical distribution: one trial with K outcomes 0..K-1, outcome k having probability p_k
 * ({@code torch.distributions.Categorical(probs=p)}; {@code np.random.choice(K, p=p)} draws from it). It is the
 * Bernoulli distribution with K outcomes instead of two, and what a softmax output describes.
 *
 * <p>P(X = k) = p_k, with every p_k >= 0 and p_0 + ... + p_(K-1) = 1.
 */
public final class Categorical {

    /** How far the probabilities may sum from 1: room for the rounding of decimals such as 0.1 + 0.2 + 0.7. */
    static final double SUM_TOLERANCE = 1e-9;

    private final double[] p;
    private final double[] cumulative;

    /** Categorical(p_0, ..., p_(K-1)): each p_k in [0, 1], summing to 1 (within 1e-9). */
    public Categorical(double... probabilities) {
        if (probabilities == null || probabilities.length == 0) {
            throw new IllegalArgumentException("a categorical distribution needs at least one probability");
        }
        double sum = 0;
        for (int k = 0; k < probabilities.length; k++) {
            Probabilities.requireProbability("probability p_" + k, probabilities[k]);
            sum += probabilities[k];
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("probabilities must sum to 1, got " + sum + " for "
                    + Arrays.toString(probabilities) + "; divide each by their sum to normalise them");
        }
        p = probabilities.clone();
        cumulative = new double[p.length];
        double running = 0;
        for (int k = 0; k < p.length; k++) {
            running += p[k];
            cumulative[k] = running;
        }
        // Pin the last value so that every u in [0, 1) finds a category even when the sum rounds to 0.9999999999.
        cumulative[p.length - 1] = 1.0;
    }

    /** The number of categories K. */
    public int categories() {
        return p.length;
    }

    /** The probabilities p_0, ..., p_(K-1) (a copy). */
    public double[] probabilities() {
        return p.clone();
    }

    /** P(X = k) = p_k; 0 for k outside 0..K-1. */
    public double pmf(int k) {
        return k >= 0 && k < p.length ? p[k] : 0.0;
    }

    /** F(k) = P(X <= k) = p_0 + ... + p_k; 0 below 0 and 1 from K-1 on. */
    public double cdf(int k) {
        if (k < 0) {
            return 0.0;
        }
        return k >= p.length ? 1.0 : cumulative[k];
    }

    /** The smallest k with F(k) > u, for u in [0, 1): the category a uniform draw u falls into. */
    public int inverseCdf(double u) {
        Probabilities.requireProbability("u", u);
        for (int k = 0; k < p.length; k++) {
            if (u < cumulative[k]) {
                return k;
            }
        }
        return p.length - 1;
    }

    /** One draw from the seeded {@link Rng}, by inverse-transform sampling: the category of one uniform u. */
    public int sample() {
        return inverseCdf(Rng.uniform());
    }

    /** {@code size} independent draws ({@code np.random.choice(K, size, p=p)}). */
    public int[] sample(int size) {
        Probabilities.requireSize(size);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = sample();
        }
        return out;
    }

    /** How many of {@code draws} fell in each category 0..K-1, each divided by the number of draws. */
    public double[] frequencies(int[] draws) {
        if (draws == null || draws.length == 0) {
            throw new IllegalArgumentException("cannot count categories in an empty sample");
        }
        double[] out = new double[p.length];
        for (int i = 0; i < draws.length; i++) {
            if (draws[i] < 0 || draws[i] >= p.length) {
                throw new IllegalArgumentException("draw " + i + " is category " + draws[i] + ", outside 0.."
                        + (p.length - 1));
            }
            out[draws[i]] += 1.0 / draws.length;
        }
        return out;
    }

    @Override
    public String toString() {
        return "Categorical(p=" + Arrays.toString(p) + ")";
    }
}
