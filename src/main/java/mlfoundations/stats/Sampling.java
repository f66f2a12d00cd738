package mlfoundations.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drawing rows from a data set of m rows, all from the seeded {@link Rng}: simple random sampling with and without
 * replacement, and stratified sampling that keeps each class's share. Results are row numbers 0..m-1, so one
 * sample can pick the same rows from X, y and any label column.
 */
public final class Sampling {

    private Sampling() {
    }

    /**
     * {@code size} row numbers drawn uniformly from 0..m-1 with replacement, so a row can come back
     * ({@code np.random.choice(m, size, replace=True)}, {@code torch.randint(m, (size,))}).
     */
    public static int[] withReplacement(int m, int size) {
        requirePopulation(m);
        Probabilities.requireSize(size);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = Rng.integer(m);
        }
        return out;
    }

    /**
     * {@code size} different row numbers from 0..m-1, every subset equally likely, in random order
     * ({@code np.random.choice(m, size, replace=False)}, {@code torch.randperm(m)[:size]}).
     */
    public static int[] withoutReplacement(int m, int size) {
        requirePopulation(m);
        Probabilities.requireSize(size);
        if (size > m) {
            throw new IllegalArgumentException("cannot draw " + size + " different rows from " + m
                    + " without replacement; ask for at most " + m + " or sample with replacement");
        }
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = i;
        }
        // Fisher-Yates, stopped after `size` steps: position i gets a uniform pick among the rows not yet taken.
        for (int i = 0; i < size; i++) {
            int k = i + Rng.integer(m - i);
            int t = rows[i];
            rows[i] = rows[k];
            rows[k] = t;
        }
        return Arrays.copyOf(rows, size);
    }

    /** The rows 0..m-1 in a random order ({@code np.random.permutation(m)}, {@code torch.randperm(m)}). */
    public static int[] permutation(int m) {
        return withoutReplacement(m, m);
    }

    /**
     * A stratified sample: from each class c with m_c rows, round(fraction * m_c) rows drawn without replacement,
     * so every class keeps its share of the data (exactly, whenever fraction * m_c is a whole number). Rows are
     * returned class by class, in order of each class's first appearance. Every class must get at least one row.
     */
    public static int[] stratified(String[] labels, double fraction) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("cannot sample from an empty list of labels");
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        Map<String, List<Integer>> byClass = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                throw new IllegalArgumentException("label " + i + " is null; every row needs a class");
            }
            byClass.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        List<Integer> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byClass.entrySet()) {
            List<Integer> rows = e.getValue();
            int take = (int) Math.round(fraction * rows.size());
            if (take == 0) {
                throw new IllegalArgumentException("class '" + e.getKey() + "' has only " + rows.size()
                        + " row(s): a fraction of " + fraction + " takes none of them, so the sample would miss the"
                        + " class; use a larger fraction or merge rare classes");
            }
            for (int r : withoutReplacement(rows.size(), take)) {
                out.add(rows.get(r));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The rows of 0..m-1 that are not in {@code sample}, in increasing order (the held-out part of a split). */
    public static int[] complement(int m, int[] sample) {
        requirePopulation(m);
        if (sample == null) {
            throw new IllegalArgumentException("the sample is null");
        }
        boolean[] taken = new boolean[m];
        for (int r : sample) {
            if (r < 0 || r >= m) {
                throw new IllegalArgumentException("row " + r + " is outside 0.." + (m - 1));
            }
            taken[r] = true;
        }
        int[] out = new int[m];
        int n = 0;
        for (int i = 0; i < m; i++) {
            if (!taken[i]) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The values at the given rows: {@code values[rows[0]], values[rows[1]], ...} ({@code values[rows]} in NumPy). */
    public static double[] pick(double[] values, int[] rows) {
        if (values == null || rows == null) {
            throw new IllegalArgumentException("values and rows must not be null");
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /** The labels at the given rows ({@code labels[rows]} in NumPy). */
    public static String[] pick(String[] labels, int[] rows) {
        if (labels == null || rows == null) {
            throw new IllegalArgumentException("labels and rows must not be null");
        }
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = labels[rows[i]];
        }
        return out;
    }

    /** Each distinct label's share of {@code labels}, in order of first appearance (like {@code value_counts(normalize=True)}). */
    public static Map<String, Double> proportions(String[] labels) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("cannot count the classes of an empty list of labels");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : labels) {
            out.merge(s, 1.0, Double::sum);
        }
        out.replaceAll((k, v) -> v / labels.length);
        return out;
    }

    private static void requirePopulation(int m) {
        if (m <= 0) {
            throw new IllegalArgumentException("the population must have at least one row, got m = " + m);
        }
    }
}
