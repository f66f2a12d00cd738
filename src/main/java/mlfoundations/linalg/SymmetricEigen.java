package mlfoundations.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.simple.SimpleMatrix;

/**
 * The eigen-decomposition of a symmetric matrix, {@code A = V diag(lambda) V^T} ({@code np.linalg.eigh(A)}):
 * real eigenvalues {@code lambda_1 >= lambda_2 >= ... >= lambda_n} and orthonormal eigenvectors, the columns of V,
 * with {@code A v_i = lambda_i v_i}.
 *
 * <p>Two choices make the result reproducible, and differ from NumPy:
 * <ul>
 * <li>eigenvalues are sorted in <b>descending</b> order (largest first, which is what PCA wants);
 *     {@code np.linalg.eigh} returns them ascending;</li>
 * <li>an eigenvector is only defined up to its sign (if v works, so does -v), so each column of V is flipped to make
 *     its largest-magnitude component positive (the first such component, if several tie).</li>
 * </ul>
 */
public final class SymmetricEigen {

    /** How far from symmetric the input may be, relative to its largest entry, before it is rejected. */
    public static final double SYMMETRY_TOLERANCE = 1e-10;

    private final double[] values;
    private final SimpleMatrix vectors;

    private SymmetricEigen(double[] values, SimpleMatrix vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes the symmetric matrix A. Throws if A is not square, holds a non-finite entry, or is not symmetric
     * (the message names the first pair {@code a_ij != a_ji}).
     */
    public static SymmetricEigen of(SimpleMatrix a) {
        Matrices.requireSquare(a, "take the symmetric eigen-decomposition of");
        requireSymmetric(a);
        int n = a.numRows();
        // Average A with its transpose so tiny round-off asymmetries cannot leak into the result.
        DMatrixRMaj sym = a.plus(a.transpose()).divide(2).getDDRM().copy();
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(sym)) {
            throw new IllegalStateException("the eigen-decomposition of this " + n + "x" + n + " matrix did not converge");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> raw[i]).reversed());
        double[] values = new double[n];
        SimpleMatrix v = new SimpleMatrix(n, n);
        for (int k = 0; k < n; k++) {
            values[k] = raw[order[k]];
            double[] col = Arrays.copyOf(eig.getEigenVector(order[k]).getData(), n);
            orient(col);
            for (int i = 0; i < n; i++) {
                v.set(i, k, col[i]);
            }
        }
        return new SymmetricEigen(values, v);
    }

    /** The eigenvalues, largest first ({@code np.linalg.eigh(A)[0][::-1]}). A copy: changing it changes nothing here. */
    public double[] values() {
        return values.clone();
    }

    /** The i-th eigenvalue (0 = largest). */
    public double value(int i) {
        requireIndex(i);
        return values[i];
    }

    /** V: the unit eigenvectors as columns, column i belonging to {@code values()[i]} (a copy). */
    public SimpleMatrix vectors() {
        return vectors.copy();
    }

    /** The i-th unit eigenvector (column i of V) as an array. */
    public double[] vector(int i) {
        requireIndex(i);
        return Matrices.column(vectors, i);
    }

    /** {@code diag(lambda)}: the eigenvalues on the diagonal of an n x n matrix ({@code np.diag(lambdas)}). */
    public SimpleMatrix diagonal() {
        return SimpleMatrix.diag(values);
    }

    /** {@code V diag(lambda) V^T}, which equals A up to round-off. */
    public SimpleMatrix reconstruct() {
        return vectors.mult(diagonal()).mult(vectors.transpose());
    }

    /**
     * Makes the first largest-magnitude component positive (the sign convention described above), in place;
     * returns whether it flipped the vector.
     */
    static boolean orient(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        for (double x : v) {
            // "Largest" with a little slack, so components equal up to round-off count as a tie.
            if (Math.abs(x) >= max * (1 - 1e-9)) {
                if (x < 0) {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = -v[i];
                    }
                    return true;
                }
                return false;
            }
        }
        return false;
    }

    private void requireIndex(int i) {
        if (i < 0 || i >= values.length) {
            throw new IllegalArgumentException("eigen index " + i + " is out of range: this " + values.length + "x"
                    + values.length + " matrix has eigen pairs 0 to " + (values.length - 1));
        }
    }

    private static void requireSymmetric(SimpleMatrix a) {
        Shapes.requireFinite("the matrix", a.getDDRM());
        int n = a.numRows();
        double scale = a.elementMaxAbs();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = Math.abs(a.get(i, j) - a.get(j, i));
                if (d > SYMMETRY_TOLERANCE * Math.max(1, scale)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "the matrix is not symmetric: entry (%d, %d) = %s but entry (%d, %d) = %s; "
                                    + "the symmetric eigen-decomposition needs A = A^T",
                            i, j, a.get(i, j), j, i, a.get(j, i)));
                }
            }
        }
    }
}
