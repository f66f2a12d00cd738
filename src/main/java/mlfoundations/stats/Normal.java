package mlfoundations.stats;

/**
 * The normal (Gaussian) distribution N(mu, sigma^2), the bell curve ({@code torch.distributions.Normal(mu, sigma)},
 * {@code scipy.stats.norm(mu, sigma)}).
 *
 * <p>f(x) = exp(-(x - mu)^2 / (2 sigma^2)) / sqrt(2 pi sigma^2); F(x) = Phi((x - mu) / sigma), where Phi is the
 * standard normal cdf, which has no closed form. {@link #cdf} computes Phi to within about 1e-15 (a series near the
 * centre, a continued fraction in the tails); {@link #inverseCdf} starts from Acklam's rational approximation and
 * polishes it with one Halley step.
 */
public final class Normal {

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    /**
     * Below this |z| the series for Phi is used, above it the continued fraction for the tail. At 2.5 both need a
     * few dozen terms, and the series has lost under two digits to cancellation in the lower tail.
     */
    private static final double SERIES_LIMIT = 2.5;

    private final double mu;
    private final double sigma;

    /** N(mu, sigma^2) with finite mean mu and standard deviation sigma > 0. */
    public Normal(double mean, double std) {
        Probabilities.requireFinite("mean mu", mean);
        if (!(std > 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("standard deviation sigma must be finite and > 0, got " + std);
        }
        this.mu = mean;
        this.sigma = std;
    }

    /** The standard normal N(0, 1). */
    public static Normal standard() {
        return new Normal(0, 1);
    }

    /** The mean mu. */
    public double mean() {
        return mu;
    }

    /** The standard deviation sigma. */
    public double std() {
        return sigma;
    }

    /** The variance sigma^2. */
    public double variance() {
        return sigma * sigma;
    }

    /** f(x) = exp(-z^2 / 2) / (sigma sqrt(2 pi)) with z = (x - mu) / sigma ({@code norm.pdf(x, mu, sigma)}). */
    public double pdf(double x) {
        Probabilities.requireFinite("x", x);
        double z = (x - mu) / sigma;
        return Math.exp(-0.5 * z * z) / (sigma * SQRT_2PI);
    }

    /** F(x) = P(X <= x) = Phi((x - mu) / sigma), absolute error below about 1e-15 ({@code norm.cdf(x, mu, sigma)}). */
    public double cdf(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("x must be a number, got NaN");
        }
        return phi((x - mu) / sigma);
    }

    /**
     * F^-1(p): the x with P(X <= x) = p, for p in [0, 1] ({@code norm.ppf(p, mu, sigma)}); -infinity at 0 and
     * +infinity at 1. Relative error about 1e-15 in z = (x - mu) / sigma for p between 1e-300 and 1 - 1e-16.
     */
    public double inverseCdf(double p) {
        Probabilities.requireProbability("probability p", p);
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double z = acklam(p);
        // One Halley step on e(z) = Phi(z) - p (cubic convergence) turns Acklam's 1e-9 into the accuracy of Phi.
        // Near p = 1 the error is taken from the upper tail, 1 - p, which has more digits than p itself.
        double e = p > 0.5 ? (1 - p) - phi(-z) : phi(z) - p;
        double u = e * SQRT_2PI * Math.exp(0.5 * z * z);
        double polished = z - u / (1 + 0.5 * z * u);
        // Below p ~ 1e-300 the density underflows and exp(z^2 / 2) overflows; Acklam's value alone is then the answer.
        return mu + sigma * (Double.isFinite(polished) ? polished : z);
    }

    /** One draw from the seeded {@link Rng} ({@code torch.normal(mu, sigma)}, {@code np.random.normal(mu, sigma)}). */
    public double sample() {
        return Rng.normal(mu, sigma);
    }

    /** {@code size} independent draws ({@code np.random.normal(mu, sigma, size)}). */
    public double[] sample(int size) {
        Probabilities.requireSize(size);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = sample();
        }
        return out;
    }

    /** The standard normal cdf Phi(z). */
    static double phi(double z) {
        if (z == Double.NEGATIVE_INFINITY) {
            return 0.0;
        }
        if (z == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        if (Math.abs(z) < SERIES_LIMIT) {
            return 0.5 + density(z) * seriesSum(z);
        }
        double tail = upperTail(Math.abs(z));
        return z < 0 ? tail : 1 - tail;
    }

    private static double density(double z) {
        return Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /**
     * S(z) = z + z^3/3 + z^5/(3*5) + z^7/(3*5*7) + ..., from integrating the density's Taylor series term by term:
     * Phi(z) = 1/2 + phi(z) S(z) (G. Marsaglia, "Evaluating the normal distribution", J. Stat. Softw. 11(4), 2004).
     */
    private static double seriesSum(double z) {
        double term = z;
        double sum = z;
        double z2 = z * z;
        for (int k = 3; k < 200; k += 2) {
            term *= z2 / k;
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return sum;
    }

    /**
     * Q(t) = 1 - Phi(t) for t >= SERIES_LIMIT from Laplace's continued fraction
     * Q(t) = phi(t) / (t + 1/(t + 2/(t + 3/(t + ...)))), evaluated by the modified Lentz method, which keeps full
     * relative accuracy far into the tail where 1 - Phi(t) would round to 0.
     */
    private static double upperTail(double t) {
        final double tiny = 1e-300;
        double f = t;
        double c = t;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            d = t + k * d;
            d = d == 0 ? tiny : d;
            c = t + k / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return density(t) / f;
    }

    /**
     * P. J. Acklam's rational approximation to the standard normal quantile (2003): a rational function of p - 1/2 in
     * the centre and of sqrt(-2 log p) in the tails, with relative error below 1.15e-9 over (0, 1).
     */
    static double acklam(double p) {
        final double low = 0.02425;
        if (p < low) {
            return tailQuantile(Math.sqrt(-2 * Math.log(p)));
        }
        if (p > 1 - low) {
            return -tailQuantile(Math.sqrt(-2 * Math.log1p(-p)));
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
    }

    private static double tailQuantile(double q) {
        return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1);
    }

    @Override
    public String toString() {
        return "Normal(mu=" + mu + ", sigma=" + sigma + ")";
    }
}
