package mlfoundations.linalg;

import java.util.Locale;

/**
 * Vectors as plain {@code double[]} arrays: dot product, lengths (norms), unit vectors, angles, the 3-D cross
 * product, distances, and the small helpers a weighted-sum model needs. Each method says which NumPy call it
 * stands for. No method changes its arguments: every result is a new array or a number.
 *
 * <p>Bad input (null, vectors of different lengths, non-finite entries, the zero vector where a direction is
 * needed) throws {@link IllegalArgumentException} with a message that names the problem and the values.
 */
public final class Vectors {

    private Vectors() {
    }

    /** The numbers as a vector: {@code Vectors.of(1, 2, 3)} is {@code np.array([1, 2, 3])}. */
    public static double[] of(double... components) {
        requireVector(components, "vector");
        return components.clone();
    }

    /** The dot product {@code a . b = sum_i a_i b_i}, a single number ({@code np.dot(a, b)} or {@code a @ b}). */
    public static double dot(double[] a, double[] b) {
        requireSameLength(a, b, "take the dot product of");
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return requireFiniteResult(sum, "dot product");
    }

    /**
     * The length (magnitude, Euclidean or L2 norm) {@code |v| = sqrt(v_1^2 + ... + v_n^2)}
     * ({@code np.linalg.norm(v)}).
     */
    public static double norm(double[] v) {
        requireVector(v, "vector");
        // Divide by the largest entry first so that squaring cannot overflow (1e200^2) or underflow (1e-200^2).
        double largest = normInf(v);
        if (largest == 0) {
            return 0;
        }
        double sum = 0;
        for (double x : v) {
            double r = x / largest;
            sum += r * r;
        }
        return largest * Math.sqrt(sum);
    }

    /** The L1 ("taxicab") norm {@code |v|_1 = |v_1| + ... + |v_n|} ({@code np.linalg.norm(v, 1)}). */
    public static double norm1(double[] v) {
        requireVector(v, "vector");
        double sum = 0;
        for (double x : v) {
            sum += Math.abs(x);
        }
        return requireFiniteResult(sum, "L1 norm");
    }

    /** The max norm {@code |v|_inf = max_i |v_i|} ({@code np.linalg.norm(v, np.inf)}). */
    public static double normInf(double[] v) {
        requireVector(v, "vector");
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    /**
     * The unit vector {@code v / |v|}: same direction as {@code v}, length 1 ({@code v / np.linalg.norm(v)}).
     * The zero vector has no direction, so it throws.
     */
    public static double[] unit(double[] v) {
        double length = norm(v);
        if (length == 0) {
            throw new IllegalArgumentException("the zero vector has no direction, so it has no unit vector: "
                    + format(v, 4) + " has length 0");
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / length;
        }
        return out;
    }

    /**
     * The angle between two vectors in radians, in [0, pi]: {@code theta = arccos(a . b / (|a| |b|))}
     * ({@code np.arccos(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))}). The zero vector has no
     * direction, so it throws.
     */
    public static double angle(double[] a, double[] b) {
        requireSameLength(a, b, "measure the angle between");
        double[] ua = unitFor(a, "measure an angle");
        double[] ub = unitFor(b, "measure an angle");
        // Same angle as arccos(ua . ub), but arccos is inaccurate near 0 and 180 degrees (a cosine of
        // 0.9999999999999998 already means 1.2e-6 degrees). For unit vectors, |ua - ub| and |ua + ub| are the
        // two sides 2 sin(theta/2) and 2 cos(theta/2) of a right triangle, so atan2 of them is theta / 2, accurate
        // at every angle (W. Kahan's formula).
        return 2 * Math.atan2(norm(subtract(ua, ub)), norm(add(ua, ub)));
    }

    /** The angle between two vectors in degrees, in [0, 180] ({@code np.degrees(angle)}). */
    public static double angleDegrees(double[] a, double[] b) {
        return Math.toDegrees(angle(a, b));
    }

    /**
     * The cross product of two 3-D vectors, a vector perpendicular to both ({@code np.cross(a, b)}):
     * {@code a x b = (a_2 b_3 - a_3 b_2, a_3 b_1 - a_1 b_3, a_1 b_2 - a_2 b_1)}, of length
     * {@code |a| |b| sin(theta)}. Defined only in 3-D; parallel vectors give the zero vector.
     */
    public static double[] cross(double[] a, double[] b) {
        requireVector(a, "first vector");
        requireVector(b, "second vector");
        if (a.length != 3 || b.length != 3) {
            throw new IllegalArgumentException("the cross product is defined only for 3-D vectors, got vectors of "
                    + "lengths " + a.length + " and " + b.length + " (for a single number from two vectors of any "
                    + "length, use the dot product)");
        }
        double[] c = {
            a[1] * b[2] - a[2] * b[1],
            a[2] * b[0] - a[0] * b[2],
            a[0] * b[1] - a[1] * b[0]
        };
        for (double x : c) {
            requireFiniteResult(x, "cross product");
        }
        return c;
    }

    /**
     * The straight-line (Euclidean) distance between two points, {@code |a - b| = sqrt(sum_i (a_i - b_i)^2)}
     * ({@code np.linalg.norm(a - b)}).
     */
    public static double distance(double[] a, double[] b) {
        return norm(subtract(a, b));
    }

    /** The sum {@code a + b}, component by component ({@code a + b} on NumPy arrays). */
    public static double[] add(double[] a, double[] b) {
        requireSameLength(a, b, "add");
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = requireFiniteResult(a[i] + b[i], "sum");
        }
        return out;
    }

