package mlfoundations.models;

import java.util.Locale;
import java.util.random.RandomGenerator;

import mlfoundations.stats.Rng;

/**
 * How a layer's starting weights are drawn (biases always start at 0). Draws come from {@link Rng}, so
 * {@code Rng.reset(seed)} before building a network makes its start repeatable, or from a source of the caller's own
 * ({@link #draw(int, int, RandomGenerator)}, e.g. {@code Rng.seeded(7)}). PyTorch's counterparts live in
 * {@code torch.nn.init} ({@code zeros_}, {@code uniform_}, {@code normal_}, {@code xavier_uniform_},
 * {@code kaiming_normal_}).
 */
public final class Init {

    private enum Kind { ZEROS, CONSTANT, UNIFORM, NORMAL, XAVIER, HE }

    private final Kind kind;
    private final double scale;

    private Init(Kind kind, double scale) {
        this.kind = kind;
        this.scale = scale;
    }

    /** Every weight 0: the hidden units of a layer then stay identical forever (symmetry is never broken). */
    public static Init zeros() {
        return new Init(Kind.ZEROS, 0);
    }

    /** Every weight equal to {@code value}: no randomness, so, like zeros, no symmetry breaking. */
    public static Init constant(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("constant weight must be finite, got " + value);
        }
        return new Init(Kind.CONSTANT, value);
    }

    /** Weights uniform in [-scale, scale) ({@code np.random.uniform(-scale, scale, (n_in, n_out))}). */
    public static Init uniform(double scale) {
        checkScale(scale);
        return new Init(Kind.UNIFORM, scale);
    }

    /** Weights normal with mean 0 and standard deviation {@code std} ({@code std * np.random.randn(n_in, n_out)}). */
    public static Init normal(double std) {
        checkScale(std);
        return new Init(Kind.NORMAL, std);
    }

    /** Xavier/Glorot uniform: U(-r, r) with r = sqrt(6 / (n_in + n_out)), made for tanh and sigmoid layers. */
    public static Init xavier() {
        return new Init(Kind.XAVIER, 0);
    }

    /** He/Kaiming normal: N(0, 2 / n_in), made for ReLU layers. */
    public static Init he() {
        return new Init(Kind.HE, 0);
    }

    /** nIn * nOut starting weights, row by row of the nIn x nOut weight matrix, drawn from the global {@link Rng}. */
    public double[] draw(int nIn, int nOut) {
        return draw(nIn, nOut, Rng.generator());
    }

    /** nIn * nOut starting weights drawn from {@code source} (the global {@link Rng} is not touched). */
    public double[] draw(int nIn, int nOut, RandomGenerator source) {
        if (source == null) {
            throw new IllegalArgumentException("the random source must not be null; use Rng.seeded(seed)");
        }
        if (nIn <= 0 || nOut <= 0) {
            throw new IllegalArgumentException("a layer needs at least one input and one output, got " + nIn + " inputs and "
                    + nOut + " outputs");
        }
        int n = nIn * nOut;
        switch (kind) {
            case ZEROS:
                return new double[n];
            case CONSTANT:
                double[] c = new double[n];
                java.util.Arrays.fill(c, scale);
                return c;
            case UNIFORM:
                return uniform(source, -scale, scale, n);
            case NORMAL:
                return normal(source, scale, n);
            case XAVIER:
                double r = Math.sqrt(6.0 / (nIn + nOut));
                return uniform(source, -r, r, n);
            case HE:
                return normal(source, Math.sqrt(2.0 / nIn), n);
            default:
                throw new IllegalStateException("unknown initialisation " + kind);
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case UNIFORM:
                return String.format(Locale.ROOT, "uniform(+-%s)", scale);
            case NORMAL:
                return String.format(Locale.ROOT, "normal(std %s)", scale);
            case CONSTANT:
                return String.format(Locale.ROOT, "constant(%s)", scale);
            default:
                return kind.name().toLowerCase(Locale.ROOT);
        }
    }

    private static double[] uniform(RandomGenerator source, double low, double high, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Rng.uniform(source, low, high);
        }
        return out;
    }

    private static double[] normal(RandomGenerator source, double std, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Rng.normal(source, 0, std);
        }
        return out;
    }

    private static void checkScale(double s) {
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("initialisation scale must be finite and > 0, got " + s
                    + "; use Init.zeros() for all-zero weights");
        }
    }
}
