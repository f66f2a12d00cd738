package mlfoundations.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import mlfoundations.stats.Rng;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BatchesTest {

    @Property(tries = 200)
    void everyIndexAppearsExactlyOncePerEpochAndTheLastPartialBatchIsKept(
            @ForAll @IntRange(min = 1, max = 300) int m, @ForAll @IntRange(min = 1, max = 300) int b,
            @ForAll boolean shuffle) {
        int size = Math.min(b, m);
        Batches batches = Batches.of(m, size, shuffle);
        for (int epoch = 0; epoch < 3; epoch++) {
            List<int[]> all = batches.epoch();
            int[] seen = new int[m];
            for (int[] batch : all) {
                for (int i : batch) {
                    seen[i]++;
                }
            }
            for (int i = 0; i < m; i++) {
                assertEquals(1, seen[i], "index " + i + " in epoch " + epoch);
            }
            // ceil(m / b) batches; all full except the last, which holds m - b * (count - 1) examples.
            int count = (m + size - 1) / size;
            assertEquals(count, all.size());
            assertEquals(count, batches.batchesPerEpoch());
            for (int k = 0; k < count - 1; k++) {
                assertEquals(size, all.get(k).length);
            }
            assertEquals(m - size * (count - 1), all.get(count - 1).length);
        }
    }

    @Test
    void tenExamplesInBatchesOfFourGiveFourFourTwo() {
        List<int[]> epoch = Batches.mini(10, 4).epoch();
        assertEquals(3, epoch.size());
        assertEquals(4, epoch.get(0).length);
        assertEquals(4, epoch.get(1).length);
        assertEquals(2, epoch.get(2).length);
    }

    @Test
    void fullBatchIsAllExamplesInOrder() {
        List<int[]> epoch = Batches.full(5).epoch();
        assertEquals(1, epoch.size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, epoch.get(0));
    }

    @Test
    void stochasticGivesOneExamplePerBatch() {
        Batches sgd = Batches.stochastic(7);
        assertEquals(7, sgd.batchesPerEpoch());
        for (int[] batch : sgd.epoch()) {
            assertEquals(1, batch.length);
        }
    }

    private static List<Integer> flatten(List<int[]> epoch) {
        List<Integer> out = new ArrayList<>();
        for (int[] b : epoch) {
            for (int i : b) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void shufflingIsSeededAndChangesFromEpochToEpoch() {
        Rng.reset(7);
        Batches batches = Batches.mini(50, 8);
        List<Integer> first = flatten(batches.epoch());
        List<Integer> second = flatten(batches.epoch());
        Rng.reset(7);
        List<Integer> again = flatten(batches.epoch());
        assertEquals(first, again, "the same seed gives the same order");
        assertFalse(first.equals(second), "a new epoch draws a new order");
        List<Integer> inOrder = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            inOrder.add(i);
        }
        assertFalse(first.equals(inOrder), "a shuffled epoch of 50 is not in order (chance 1/50!)");
    }

    @Test
    void shuffleIsRoughlyUniform() {
        // Where does index 0 land in a shuffled epoch of 5? Each position should have probability 1/5.
        Rng.reset(3);
        Batches batches = Batches.of(5, 5, true);
        int[] counts = new int[5];
        int trials = 20_000;
        for (int t = 0; t < trials; t++) {
            int[] order = batches.epoch().get(0);
            for (int pos = 0; pos < 5; pos++) {
                if (order[pos] == 0) {
                    counts[pos]++;
                }
            }
        }
        for (int pos = 0; pos < 5; pos++) {
            // Binomial(20000, 0.2): sd = sqrt(20000 * 0.16) ~ 57; 5 sd is about 283.
            assertEquals(trials / 5.0, counts[pos], 283, "position " + pos + ": " + Arrays.toString(counts));
        }
    }

    @Test
    void rowsAndTakePickExamplesByIndex() {
        double[][] x = {{1, 2}, {3, 4}, {5, 6}};
        double[] y = {10, 20, 30};
        assertArrayEquals(new double[][] {{5, 6}, {1, 2}}, Batches.rows(x, new int[] {2, 0}));
        assertArrayEquals(new double[] {30, 10}, Batches.take(y, new int[] {2, 0}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Batches.take(y, new int[] {3}));
        assertTrue(e.getMessage().contains("index 3") && e.getMessage().contains("3 examples"), e.getMessage());
    }

    @Test
    void badBatchSizesAreRejectedClearly() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Batches.mini(10, 0));
        assertTrue(zero.getMessage().contains("batch size") && zero.getMessage().contains("got 0"), zero.getMessage());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> Batches.mini(10, 11));
        assertTrue(big.getMessage().contains("10") && big.getMessage().contains("got 11"), big.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Batches.full(0));
        assertTrue(none.getMessage().contains("examples") && none.getMessage().contains("got 0"), none.getMessage());
    }
}
