package mlfoundations.linalg;

import java.util.Arrays;
import java.util.Locale;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.simple.SimpleMatrix;

/**
 * The eigen-decomposition of a square matrix that need not be symmetric, {@code A = V diag(lambda) V^-1}
 * ({@code np.linalg.eig(A)}): {@code A v_i = lambda_i v_i} for each column v_i of V. Unlike the symmetric case
 * ({@link SymmetricEigen}), the eigenvectors need not be orthogonal, so V^-1 is not V^T.
 *
 * <p>This class handles the case the lessons need, <b>real</b> eigenvalues: a matrix with complex ones (a rotation,
 * for instance) is rejected with a message naming them, and so is a defective matrix (one without n independent
 * eigenvectors, such as the shear [[1, 1], [0, 1]]), which has no such decomposition. Eigenvalues are sorted largest first; each eigenvector has
 * length 1 and its largest-magnitude component positive (NumPy promises no order and no sign).
 */
public final class Eigen {

    /** Imaginary parts below this, relative to the largest |lambda|, are round-off and count as 0. */
    public static final double IMAGINARY_TOLERANCE = 1e-10;

    /** Eigenvalues closer than this, relative to ||A||_F, count as one repeated eigenvalue. */
    public static final double REPEAT_TOLERANCE = 1e-7;

    private final double[] values;
    private final SimpleMatrix vectors;

    private Eigen(double[] values, SimpleMatrix vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes the square matrix A. Throws if A is not square, holds a non-finite entry, has complex eigenvalues,
     * or is not diagonalisable.
     */
    public static Eigen of(SimpleMatrix a) {
        Matrices.requireSquare(a, "take the eigen-decomposition of");
        int n = a.numRows();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(a.get(i, j))) {
                    throw new IllegalArgumentException("entry (" + i + ", " + j + ") of the matrix is " + a.get(i, j));
                }
            }
        }
        // EJML finds the eigenvalues; its eigenvectors for repeated or clustered eigenvalues are unreliable (it can
        // return NaN or a vector that is not an eigenvector), so each eigenvector is found below as a null vector of
        // A - lambda I by SVD, which also tells a defective matrix apart.
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, false);
        if (!eig.decompose(a.getDDRM().copy())) {
            throw new IllegalStateException("the eigen-decomposition of this " + n + "x" + n + " matrix did not converge");
        }
        double scale = Math.max(1, a.normF());
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            Complex_F64 l = eig.getEigenvalue(i);
            if (Math.abs(l.getImaginary()) > IMAGINARY_TOLERANCE * scale) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the matrix has complex eigenvalues (%.6g +/- %.6gi): no real v has A v = lambda v "
                                + "(a rotation turns every direction); this class handles real eigenvalues only",
                        l.getReal(), Math.abs(l.getImaginary())));
            }
            raw[i] = l.getReal();
        }
        Arrays.sort(raw);
        double[] values = new double[n];
        SimpleMatrix v = new SimpleMatrix(n, n);
        int k = 0;
        while (k < n) {
            // A repeated eigenvalue comes back from round-off as a cluster (a defective one spread by ~sqrt(eps)):
            // treat eigenvalues within REPEAT_TOLERANCE * ||A||_F of each other as one, and use their mean.
            int end = k + 1;
            double sum = raw[n - 1 - k];
            while (end < n && raw[n - 1 - (end - 1)] - raw[n - 1 - end] <= REPEAT_TOLERANCE * scale) {
                sum += raw[n - 1 - end];
                end++;
            }
            int multiplicity = end - k;
            double lambda = sum / multiplicity;
            Svd shifted = Svd.of(a.minus(SimpleMatrix.identity(n).scale(lambda)));
            double[] s = shifted.singularValues();
            SimpleMatrix right = shifted.v();
            int independent = 0;
            for (int j = n - multiplicity; j < n; j++) {
                if (s[j] <= REPEAT_TOLERANCE * scale) {
                    independent++;
                }
            }
            if (independent < multiplicity) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the matrix is not diagonalisable: the "
                        + "eigenvalue %.6g appears %d times but has only %d independent eigenvector(s) (like the shear "
                        + "[[1, 1], [0, 1]]), so A = V diag(lambda) V^-1 has no invertible V", lambda, multiplicity,
                        independent));
            }
            for (int c = 0; c < multiplicity; c++) {
                double[] col = Matrices.column(right, n - 1 - c);
                SymmetricEigen.orient(col);
                values[k + c] = lambda;
                for (int i = 0; i < n; i++) {
                    v.set(i, k + c, col[i]);
                }
            }
            k = end;
        }
        return new Eigen(values, v);
    }

    /** The eigenvalues, largest first (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** V: unit eigenvectors as columns, column i belonging to {@code values()[i]} (a copy). */
    public SimpleMatrix vectors() {
        return vectors.copy();
    }

    /** The i-th unit eigenvector (column i of V). */
    public double[] vector(int i) {
        if (i < 0 || i >= values.length) {
            throw new IllegalArgumentException("eigen index " + i + " is out of range: this matrix has eigen pairs 0 to "
                    + (values.length - 1));
        }
        return Matrices.column(vectors, i);
    }

    /** diag(lambda), n x n. */
    public SimpleMatrix diagonal() {
        return SimpleMatrix.diag(values);
    }

    /** {@code V diag(lambda) V^-1}, which equals A up to round-off. */
    public SimpleMatrix reconstruct() {
        return vectors.mult(diagonal()).mult(Matrices.inverse(vectors));
    }
}
