package mlfoundations.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlfoundations.stats.Rng;
import org.junit.jupiter.api.Test;

class ToyDataTest {

    @Test
    void shapesRangeAndNoiseFreeLine() {
        Rng.reset(1);
        ToyData.Regression d = ToyData.line(50, 4, 3, 0, 2, 0.0);
        assertEquals(50, d.x().getNumRows());
        assertEquals(1, d.x().getNumCols());
        assertEquals(50, d.y().getNumRows());
        assertEquals(1, d.y().getNumCols());
        for (int i = 0; i < 50; i++) {
            double x = d.x().get(i, 0);
            assertTrue(x >= 0 && x < 2, "x out of range: " + x);
            assertEquals(4 + 3 * x, d.y().get(i, 0), 1e-12);
        }
    }

    @Test
    void sameSeedSameDataAndDrawOrderIsXThenNoise() {
        Rng.reset(7);
        ToyData.Regression a = ToyData.line(20, 4, 3, 0, 2, 0.5);
        Rng.reset(7);
        double[] xs = Rng.uniform(0, 2, 20);
        double[] noise = Rng.normal(0, 0.5, 20);
        assertArrayEquals(xs, a.xs());
        for (int i = 0; i < 20; i++) {
            assertEquals(4 + 3 * xs[i] + noise[i], a.ys()[i], 1e-12);
        }
    }

    @Test
    void residualsHaveTheRequestedSpread() {
        Rng.reset(3);
        int m = 200_000;
        ToyData.Regression d = ToyData.line(m, 4, 3, 0, 2, 0.5);
        double[] xs = d.xs();
        double[] ys = d.ys();
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < m; i++) {
            double e = ys[i] - (4 + 3 * xs[i]);
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / m;
        // standard error of the mean is 0.5 / sqrt(200000) ~ 0.0011; of the std about 0.5 / sqrt(400000) ~ 0.0008
        assertEquals(0.0, mean, 0.006);
        assertEquals(0.5, Math.sqrt(sumSq / m - mean * mean), 0.005);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToyData.line(0, 4, 3, 0, 2, 0.5));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ToyData.line(10, 4, 3, 2, 0, 0.5));
        assertTrue(e.getMessage().contains("[2.0, 0.0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ToyData.line(10, 4, 3, 0, 2, -1));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
    }
}
