package mlfoundations.benchmarks;

import java.util.StringJoiner;

import mlfoundations.linalg.FastMatMul;
import mlfoundations.models.LinearRegression;
import mlfoundations.models.LinearRegressionFastGd;
import mlfoundations.stats.Guesser;

/**
 * Prints, as one JSON object, the check values of the workloads named on the command line, computed the way the
 * benchmarks compute them, so that ./course bench can show that Java and bench/numpy_reference.py computed the same
 * thing: {@code {"A1000": [c_00 + c_(n-1)(n-1)], "B": [share with 0..10 right], "C_100x1": [bias, w...],
 * "D": [theta..., last loss]}}.
 */
public final class Checks {

    private Checks() {
    }

    public static void main(String[] args) {
        StringJoiner json = new StringJoiner(", ", "{", "}");
        for (String w : args) {
            json.add("\"" + w + "\": " + jsonArray(check(w)));
        }
        System.out.println(json);
    }

    /** The check values of one workload, in numpy_reference.py's order. */
    static double[] check(String w) {
        if (w.matches("A\\d+")) {
            int n = Integer.parseInt(w.substring(1));
            double[][] c = FastMatMul.multiply(BenchData.matrix(w + "_a"), BenchData.matrix(w + "_b"));
            return new double[] {c[0][0] + c[n - 1][n - 1]};
        }
        if (w.equals("B")) {
            return Guesser.simulate(1_000_000, 10).relativeFrequencies();
        }
        if (!w.matches("C_\\d+x\\d+") && !w.equals("D")) {
            throw new IllegalArgumentException("unknown workload '" + w + "'; expected A<n>, B, C_<m>x<n> or D");
        }
        GdBench s = new GdBench();
        s.workload = w;
        s.load();
        if (w.equals("D")) {
            return LogisticGd.fit(s.xb, s.yv, 0.1, 1000);
        }
        LinearRegression fit = LinearRegressionFastGd.fit(s.x, s.y, 0.1, 1000);
        double[] theta = new double[1 + fit.weights().getNumRows()];
        theta[0] = fit.bias();
        for (int k = 1; k < theta.length; k++) {
            theta[k] = fit.weights().get(k - 1, 0);
        }
        return theta;
    }

    /** A JSON array of the numbers; a value that is not finite (a diverged fit) becomes null, which JSON allows. */
    static String jsonArray(double[] values) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double v : values) {
            j.add(Double.isFinite(v) ? Double.toString(v) : "null");
        }
        return j.toString();
    }
}
