package mlfoundations.models;

import java.util.random.RandomGenerator;

import mlfoundations.stats.Rng;
import org.ejml.simple.SimpleMatrix;

/**
 * Inverted dropout: during training each activation is kept with probability p and divided by p (else set to 0),
 * so its expected value is unchanged; at inference nothing is dropped and nothing is scaled
 * ({@code torch.nn.Dropout(1 - p)}, which takes the drop probability). Masks are drawn from {@link Rng}, or from a
 * source of the caller's own (the methods that take a {@link RandomGenerator}).
 */
public final class Dropout {

    private Dropout() {
    }

    /** A rows x cols mask whose entries are 1/p with probability p and 0 otherwise ({@code (np.random.rand(r, c) < p) / p}). */
    public static SimpleMatrix mask(int rows, int cols, double keepProbability) {
        return mask(rows, cols, keepProbability, Rng.generator());
    }

    /** The same mask drawn from {@code source} (the global {@link Rng} is not touched). */
    public static SimpleMatrix mask(int rows, int cols, double keepProbability, RandomGenerator source) {
        checkKeep(keepProbability);
        checkSource(source);
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("a dropout mask needs at least one row and one column, got " + rows + "x" + cols);
        }
        SimpleMatrix m = new SimpleMatrix(rows, cols);
        fill(m.getDDRM().getData(), keepProbability, source);
        return m;
    }

    /** In training, a times a fresh mask (element by element); at inference (training false), a itself, unchanged. */
    public static SimpleMatrix apply(SimpleMatrix a, double keepProbability, boolean training) {
        return apply(a, keepProbability, training, Rng.generator());
    }

    /** The same, with the mask drawn from {@code source} (the global {@link Rng} is not touched). */
    public static SimpleMatrix apply(SimpleMatrix a, double keepProbability, boolean training, RandomGenerator source) {
        checkKeep(keepProbability);
        checkSource(source);
        if (a == null) {
            throw new IllegalArgumentException("cannot apply dropout to a null matrix");
        }
        if (!training) {
            return a.copy();
        }
        return a.elementMult(mask(a.getNumRows(), a.getNumCols(), keepProbability, source));
    }

    /** Fills {@code out} with inverted-dropout mask entries (1/p with probability p, else 0). */
    static void fill(double[] out, double keep, RandomGenerator source) {
        double scale = 1.0 / keep;
        for (int i = 0; i < out.length; i++) {
            out[i] = source.nextDouble() < keep ? scale : 0.0;
        }
    }

    static void checkSource(RandomGenerator source) {
        if (source == null) {
            throw new IllegalArgumentException("the random source must not be null; use Rng.seeded(seed)");
        }
    }

    static void checkKeep(double keep) {
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("keep probability p must be in (0, 1], got " + keep
                    + " (p = 1 means no dropout)");
        }
    }
}
