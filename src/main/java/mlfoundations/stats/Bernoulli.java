package mlfoundations.stats;

/**
 * The Bernoulli distribution: one yes/no trial that gives 1 with probability p and 0 with probability 1 - p
 * ({@code torch.distributions.Bernoulli(p)}, {@code scipy.stats.bernoulli(p)}).
 *
 * <p>P(X = k) = p^k (1 - p)^(1 - k) for k in {0, 1}; mean p; variance p (1 - p).
 */
public final class Bernoulli {

    private final double p;

    /** Bernoulli(p): success probability p in [0, 1]. */
    public Bernoulli(double p) {
        this.p = Probabilities.requireProbability("success probability p", p);
    }

    /** The success probability p. */
    public double probability() {
        return p;
    }

    /** P(X = k) = p^k (1 - p)^(1 - k): p for k = 1, 1 - p for k = 0, and 0 for any other k. */
    public double pmf(int k) {
        return k == 1 ? p : k == 0 ? 1 - p : 0.0;
    }

    /** F(x) = P(X <= x): 0 below 0, 1 - p on [0, 1), 1 from 1 on. */
    public double cdf(double x) {
        Probabilities.requireFinite("x", x);
        return x < 0 ? 0.0 : x < 1 ? 1 - p : 1.0;
    }

    /** The smallest k with F(k) > u, for u in [0, 1): 1 when u >= 1 - p, else 0 (inverse-transform sampling). */
    public int inverseCdf(double u) {
        Probabilities.requireProbability("u", u);
        return u >= 1 - p ? 1 : 0;
    }

    /** The mean p. */
    public double mean() {
        return p;
    }

    /** The variance p (1 - p). */
    public double variance() {
        return p * (1 - p);
    }

    /** One draw, 0 or 1, from the seeded {@link Rng} ({@code torch.bernoulli(torch.tensor(p))}). */
    public int sample() {
        // u < p has probability exactly p for u uniform on [0, 1); it is the inverse cdf read the other way round.
        return Rng.uniform() < p ? 1 : 0;
    }

    /** {@code size} independent draws ({@code Bernoulli(p).sample((size,))}). */
    public int[] sample(int size) {
        Probabilities.requireSize(size);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = sample();
        }
        return out;
    }

    @Override
    public String toString() {
        return "Bernoulli(p=" + p + ")";
    }
}
