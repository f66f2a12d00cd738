package mlfoundations.linalg;

import org.ejml.simple.SimpleMatrix;

/**
 * The Moore-Penrose pseudo-inverse {@code A^+ = V S^+ U^T} of any m x n matrix ({@code np.linalg.pinv(A)}), from the
 * SVD {@code A = U S V^T}: each singular value sigma_i is replaced by 1 / sigma_i, except those too small to trust,
 * which become 0. Then {@code x = A^+ b} is
 * <ul>
 * <li>the least-squares solution of {@code A x = b} when A has full column rank (more equations than unknowns), the
 * same x as the normal equation {@code (A^T A)^-1 A^T b};</li>
 * <li>among all least-squares solutions, the one of smallest length ||x||: for an under-determined system (fewer
 * equations than unknowns) it picks, of the infinitely many exact solutions, the shortest
 * ({@code np.linalg.lstsq(A, b)} gives the same).</li>
 * </ul>
 */
public final class PseudoInverse {

    private PseudoInverse() {
    }

    /**
     * A^+ (n x m). Singular values at or below {@code max(m, n) * eps * sigma_1} count as 0, NumPy's default cut-off
     * (the same tolerance as {@link Svd#rank()}). Throws for a null matrix or a non-finite entry.
     */
    public static SimpleMatrix of(SimpleMatrix a) {
        Svd svd = Svd.of(a);
        double[] s = svd.singularValues();
        double tol = Math.max(a.numRows(), a.numCols()) * Math.ulp(1.0) * s[0];
        double[] inv = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            inv[i] = s[i] > tol ? 1 / s[i] : 0;
        }
        return svd.v().mult(SimpleMatrix.diag(inv)).mult(svd.u().transpose());
    }

    /**
     * The minimum-norm least-squares solution {@code x = A^+ b} of {@code A x = b} ({@code np.linalg.lstsq(A, b)[0]}).
     * b has m rows (several columns solve several systems). Throws when the shapes do not fit.
     */
    public static SimpleMatrix solve(SimpleMatrix a, SimpleMatrix b) {
        Matrices.requireMatrix(a, "matrix A");
        Matrices.requireMatrix(b, "right-hand side b");
        if (b.numRows() != a.numRows()) {
            throw new IllegalArgumentException("cannot solve A x = b with A " + Matrices.shape(a) + " and b "
                    + Matrices.shape(b) + ": b needs " + a.numRows() + " rows, one per equation");
        }
        return of(a).mult(b);
    }
}
