package mlfoundations.linalg;

/** Shape checks for {@code double[][]} matrices, shared by {@link MatMul} and {@link FastMatMul}. */
final class Shapes {

    private Shapes() {
    }

    /** Checks that A B is defined and returns {n, m, p}; the error names both shapes. */
    static int[] checkMultiply(double[][] a, double[][] b) {
        int[] sa = shape("a", a);
        int[] sb = shape("b", b);
        if (sa[1] != sb[0]) {
            throw new IllegalArgumentException("cannot multiply " + sa[0] + "x" + sa[1] + " by " + sb[0] + "x" + sb[1]
                    + ": inner dimensions " + sa[1] + " and " + sb[0] + " differ");
        }
        return new int[] {sa[0], sa[1], sb[1]};
    }

    /** {rows, cols} of a rectangular array; rejects null, empty and ragged arrays by name. */
    static int[] shape(String name, double[][] a) {
        if (a == null) {
            throw new IllegalArgumentException("matrix " + name + " is null");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("matrix " + name + " has no rows");
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null) {
                throw new IllegalArgumentException("matrix " + name + " has a null row at index " + i);
            }
        }
        int cols = a[0].length;
        if (cols == 0) {
            throw new IllegalArgumentException("matrix " + name + " has no columns");
        }
        for (int i = 1; i < a.length; i++) {
            if (a[i].length != cols) {
                throw new IllegalArgumentException("matrix " + name + " is ragged: row 0 has " + cols
                        + " entries but row " + i + " has " + a[i].length + "; every row must have the same length");
            }
        }
        return new int[] {a.length, cols};
    }
}
