package mlfoundations.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.simple.SimpleMatrix;

import mlfoundations.stats.Rng;

/**
 * Matrix multiplication three ways, for comparing hand-written loops with a linear-algebra library.
 *
 * <p>Every method computes the same product {@code C = A B} of an (n x m) matrix A and an (m x p) matrix B,
 * the (n x p) matrix with entries {@code c_ij = sum_k a_ik b_kj} (k = 0..m-1). In NumPy that is {@code A @ B}
 * (or {@code np.matmul(A, B)}). The loop versions work on plain {@code double[][]} arrays (row i is
 * {@code a[i]}), the library versions on EJML {@link SimpleMatrix}. None of them modifies its inputs; each
 * returns a new matrix.
 */
public final class MatMul {

    private MatMul() {
    }

    /**
     * {@code C = A B} by the textbook triple loop in i-j-k order: for each entry c_ij, walk along row i of A and
     * down column j of B ({@code A @ B}). Reading down a column jumps a whole row of memory at every step.
     */
    public static double[][] naive(double[][] a, double[][] b) {
        int[] nmp = Shapes.checkMultiply(a, b);
        int n = nmp[0];
        int m = nmp[1];
        int p = nmp[2];
        double[][] c = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double sum = 0;
                for (int k = 0; k < m; k++) {
                    sum += a[i][k] * b[k][j];
                }
                c[i][j] = sum;
            }
        }
        return c;
    }

    /**
     * {@code C = A B} by the same triple loop in i-k-j order ({@code A @ B}): row i of C is built as
     * {@code sum_k a_ik * (row k of B)}, so the inner loop walks row k of B and row i of C left to right,
     * through neighbouring memory.
     */
    public static double[][] ikj(double[][] a, double[][] b) {
        int[] nmp = Shapes.checkMultiply(a, b);
        int n = nmp[0];
        int m = nmp[1];
        int p = nmp[2];
        double[][] c = new double[n][p];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            double[] ai = a[i];
            for (int k = 0; k < m; k++) {
                double aik = ai[k];
                double[] bk = b[k];
                for (int j = 0; j < p; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    /**
     * {@code C = A B} by EJML's {@code SimpleMatrix.mult} ({@code A @ B}), the call a user would write. For large
     * matrices (by default above about 50,000 entries) EJML splits the work over several threads.
     */
    public static SimpleMatrix ejml(SimpleMatrix a, SimpleMatrix b) {
        return Matrices.multiply(a, b);
    }

    /**
     * {@code C = A B} by EJML's single-threaded {@code CommonOps_DDRM.mult} ({@code A @ B} with NumPy limited to
     * one thread): the fair comparison with a one-threaded Java loop.
     */
    public static SimpleMatrix ejmlSingleThread(SimpleMatrix a, SimpleMatrix b) {
        checkMultiply(a, b);
        DMatrixRMaj c = new DMatrixRMaj(a.getNumRows(), b.getNumCols());
        CommonOps_DDRM.mult(a.getDDRM(), b.getDDRM(), c);
        return SimpleMatrix.wrap(c);
    }

    /** A rows x cols matrix of independent standard normal draws from the seeded {@link Rng} ({@code np.random.randn(rows, cols)}). */
    public static double[][] random(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("a random matrix needs at least one row and one column, got "
                    + rows + "x" + cols);
        }
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = Rng.normal();
            }
        }
        return out;
    }

    /** The same numbers as an EJML matrix, copied ({@code np.array(a)}); the same as {@link Matrices#of}. */
    public static SimpleMatrix toSimple(double[][] a) {
        return Matrices.of(a);
    }

    /** The largest |a_ij - b_ij| over all entries ({@code np.max(np.abs(A - B))}); see {@link Matrices#maxAbsDifference}. */
    public static double maxAbsDifference(double[][] a, double[][] b) {
        return Matrices.maxAbsDifference(a, b);
    }

    /** The largest |a_ij - b_ij| between an array and an EJML matrix of the same shape. */
    public static double maxAbsDifference(double[][] a, SimpleMatrix b) {
        return Matrices.maxAbsDifference(a, Matrices.toArray(b));
    }

    /**
     * Floating-point operations in the product of an (n x m) by an (m x p) matrix, counted the usual way:
     * {@code 2 n m p} (one multiply and one add for each of the m terms of each of the n p entries).
     */
    public static double flops(int n, int m, int p) {
        if (n <= 0 || m <= 0 || p <= 0) {
            throw new IllegalArgumentException("matrix dimensions must be > 0, got n=" + n + ", m=" + m + ", p=" + p);
        }
        return 2.0 * n * m * p;
    }

    private static int[] checkMultiply(SimpleMatrix a, SimpleMatrix b) {
        Matrices.requireMatrix(a, "left matrix");
        Matrices.requireMatrix(b, "right matrix");
        return Shapes.checkInner(a.getNumRows(), a.getNumCols(), b.getNumRows(), b.getNumCols());
    }
}
