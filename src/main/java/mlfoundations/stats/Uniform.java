package mlfoundations.stats;

/**
 * The continuous uniform distribution on [a, b]: every value in the interval equally likely
 * ({@code torch.distributions.Uniform(a, b)}, {@code np.random.uniform(a, b)}).
 *
 * <p>f(x) = 1 / (b - a) on [a, b], 0 elsewhere; F(x) = (x - a) / (b - a) on [a, b]; mean (a + b) / 2;
 * variance (b - a)^2 / 12.
 */
public final class Uniform {

    private final double a;
    private final double b;

    /** Uniform(a, b) with finite a < b. */
    public Uniform(double a, double b) {
        Probabilities.requireFinite("lower bound a", a);
        Probabilities.requireFinite("upper bound b", b);
        if (!(a < b)) {
            throw new IllegalArgumentException("Uniform(a, b) needs a < b, got a=" + a + ", b=" + b);
        }
        this.a = a;
        this.b = b;
    }

    /** The lower bound a. */
    public double lower() {
        return a;
    }

    /** The upper bound b. */
    public double upper() {
        return b;
    }

    /** f(x) = 1 / (b - a) for a <= x <= b, otherwise 0. */
    public double pdf(double x) {
        Probabilities.requireFinite("x", x);
        return x >= a && x <= b ? 1 / (b - a) : 0.0;
    }

    /** F(x) = P(X <= x) = (x - a) / (b - a), clipped to [0, 1]. */
    public double cdf(double x) {
        Probabilities.requireFinite("x", x);
        return x <= a ? 0.0 : x >= b ? 1.0 : (x - a) / (b - a);
    }

    /** F^-1(u) = a + u (b - a) for u in [0, 1]: the value below which a share u of the distribution lies. */
    public double inverseCdf(double u) {
        Probabilities.requireProbability("u", u);
        return a + u * (b - a);
    }

    /** The mean (a + b) / 2. */
    public double mean() {
        return (a + b) / 2;
    }

    /** The variance (b - a)^2 / 12. */
    public double variance() {
        return (b - a) * (b - a) / 12;
    }

    /** One draw from the seeded {@link Rng}, in [a, b). */
    public double sample() {
        return Rng.uniform(a, b);
    }

    /** {@code size} independent draws ({@code np.random.uniform(a, b, size)}). */
    public double[] sample(int size) {
        Probabilities.requireSize(size);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = sample();
        }
        return out;
    }

    @Override
    public String toString() {
        return "Uniform(a=" + a + ", b=" + b + ")";
    }
}
