package mlfoundations.optim;

import java.util.Arrays;
import java.util.Locale;

/**
 * The full history of one gradient-descent run: the point, the function value and the gradient at every step,
 * and why the run stopped. Step 0 is the start; step k is the point after k moves.
 * Arrays handed out are copies, so a caller cannot change the record.
 */
public final class Trajectory {

    /** Why a run stopped. */
    public enum Stop {
        /** The last step was shorter than the threshold: the point has (nearly) stopped moving. */
        CONVERGED,
        /** The step cap was reached while the steps were still at least as long as the threshold. */
        STEP_CAP,
        /** Values became non-finite or the point left the divergence bound (see {@link DivergenceException}). */
        DIVERGED
    }

    private final double[][] points;
    private final double[] values;
    private final double[][] gradients;
    private final Stop stop;
    private final double stepSize;
    private final double threshold;
    private final int maxSteps;

    Trajectory(double[][] points, double[] values, double[][] gradients, Stop stop, double stepSize,
            double threshold, int maxSteps) {
        this.points = points;
        this.values = values;
        this.gradients = gradients;
        this.stop = stop;
        this.stepSize = stepSize;
        this.threshold = threshold;
        this.maxSteps = maxSteps;
    }

    /** Why the run stopped: converged, hit the step cap, or diverged. */
    public Stop reason() {
        return stop;
    }

    /** True when the run stopped because its last step was shorter than the threshold. */
    public boolean converged() {
        return stop == Stop.CONVERGED;
    }

    /** How many moves were made (the number of recorded points minus one). */
    public int steps() {
        return points.length - 1;
    }

    /** The number of coordinates of each point (1 for a function of one variable). */
    public int dimension() {
        return points[0].length;
    }

    /** Every point, start first: {@code points()[k]} is x_k. */
    public double[][] points() {
        double[][] out = new double[points.length][];
        for (int k = 0; k < points.length; k++) {
            out[k] = points[k].clone();
        }
        return out;
    }

    /** The point after {@code k} steps (k = 0 is the start). */
    public double[] point(int k) {
        checkIndex(k, points.length);
        return points[k].clone();
    }

    /** One coordinate of every point: {@code coordinate(0)} is the x values of the run, for plotting. */
    public double[] coordinate(int i) {
        if (i < 0 || i >= dimension()) {
            throw new IllegalArgumentException("coordinate index must be in 0.." + (dimension() - 1) + ", got " + i);
        }
        double[] out = new double[points.length];
        for (int k = 0; k < points.length; k++) {
            out[k] = points[k][i];
        }
        return out;
    }

    /** For a one-variable run: x_0, x_1, ..., the same as {@code coordinate(0)}. */
    public double[] xs() {
        return coordinate(0);
    }

    /** f(x_k) at every step, start first. */
    public double[] values() {
        return values.clone();
    }

    /** The gradient at every point, start first (for a one-variable run each has one entry, f'(x_k)). */
    public double[][] gradients() {
        double[][] out = new double[gradients.length][];
        for (int k = 0; k < gradients.length; k++) {
            out[k] = gradients[k].clone();
        }
        return out;
    }

    /** The length of each move, ||x_k - x_(k-1)|| for k = 1..steps(): what the threshold is compared with. */
    public double[] stepLengths() {
        double[] out = new double[steps()];
        for (int k = 1; k < points.length; k++) {
            out[k - 1] = distance(points[k], points[k - 1]);
        }
        return out;
    }

    /** The last point reached. */
    public double[] last() {
        return points[points.length - 1].clone();
    }

    /** For a one-variable run: the last x reached. */
    public double lastX() {
        return points[points.length - 1][0];
    }

    /** f at the last point reached. */
    public double lastValue() {
        return values[values.length - 1];
    }

    /** The step size (learning rate) the run used. */
    public double stepSize() {
        return stepSize;
    }

    /** One sentence: where the run ended and why it stopped. */
    public String summary() {
        String where = "x = " + format(points[points.length - 1]) + ", f = " + num(lastValue());
        switch (stop) {
            case CONVERGED:
                String s = "converged after " + steps() + " step" + (steps() == 1 ? "" : "s") + " (last step length "
                        + num(steps() == 0 ? 0 : stepLengths()[steps() - 1]) + " < threshold " + num(threshold)
                        + ") at " + where;
                if (steps() == 1 && stepLengths()[0] == 0) {
                    s += "; it never moved, because the gradient at the start is 0";
                }
                return s;
            case STEP_CAP:
                return "hit the step cap of " + maxSteps + " steps without a step shorter than " + num(threshold)
                        + "; stopped at " + where;
            default:
                return "diverged after " + steps() + " steps; last finite point " + where;
        }
    }

    /** A table of every step: k, x_k, f(x_k), the gradient at x_k and the length of the move into x_k. */
    public String table() {
        return table(Integer.MAX_VALUE);
    }

    /**
     * The same table cut to at most {@code maxRows} rows: the first rows, a "..." line and the last row.
     */
    public String table(int maxRows) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("a table needs at least 2 rows (first and last), got " + maxRows);
        }
        boolean one = dimension() == 1;
        int w = one ? 14 : Math.max(14, 12 * dimension() + 4);
        String head = String.format(Locale.ROOT, "%4s  %-" + w + "s %14s  %-" + w + "s %12s%n", "step",
                one ? "x" : "point", one ? "f(x)" : "f(point)", one ? "f'(x)" : "gradient", "step length");
        StringBuilder sb = new StringBuilder(head);
        double[] lengths = stepLengths();
        int n = points.length;
        for (int k = 0; k < n; k++) {
            if (n > maxRows && k == maxRows - 1) {
                sb.append(String.format(Locale.ROOT, "%4s%n", "..."));
                k = n - 1;
            }
            String len = k == 0 ? "" : num(lengths[k - 1]);
            sb.append(String.format(Locale.ROOT, "%4d  %-" + w + "s %14s  %-" + w + "s %12s%n", k,
                    one ? num(points[k][0]) : format(points[k]), num(values[k]),
                    k < gradients.length ? (one ? num(gradients[k][0]) : format(gradients[k])) : "", len));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    static String format(double[] p) {
        if (p.length == 1) {
            return num(p[0]);
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < p.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(num(p[i]));
        }
        return sb.append(')').toString();
    }

    /** A number shown compactly: plain decimals for ordinary sizes, scientific notation for tiny or huge ones. */
    static String num(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a < 1e9 && v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 1e-4 && a < 1e7) {
            String s = String.format(Locale.ROOT, "%.7f", v);
            s = s.replaceAll("0+$", "");
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        String[] parts = String.format(Locale.ROOT, "%.4e", v).split("e");
        String mantissa = parts[0].replaceAll("0+$", "");
        if (mantissa.endsWith(".")) {
            mantissa = mantissa.substring(0, mantissa.length() - 1);
        }
        return mantissa + "e" + parts[1];
    }

    private static void checkIndex(int k, int n) {
        if (k < 0 || k >= n) {
            throw new IllegalArgumentException("step index must be in 0.." + (n - 1) + ", got " + k);
        }
    }

    static double[][] copyRows(java.util.List<double[]> rows) {
        return rows.stream().map(r -> Arrays.copyOf(r, r.length)).toArray(double[][]::new);
    }
}
