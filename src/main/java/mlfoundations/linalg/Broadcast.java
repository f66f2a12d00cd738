package mlfoundations.linalg;

import java.util.function.DoubleBinaryOperator;

import org.ejml.simple.SimpleMatrix;

/**
 * NumPy's broadcasting, made explicit for EJML, which has none: {@code A.plus(B)} in EJML needs two matrices of the
 * same shape. Here a row vector r (1 x n) is applied to every row of an m x n matrix A ({@code A + r} in NumPy,
 * e.g. subtracting the column means), and a column vector c (m x 1) to every column ({@code A + c}, e.g. adding a
 * bias per example in the one-example-per-column layout). {@link #expandRow} and {@link #expandColumn} show what
 * broadcasting pretends to do: repeat the vector into a full matrix. {@link #resultShape} states NumPy's rule for two
 * 2-D shapes and {@link #add} applies it. Every shape mismatch is an exception naming both shapes. No argument is
 * modified; each result is a new matrix.
 */
public final class Broadcast {

    private Broadcast() {
    }

    /** C = A + r for every row: c_ij = a_ij + r_j, with A m x n and r 1 x n ({@code A + r} in NumPy). */
    public static SimpleMatrix addRow(SimpleMatrix a, SimpleMatrix row) {
        return rowWise("add", a, row, (x, r) -> x + r);
    }

    /** C = A - r for every row: c_ij = a_ij - r_j ({@code A - r}; with r the column means, this centres A). */
    public static SimpleMatrix subtractRow(SimpleMatrix a, SimpleMatrix row) {
        return rowWise("subtract", a, row, (x, r) -> x - r);
    }

    /** c_ij = a_ij * r_j: scales column j of A by r_j ({@code A * r}). */
    public static SimpleMatrix multiplyRow(SimpleMatrix a, SimpleMatrix row) {
        return rowWise("multiply", a, row, (x, r) -> x * r);
    }

    /** c_ij = a_ij / r_j: divides column j of A by r_j ({@code A / r}); every r_j must be non-zero. */
    public static SimpleMatrix divideRow(SimpleMatrix a, SimpleMatrix row) {
        requireNonZero("divide", row);
        return rowWise("divide", a, row, (x, r) -> x / r);
    }

    /** C = A + c for every column: c_ij = a_ij + c_i, with A m x n and c m x 1 ({@code A + c} in NumPy). */
    public static SimpleMatrix addColumn(SimpleMatrix a, SimpleMatrix column) {
        return columnWise("add", a, column, (x, c) -> x + c);
    }

    /** c_ij = a_ij - c_i: subtracts c_i from every entry of row i ({@code A - c}). */
    public static SimpleMatrix subtractColumn(SimpleMatrix a, SimpleMatrix column) {
        return columnWise("subtract", a, column, (x, c) -> x - c);
    }

    /** c_ij = a_ij * c_i: scales row i of A by c_i ({@code A * c}, the same as diag(c) A). */
    public static SimpleMatrix multiplyColumn(SimpleMatrix a, SimpleMatrix column) {
        return columnWise("multiply", a, column, (x, c) -> x * c);
    }

    /** c_ij = a_ij / c_i: divides row i of A by c_i ({@code A / c}); every c_i must be non-zero. */
    public static SimpleMatrix divideColumn(SimpleMatrix a, SimpleMatrix column) {
        requireNonZero("divide", column);
        return columnWise("divide", a, column, (x, c) -> x / c);
    }

    /** The row r (1 x n) repeated m times, an m x n matrix: 1_m r, the outer product with a column of ones ({@code np.tile(r, (m, 1))}). */
    public static SimpleMatrix expandRow(SimpleMatrix row, int m) {
        requireRow("expand", row);
        if (m < 1) {
            throw new IllegalArgumentException("a row can be repeated m >= 1 times, got m = " + m);
        }
        return new SimpleMatrix(m, 1).plus(1.0).mult(row);
    }

    /** The column c (m x 1) repeated n times, an m x n matrix: c 1_n^T ({@code np.tile(c, (1, n))}). */
    public static SimpleMatrix expandColumn(SimpleMatrix column, int n) {
        requireColumn("expand", column);
        if (n < 1) {
            throw new IllegalArgumentException("a column can be repeated n >= 1 times, got n = " + n);
        }
        return column.mult(new SimpleMatrix(1, n).plus(1.0));
    }

    /**
     * NumPy's rule for two 2-D shapes: compare rows with rows and columns with columns; two sizes fit when they are
     * equal or one of them is 1 (that one is stretched), and the result takes the larger. Returns {rows, cols} or
     * throws naming both shapes ({@code np.broadcast_shapes}).
     */
    public static int[] resultShape(SimpleMatrix a, SimpleMatrix b) {
        requireMatrix("a", a);
        requireMatrix("b", b);
        int rows = fit(a.getNumRows(), b.getNumRows());
        int cols = fit(a.getNumCols(), b.getNumCols());
        if (rows < 0 || cols < 0) {
            String which = rows < 0 ? "rows " + a.getNumRows() + " and " + b.getNumRows()
                    : "columns " + a.getNumCols() + " and " + b.getNumCols();
            throw new IllegalArgumentException("cannot broadcast " + Shapes.text(a.getNumRows(), a.getNumCols())
                    + " and " + Shapes.text(b.getNumRows(), b.getNumCols()) + ": " + which
                    + " differ and neither is 1");
        }
        return new int[] {rows, cols};
    }

