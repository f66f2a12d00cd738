package mlfoundations.models;

import org.ejml.simple.SimpleMatrix;

/**
 * Batch normalisation's forward pass in training mode: each feature (column) of a batch X (m examples x n features)
 * is shifted to mean 0 and scaled to variance 1 using the batch's own statistics,
 * x_hat = (x - mu) / sqrt(sigma^2 + eps), then scaled and shifted by learned per-feature gamma and beta:
 * y = gamma x_hat + beta ({@code torch.nn.BatchNorm1d(n, eps)} in {@code train()} mode, without the running averages).
 * The variance is the biased one, (1/m) sum (x - mu)^2, as PyTorch uses to normalise.
 */
public final class BatchNorm {

    /** PyTorch's default eps, 1e-5: keeps the division finite for a feature that is constant over the batch. */
    public static final double EPS = 1e-5;

    private BatchNorm() {
    }

    /** x_hat = (x - mu) / sqrt(sigma^2 + eps) per column: mean 0 and variance sigma^2 / (sigma^2 + eps), just below 1. */
    public static SimpleMatrix normalise(SimpleMatrix x, double eps) {
        checkBatch(x, eps);
        int m = x.getNumRows();
        int n = x.getNumCols();
        SimpleMatrix out = new SimpleMatrix(m, n);
        for (int j = 0; j < n; j++) {
            double mu = 0;
            for (int i = 0; i < m; i++) {
                mu += x.get(i, j);
            }
            mu /= m;
            double var = 0;
            for (int i = 0; i < m; i++) {
                double d = x.get(i, j) - mu;
                var += d * d;
            }
            var /= m;
            double scale = 1.0 / Math.sqrt(var + eps);
            for (int i = 0; i < m; i++) {
                out.set(i, j, (x.get(i, j) - mu) * scale);
            }
        }
        return out;
    }

    /** y = gamma x_hat + beta, column j scaled by gamma[j] and shifted by beta[j] after {@link #normalise}. */
    public static SimpleMatrix forward(SimpleMatrix x, double[] gamma, double[] beta, double eps) {
        checkBatch(x, eps);
        int n = x.getNumCols();
        if (gamma == null || beta == null || gamma.length != n || beta.length != n) {
            throw new IllegalArgumentException("a batch with " + n + " features needs " + n + " gammas and " + n
                    + " betas (one per column), got " + (gamma == null ? "null" : gamma.length) + " and "
                    + (beta == null ? "null" : beta.length));
        }
        SimpleMatrix out = normalise(x, eps);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < out.getNumRows(); i++) {
                out.set(i, j, gamma[j] * out.get(i, j) + beta[j]);
            }
        }
        return out;
    }

    /** The same with gamma = 1, beta = 0 and eps = {@link #EPS}. */
    public static SimpleMatrix forward(SimpleMatrix x) {
        return normalise(x, EPS);
    }

    private static void checkBatch(SimpleMatrix x, double eps) {
        if (x == null) {
            throw new IllegalArgumentException("cannot normalise a null batch");
        }
        if (x.getNumRows() < 2) {
            // One example has variance 0 in every feature: every output would be beta, whatever the input.
            throw new IllegalArgumentException("batch normalisation needs at least 2 examples (rows) to estimate a "
                    + "mean and variance, got " + x.getNumRows() + "; use a larger batch");
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be a small positive number (e.g. 1e-5), got " + eps);
        }
        for (int i = 0; i < x.getNumElements(); i++) {
            if (!Double.isFinite(x.get(i))) {
                throw new IllegalArgumentException("the batch holds a non-finite value at row " + i / x.getNumCols()
                        + ", column " + i % x.getNumCols());
            }
        }
    }
}
