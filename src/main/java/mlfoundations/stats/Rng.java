package mlfoundations.stats;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The course's one seeded random source: every random draw in the library and the lessons comes from here,
 * so a lesson shows the same numbers on every run and in every HTML export.
 *
 * <p>It stands in for NumPy's {@code np.random.seed(42)} followed by {@code np.random...} calls.
 * Call {@link #reset(long)} at the top of a lesson (or before an experiment) to start the sequence again.
 * This is the library's only global mutable state; it is not meant to be shared between threads.
 *
 * <p>A model can also be given a source of its own, as Tribuo's trainers take a seed: {@link #seeded(long)} makes
 * one, and the library's random methods that take a {@link RandomGenerator} use it instead of this global stream
 * (and leave the global stream untouched). Both kinds of source draw with the same formulas, below.
 */
public final class Rng {

    /** The seed the library starts from when a lesson does not choose one. */
    public static final long DEFAULT_SEED = 42L;

    private static SplittableRandom random = new SplittableRandom(DEFAULT_SEED);
    private static long seed = DEFAULT_SEED;

    private Rng() {
    }

    /** Restarts the random sequence from {@code seed} (like {@code np.random.seed(seed)}). */
    public static void reset(long seed) {
        Rng.seed = seed;
        random = new SplittableRandom(seed);
    }

    /** Restarts the random sequence from {@link #DEFAULT_SEED}. */
    public static void reset() {
        reset(DEFAULT_SEED);
    }

    /** The seed of the current sequence. */
    public static long seed() {
        return seed;
    }

    /** A new source of its own, seeded: the same draws as {@code reset(seed)} gives, without touching the global one. */
    public static RandomGenerator seeded(long seed) {
        return new SplittableRandom(seed);
    }

    /** The underlying generator, for code that needs a {@link java.util.random.RandomGenerator}. */
    public static SplittableRandom generator() {
        return random;
    }

    /** A uniform double in [0, 1) ({@code np.random.rand()}). */
    public static double uniform() {
        return random.nextDouble();
    }

    /** A uniform double in [low, high) ({@code np.random.uniform(low, high)}). */
    public static double uniform(double low, double high) {
        return uniform(random, low, high);
    }

    /** A uniform double in [low, high) drawn from {@code source}. */
    public static double uniform(RandomGenerator source, double low, double high) {
        if (!(low < high)) {
            throw new IllegalArgumentException("uniform(low, high) needs low < high, got low=" + low + ", high=" + high);
        }
        return low + (high - low) * source.nextDouble();
    }

    /** An array of {@code size} uniform doubles in [low, high). */
    public static double[] uniform(double low, double high, int size) {
        requireSize(size);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = uniform(low, high);
        }
        return out;
    }

    /** A standard normal draw, mean 0 and standard deviation 1 ({@code np.random.randn()}). */
    public static double normal() {
        return random.nextGaussian();
    }

    /** A normal draw with the given mean and standard deviation ({@code np.random.normal(mean, std)}). */
    public static double normal(double mean, double std) {
        return normal(random, mean, std);
    }

    /** A normal draw with the given mean and standard deviation from {@code source}. */
    public static double normal(RandomGenerator source, double mean, double std) {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("standard deviation must be finite and >= 0, got " + std);
        }
        return mean + std * source.nextGaussian();
    }

    /** An array of {@code size} normal draws ({@code np.random.normal(mean, std, size)}). */
    public static double[] normal(double mean, double std, int size) {
        requireSize(size);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = normal(mean, std);
        }
        return out;
    }

    /** A uniform int in [0, bound) ({@code np.random.randint(bound)}). */
    public static int integer(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        return random.nextInt(bound);
    }

    /** A fair coin: true or false with probability 1/2 each. */
    public static boolean coin() {
        return random.nextBoolean();
    }

    /** 64 independent fair coins packed in the bits of one long: bit i is 1 with probability 1/2. */
    public static long bits() {
        return random.nextLong();
    }

    static void requireSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
    }
}
