package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class BatchNormTest {

    @Test
    void handWorkedColumn() {
        // column (1, 3): mean 2, biased variance 1, so x_hat = -+1 / sqrt(1 + eps); then gamma 2, beta 5
        SimpleMatrix x = new SimpleMatrix(2, 1, true, 1, 3);
        double s = 1 / Math.sqrt(1 + 1e-5);
        SimpleMatrix y = BatchNorm.forward(x, new double[] {2}, new double[] {5}, 1e-5);
        assertEquals(5 - 2 * s, y.get(0, 0), 1e-15);
        assertEquals(5 + 2 * s, y.get(1, 0), 1e-15);
    }

    @Property
    void everyColumnHasMeanZeroAndVarianceJustBelowOne(@ForAll @Size(min = 60, max = 60) double[] raw,
            @ForAll @IntRange(min = 2, max = 20) int m, @ForAll @IntRange(min = 1, max = 3) int n,
            @ForAll @DoubleRange(min = -5, max = 5) double shift, @ForAll @DoubleRange(min = -4, max = 2) double logScale,
            @ForAll @DoubleRange(min = 0.1, max = 3) double gamma, @ForAll @DoubleRange(min = -2, max = 2) double beta) {
        // Entries drawn in [-1, 1] (mapped through sin so any double is usable), then scaled by 10^logScale and
        // shifted: |x| <= 105. Centring costs at most ~ m ulp(105) absolutely; dividing by sqrt(var + eps) >=
        // sqrt(eps) magnifies that by at most 1/sqrt(eps) ~ 316, so 1e-9 is a safe bound on every statistic below.
        double scale = Math.pow(10, logScale);
        SimpleMatrix x = new SimpleMatrix(m, n);
        for (int i = 0; i < m * n; i++) {
            double v = Double.isFinite(raw[i]) ? Math.sin(raw[i]) : 0.3;
            x.set(i, shift * 20 + scale * v);
        }
        double eps = BatchNorm.EPS;
        double tol = 1e-9;
        SimpleMatrix xHat = BatchNorm.normalise(x, eps);
        double[] g = new double[n];
        double[] b = new double[n];
        java.util.Arrays.fill(g, gamma);
        java.util.Arrays.fill(b, beta);
        SimpleMatrix y = BatchNorm.forward(x, g, b, eps);
        for (int j = 0; j < n; j++) {
            double varX = variance(x, j);
            assertEquals(0.0, mean(xHat, j), tol);
            assertEquals(varX / (varX + eps), variance(xHat, j), tol);
            assertEquals(beta, mean(y, j), tol);
            assertEquals(gamma * gamma * varX / (varX + eps), variance(y, j), tol * gamma * gamma);
        }
    }

    private static double mean(SimpleMatrix a, int j) {
        double s = 0;
        for (int i = 0; i < a.getNumRows(); i++) {
            s += a.get(i, j);
        }
        return s / a.getNumRows();
    }

    /** Two-pass biased variance, written independently of BatchNorm's loop. */
    private static double variance(SimpleMatrix a, int j) {
        double mu = mean(a, j);
        double s = 0;
        for (int i = 0; i < a.getNumRows(); i++) {
            s += (a.get(i, j) - mu) * (a.get(i, j) - mu);
        }
        return s / a.getNumRows();
    }

    @Test
    void aConstantFeatureBecomesZeroNotNaN() {
        SimpleMatrix y = BatchNorm.forward(new SimpleMatrix(3, 1, true, 7, 7, 7));
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, y.get(i, 0), 0.0);
        }
    }

    @Test
    void badInputIsRejectedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchNorm.forward(new SimpleMatrix(1, 3)));
        assertTrue(e.getMessage().contains("at least 2 examples"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BatchNorm.forward(new SimpleMatrix(4, 3), new double[] {1, 1}, new double[] {0, 0, 0}, 1e-5));
        assertTrue(e.getMessage().contains("3 gammas"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BatchNorm.normalise(new SimpleMatrix(4, 3), 0));
        assertTrue(e.getMessage().contains("eps"), e.getMessage());
        SimpleMatrix bad = new SimpleMatrix(2, 2);
        bad.set(1, 0, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> BatchNorm.forward(bad));
        assertTrue(e.getMessage().contains("row 1, column 0"), e.getMessage());
    }
}
