package mlfoundations.bench;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A small, honest stopwatch for code in a notebook (what Python's {@code timeit} does): run the task a few times
 * to let the JIT compile it (warm-up), then time several more runs and report the median, minimum and maximum,
 * plus the very first call. For example:
 * <pre>
 *   Timing&lt;double[][]&gt; t = Stopwatch.time("i-k-j loops", 2, 7, () -&gt; MatMul.ikj(a, b));
 *   System.out.println(t);
 * </pre>
 * The task must return its result: the timer keeps it, so the JIT cannot decide the work is unused and skip it.
 * Timings on a shared machine are noisy; compare medians, and re-run when something looks odd.
 *
 * <p>(Named Stopwatch rather than Timer because Java notebooks import {@code java.util.*}, which has a
 * {@code Timer} of its own.)
 */
public final class Stopwatch {

    /** Where every result goes: a volatile field the JIT must assume someone reads, so the work cannot be dropped. */
    @SuppressWarnings("unused")
    private static volatile Object sink;

    private Stopwatch() {
    }

    /**
     * Runs {@code task} {@code warmups} times untimed, then {@code repeats} times timed, and returns the statistics
     * of the timed runs in milliseconds ({@code timeit.repeat(task, repeat=repeats, number=1)} after warm-up).
     */
    public static <T> Timing<T> time(String name, int warmups, int repeats, Supplier<T> task) {
        return time(name, warmups, repeats, task, System::nanoTime);
    }

    /** As {@link #time(String, int, int, Supplier)} with a given clock in nanoseconds (tests use a fake clock). */
    static <T> Timing<T> time(String name, int warmups, int repeats, Supplier<T> task, LongSupplier clockNanos) {
        if (name == null) {
            throw new IllegalArgumentException("the timing needs a name, got null");
        }
        if (warmups < 0) {
            throw new IllegalArgumentException("warm-up runs must be >= 0, got " + warmups);
        }
        if (repeats <= 0) {
            throw new IllegalArgumentException("repeats must be > 0 (at least one measured run), got " + repeats);
        }
        if (task == null) {
            throw new IllegalArgumentException("the task to time is null; pass a lambda such as () -> MatMul.ikj(a, b)");
        }
        double firstMs = -1;
        for (int w = 0; w < warmups; w++) {
            double ms = run(task, clockNanos);
            if (w == 0) {
                firstMs = ms;
            }
        }
        double[] samples = new double[repeats];
        T last = null;
        for (int r = 0; r < repeats; r++) {
            long start = clockNanos.getAsLong();
            last = task.get();
            long end = clockNanos.getAsLong();
            sink = last;
            samples[r] = (end - start) / 1e6;
        }
        if (warmups == 0) {
            firstMs = samples[0];
        }
        return Timing.fromSamples(name, warmups, firstMs, samples, last);
    }

    private static double run(Supplier<?> task, LongSupplier clockNanos) {
        long start = clockNanos.getAsLong();
        Object result = task.get();
        long end = clockNanos.getAsLong();
        sink = result;
        return (end - start) / 1e6;
    }
}
