package mlfoundations.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.simple.SimpleMatrix;

/**
 * The thin singular value decomposition {@code A = U S V^T} of an m x n matrix, with {@code r = min(m, n)}:
 * U is m x r with orthonormal columns, {@code S = diag(sigma_1 >= ... >= sigma_r >= 0)}, V is n x r with orthonormal
 * columns. It stands for {@code U, s, Vt = np.linalg.svd(A, full_matrices=False)}; note NumPy returns {@code V^T},
 * this class returns V.
 *
 * <p>A pair (u_i, v_i) is only defined up to a shared sign flip, so each column of V is flipped to make its
 * largest-magnitude component positive, and u_i flipped with it (the same convention as {@link SymmetricEigen}, so
 * PCA by SVD and PCA by eigen-decomposition give the same directions).
 */
public final class Svd {

    private final SimpleMatrix u;
    private final double[] sigma;
    private final SimpleMatrix v;

    private Svd(SimpleMatrix u, double[] sigma, SimpleMatrix v) {
        this.u = u;
        this.sigma = sigma;
        this.v = v;
    }

    /** Decomposes A (any shape). Throws for a null matrix or a non-finite entry. */
    public static Svd of(SimpleMatrix a) {
        Matrices.requireMatrix(a, "matrix");
        int m = a.numRows();
        int n = a.numCols();
        Shapes.requireFinite("the matrix", a.getDDRM());
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
        if (!svd.decompose(a.getDDRM().copy())) {
            throw new IllegalStateException("the SVD of this " + m + "x" + n + " matrix did not converge");
        }
        DMatrixRMaj uu = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj vv = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(uu, false, w, vv, false);
        int r = Math.min(m, n);
        double[] s = new double[r];
        for (int k = 0; k < r; k++) {
            s[k] = w.get(k, k);
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = vv.get(i, k);
            }
            if (SymmetricEigen.orient(col)) {
                // orient() flipped v_k: flip u_k too, so that u_k sigma_k v_k^T is unchanged.
                for (int i = 0; i < n; i++) {
                    vv.set(i, k, col[i]);
                }
                for (int i = 0; i < m; i++) {
                    uu.set(i, k, -uu.get(i, k));
                }
            }
        }
        return new Svd(SimpleMatrix.wrap(CommonOps_DDRM.extract(uu, 0, m, 0, r)), s,
                SimpleMatrix.wrap(CommonOps_DDRM.extract(vv, 0, n, 0, r)));
    }

    /** U (m x r): the left singular vectors as columns (a copy). */
    public SimpleMatrix u() {
        return u.copy();
    }

    /** The singular values {@code sigma_1 >= sigma_2 >= ... >= 0} ({@code s} in NumPy; a copy). */
    public double[] singularValues() {
        return sigma.clone();
    }

    /** S = diag(sigma), r x r. */
    public SimpleMatrix s() {
        return SimpleMatrix.diag(sigma);
    }

    /** V (n x r): the right singular vectors as columns (a copy). NumPy's {@code Vt} is its transpose. */
    public SimpleMatrix v() {
        return v.copy();
    }

    /** {@code U S V^T}, which equals A up to round-off. */
    public SimpleMatrix reconstruct() {
        return u.mult(s()).mult(v.transpose());
    }

    /**
     * The best rank-k approximation {@code A_k = sum_{i<k} sigma_i u_i v_i^T} (Eckart-Young: no rank-k matrix is
     * closer to A in the Frobenius or spectral norm); {@code U[:, :k] @ np.diag(s[:k]) @ Vt[:k, :]}.
     */
    public SimpleMatrix rankK(int k) {
        if (k < 1 || k > sigma.length) {
            throw new IllegalArgumentException("rank k must be between 1 and " + sigma.length + " for this matrix, got " + k);
        }
        SimpleMatrix uk = u.extractMatrix(0, u.numRows(), 0, k);
        SimpleMatrix vk = v.extractMatrix(0, v.numRows(), 0, k);
        SimpleMatrix sk = SimpleMatrix.diag(java.util.Arrays.copyOf(sigma, k));
        return uk.mult(sk).mult(vk.transpose());
    }

    /**
     * The numerical rank: how many singular values exceed {@code max(m, n) * eps * sigma_1}, NumPy's default
     * tolerance in {@code np.linalg.matrix_rank(A)}.
     */
    public int rank() {
        double tol = Math.max(u.numRows(), v.numRows()) * Math.ulp(1.0) * sigma[0];
        int r = 0;
        for (double s : sigma) {
            if (s > tol) {
                r++;
            }
        }
        return r;
    }
}
