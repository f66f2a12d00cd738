package mlfoundations.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SamplingTest {

    @Test
    void withoutReplacementGivesDistinctRowsEachEquallyOften() {
        Rng.reset(3);
        int m = 10;
        int size = 4;
        int trials = 50_000;
        double[] hits = new double[m];
        for (int t = 0; t < trials; t++) {
            int[] s = Sampling.withoutReplacement(m, size);
            assertEquals(size, Arrays.stream(s).distinct().count(), "rows must not repeat");
            for (int r : s) {
                hits[r]++;
            }
        }
        // Each row is in the sample with probability size / m = 0.4: standard error sqrt(0.4 * 0.6 / trials).
        for (int r = 0; r < m; r++) {
            assertEquals(0.4, hits[r] / trials, 4 * Math.sqrt(0.24 / trials), "row " + r);
        }
        int[] perm = Sampling.permutation(20);
        int[] sorted = perm.clone();
        Arrays.sort(sorted);
        assertArrayEquals(java.util.stream.IntStream.range(0, 20).toArray(), sorted);
    }

    @Test
    void withReplacementRepeatsRowsAsOftenAsTheoryExpects() {
        Rng.reset(5);
        int m = 100;
        int trials = 2000;
        double distinct = 0;
        for (int t = 0; t < trials; t++) {
            distinct += Arrays.stream(Sampling.withReplacement(m, m)).distinct().count();
        }
        // A row is missed by m draws with probability (1 - 1/m)^m, so E[distinct] = m (1 - (1 - 1/m)^m) = 63.40.
        // The count of distinct rows has a standard deviation of about 2.8 (computed from the occupancy variance
        // m q + m (m - 1) (1 - 2/m)^m - m^2 q^2 with q = (1 - 1/m)^m), so the mean of 2000 has SE about 0.063.
        double q = Math.pow(1 - 1.0 / m, m);
        double var = m * q + m * (m - 1.0) * Math.pow(1 - 2.0 / m, m) - m * m * q * q;
        assertEquals(m * (1 - q), distinct / trials, 4 * Math.sqrt(var / trials));
    }

    @Test
    void stratifiedKeepsProportionsExactlyWhenTheyDivide() {
        String[] labels = labels(40, 20, 10);
        Rng.reset(9);
        int[] s = Sampling.stratified(labels, 0.1);
        assertEquals(7, s.length);
        assertEquals(7, Arrays.stream(s).distinct().count());
        Map<String, Double> share = Sampling.proportions(Sampling.pick(labels, s));
        assertEquals(4.0 / 7, share.get("A"), 1e-15);
        assertEquals(2.0 / 7, share.get("B"), 1e-15);
        assertEquals(1.0 / 7, share.get("C"), 1e-15);
        // The rest keeps the same proportions too: 36, 18, 9 of 63.
        Map<String, Double> rest = Sampling.proportions(Sampling.pick(labels, Sampling.complement(70, s)));
        assertEquals(36.0 / 63, rest.get("A"), 1e-15);
        assertEquals(9.0 / 63, rest.get("C"), 1e-15);
    }

    @Property
    void stratifiedTakesExactlyTheFractionOfEachClass(@ForAll @IntRange(min = 1, max = 5) int a,
            @ForAll @IntRange(min = 1, max = 5) int b, @ForAll @IntRange(min = 1, max = 5) int c,
            @ForAll @IntRange(min = 2, max = 8) int d, @ForAll @IntRange(min = 1, max = 8) int j) {
        // Class sizes d*a, d*b, d*c and fraction j/d (at most 1): each class contributes exactly j*a, j*b, j*c rows.
        if (j > d) {
            return;
        }
        String[] labels = labels(d * a, d * b, d * c);
        int[] s = Sampling.stratified(labels, (double) j / d);
        long[] counts = new long[3];
        for (int r : s) {
            counts[labels[r].charAt(0) - 'A']++;
        }
        assertArrayEquals(new long[] {(long) j * a, (long) j * b, (long) j * c}, counts);
        assertEquals(s.length, Arrays.stream(s).distinct().count());
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sampling.stratified(labels(10, 1, 10), 0.2));
        assertTrue(e.getMessage().contains("class 'B' has only 1 row(s)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sampling.withoutReplacement(5, 6));
        assertTrue(e.getMessage().contains("cannot draw 6 different rows from 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sampling.withReplacement(0, 3));
        assertTrue(e.getMessage().contains("m = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sampling.stratified(labels(3, 3, 3), 1.5));
        assertTrue(e.getMessage().contains("got 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sampling.stratified(new String[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Sampling.stratified(new String[] {"A", null}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Sampling.complement(3, new int[] {3}));
    }

    private static String[] labels(int a, int b, int c) {
        String[] out = new String[a + b + c];
        for (int i = 0; i < out.length; i++) {
            out[i] = i < a ? "A" : i < a + b ? "B" : "C";
        }
        return out;
    }
}
