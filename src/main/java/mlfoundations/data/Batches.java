package mlfoundations.data;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import mlfoundations.stats.Rng;

/**
 * Splits the example indices 0..m-1 into batches, one epoch at a time: batch gradient descent uses one batch of
 * all m, stochastic gradient descent m batches of one, mini-batch gradient descent batches of b. With shuffling on,
 * every epoch draws a fresh random order through {@link Rng} (seeded; or a source of its own, {@link #of(int, int,
 * boolean, RandomGenerator)}), then cuts it into consecutive batches; the
 * last batch is smaller when b does not divide m, and it is kept, so every example is used exactly once per epoch.
 * PyTorch: {@code DataLoader(dataset, batch_size=b, shuffle=True, drop_last=False)}.
 */
public final class Batches {

    private final int m;
    private final int batchSize;
    private final boolean shuffle;
    private final RandomGenerator source;   // null: the global Rng, looked up at each epoch (reset replaces it)

    private Batches(int m, int batchSize, boolean shuffle, RandomGenerator source) {
        if (m <= 0) {
            throw new IllegalArgumentException("number of examples m must be > 0, got " + m);
        }
        if (batchSize <= 0 || batchSize > m) {
            throw new IllegalArgumentException("batch size must be between 1 and the number of examples " + m
                    + ", got " + batchSize);
        }
        this.m = m;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.source = source;
    }

    /** Batches of {@code batchSize} out of {@code m} examples, in a new random order every epoch if {@code shuffle}. */
    public static Batches of(int m, int batchSize, boolean shuffle) {
        return new Batches(m, batchSize, shuffle, null);
    }

    /** As above, shuffling with {@code source} (e.g. {@code Rng.seeded(7)}) instead of the global {@link Rng}. */
    public static Batches of(int m, int batchSize, boolean shuffle, RandomGenerator source) {
        if (source == null) {
            throw new IllegalArgumentException("the random source must not be null; use Rng.seeded(seed)");
        }
        return new Batches(m, batchSize, shuffle, source);
    }

    /** Batch gradient descent: one batch holding all m examples, in order 0..m-1. */
    public static Batches full(int m) {
        return new Batches(m, m, false, null);
    }

    /** Stochastic gradient descent: m batches of one example each, in a new random order every epoch. */
    public static Batches stochastic(int m) {
        return new Batches(m, 1, true, null);
    }

    /** Mini-batch gradient descent: shuffled batches of {@code batchSize}, the last one possibly smaller. */
    public static Batches mini(int m, int batchSize) {
        return new Batches(m, batchSize, true, null);
    }

    /** The number of examples m. */
    public int examples() {
        return m;
    }

    /** The batch size b (the last batch of an epoch may be smaller). */
    public int batchSize() {
        return batchSize;
    }

    /** Whether every epoch draws a new random order. */
    public boolean shuffled() {
        return shuffle;
    }

    /** Updates per epoch: ceil(m / b). */
    public int batchesPerEpoch() {
        return (m + batchSize - 1) / batchSize;
    }

    /**
     * The batches of one epoch, as arrays of example indices: a permutation of 0..m-1 (drawn with {@link Rng} when
     * shuffling) cut into pieces of b. Each call is a new epoch with a new order.
     */
    public List<int[]> epoch() {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        if (shuffle) {
            RandomGenerator random = source == null ? Rng.generator() : source;
            // Fisher-Yates: swap each position with a uniformly chosen one at or before it.
            for (int i = m - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        List<int[]> out = new ArrayList<>(batchesPerEpoch());
        for (int start = 0; start < m; start += batchSize) {
            int end = Math.min(m, start + batchSize);
            int[] batch = new int[end - start];
            System.arraycopy(order, start, batch, 0, batch.length);
            out.add(batch);
        }
        return out;
    }

    /** The rows of {@code x} at the given indices, in that order ({@code x[idx]} in NumPy). */
    public static double[][] rows(double[][] x, int[] idx) {
        if (x == null || idx == null) {
            throw new IllegalArgumentException("rows needs a data array and an index array, not null");
        }
        double[][] out = new double[idx.length][];
        for (int k = 0; k < idx.length; k++) {
            checkIndex(idx[k], x.length);
            out[k] = x[idx[k]].clone();
        }
        return out;
    }

    /** The entries of {@code y} at the given indices, in that order ({@code y[idx]} in NumPy). */
    public static double[] take(double[] y, int[] idx) {
        if (y == null || idx == null) {
            throw new IllegalArgumentException("take needs a data array and an index array, not null");
        }
        double[] out = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            checkIndex(idx[k], y.length);
            out[k] = y[idx[k]];
        }
        return out;
    }

    private static void checkIndex(int i, int n) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("index " + i + " is out of range for " + n + " examples (0.." + (n - 1)
                    + ")");
        }
    }

    @Override
    public String toString() {
        return "Batches(m=" + m + ", batch size=" + batchSize + (shuffle ? ", shuffled" : ", in order") + ")";
    }
}
