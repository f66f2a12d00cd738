package mlfoundations.linalg;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.simple.SimpleMatrix;

/**
 * Small helpers around EJML's {@link SimpleMatrix} that the lessons use everywhere: building matrices and vectors,
 * the identity, shape-checked products, an inverse and a linear solve that refuse (near-)singular matrices with a
 * clear message, and readable printing that shortens big matrices the way NumPy does.
 *
 * <p>{@code SimpleMatrix} is EJML's readable layer ({@code A.mult(B)}, {@code A.transpose()}); the fast layer
 * underneath is {@link CommonOps_DDRM} on {@link DMatrixRMaj}, which works in place and allocates nothing.
 * No method here changes its arguments: every result is a new matrix.
 */
public final class Matrices {

    /**
     * Above this condition number kappa(A) a matrix counts as singular ({@link #isSingular}). Why 1e15: solving
     * {@code A x = b} in float64 can lose up to log10(kappa) of its ~16 significant digits (relative error about
     * kappa * eps, eps = 2.2e-16), so at kappa = 1e15 fewer than one correct digit is left; the answer would be
     * round-off. An exactly singular matrix usually computes as kappa ~ 1e16 or more, never below this.
     */
    public static final double SINGULAR_CONDITION = 1e15;

    /** Matrices with more rows than this print only the first and last {@link #EDGE_ITEMS} rows. */
    public static final int MAX_PRINTED_ROWS = 10;
    /** Matrices with more columns than this print only the first and last {@link #EDGE_ITEMS} columns. */
    public static final int MAX_PRINTED_COLS = 8;
    /** How many rows/columns a shortened printout keeps at each end (NumPy keeps 3, too). */
    public static final int EDGE_ITEMS = 3;

    private Matrices() {
    }

    /** The matrix with these rows, {@code m x n}, copied ({@code np.array([[1, 2], [3, 4]])}). */
    public static SimpleMatrix of(double[][] rows) {
        Shapes.shape("the matrix", rows);
        Shapes.requireFinite("the matrix", rows);
        return new SimpleMatrix(rows);
    }

    /** The numbers as an {@code n x 1} column vector ({@code np.array([[1], [2], [3]])} or {@code v.reshape(-1, 1)}). */
    public static SimpleMatrix columnVector(double... values) {
        requireValues(values);
        return new SimpleMatrix(values.length, 1, true, values.clone());
    }

    /** The numbers as a {@code 1 x n} row vector ({@code np.array([[1, 2, 3]])} or {@code v.reshape(1, -1)}). */
    public static SimpleMatrix rowVector(double... values) {
        requireValues(values);
        return new SimpleMatrix(1, values.length, true, values.clone());
    }

