package mlfoundations.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class RegressionTest {

    @Test
    void handWorked() {
        // SS_res = 0 + 0 + 1 = 1, SS_tot = 1 + 0 + 1 = 2, R^2 = 1 - 1/2
        assertEquals(0.5, Regression.r2(new double[] {1, 2, 3}, new double[] {1, 2, 4}), 1e-15);
        // worse than the mean: SS_res = 4 + 0 + 4 = 8, R^2 = 1 - 8/2 = -3
        assertEquals(-3.0, Regression.r2(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
    }

    @Property(tries = 100)
    void perfectFitIsOneAndTheMeanIsZero(@ForAll @Size(min = 2, max = 20) double[] raw,
            @ForAll @DoubleRange(min = -5, max = 5) double shift) {
        double[] y = new double[raw.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Double.isFinite(raw[i]) ? (raw[i] % 1000) + shift * i : i;
        }
        boolean constant = true;
        for (double v : y) {
            constant &= v == y[0];
        }
        if (constant) {
            y[0] += 1;
        }
        assertEquals(1.0, Regression.r2(y, y.clone()), 0);
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double[] p = new double[y.length];
        java.util.Arrays.fill(p, mean);
        // Predicting the mean gives SS_res = SS_tot exactly in exact arithmetic. In floating point each side's mean
        // is off by delta ~ m eps max|y|, and sum (y - mu - delta)^2 = SS_tot + m delta^2, so R^2 can differ from 0 by
        // about m (m eps max|y|)^2 / SS_tot, plus the sums' own relative rounding (~ m eps).
        double ssTot = 0;
        double maxY = 0;
        for (double v : y) {
            ssTot += (v - mean) * (v - mean);
            maxY = Math.max(maxY, Math.abs(v));
        }
        int m = y.length;
        double eps = Math.ulp(1.0);
        double delta = 4 * m * eps * maxY;
        double tol = 8 * m * eps + 4 * m * delta * delta / ssTot;
        assertEquals(0.0, Regression.r2(y, p), tol, "SS_tot " + ssTot + ", max|y| " + maxY);
    }

    @Test
    void matrixVersionAgrees() {
        SimpleMatrix y = new SimpleMatrix(3, 1, true, 1, 2, 3);
        SimpleMatrix p = new SimpleMatrix(3, 1, true, 1, 2, 4);
        assertEquals(0.5, Regression.r2(y, p), 1e-15);
    }

    @Test
    void badInput() {
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> Regression.r2(new double[] {4, 4, 4}, new double[] {4, 4, 5}));
        assertTrue(c.getMessage().contains("targets are equal"), c.getMessage());
        IllegalArgumentException l = assertThrows(IllegalArgumentException.class,
                () -> Regression.r2(new double[] {1, 2}, new double[] {1, 2, 3}));
        assertTrue(l.getMessage().contains("2 targets with 3 predictions"), l.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> Regression.r2(new SimpleMatrix(3, 1), new SimpleMatrix(1, 3)));
        assertTrue(s.getMessage().contains("3x1") && s.getMessage().contains("1x3"), s.getMessage());
    }
}
