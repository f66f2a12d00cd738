package mlfoundations.data;

import java.util.ArrayList;
import java.util.List;

import org.ejml.simple.SimpleMatrix;

import mlfoundations.linalg.Matrices;

/**
 * Polynomial features, so that a linear model can fit curves: it stays linear in its weights, but its inputs become
 * powers and products of the original features. {@link #powers} gives each column's powers x, x^2, ..., x^d;
 * {@link #expand} gives every monomial of total degree 1..d, including products such as x0 x1, in the order of
 * scikit-learn's {@code PolynomialFeatures(degree=d, include_bias=False)}. (scikit-learn adds a column of ones by
 * default, include_bias=True; here the model's bias b plays that part, so no column of ones is made.)
 */
public final class PolynomialFeatures {

    /** More output columns than this is almost certainly a mistake (and a very large matrix). */
    static final int MAX_COLUMNS = 10_000;

    private PolynomialFeatures() {
    }

    /**
     * Powers of each column separately: for X = [a, b] and degree 3 the columns a, a^2, a^3, b, b^2, b^3 (no products).
     * For one column x this is [x, x^2, ..., x^d], the classic polynomial regression design matrix
     * ({@code np.vander(x, d + 1, increasing=True)[:, 1:]}).
     */
    public static SimpleMatrix powers(SimpleMatrix x, int degree) {
        check(x, degree);
        int m = x.getNumRows();
        int k = x.getNumCols();
        checkColumns((long) k * degree, k, degree);
        SimpleMatrix out = new SimpleMatrix(m, k * degree);
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < k; c++) {
                double p = 1;
                for (int d = 1; d <= degree; d++) {
                    p *= x.get(i, c);
                    out.set(i, c * degree + d - 1, p);
                }
            }
        }
        return out;
    }

    /**
     * Every monomial of the columns with total degree 1..d, in scikit-learn's order: degree 1 (x0, x1, ...), then
     * degree 2 (x0^2, x0 x1, x1^2 for two columns), and so on. k columns give C(k + d, d) - 1 features.
     */
    public static SimpleMatrix expand(SimpleMatrix x, int degree) {
        check(x, degree);
        List<int[]> terms = terms(x.getNumCols(), degree);
        int m = x.getNumRows();
        SimpleMatrix out = new SimpleMatrix(m, terms.size());
        for (int i = 0; i < m; i++) {
            for (int t = 0; t < terms.size(); t++) {
                double p = 1;
                for (int c : terms.get(t)) {
                    p *= x.get(i, c);
                }
                out.set(i, t, p);
            }
        }
        return out;
    }

    /**
     * The names of the {@link #expand} columns built from the given input names, e.g. for ("x0", "x1") and degree 2:
     * x0, x1, x0^2, x0 x1, x1^2 ({@code get_feature_names_out()}).
     */
    public static String[] names(String[] inputNames, int degree) {
        if (inputNames == null || inputNames.length == 0) {
            throw new IllegalArgumentException("need at least one input name, got none");
        }
        checkDegree(degree);
        List<int[]> terms = terms(inputNames.length, degree);
        String[] out = new String[terms.size()];
        for (int t = 0; t < terms.size(); t++) {
            int[] term = terms.get(t);
            StringBuilder s = new StringBuilder();
            int k = 0;
            while (k < term.length) {
                int c = term[k];
                int power = 0;
                while (k < term.length && term[k] == c) {
                    power++;
                    k++;
                }
                s.append(s.length() == 0 ? "" : " ").append(inputNames[c]).append(power > 1 ? "^" + power : "");
            }
            out[t] = s.toString();
        }
        return out;
    }

    /** Each monomial as the sorted list of column indices it multiplies ([0, 0, 1] is x0^2 x1), degree by degree. */
    private static List<int[]> terms(int k, int degree) {
        long count = 1;
        for (int d = 1; d <= degree; d++) {
            count = count * (k + d) / d;      // C(k + d, d), exact at every step
            if (count > MAX_COLUMNS + 1) {
                break;
            }
        }
        checkColumns(count - 1, k, degree);
        List<int[]> out = new ArrayList<>();
        for (int d = 1; d <= degree; d++) {
            addCombinations(out, new int[d], 0, 0, k);
        }
        return out;
    }

    /** Non-decreasing index sequences of the given length: combinations with replacement, in lexicographic order. */
    private static void addCombinations(List<int[]> out, int[] current, int position, int from, int k) {
        if (position == current.length) {
            out.add(current.clone());
            return;
        }
        for (int c = from; c < k; c++) {
            current[position] = c;
            addCombinations(out, current, position + 1, c, k);
        }
    }

    private static void check(SimpleMatrix x, int degree) {
        if (x == null) {
            throw new IllegalArgumentException("X must not be null");
        }
        if (x.getNumRows() == 0 || x.getNumCols() == 0) {
            throw new IllegalArgumentException("X must have at least one row and one column, got "
                    + Matrices.shape(x));
        }
        checkDegree(degree);
    }

    private static void checkDegree(int degree) {
        if (degree < 1) {
            throw new IllegalArgumentException("polynomial degree must be at least 1, got " + degree);
        }
    }

    private static void checkColumns(long columns, int k, int degree) {
        if (columns > MAX_COLUMNS) {
            throw new IllegalArgumentException("degree " + degree + " on " + k + " columns would make more than "
                    + MAX_COLUMNS + " features; use a lower degree or fewer columns");
        }
    }
}
