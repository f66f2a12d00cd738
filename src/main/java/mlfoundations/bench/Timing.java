package mlfoundations.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The result of timing a task with {@link Stopwatch}: the very first call, then the median, minimum and maximum of the
 * measured repeats in milliseconds, and the value the task returned on its last run (so it can be checked).
 *
 * @param <T> what the timed task returns
 */
public final class Timing<T> {

    private final String name;
    private final int warmups;
    private final double firstMs;
    private final double[] samplesMs;
    private final double medianMs;
    private final double minMs;
    private final double maxMs;
    private final T result;

    private Timing(String name, int warmups, double firstMs, double[] samplesMs, T result) {
        this.name = name;
        this.warmups = warmups;
        this.firstMs = firstMs;
        this.samplesMs = samplesMs.clone();
        this.result = result;
        double[] sorted = samplesMs.clone();
        Arrays.sort(sorted);
        this.minMs = sorted[0];
        this.maxMs = sorted[sorted.length - 1];
        this.medianMs = median(sorted);
    }

    /**
     * A timing from measured samples (ms): median, min and max are computed from {@code samplesMs};
     * {@code firstMs} is the duration of the very first call (a warm-up run, or the first sample if there was none).
     */
    public static <T> Timing<T> fromSamples(String name, int warmups, double firstMs, double[] samplesMs, T result) {
        if (name == null) {
            throw new IllegalArgumentException("a timing needs a name, got null");
        }
        if (warmups < 0) {
            throw new IllegalArgumentException("warm-up runs must be >= 0, got " + warmups);
        }
        if (samplesMs == null || samplesMs.length == 0) {
            throw new IllegalArgumentException("a timing needs at least one measured sample");
        }
        checkDuration("first call", firstMs);
        for (int i = 0; i < samplesMs.length; i++) {
            checkDuration("sample " + i, samplesMs[i]);
        }
        return new Timing<>(name, warmups, firstMs, samplesMs, result);
    }

    /** The middle value of sorted numbers; the mean of the two middle ones when the count is even ({@code np.median}). */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The task's label. */
    public String name() {
        return name;
    }

    /** How many warm-up runs came before the measured ones (their times are not in the statistics). */
    public int warmups() {
        return warmups;
    }

    /** How many measured runs the statistics are over. */
    public int repeats() {
        return samplesMs.length;
    }

    /** Duration of the very first call in ms: what a user sees when running the code once, JIT warm-up included. */
    public double firstMs() {
        return firstMs;
    }

    /** Median of the measured runs in ms: the typical time, not pulled about by one slow outlier. */
    public double medianMs() {
        return medianMs;
    }

    /** Fastest measured run in ms. */
    public double minMs() {
        return minMs;
    }

    /** Slowest measured run in ms. */
    public double maxMs() {
        return maxMs;
    }

    /** The measured durations in ms, in the order they were run (a copy). */
    public double[] samplesMs() {
        return samplesMs.clone();
    }

    /** What the task returned on its last run. */
    public T result() {
        return result;
    }

    /** One readable line: name, median, min and max, the number of runs, and the first call. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: median %s ms (min %s, max %s; %d run%s after %d warm-up%s; first call %s ms)",
                name, fmt(medianMs), fmt(minMs), fmt(maxMs), repeats(), repeats() == 1 ? "" : "s", warmups,
                warmups == 1 ? "" : "s", fmt(firstMs));
    }

    /** Three significant figures for small times, whole milliseconds for large ones. */
    static String fmt(double ms) {
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        if (ms >= 1) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        return String.format(Locale.ROOT, "%.3f", ms);
    }

    private static void checkDuration(String what, double ms) {
        if (!(ms >= 0) || Double.isInfinite(ms)) {
            throw new IllegalArgumentException(what + " must be a finite duration >= 0 ms, got " + ms);
        }
    }
}
