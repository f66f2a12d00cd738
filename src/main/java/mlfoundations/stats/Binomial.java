package mlfoundations.stats;

/**
 * The binomial distribution Binomial(n, p): the number of successes in n independent yes/no trials that each
 * succeed with probability p. It stands in for {@code scipy.stats.binom(n, p)}.
 *
 * <p>P(K = k) = C(n, k) p^k (1 - p)^(n - k) for k = 0..n; mean n p; variance n p (1 - p).
 */
public final class Binomial {

    private final int n;
    private final double p;

    /** Binomial(n, p); n >= 0 trials, success probability p in [0, 1]. */
    public Binomial(int n, double p) {
        if (n < 0) {
            throw new IllegalArgumentException("number of trials n must be >= 0, got " + n);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability p must be in [0, 1], got " + p);
        }
        this.n = n;
        this.p = p;
    }

    /** The number of trials n. */
    public int trials() {
        return n;
    }

    /** The success probability p. */
    public double probability() {
        return p;
    }

    /** P(K = k) = C(n, k) p^k (1-p)^(n-k); 0 for k outside 0..n. */
    public double pmf(int k) {
        if (k < 0 || k > n) {
            return 0.0;
        }
        // Work in logs so that large n (10,000 questions) neither overflows C(n, k) nor underflows p^k.
        if (p == 0) {
            return k == 0 ? 1.0 : 0.0;
        }
        if (p == 1) {
            return k == n ? 1.0 : 0.0;
        }
        double logPmf = logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
        return Math.exp(logPmf);
    }

    /** All probabilities P(K = 0), ..., P(K = n), as an array of length n + 1. */
    public double[] pmf() {
        double[] out = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            out[k] = pmf(k);
        }
        return out;
    }

    /** P(K <= k), the cumulative distribution function. */
    public double cdf(int k) {
        if (k < 0) {
            return 0.0;
        }
        double sum = 0;
        for (int j = 0; j <= Math.min(k, n); j++) {
            sum += pmf(j);
        }
        return Math.min(sum, 1.0);
    }

    /** The mean n p. */
    public double mean() {
        return n * p;
    }

    /** The variance n p (1 - p). */
    public double variance() {
        return n * p * (1 - p);
    }

    /** The standard deviation sqrt(n p (1 - p)). */
    public double std() {
        return Math.sqrt(variance());
    }

    /** One draw: the number of successes in n Bernoulli(p) trials, each decided by one uniform from {@link Rng}. */
    public int sample() {
        // Literally a sum of n Bernoulli draws: O(n) per draw, which is what a lesson wants to show, not speed.
        int successes = 0;
        for (int i = 0; i < n; i++) {
            if (Rng.uniform() < p) {
                successes++;
            }
        }
        return successes;
    }

    /** {@code size} independent draws ({@code np.random.binomial(n, p, size)}). */
    public int[] sample(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("number of draws must be >= 0, got " + size);
        }
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = sample();
        }
        return out;
    }

    /** The binomial coefficient C(n, k) = n! / (k! (n-k)!), exact while it fits in a double. */
    public static double choose(int n, int k) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (k < 0 || k > n) {
            return 0.0;
        }
        int kk = Math.min(k, n - k);
        double c = 1;
        for (int i = 1; i <= kk; i++) {
            c = c * (n - kk + i) / i;
        }
        // The running product is a whole number at every step; rounding removes the division's last-bit error.
        return c < 0x1p53 ? Math.rint(c) : c;
    }

    private static double logChoose(int n, int k) {
        int kk = Math.min(k, n - k);
        double s = 0;
        for (int i = 1; i <= kk; i++) {
            s += Math.log(n - kk + i) - Math.log(i);
        }
        return s;
    }

    @Override
    public String toString() {
        return "Binomial(n=" + n + ", p=" + p + ")";
    }
}
