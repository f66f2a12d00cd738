package mlfoundations.models;

import mlfoundations.stats.Rng;
import org.ejml.simple.SimpleMatrix;

/**
 * Inverted dropout: during training each activation is kept with probability p and divided by p (else set to 0),
 * so its expected value is unchanged; at inference nothing is dropped and nothing is scaled
 * ({@code torch.nn.Dropout(1 - p)}, which takes the drop probability). Masks are drawn from {@link Rng}.
 */
public final class Dropout {

    private Dropout() {
    }

    /** A rows x cols mask whose entries are 1/p with probability p and 0 otherwise ({@code (np.random.rand(r, c) < p) / p}). */
    public static SimpleMatrix mask(int rows, int cols, double keepProbability) {
        checkKeep(keepProbability);
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("a dropout mask needs at least one row and one column, got " + rows + "x" + cols);
        }
        SimpleMatrix m = new SimpleMatrix(rows, cols);
        fill(m.getDDRM().getData(), keepProbability);
        return m;
    }

    /** In training, a times a fresh mask (element by element); at inference (training false), a itself, unchanged. */
    public static SimpleMatrix apply(SimpleMatrix a, double keepProbability, boolean training) {
        checkKeep(keepProbability);
        if (a == null) {
            throw new IllegalArgumentException("cannot apply dropout to a null matrix");
        }
        if (!training) {
            return a.copy();
        }
        return a.elementMult(mask(a.getNumRows(), a.getNumCols(), keepProbability));
    }

    /** Fills {@code out} with inverted-dropout mask entries (1/p with probability p, else 0). */
    static void fill(double[] out, double keep) {
        double scale = 1.0 / keep;
        for (int i = 0; i < out.length; i++) {
            out[i] = Rng.uniform() < keep ? scale : 0.0;
        }
    }

    static void checkKeep(double keep) {
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("keep probability p must be in (0, 1], got " + keep
                    + " (p = 1 means no dropout)");
        }
    }
}
