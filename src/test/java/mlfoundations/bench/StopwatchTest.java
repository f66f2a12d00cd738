package mlfoundations.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import mlfoundations.stats.Rng;

class StopwatchTest {

    /** A fake clock and a task that "takes" a chosen number of milliseconds on each call, in order. */
    private static final class ScriptedTask implements Supplier<Integer> {
        final double[] durationsMs;
        long nowNanos = 1_000_000_000L;
        int calls;

        ScriptedTask(double... durationsMs) {
            this.durationsMs = durationsMs;
        }

        @Override
        public Integer get() {
            nowNanos += Math.round(durationsMs[calls] * 1e6);
            calls++;
            return calls;
        }

        LongSupplier clock() {
            return () -> nowNanos;
        }
    }

    @Test
    void statisticsOfGivenSamplesOddCount() {
        Timing<String> t = Timing.fromSamples("odd", 1, 40.0, new double[] {12, 3, 7, 100, 9}, "r");
        assertEquals(9.0, t.medianMs()); // sorted 3, 7, 9, 12, 100
        assertEquals(3.0, t.minMs());
        assertEquals(100.0, t.maxMs());
        assertEquals(40.0, t.firstMs());
        assertEquals(5, t.repeats());
        assertEquals("r", t.result());
        assertArrayEquals(new double[] {12, 3, 7, 100, 9}, t.samplesMs(), "samples keep their running order");
    }

    @Test
    void statisticsOfGivenSamplesEvenCount() {
        Timing<Void> t = Timing.fromSamples("even", 0, 4.0, new double[] {4, 1, 10, 2}, null);
        assertEquals(3.0, t.medianMs()); // sorted 1, 2, 4, 10 -> (2 + 4) / 2
        assertEquals(1.0, t.minMs());
        assertEquals(10.0, t.maxMs());
        Timing<Void> one = Timing.fromSamples("one", 0, 5.0, new double[] {5}, null);
        assertEquals(5.0, one.medianMs());
    }

    @Property
    void medianSplitsTheSamplesInHalf(@ForAll @IntRange(min = 1, max = 50) int n, @ForAll long seed) {
        Rng.reset(seed);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Rng.integer(20); // many ties, on purpose
        }
        Timing<Void> t = Timing.fromSamples("p", 0, s[0], s, null);
        int below = 0;
        int above = 0;
        for (double v : s) {
            below += v < t.medianMs() ? 1 : 0;
            above += v > t.medianMs() ? 1 : 0;
        }
        assertTrue(below <= n / 2 && above <= n / 2, "at most half the samples on either side of the median");
        assertTrue(t.minMs() <= t.medianMs() && t.medianMs() <= t.maxMs());
    }

    @Test
    void warmupsAreRunButNotMeasured() {
        // 2 warm-ups (slow: JIT not ready), then 3 measured runs.
        ScriptedTask task = new ScriptedTask(50, 20, 5, 9, 4);
        Timing<Integer> t = Stopwatch.time("scripted", 2, 3, task, task.clock());
        assertEquals(5, task.calls, "2 warm-ups + 3 repeats");
        assertArrayEquals(new double[] {5, 9, 4}, t.samplesMs(), 1e-9);
        assertEquals(50.0, t.firstMs(), 1e-9, "the first call is the first warm-up");
        assertEquals(5.0, t.medianMs(), 1e-9);
        assertEquals(4.0, t.minMs(), 1e-9);
        assertEquals(9.0, t.maxMs(), 1e-9);
        assertEquals(2, t.warmups());
        assertEquals(5, t.result(), "the result of the last run is kept");
    }

    @Test
    void withoutWarmupsTheFirstCallIsTheFirstSample() {
        ScriptedTask task = new ScriptedTask(30, 6, 8, 7);
        Timing<Integer> t = Stopwatch.time("cold", 0, 4, task, task.clock());
        assertEquals(4, task.calls);
        assertEquals(30.0, t.firstMs(), 1e-9);
        assertEquals(7.5, t.medianMs(), 1e-9); // sorted 6, 7, 8, 30
        assertEquals(30.0, t.maxMs(), 1e-9);
    }

    @Property(tries = 50)
    void callCountIsWarmupsPlusRepeats(@ForAll @IntRange(min = 0, max = 10) int warmups,
            @ForAll @IntRange(min = 1, max = 10) int repeats) {
        int[] calls = {0};
        Timing<int[]> t = Stopwatch.time("count", warmups, repeats, () -> {
            calls[0]++;
            return calls;
        });
        assertEquals(warmups + repeats, calls[0]);
        assertEquals(repeats, t.repeats());
        assertSame(calls, t.result());
        assertTrue(t.minMs() >= 0);
    }

    @Test
    void toStringIsReadable() {
        Timing<Void> t = Timing.fromSamples("i-k-j loops", 2, 95.4, new double[] {18.2, 17.9, 19.0}, null);
        assertEquals("i-k-j loops: median 18.2 ms (min 17.9, max 19.0; 3 runs after 2 warm-ups; first call 95.4 ms)",
                t.toString());
    }

    @Test
    void badArgumentsThrowClearly() {
        Supplier<Integer> task = () -> 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stopwatch.time("x", 1, 0, task));
        assertEquals("repeats must be > 0 (at least one measured run), got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stopwatch.time("x", -1, 3, task));
        assertEquals("warm-up runs must be >= 0, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stopwatch.time("x", 1, 3, null));
        assertTrue(e.getMessage().contains("task to time is null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stopwatch.time(null, 1, 3, task));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Timing.fromSamples("x", 0, 1, new double[0], null));
        assertTrue(e.getMessage().contains("at least one measured sample"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Timing.fromSamples("x", 0, 1, new double[] {2, Double.NaN}, null));
        assertTrue(e.getMessage().contains("sample 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Timing.fromSamples("x", 0, -3, new double[] {2}, null));
        assertTrue(e.getMessage().contains("first call"), e.getMessage());
    }
}
