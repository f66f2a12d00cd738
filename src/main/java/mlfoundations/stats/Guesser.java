package mlfoundations.stats;

import java.util.Arrays;

/**
 * The random guesser of Lesson 0: a test of true/false questions whose answer key is random, answered by a
 * "student" who guesses every answer at random. Each guess is right with probability 1/2, so the number of
 * right answers on a test of n questions follows Binomial(n, 1/2).
 *
 * <p>{@link #generateTest} and {@link #takeTest} are the plain, readable version (one question at a time);
 * {@link #simulate} runs millions of tests quickly by packing 64 questions into the bits of one {@code long}.
 * Both draw from {@link Rng}, so results repeat after {@code Rng.reset(seed)}.
 */
public final class Guesser {

    private Guesser() {
    }

    /** A random answer key of {@code questions} true/false answers ({@code np.random.randint(2, size=n)}). */
    public static boolean[] generateTest(int questions) {
        requirePositive("questions", questions);
        boolean[] key = new boolean[questions];
        for (int i = 0; i < key.length; i++) {
            key[i] = Rng.coin();
        }
        return key;
    }

    /** Answers every question of {@code key} with a random guess; element i is true when guess i was right. */
    public static boolean[] takeTest(boolean[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("a test needs at least one question; got an empty answer key");
        }
        boolean[] right = new boolean[key.length];
        for (int i = 0; i < key.length; i++) {
            boolean guess = Rng.coin();
            right[i] = guess == key[i];
        }
        return right;
    }

    /** The fraction of true values in {@code right}: the score of one test, between 0 and 1. */
    public static double score(boolean[] right) {
        if (right == null || right.length == 0) {
            throw new IllegalArgumentException("cannot score an empty test");
        }
        int count = 0;
        for (boolean r : right) {
            if (r) {
                count++;
            }
        }
        return (double) count / right.length;
    }

    /**
     * The running fraction correct: element i is the fraction of questions 0..i answered right, which settles
     * towards 1/2 as questions accumulate (the law of large numbers).
     */
    public static double[] runningFraction(boolean[] right) {
        if (right == null || right.length == 0) {
            throw new IllegalArgumentException("cannot average an empty test");
        }
        double[] out = new double[right.length];
        int count = 0;
        for (int i = 0; i < right.length; i++) {
            if (right[i]) {
                count++;
            }
            out[i] = (double) count / (i + 1);
        }
        return out;
    }

    /**
     * Simulates {@code tests} tests of {@code questions} questions each, every answer guessed at random,
     * and tallies how many tests got 0, 1, ..., {@code questions} answers right.
     */
    public static Results simulate(int tests, int questions) {
        requirePositive("tests", tests);
        requirePositive("questions", questions);
        long[] counts = new long[questions + 1];
        for (int t = 0; t < tests; t++) {
            counts[correctOnRandomTest(questions)]++;
        }
        return new Results(questions, counts);
    }

    /** Number of right guesses on one random test; key and guesses are drawn 64 questions at a time. */
    private static int correctOnRandomTest(int questions) {
        int correct = 0;
        for (int done = 0; done < questions; done += 64) {
            int chunk = Math.min(64, questions - done);
            long mask = chunk == 64 ? -1L : (1L << chunk) - 1;
            long key = Rng.bits();
            long guesses = Rng.bits();
            // A bit of ~(key ^ guesses) is 1 exactly where the guess equals the key.
            correct += Long.bitCount(~(key ^ guesses) & mask);
        }
        return correct;
    }

    private static void requirePositive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("number of " + what + " must be > 0, got " + value);
        }
    }

    /** The outcome of {@link #simulate}: how many tests scored 0, 1, ..., n right answers. */
    public static final class Results {

        private final int questions;
        private final long[] counts;
        private final long tests;

        Results(int questions, long[] counts) {
            this.questions = questions;
            this.counts = counts;
            this.tests = Arrays.stream(counts).sum();
        }

        /** Questions per test, n. */
        public int questions() {
            return questions;
        }

        /** Number of tests simulated. */
        public long tests() {
            return tests;
        }

        /** counts()[k] = how many tests had exactly k right answers (length n + 1; a copy). */
        public long[] counts() {
            return counts.clone();
        }

        /** The possible scores k / n for k = 0..n (the histogram's x values). */
        public double[] fractions() {
            double[] out = new double[questions + 1];
            for (int k = 0; k <= questions; k++) {
                out[k] = (double) k / questions;
            }
            return out;
        }

        /** counts()[k] / tests: the observed share of tests with k right answers. */
        public double[] relativeFrequencies() {
            double[] out = new double[questions + 1];
            for (int k = 0; k <= questions; k++) {
                out[k] = (double) counts[k] / tests;
            }
            return out;
        }

        /** Mean number of right answers per test (compare with n p). */
        public double mean() {
            double s = 0;
            for (int k = 0; k <= questions; k++) {
                s += (double) k * counts[k];
            }
            return s / tests;
        }

        /** Population variance of the number of right answers (compare with n p (1 - p)). */
        public double variance() {
            double m = mean();
            double s = 0;
            for (int k = 0; k <= questions; k++) {
                s += (k - m) * (k - m) * counts[k];
            }
            return s / tests;
        }

        /** Mean score as a fraction of the questions (compare with p). */
        public double meanFraction() {
            return mean() / questions;
        }

        @Override
        public String toString() {
            return tests + " tests of " + questions + " questions; right answers 0.." + questions + ": "
                    + Arrays.toString(counts);
        }
    }
}