    /** A + B with NumPy's broadcasting for 2-D shapes ({@link #resultShape}): c_ij = a_(i or 0)(j or 0) + b_(i or 0)(j or 0). */
    public static SimpleMatrix add(SimpleMatrix a, SimpleMatrix b) {
        int[] shape = resultShape(a, b);
        SimpleMatrix c = new SimpleMatrix(shape[0], shape[1]);
        for (int i = 0; i < shape[0]; i++) {
            for (int j = 0; j < shape[1]; j++) {
                // A size-1 dimension is read at index 0 whatever i or j is: that is the "stretching".
                c.set(i, j, a.get(a.getNumRows() == 1 ? 0 : i, a.getNumCols() == 1 ? 0 : j)
                        + b.get(b.getNumRows() == 1 ? 0 : i, b.getNumCols() == 1 ? 0 : j));
            }
        }
        return c;
    }

    private static int fit(int p, int q) {
        if (p == q || q == 1) {
            return p;
        }
        return p == 1 ? q : -1;
    }

    private static SimpleMatrix rowWise(String task, SimpleMatrix a, SimpleMatrix row, DoubleBinaryOperator op) {
        requireMatrix("the matrix", a);
        requireRow(task, row);
        if (row.getNumCols() != a.getNumCols()) {
            throw new IllegalArgumentException("cannot " + task + " row-wise: a row vector " + Shapes.text(1, row.getNumCols())
                    + " does not fit the rows of " + Shapes.text(a.getNumRows(), a.getNumCols()) + ": the row needs "
                    + entries(a.getNumCols()) + ", one per column");
        }
        SimpleMatrix c = new SimpleMatrix(a.getNumRows(), a.getNumCols());
        for (int i = 0; i < a.getNumRows(); i++) {
            for (int j = 0; j < a.getNumCols(); j++) {
                c.set(i, j, op.applyAsDouble(a.get(i, j), row.get(0, j)));
            }
        }
        return c;
    }

    private static SimpleMatrix columnWise(String task, SimpleMatrix a, SimpleMatrix column, DoubleBinaryOperator op) {
        requireMatrix("the matrix", a);
        requireColumn(task, column);
        if (column.getNumRows() != a.getNumRows()) {
            throw new IllegalArgumentException("cannot " + task + " column-wise: a column vector "
                    + Shapes.text(column.getNumRows(), 1) + " does not fit the columns of "
                    + Shapes.text(a.getNumRows(), a.getNumCols()) + ": the column needs " + entries(a.getNumRows())
                    + ", one per row");
        }
        SimpleMatrix c = new SimpleMatrix(a.getNumRows(), a.getNumCols());
        for (int i = 0; i < a.getNumRows(); i++) {
            for (int j = 0; j < a.getNumCols(); j++) {
                c.set(i, j, op.applyAsDouble(a.get(i, j), column.get(i, 0)));
            }
        }
        return c;
    }

    private static String entries(int k) {
        return k + (k == 1 ? " entry" : " entries");
    }

    private static void requireMatrix(String what, SimpleMatrix a) {
        if (a == null) {
            throw new IllegalArgumentException(what + " is null");
        }
    }

    private static void requireRow(String task, SimpleMatrix row) {
        requireMatrix("the row vector", row);
        if (row.getNumRows() != 1) {
            throw new IllegalArgumentException("cannot " + task + " row-wise with a "
                    + Shapes.text(row.getNumRows(), row.getNumCols()) + " matrix: expected a row vector, 1 x n"
                    + (row.getNumCols() == 1 ? " (transpose this column vector first)" : ""));
        }
    }

    private static void requireColumn(String task, SimpleMatrix column) {
        requireMatrix("the column vector", column);
        if (column.getNumCols() != 1) {
            throw new IllegalArgumentException("cannot " + task + " column-wise with a "
                    + Shapes.text(column.getNumRows(), column.getNumCols()) + " matrix: expected a column vector, m x 1"
                    + (column.getNumRows() == 1 ? " (transpose this row vector first)" : ""));
        }
    }

    private static void requireNonZero(String task, SimpleMatrix v) {
        requireMatrix("the vector", v);
        for (int k = 0; k < v.getNumElements(); k++) {
            if (v.get(k) == 0) {
                throw new IllegalArgumentException("cannot " + task + " by a vector with a 0 at index " + k
                        + " (a constant column has standard deviation 0; leave it out or use 1 there)");
            }
        }
    }
}
