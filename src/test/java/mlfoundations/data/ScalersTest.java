package mlfoundations.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlfoundations.stats.Rng;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class ScalersTest {

    /** Columns with very different centres and spreads, sometimes a constant column. */
    private static SimpleMatrix data(int m, int n) {
        SimpleMatrix x = new SimpleMatrix(m, n);
        for (int j = 0; j < n; j++) {
            double centre = Rng.uniform(-1000, 1000);
            double spread = Math.pow(10, Rng.uniform(-3, 3));
            boolean constant = Rng.uniform() < 0.2;
            for (int i = 0; i < m; i++) {
                x.set(i, j, constant ? centre : centre + spread * Rng.normal());
            }
        }
        return x;
    }

    @Property(tries = 200)
    void inverseTransformUndoesTransform(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int m,
            @ForAll @IntRange(min = 1, max = 5) int n) {
        Rng.reset(seed);
        SimpleMatrix x = data(m, n);
        for (ColumnScaler s : new ColumnScaler[] {new StandardScaler(), new MinMaxScaler()}) {
            SimpleMatrix back = s.inverseTransform(s.fitTransform(x));
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(x.get(i, j), back.get(i, j), 1e-9 * (1 + Math.abs(x.get(i, j))),
                            s.getClass().getSimpleName() + " at " + i + "," + j);
                }
            }
        }
    }

    @Property(tries = 200)
    void standardisedColumnsHaveMeanZeroAndStdOneOrAreAllZero(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 30) int m, @ForAll @IntRange(min = 1, max = 5) int n) {
        Rng.reset(seed);
        SimpleMatrix x = data(m, n);
        SimpleMatrix z = new StandardScaler().fitTransform(x);
        for (int j = 0; j < n; j++) {
            double[] raw = ToyData.column(x, j);
            boolean constant = true;
            for (double v : raw) {
                constant &= v == raw[0];
            }
            double[] col = ToyData.column(z, j);
            if (constant) {
                // x - mean, where the mean of m copies of c is c up to rounding (about m eps |c|); scale 1.
                assertArrayEquals(new double[m], col, 4 * m * EPS * maxAbs(raw), "a constant column becomes 0");
                continue;
            }
            // Centring a column costs digits: the mean is rounded to about eps * max|x|, so every z carries an
            // error of about eps * max|x| / std (a column with centre 1000 and spread 0.001 loses seven digits;
            // with m = 2 the sample's own spread can be far smaller still). The tolerance follows that conditioning.
            double kappa = maxAbs(raw) / populationStd(raw);
            double tol = 16 * m * EPS * (kappa + 1);
            double mean = 0;
            for (double v : col) {
                mean += v / m;
            }
            double var = 0;
            for (double v : col) {
                var += (v - mean) * (v - mean) / m;
            }
            assertEquals(0, mean, tol, "column " + j + ", max|x| / std = " + kappa);
            assertEquals(1, var, 2 * tol, "column " + j + ", max|x| / std = " + kappa);
        }
    }

    private static final double EPS = Math.ulp(1.0);

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double d : v) {
            max = Math.max(max, Math.abs(d));
        }
        return max;
    }

    /** Two-pass population standard deviation, computed here independently of the scaler. */
    private static double populationStd(double[] v) {
        double mean = 0;
        for (double d : v) {
            mean += d;
        }
        mean /= v.length;
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        return Math.sqrt(ss / v.length);
    }

    @Property(tries = 200)
    void minMaxColumnsRunFromZeroToOne(@ForAll long seed, @ForAll @IntRange(min = 2, max = 30) int m,
            @ForAll @IntRange(min = 1, max = 5) int n) {
        Rng.reset(seed);
        SimpleMatrix x = data(m, n);
        SimpleMatrix z = new MinMaxScaler().fitTransform(x);
        for (int j = 0; j < n; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : ToyData.column(z, j)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            assertEquals(0, lo, 1e-12);
            assertTrue(Math.abs(hi - 1) < 1e-12 || hi == 0, "max is 1, or 0 for a constant column: " + hi);
        }
    }

    @Test
    void handWorkedStandardisation() {
        // column (1, 2, 3): mean 2, population std sqrt(2/3), so z = (-1, 0, 1) / sqrt(2/3) = (-1.2247..., 0, 1.2247...)
        SimpleMatrix x = new SimpleMatrix(new double[][] {{1, 10}, {2, 10}, {3, 10}});
        StandardScaler s = new StandardScaler().fit(x);
        assertArrayEquals(new double[] {2, 10}, s.mean(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(2.0 / 3), 1}, s.std(), 1e-15, "constant column gets scale 1");
        SimpleMatrix z = s.transform(x);
        assertEquals(-1.224744871391589, z.get(0, 0), 1e-12);
        assertEquals(0, z.get(1, 0), 1e-15);
        assertEquals(1.224744871391589, z.get(2, 0), 1e-12);
        assertEquals(0, z.get(2, 1), 0, "constant column becomes 0");
        // new data is scaled with the fitted statistics
        assertEquals((5 - 2) / Math.sqrt(2.0 / 3), s.transform(new SimpleMatrix(1, 2, true, 5, 10)).get(0, 0), 1e-12);
    }

    @Test
    void handWorkedMinMax() {
        SimpleMatrix x = new SimpleMatrix(new double[][] {{2, -1}, {4, -1}, {6, -1}});
        MinMaxScaler s = new MinMaxScaler().fit(x);
        assertArrayEquals(new double[] {2, -1}, s.min(), 0);
        assertArrayEquals(new double[] {6, -1}, s.max(), 0);
        SimpleMatrix z = s.transform(x);
        assertArrayEquals(new double[] {0, 0.5, 1}, ToyData.column(z, 0), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0}, ToyData.column(z, 1), 0);
        assertEquals(2.0, s.transform(new SimpleMatrix(1, 2, true, 10, -1)).get(0, 0), 1e-15, "outside the range");
    }

    @Test
    void badInput() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new StandardScaler().transform(new SimpleMatrix(2, 2)));
        assertTrue(e.getMessage().contains("not been fitted"), e.getMessage());
        MinMaxScaler s = new MinMaxScaler().fit(new SimpleMatrix(3, 2));
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> s.transform(new SimpleMatrix(3, 3)));
        assertTrue(w.getMessage().contains("fitted on 2 columns") && w.getMessage().contains("3x3"), w.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new StandardScaler().fit(new SimpleMatrix(0, 3)));
        assertTrue(empty.getMessage().contains("empty data of shape 0x3"), empty.getMessage());
        SimpleMatrix nan = new SimpleMatrix(2, 1, true, 1, Double.NaN);
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> new StandardScaler().fit(nan));
        assertTrue(n.getMessage().contains("NaN at row 1"), n.getMessage());
    }
}
