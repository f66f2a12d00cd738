package mlfoundations.optim;

/**
 * Clipping by global norm ({@code torch.nn.utils.clip_grad_norm_}): if the gradient g is longer than a bound c,
 * it is scaled to length c, g &lt;- g c / ||g||; otherwise it is left alone. The direction never changes, only the
 * length, so a step still goes downhill; it just cannot be huge when the gradient explodes.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * The Euclidean length ||g||_2 = sqrt(sum g_i^2) of all the arrays taken together as one vector (the "global"
     * norm over every layer). Scaled by the largest |g_i| first, so that exploding entries (1e200) do not overflow.
     */
    public static double norm(double[]... grads) {
        checkArrays(grads);
        double largest = 0;
        for (double[] g : grads) {
            for (double v : g) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        if (largest == 0 || Double.isInfinite(largest)) {
            return largest;
        }
        double sum = 0;
        for (double[] g : grads) {
            for (double v : g) {
                double s = v / largest;
                sum += s * s;
            }
        }
        return largest * Math.sqrt(sum);
    }

    /** A clipped copy of g: g min(1, maxNorm / ||g||), never longer than maxNorm, pointing the same way. */
    public static double[] byNorm(double[] g, double maxNorm) {
        double[] out = g == null ? null : g.clone();
        clipInPlace(maxNorm, out);
        return out;
    }

    /**
     * Clips several arrays in place by their global norm (all of them scaled by the same factor
     * min(1, maxNorm / ||g||)), as PyTorch does over all of a model's parameters. Returns the norm before clipping.
     */
    public static double clipInPlace(double maxNorm, double[]... grads) {
        if (Double.isNaN(maxNorm) || maxNorm < 0) {
            throw new IllegalArgumentException("the clipping bound must be a number >= 0 (a length), got " + maxNorm
                    + "; use e.g. 1.0, or Double.POSITIVE_INFINITY for no clipping");
        }
        double n = norm(grads);
        if (Double.isInfinite(n)) {
            throw new IllegalArgumentException("the gradient has an infinite entry, so it has no direction to keep; "
                    + "the training has already diverged (lower the learning rate or clip earlier)");
        }
        if (n > maxNorm) {
            double scale = maxNorm / n;
            for (double[] g : grads) {
                for (int i = 0; i < g.length; i++) {
                    g[i] *= scale;
                }
            }
        }
        return n;
    }

    private static void checkArrays(double[][] grads) {
        if (grads == null || grads.length == 0) {
            throw new IllegalArgumentException("give at least one gradient array to clip");
        }
        for (int a = 0; a < grads.length; a++) {
            if (grads[a] == null) {
                throw new IllegalArgumentException("gradient array " + a + " is null");
            }
            for (int i = 0; i < grads[a].length; i++) {
                if (Double.isNaN(grads[a][i])) {
                    throw new IllegalArgumentException("gradient array " + a + " has NaN at index " + i
                            + "; a NaN gradient cannot be clipped (the loss itself has become NaN)");
                }
            }
        }
    }
}
