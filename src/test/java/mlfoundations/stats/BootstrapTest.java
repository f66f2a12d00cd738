package mlfoundations.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void quantileInterpolatesLikeNumpy() {
        double[] x = {1, 2, 3, 4};
        // Position q (n - 1): 0.5 -> 1.5 -> 2.5; 1/3 -> 1 -> 2; 0.9 -> 2.7 -> 3.7.
        assertEquals(2.5, Bootstrap.quantile(x, 0.5), 1e-15);
        assertEquals(2.0, Bootstrap.quantile(x, 1.0 / 3), 1e-15);
        assertEquals(3.7, Bootstrap.quantile(x, 0.9), 1e-15);
        assertEquals(1.0, Bootstrap.quantile(x, 0), 0.0);
        assertEquals(4.0, Bootstrap.quantile(x, 1), 0.0);
    }

    @Test
    void bootstrapMeansSpreadLikeThePlugInStandardError() {
        // For a fixed sample, a resample mean has variance (1/m) * (1/m) sum (x_i - xbar)^2 exactly.
        // sample 1..10: sum of squared deviations 82.5, so the plug-in variance is 8.25 and the mean's
        // variance 8.25 / 10 = 0.825.
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Rng.reset(21);
        int b = 40_000;
        double[] means = Bootstrap.means(x, b);
        double avg = Bootstrap.mean(means);
        double var = 0;
        for (double v : means) {
            var += (v - avg) * (v - avg);
        }
        var /= b - 1;
        // Standard errors: sqrt(0.825 / b) = 0.0045 for the average; about 0.825 sqrt(2 / b) = 0.0058 for the
        // variance (nearly normal means). Allow four of each.
        assertEquals(5.5, avg, 4 * Math.sqrt(0.825 / b));
        assertEquals(0.825, var, 4 * 0.825 * Math.sqrt(2.0 / b));
    }

    @Test
    void intervalCoversTheTrueMeanAtAboutItsNominalRate() {
        // 1000 samples of m = 50 from N(10, 2^2), each with a 1000-resample percentile interval. The coverage
        // estimate has binomial standard error sqrt(0.95 * 0.05 / 1000) = 0.0069 (0.0126 at the 80% level).
        // The percentile interval of a mean is also known to run short for small m: it behaves like
        // xbar +/- z s_plugin / sqrt(m) with s_plugin = s sqrt(49/50), which covers P(|t_49| < z sqrt(49/50)),
        // 0.942 at 95% and 0.789 at 80%; the resampling noise of B = 1000 costs a little more (0.935 measured over
        // 4000 trials at 95%). So coverage may fall short of nominal by that bias, up to 0.02, plus four standard
        // errors, and may exceed it by four standard errors. A wrong quantile level (a 90% interval for a 95% one)
        // gives about 0.88 and fails.
        Rng.reset(31);
        Normal population = new Normal(10, 2);
        int trials = 1000;
        int covered95 = 0;
        int covered80 = 0;
        for (int t = 0; t < trials; t++) {
            double[] sample = population.sample(50);
            if (Bootstrap.meanInterval(sample, 1000, 0.95).contains(10)) {
                covered95++;
            }
            if (Bootstrap.meanInterval(sample, 1000, 0.80).contains(10)) {
                covered80++;
            }
        }
        assertCoverage(0.95, (double) covered95 / trials, trials);
        assertCoverage(0.80, (double) covered80 / trials, trials);
    }

    private static void assertCoverage(double nominal, double coverage, int trials) {
        double se = Math.sqrt(nominal * (1 - nominal) / trials);
        double smallSampleBias = 0.02;
        assertTrue(coverage >= nominal - smallSampleBias - 4 * se && coverage <= nominal + 4 * se,
                "coverage " + coverage + " of a " + nominal + " interval is outside [" + (nominal - smallSampleBias - 4 * se)
                        + ", " + (nominal + 4 * se) + "]");
    }

    @Test
    void intervalSurroundsTheSampleMean() {
        Rng.reset(1);
        double[] x = new Normal(0, 1).sample(30);
        Bootstrap.Interval ci = Bootstrap.meanInterval(x, 2000, 0.9);
        assertEquals(Bootstrap.mean(x), ci.estimate(), 0.0);
        assertTrue(ci.low() < ci.estimate() && ci.estimate() < ci.high(), ci.toString());
        assertEquals(0.9, ci.level(), 0.0);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.meanInterval(new double[0], 100, 0.95));
        assertTrue(e.getMessage().contains("the sample is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Bootstrap.meanInterval(new double[] {1, 2}, 100, 95));
        assertTrue(e.getMessage().contains("strictly between 0 and 1, got 95.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Bootstrap.means(new double[] {1}, 0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.mean(null));
    }
}
