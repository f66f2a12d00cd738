package mlfoundations.linalg;

import org.ejml.simple.SimpleMatrix;

/**
 * Truncated SVD: the best rank-k approximations of one m x n matrix A, built from its singular value decomposition
 * {@code A = sum_i sigma_i u_i v_i^T} by keeping the k largest terms,
 * {@code A_k = sum_{i<k} sigma_i u_i v_i^T} (NumPy: {@code U[:, :k] @ np.diag(s[:k]) @ Vt[:k, :]}; scikit-learn's
 * {@code TruncatedSVD} keeps the same factors).
 *
 * <p>Eckart-Young: no matrix of rank at most k is closer to A in the Frobenius norm, and the distance is the size of
 * what was dropped, {@code ||A - A_k||_F = sqrt(sigma_{k+1}^2 + ... + sigma_r^2)}, with r = min(m, n).
 * The decomposition is computed once, so asking for many k is cheap.
 */
public final class LowRank {

    private final Svd svd;
    private final double[] sigma;
    private final int m;
    private final int n;

    private LowRank(Svd svd, int m, int n) {
        this.svd = svd;
        this.sigma = svd.singularValues();
        this.m = m;
        this.n = n;
    }

    /** Prepares the rank-k approximations of A (any shape; throws for a null matrix or a non-finite entry). */
    public static LowRank of(SimpleMatrix a) {
        Svd svd = Svd.of(a);
        return new LowRank(svd, a.numRows(), a.numCols());
    }

    /** The SVD behind the approximations. */
    public Svd svd() {
        return svd;
    }

    /** r = min(m, n): the largest rank asked for (A_r = A). */
    public int maxRank() {
        return sigma.length;
    }

    /** A_k = sum of the first k terms sigma_i u_i v_i^T (m x n); A_0 is the zero matrix, A_r is A up to round-off. */
    public SimpleMatrix approximation(int k) {
        requireRank(k);
        return k == 0 ? new SimpleMatrix(m, n) : svd.rankK(k);
    }

    /** The Eckart-Young error {@code ||A - A_k||_F = sqrt(sum_{i >= k} sigma_i^2)} (0-based i), from the singular values alone. */
    public double error(int k) {
        requireRank(k);
        double dropped = 0;
        // Add the smallest first, so tiny terms are not lost against big ones.
        for (int i = sigma.length - 1; i >= k; i--) {
            dropped += sigma[i] * sigma[i];
        }
        return Math.sqrt(dropped);
    }

    /** error(k) for every k = 0, 1, ..., r: the curve of the error-versus-rank plot. */
    public double[] errors() {
        double[] out = new double[sigma.length + 1];
        for (int k = 0; k <= sigma.length; k++) {
            out[k] = error(k);
        }
        return out;
    }

    /** error(k) / ||A||_F: the share of A's size (Frobenius norm) that the rank-k approximation misses. */
    public double relativeError(int k) {
        double total = error(0);
        return total == 0 ? 0 : error(k) / total;
    }

    /** {@code (sigma_1^2 + ... + sigma_k^2) / sum_i sigma_i^2}: the share of the squared size kept (like PCA's explained variance). */
    public double energy(int k) {
        double total = error(0);
        if (total == 0) {
            return 1;
        }
        double e = error(k) / total;
        return 1 - e * e;
    }

    /** Numbers stored for A_k as factors: k columns of U, k of V and k singular values, {@code k (m + n + 1)}; A itself has m n. */
    public long storage(int k) {
        requireRank(k);
        return (long) k * (m + n + 1);
    }

    private void requireRank(int k) {
        if (k < 0 || k > sigma.length) {
            throw new IllegalArgumentException("rank k must be between 0 and min(m, n) = " + sigma.length + " for this "
                    + m + "x" + n + " matrix, got " + k);
        }
    }
}
