package mlfoundations.stats;

import java.util.Arrays;

/**
 * The bootstrap (Efron, 1979): how much an estimate would vary from sample to sample, learnt from one sample by
 * resampling it with replacement. Each resample has the sample's size m; the spread of the statistic over many
 * resamples stands in for its spread over fresh samples from the population.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /** A confidence interval [low, high] around an estimate, at the given level (0.95 for a 95% interval). */
    public record Interval(double estimate, double low, double high, double level) {

        /** True when low <= value <= high. */
        public boolean contains(double value) {
            return low <= value && value <= high;
        }

        /** high - low. */
        public double width() {
            return high - low;
        }
    }

    /** The sample mean (x_1 + ... + x_m) / m ({@code np.mean(x)}). */
    public static double mean(double[] sample) {
        requireSample(sample);
        double s = 0;
        for (double v : sample) {
            s += v;
        }
        return s / sample.length;
    }

    /** The means of {@code resamples} bootstrap resamples, each m values drawn with replacement from the sample. */
    public static double[] means(double[] sample, int resamples) {
        requireSample(sample);
        if (resamples < 1) {
            throw new IllegalArgumentException("number of resamples must be >= 1, got " + resamples);
        }
        int m = sample.length;
        double[] out = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += sample[Rng.integer(m)];
            }
            out[b] = s / m;
        }
        return out;
    }

    /**
     * The percentile bootstrap interval of the mean: the (1 - level)/2 and (1 + level)/2 quantiles of
     * {@code resamples} bootstrap means, around the sample mean.
     */
    public static Interval meanInterval(double[] sample, int resamples, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be strictly between 0 and 1, got " + level);
        }
        double[] means = means(sample, resamples);
        Arrays.sort(means);
        return new Interval(mean(sample), quantile(means, (1 - level) / 2), quantile(means, (1 + level) / 2), level);
    }

    /**
     * The q-quantile of already sorted values, interpolating linearly between neighbours
     * ({@code np.quantile(x, q)} with its default "linear" method: position q (n - 1)).
     */
    public static double quantile(double[] sorted, double q) {
        requireSample(sorted);
        Probabilities.requireProbability("quantile level q", q);
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double frac = pos - i;
        return sorted[i] + frac * (sorted[i + 1] - sorted[i]);
    }

    private static void requireSample(double[] sample) {
        if (sample == null || sample.length == 0) {
            throw new IllegalArgumentException("the sample is empty; the bootstrap needs at least one value");
        }
    }
}
