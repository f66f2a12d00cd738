package mlfoundations.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The package's shape and value checks, and the messages they give, in one place: {@link MatMul}, {@link FastMatMul},
 * {@link Matrices}, {@link Svd} and {@link SymmetricEigen} all go through here, so "cannot multiply 3x2 by 3x2" reads
 * the same whichever class the lesson called.
 */
final class Shapes {

    private Shapes() {
    }

    /** A shape as text, rows x columns: "3x2" ({@code A.shape}). */
    static String text(int rows, int cols) {
        return rows + "x" + cols;
    }

    /** Checks that A B is defined for two arrays and returns {n, m, p}; the error names both shapes. */
    static int[] checkMultiply(double[][] a, double[][] b) {
        int[] sa = shape("matrix a", a);
        int[] sb = shape("matrix b", b);
        return checkInner(sa[0], sa[1], sb[0], sb[1]);
    }

    /**
     * Checks that an (n x m) by (m2 x p) product is defined, m == m2, and returns {n, m, p}; otherwise
     * "cannot multiply 3x2 by 3x2: inner dimensions 2 and 3 differ".
     */
    static int[] checkInner(int n, int m, int m2, int p) {
        if (m != m2) {
            throw new IllegalArgumentException("cannot multiply " + text(n, m) + " by " + text(m2, p)
                    + ": inner dimensions " + m + " and " + m2 + " differ");
        }
        return new int[] {n, m, p};
    }

    /** Checks that two shapes are equal; otherwise "cannot {task} 2x3 and 3x2: the shapes must be the same". */
    static void checkSameShape(String task, int rowsA, int colsA, int rowsB, int colsB) {
        if (rowsA != rowsB || colsA != colsB) {
            throw new IllegalArgumentException("cannot " + task + " " + text(rowsA, colsA) + " and "
                    + text(rowsB, colsB) + ": the shapes must be the same");
        }
    }

    /** {rows, cols} of a rectangular array; rejects null, empty and ragged arrays, naming {@code what}. */
    static int[] shape(String what, double[][] a) {
        if (a == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException(what + " has no rows");
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null) {
                throw new IllegalArgumentException(what + " has a null row at index " + i);
            }
        }
        int cols = a[0].length;
        if (cols == 0) {
            throw new IllegalArgumentException(what + " has no columns");
        }
        for (int i = 1; i < a.length; i++) {
            if (a[i].length != cols) {
                throw new IllegalArgumentException(what + " is ragged: row 0 has " + cols
                        + " entries but row " + i + " has " + a[i].length + "; every row must have the same length");
            }
        }
        return new int[] {a.length, cols};
    }

    /** Rejects a NaN or infinite entry of an array, naming its position. */
    static void requireFinite(String what, double[][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                requireFinite(what, i, j, a[i][j]);
            }
        }
    }

    /** Rejects a NaN or infinite entry of an EJML matrix, naming its position. */
    static void requireFinite(String what, DMatrixRMaj a) {
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                requireFinite(what, i, j, a.get(i, j));
            }
        }
    }

    private static void requireFinite(String what, int i, int j, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("entry (" + i + ", " + j + ") of " + what + " is " + x
                    + "; a matrix must hold finite numbers");
        }
    }
}
