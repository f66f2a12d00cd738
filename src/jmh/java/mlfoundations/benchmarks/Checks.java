package mlfoundations.benchmarks;

import java.util.Locale;
import java.util.StringJoiner;

import mlfoundations.linalg.FastMatMul;
import mlfoundations.models.LinearRegression;
import mlfoundations.models.LinearRegressionFastGd;
import mlfoundations.stats.Guesser;

/**
 * Prints, for each workload named on the command line, the check value in numpy_reference.py's format, so that
 * ./course bench can show both sides computed the same thing.
 */
public final class Checks {

    private Checks() {
    }

    public static void main(String[] args) {
        for (String w : args) {
            System.out.println(w + "\t" + check(w));
        }
    }

    static String check(String w) {
        if (w.startsWith("A")) {
            int n = Integer.parseInt(w.substring(1));
            double[][] c = FastMatMul.multiply(BenchData.matrix(w + "_a"), BenchData.matrix(w + "_b"));
            return String.format(Locale.ROOT, "%.6e", c[0][0] + c[n - 1][n - 1]);
        }
        if (w.equals("B")) {
            double[] f = Guesser.simulate(1_000_000, 10).relativeFrequencies();
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (double v : f) {
                j.add(String.format(Locale.ROOT, "%.4f", v));
            }
            return j.toString();
        }
        GdBench s = new GdBench();
        s.workload = w;
        s.load();
        StringJoiner j = new StringJoiner(" ");
        if (w.startsWith("C")) {
            LinearRegression fit = LinearRegressionFastGd.fit(s.x, s.y, 0.1, 1000);
            j.add(String.format(Locale.ROOT, "%.4f", fit.bias()));
            for (int k = 0; k < fit.weights().getNumRows(); k++) {
                j.add(String.format(Locale.ROOT, "%.4f", fit.weights().get(k, 0)));
            }
        } else {
            for (double v : LogisticGd.fit(s.xb, s.yv, 0.1, 1000)) {
                j.add(String.format(Locale.ROOT, "%.4f", v));
            }
        }
        return j.toString();
    }
}