    /** The difference {@code a - b}, component by component ({@code a - b} on NumPy arrays). */
    public static double[] subtract(double[] a, double[] b) {
        requireSameLength(a, b, "subtract");
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = requireFiniteResult(a[i] - b[i], "difference");
        }
        return out;
    }

    /** The vector {@code c v}: every component multiplied by the number {@code c} ({@code c * v} in NumPy). */
    public static double[] scale(double c, double[] v) {
        requireVector(v, "vector");
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("cannot scale a vector by a non-finite number: " + c);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = requireFiniteResult(c * v[i], "scaled vector");
        }
        return out;
    }

    /**
     * The vector with {@code first} put in front: {@code (first, v_1, ..., v_n)}
     * ({@code np.insert(v, 0, first)}). Folds a bias into the weights: {@code prepend(b, w) = (b, w_1, ..., w_n)}.
     */
    public static double[] prepend(double first, double[] v) {
        requireVector(v, "vector");
        if (!Double.isFinite(first)) {
            throw new IllegalArgumentException("cannot put a non-finite number in a vector: " + first);
        }
        double[] out = new double[v.length + 1];
        out[0] = first;
        System.arraycopy(v, 0, out, 1, v.length);
        return out;
    }

    /**
     * The input with a leading 1, {@code (1, x_1, ..., x_n)} ({@code np.insert(x, 0, 1.0)}), so that
     * {@code prepend(b, w) . prependOne(x) = w . x + b}: the bias folded into one dot product.
     */
    public static double[] prependOne(double[] x) {
        return prepend(1.0, x);
    }

    /** True when every component is within {@code tol} of 0 ({@code np.allclose(v, 0, atol=tol)}). */
    public static boolean isZero(double[] v, double tol) {
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tol);
        }
        return normInf(v) <= tol;
    }

    /** True when the two vectors agree component by component within {@code tol} ({@code np.allclose}). */
    public static boolean close(double[] a, double[] b, double tol) {
        requireSameLength(a, b, "compare");
        return isZero(subtract(a, b), tol);
    }

    /** The vector as text with a fixed number of decimals, e.g. {@code (0.2673, 0.5345, 0.8018)}. */
    public static String format(double[] v, int decimals) {
        if (v == null) {
            return "null";
        }
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be >= 0, got " + decimals);
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(String.format(Locale.ROOT, "%." + decimals + "f", v[i]));
        }
        return s.append(')').toString();
    }

    private static double[] unitFor(double[] v, String task) {
        if (norm(v) == 0) {
            throw new IllegalArgumentException("cannot " + task + " with the zero vector " + format(v, 4)
                    + ": the zero vector has no direction");
        }
        return unit(v);
    }

    private static void requireSameLength(double[] a, double[] b, String task) {
        requireVector(a, "first vector");
        requireVector(b, "second vector");
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot " + task + " vectors of lengths " + a.length + " and "
                    + b.length + "; they must have the same length");
        }
    }

    private static void requireVector(double[] v, String what) {
        if (v == null) {
            throw new IllegalArgumentException("the " + what + " is null");
        }
        if (v.length == 0) {
            throw new IllegalArgumentException("the " + what + " is empty; a vector needs at least one component");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("the " + what + " has a non-finite component at index " + i
                        + ": " + v[i]);
            }
        }
    }

    private static double requireFiniteResult(double x, String what) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("the " + what + " overflowed the range of double (got " + x
                    + "); the inputs are too large");
        }
        return x;
    }

    /** {@code n} evenly spaced numbers from {@code low} to {@code high}, both included ({@code np.linspace}). */
    public static double[] linspace(double low, double high, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("linspace needs at least 2 points, got " + n);
        }
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("linspace needs finite ends, got " + low + " and " + high);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = low + (high - low) * i / (n - 1);
        }
        out[n - 1] = high;
        return out;
    }

    /** f applied to every element: out[i] = f(x[i]) (NumPy applies a ufunc the same way, e.g. {@code np.sin(x)}). */
    public static double[] map(java.util.function.DoubleUnaryOperator f, double[] x) {
        if (f == null || x == null) {
            throw new IllegalArgumentException("map needs a function and an array, got " + f + " and " + x);
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = f.applyAsDouble(x[i]);
        }
        return out;
    }
}
