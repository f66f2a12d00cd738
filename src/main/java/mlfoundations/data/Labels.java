package mlfoundations.data;

import java.util.TreeSet;

import org.ejml.simple.SimpleMatrix;

/**
 * Class labels as numbers and as one-hot rows: names to class numbers 0..k-1 (scikit-learn's {@code LabelEncoder}),
 * and class numbers to an m x k matrix with a single 1 per row ({@code np.eye(k)[y]}, Keras {@code to_categorical}).
 */
public final class Labels {

    private Labels() {
    }

    /** Class names mapped to numbers: {@code codes[i]} is the class of example i, {@code classes[c]} the name of class c. */
    public record Encoded(int[] codes, String[] classes) {
    }

    /** Numbers the distinct names in alphabetical order, 0..k-1, and codes every label ({@code LabelEncoder().fit_transform}). */
    public static Encoded encode(String[] names) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("no labels to encode (null or empty)");
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null) {
                throw new IllegalArgumentException("label " + i + " is null; every example needs a class");
            }
            distinct.add(names[i]);
        }
        String[] classes = distinct.toArray(new String[0]);
        int[] codes = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            codes[i] = java.util.Arrays.binarySearch(classes, names[i]);
        }
        return new Encoded(codes, classes);
    }

    /** The m x k one-hot matrix: row i has a 1 in column y_i and 0 elsewhere (classes 0..k-1). */
    public static SimpleMatrix oneHot(int[] y, int k) {
        if (y == null || y.length == 0) {
            throw new IllegalArgumentException("no labels to one-hot encode (null or empty)");
        }
        if (k < 2) {
            throw new IllegalArgumentException("one-hot needs k >= 2 classes, got " + k);
        }
        SimpleMatrix out = new SimpleMatrix(y.length, k);
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= k) {
                throw new IllegalArgumentException("label " + y[i] + " at row " + i + " is not a class number in 0.."
                        + (k - 1));
            }
            out.set(i, y[i], 1);
        }
        return out;
    }

    /** The class of each one-hot (or probability) row: the column of its largest entry ({@code np.argmax(Y, axis=1)}). */
    public static int[] argmax(SimpleMatrix rows) {
        if (rows == null || rows.getNumCols() == 0) {
            throw new IllegalArgumentException("argmax needs a matrix with at least one column");
        }
        int[] out = new int[rows.getNumRows()];
        for (int i = 0; i < out.length; i++) {
            for (int c = 1; c < rows.getNumCols(); c++) {
                if (rows.get(i, c) > rows.get(i, out[i])) {
                    out[i] = c;
                }
            }
        }
        return out;
    }
}