    /** The {@code n x n} identity matrix I: ones on the diagonal, zeros elsewhere ({@code np.eye(n)}). */
    public static SimpleMatrix identity(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("the identity matrix needs a size > 0, got " + n);
        }
        return SimpleMatrix.identity(n);
    }

    /** An {@code m x n} matrix of zeros ({@code np.zeros((m, n))}). */
    public static SimpleMatrix zeros(int m, int n) {
        if (m <= 0 || n <= 0) {
            throw new IllegalArgumentException("a matrix needs a size > 0 each way, got " + m + "x" + n);
        }
        return new SimpleMatrix(m, n);
    }

    /** The shape as text, rows x columns, e.g. "3x2" ({@code A.shape}). */
    public static String shape(SimpleMatrix a) {
        requireMatrix(a, "matrix");
        return Shapes.text(a.numRows(), a.numCols());
    }

    /** The shape of a fast-layer EJML matrix as text, rows x columns, e.g. "3x2" ({@code A.shape}). */
    public static String shape(DMatrixRMaj a) {
        if (a == null) {
            throw new IllegalArgumentException("the matrix is null");
        }
        return Shapes.text(a.numRows, a.numCols);
    }

    /**
     * The matrix product {@code C = A B}, {@code c_ij = sum_k a_ik b_kj} ({@code A @ B} or {@code np.dot(A, B)}).
     * A's column count must equal B's row count; otherwise the message names both shapes.
     */
    public static SimpleMatrix multiply(SimpleMatrix a, SimpleMatrix b) {
        requireMatrix(a, "left matrix");
        requireMatrix(b, "right matrix");
        Shapes.checkInner(a.numRows(), a.numCols(), b.numRows(), b.numCols());
        return a.mult(b);
    }

    /**
     * The element-wise (Hadamard) product {@code c_ij = a_ij * b_ij} ({@code A * B} in NumPy, without
     * broadcasting). Both matrices must have the same shape.
     */
    public static SimpleMatrix elementMultiply(SimpleMatrix a, SimpleMatrix b) {
        requireMatrix(a, "left matrix");
        requireMatrix(b, "right matrix");
        Shapes.checkSameShape("multiply element by element", a.numRows(), a.numCols(), b.numRows(), b.numCols());
        return a.elementMult(b);
    }

    /**
     * The condition number {@code kappa(A) = sigma_max / sigma_min} (ratio of the largest to the smallest singular
     * value; {@code np.linalg.cond(A)}). 1 for the identity, infinite for a singular matrix; roughly, a linear solve
     * loses log10(kappa) of float64's ~16 significant digits.
     */
    public static double conditionNumber(SimpleMatrix a) {
        requireMatrix(a, "matrix");
        double[] s = Svd.of(a).singularValues();
        double smallest = s[s.length - 1];
        return smallest == 0 ? Double.POSITIVE_INFINITY : s[0] / smallest;
    }

    /**
     * True when A is singular or so nearly singular that solving with it gives round-off: its condition number
     * exceeds {@link #SINGULAR_CONDITION}. For a least-squares fit solved by QR on A = [X, 1], ask about A itself;
     * the normal equations {@code A^T A} square the condition number.
     */
    public static boolean isSingular(SimpleMatrix a) {
        return conditionNumber(a) > SINGULAR_CONDITION;
    }

    /**
     * The inverse {@code A^-1}, the matrix with {@code A A^-1 = A^-1 A = I} ({@code np.linalg.inv(A)}). Throws when A
     * is not square, or singular or so nearly singular (condition number above {@link #SINGULAR_CONDITION}) that its
     * inverse would be round-off noise. To solve {@code A x = b}, prefer {@link #solve}.
     */
    public static SimpleMatrix inverse(SimpleMatrix a) {
        requireSquare(a, "invert");
        requireNonSingular(a, "cannot invert it",
                "its inverse would be round-off noise, and an exactly singular matrix has no inverse at all",
                "or use the pseudo-inverse, PseudoInverse.of(A)");
        return a.invert();
    }

    /**
     * The solution x of {@code A x = b} ({@code np.linalg.solve(A, b)}), found by LU decomposition without forming
     * {@code A^-1}: faster and more accurate than {@code inverse(A).mult(b)}. b may have several columns (one
     * right-hand side each). Throws for a non-square or (nearly) singular A and for mismatched shapes.
     */
    public static SimpleMatrix solve(SimpleMatrix a, SimpleMatrix b) {
        requireSquare(a, "solve a system with");
        requireMatrix(b, "right-hand side");
        if (b.numRows() != a.numRows()) {
            throw new IllegalArgumentException("cannot solve A x = b with A " + shape(a) + " and b " + shape(b)
                    + ": b needs " + a.numRows() + " rows, one per equation");
        }
        requireNonSingular(a, "cannot solve A x = b reliably",
                "a change in the last digit of b could change x completely, and an exactly singular A gives no unique "
                        + "solution at all",
                "or use a least-squares solve with the pseudo-inverse, PseudoInverse.solve(A, b)");
        return a.solve(b);
    }

    /** The largest absolute difference {@code max_ij |a_ij - b_ij|}: how far apart two same-shaped matrices are. */
    public static double maxAbsDifference(SimpleMatrix a, SimpleMatrix b) {
        requireMatrix(a, "left matrix");
        requireMatrix(b, "right matrix");
        return maxAbsDifference(a.toArray2(), b.toArray2());
    }

    /**
     * The largest absolute difference {@code max_ij |a_ij - b_ij|} of two same-shaped arrays
     * ({@code np.max(np.abs(A - B))}). A NaN in either matrix throws: "no difference" must not hide a NaN.
     */
    public static double maxAbsDifference(double[][] a, double[][] b) {
        int[] sa = Shapes.shape("matrix a", a);
        int[] sb = Shapes.shape("matrix b", b);
        Shapes.checkSameShape("compare", sa[0], sa[1], sb[0], sb[1]);
        double max = 0;
        for (int i = 0; i < sa[0]; i++) {
            for (int j = 0; j < sa[1]; j++) {
                double d = Math.abs(a[i][j] - b[i][j]);
                if (Double.isNaN(d)) {
                    throw new IllegalArgumentException("entry (" + i + ", " + j + ") is NaN in at least one matrix");
                }
                max = Math.max(max, d);
            }
        }
        return max;
    }

    /** Column {@code j} as a plain array ({@code A[:, j]}). */
    public static double[] column(SimpleMatrix a, int j) {
        requireMatrix(a, "matrix");
        if (j < 0 || j >= a.numCols()) {
            throw new IllegalArgumentException("column index " + j + " is out of range for a " + shape(a)
                    + " matrix (0 to " + (a.numCols() - 1) + ")");
        }
        double[] out = new double[a.numRows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i, j);
        }
        return out;
    }

    /** Row {@code i} as a plain array ({@code A[i, :]}). */
    public static double[] row(SimpleMatrix a, int i) {
        requireMatrix(a, "matrix");
        if (i < 0 || i >= a.numRows()) {
            throw new IllegalArgumentException("row index " + i + " is out of range for a " + shape(a)
                    + " matrix (0 to " + (a.numRows() - 1) + ")");
        }
        double[] out = new double[a.numCols()];
        for (int j = 0; j < out.length; j++) {
            out[j] = a.get(i, j);
        }
        return out;
    }

    /** The matrix as a {@code double[rows][cols]} array ({@code A.tolist()}). */
    public static double[][] toArray(SimpleMatrix a) {
        requireMatrix(a, "matrix");
        return a.toArray2();
    }

    /** {@link #format(SimpleMatrix, int)} with 4 decimals. */
    public static String format(SimpleMatrix a) {
        return format(a, 4);
    }

    /**
     * The matrix as aligned text in NumPy's bracket style ({@code print(A)}), each entry with {@code decimals}
     * decimals. A matrix with more than {@value #MAX_PRINTED_ROWS} rows or {@value #MAX_PRINTED_COLS} columns shows
     * only its first and last {@value #EDGE_ITEMS} rows/columns, with "..." for the rest, as NumPy does.
     */
    public static String format(SimpleMatrix a, int decimals) {
        requireMatrix(a, "matrix");
        if (decimals < 0 || decimals > 15) {
            throw new IllegalArgumentException("decimals must be between 0 and 15, got " + decimals);
        }
        int[] rows = shownIndices(a.numRows(), MAX_PRINTED_ROWS);
        int[] cols = shownIndices(a.numCols(), MAX_PRINTED_COLS);
        String[][] cells = new String[rows.length][cols.length];
        int width = 3; // at least as wide as "..."
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols.length; c++) {
                String s = rows[r] < 0 ? "..." : cols[c] < 0 ? "..." : number(a.get(rows[r], cols[c]), decimals);
                cells[r][c] = s;
                width = Math.max(width, s.length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.length; r++) {
            sb.append(r == 0 ? "[[" : " [");
            if (rows[r] < 0) {
                // A whole row of "..." would be noise: one marker in the first column says rows are hidden.
                sb.setLength(sb.length() - 1);
                sb.append(" ".repeat(Math.max(0, width - 3 + 1))).append("...\n");
                continue;
            }
            for (int c = 0; c < cols.length; c++) {
                if (c > 0) {
                    sb.append("  ");
                }
                String s = cells[r][c];
                sb.append(" ".repeat(width - s.length())).append(s);
            }
            sb.append(r == rows.length - 1 ? "]]" : "]\n");
        }
        return sb.toString();
    }

    /** The indices to print: all of them, or the first and last EDGE_ITEMS with -1 marking the gap. */
    private static int[] shownIndices(int n, int max) {
        if (n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[2 * EDGE_ITEMS + 1];
        for (int i = 0; i < EDGE_ITEMS; i++) {
            out[i] = i;
            out[EDGE_ITEMS + 1 + i] = n - EDGE_ITEMS + i;
        }
        out[EDGE_ITEMS] = -1;
        return out;
    }

    private static String number(double x, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
        // -0.0000 reads as a real negative number; it is just round-off around zero.
        if (s.startsWith("-") && s.substring(1).replace("0", "").replace(".", "").isEmpty()) {
            s = s.substring(1);
        }
        return s;
    }

    private static void requireValues(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a vector needs at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is " + values[i] + "; a vector must hold finite numbers");
            }
        }
    }

    static void requireMatrix(SimpleMatrix a, String what) {
        if (a == null) {
            throw new IllegalArgumentException("the " + what + " is null");
        }
    }

    static void requireSquare(SimpleMatrix a, String action) {
        requireMatrix(a, "matrix");
        if (a.numRows() != a.numCols()) {
            throw new IllegalArgumentException("cannot " + action + " a " + shape(a)
                    + " matrix: it must be square (n x n)");
        }
    }

    /**
     * Refuses a matrix whose condition number is above {@link #SINGULAR_CONDITION}. The message says what is true of
     * every such matrix, exactly singular or merely ill-conditioned: float64 keeps about 16 digits and a solve loses
     * about log10(kappa) of them, so the result would carry no correct digit; then it says how to fix the input.
     */
    private static void requireNonSingular(SimpleMatrix a, String action, String consequence, String lastFix) {
        if (isSingular(a)) {
            double kappa = conditionNumber(a);
            String size = Double.isInfinite(kappa) ? "infinite" : String.format(Locale.ROOT, "~%.0e", kappa).replace("e+", "e");
            String limit = String.format(Locale.ROOT, "%.0e", SINGULAR_CONDITION).replace("e+", "e");
            throw new IllegalArgumentException(action + ": the matrix is singular or numerically singular (condition "
                    + "number " + size + ", above the limit " + limit + "), so in float64 " + consequence + ". To fix "
                    + "it: rescale (standardise) the columns, drop a column that repeats others, regularise (add "
                    + "lambda I, as ridge regression does), " + lastFix);
        }
    }
}
