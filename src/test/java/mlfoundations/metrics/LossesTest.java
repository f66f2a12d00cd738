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

class LossesTest {

    // The example of scikit-learn's documentation for mean_squared_error / mean_absolute_error:
    // residuals 0.5, -0.5, 0, -1 -> MSE (0.25 + 0.25 + 0 + 1) / 4 = 0.375, MAE (0.5 + 0.5 + 0 + 1) / 4 = 0.5.
    private static final double[] Y = {3, -0.5, 2, 7};
    private static final double[] P = {2.5, 0.0, 2, 8};

    @Test
    void handWorkedExample() {
        assertEquals(0.375, Losses.mse(Y, P), 1e-15);
        assertEquals(0.5, Losses.mae(Y, P), 1e-15);
    }

    @Test
    void matrixVersionsAgreeWithTheArrayOnes() {
        SimpleMatrix y = new SimpleMatrix(4, 1, true, Y);
        SimpleMatrix p = new SimpleMatrix(4, 1, true, P);
        assertEquals(0.375, Losses.mse(y, p), 1e-15);
        assertEquals(0.5, Losses.mae(y, p), 1e-15);
    }

    @Property
    void mseIsAtLeastTheSquareOfMae(@ForAll @Size(min = 1, max = 20) double[] a, @ForAll @Size(min = 20, max = 20) double[] b) {
        // Jensen's inequality: mean(r^2) >= mean(|r|)^2 for any residuals r.
        double[] y = new double[a.length];
        double[] p = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = tame(a[i]);
            p[i] = tame(b[i]);
        }
        double mae = Losses.mae(y, p);
        assertTrue(Losses.mse(y, p) >= mae * mae * (1 - 1e-12), "MSE " + Losses.mse(y, p) + " < MAE^2 " + mae * mae);
    }

    private static double tame(double v) {
        return Double.isFinite(v) ? Math.max(-1e6, Math.min(1e6, v)) : 0;
    }

    @Property
    void aConstantShiftGivesMaeOfTheShiftAndMseOfItsSquare(@ForAll @Size(min = 1, max = 20) double[] seed,
            @ForAll @DoubleRange(min = -5, max = 5) double shift) {
        // Every residual is the same shift s, so MAE = |s| and MSE = s^2 (Jensen's equality case).
        double[] y = new double[seed.length];
        double[] p = new double[seed.length];
        for (int i = 0; i < seed.length; i++) {
            y[i] = tame(seed[i]);
            p[i] = y[i] + shift;
        }
        double mae = Losses.mae(y, p);
        assertEquals(Math.abs(shift), mae, 1e-9 * (1 + Math.abs(shift)) + 1e-6);
        assertEquals(shift * shift, Losses.mse(y, p), 1e-6 * (1 + shift * shift));
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(new double[] {1, 2, 3}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("3 targets with 2 predictions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.mae(new double[0], new double[0]));
        assertTrue(e.getMessage().contains("no examples"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(new SimpleMatrix(3, 1), new SimpleMatrix(1, 3)));
        assertTrue(e.getMessage().contains("3x1") && e.getMessage().contains("1x3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(new double[] {1, Double.NaN}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
    }

    @Test
    void crossEntropyHandWorked() {
        // Two examples, three classes: true classes 0 and 2 with probabilities 0.7 and 0.2.
        // -(ln 0.7 + ln 0.2) / 2 = (0.356675 + 1.609438) / 2 = 0.983056.
        SimpleMatrix y = new SimpleMatrix(new double[][] {{1, 0, 0}, {0, 0, 1}});
        SimpleMatrix p = new SimpleMatrix(new double[][] {{0.7, 0.2, 0.1}, {0.5, 0.3, 0.2}});
        assertEquals(0.983056, Losses.crossEntropy(y, p), 1e-6);
        // With two classes it is the binary cross-entropy of the second column.
        SimpleMatrix y2 = new SimpleMatrix(new double[][] {{0, 1}, {1, 0}});
        SimpleMatrix p2 = new SimpleMatrix(new double[][] {{0.4, 0.6}, {0.9, 0.1}});
        assertEquals(Losses.bce(new double[] {1, 0}, new double[] {0.6, 0.1}),
                Losses.crossEntropy(y2, p2), 1e-15);
        // A certain wrong answer costs -ln(2^-52) = 52 ln 2, not infinity.
        assertEquals(52 * Math.log(2), Losses.crossEntropy(
                new SimpleMatrix(new double[][] {{1, 0}}),
                new SimpleMatrix(new double[][] {{0, 1}})), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(y, new SimpleMatrix(new double[][] {{0.7, 0.7, 0.1}, {0.5, 0.3, 0.2}})));
        assertTrue(e.getMessage().contains("row 0") && e.getMessage().contains("softmax"),
                e.getMessage());
    }
}
