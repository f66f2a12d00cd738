package mlfoundations.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlfoundations.data.StandardScaler;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

/** Broadcasting on the document's examples, against expansion into full matrices, and its errors. */
class BroadcastTest {

    private static final SimpleMatrix X = new SimpleMatrix(new double[][] {{1, 2, 3}, {4, 5, 6}});

    private static void assertMatrix(double[][] expected, SimpleMatrix actual) {
        assertEquals(expected.length, actual.getNumRows());
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual.get(i, j), 0.0, "entry (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void theDocumentsRowExample() {
        // X (2x3) + [10, 20, 30] = [[11, 22, 33], [14, 25, 36]]
        SimpleMatrix v = new SimpleMatrix(new double[][] {{10, 20, 30}});
        assertMatrix(new double[][] {{11, 22, 33}, {14, 25, 36}}, Broadcast.addRow(X, v));
        assertMatrix(new double[][] {{11, 22, 33}, {14, 25, 36}}, Broadcast.add(X, v));
        assertMatrix(new double[][] {{-9, -18, -27}, {-6, -15, -24}}, Broadcast.subtractRow(X, v));
        assertMatrix(new double[][] {{10, 40, 90}, {40, 100, 180}}, Broadcast.multiplyRow(X, v));
        assertMatrix(new double[][] {{0.1, 0.1, 0.1}, {0.4, 0.25, 0.2}}, Broadcast.divideRow(X, v));
    }

    @Test
    void theDocumentsColumnExample() {
        // X (2x3) + [[1], [2]] = [[2, 3, 4], [6, 7, 8]]
        SimpleMatrix b = new SimpleMatrix(new double[][] {{1}, {2}});
        assertMatrix(new double[][] {{2, 3, 4}, {6, 7, 8}}, Broadcast.addColumn(X, b));
        assertMatrix(new double[][] {{2, 3, 4}, {6, 7, 8}}, Broadcast.add(b, X));
        assertMatrix(new double[][] {{0, 1, 2}, {2, 3, 4}}, Broadcast.subtractColumn(X, b));
        assertMatrix(new double[][] {{1, 2, 3}, {8, 10, 12}}, Broadcast.multiplyColumn(X, b));
        assertMatrix(new double[][] {{1, 2, 3}, {2, 2.5, 3}}, Broadcast.divideColumn(X, b));
    }

    @Test
    void pairwiseDifferencesFromAColumnAndARow() {
        // v[:, None] - v for v = 0..3: D_ij = i - j
        SimpleMatrix col = new SimpleMatrix(new double[][] {{0}, {1}, {2}, {3}});
        SimpleMatrix negRow = new SimpleMatrix(new double[][] {{0, -1, -2, -3}});
        SimpleMatrix d = Broadcast.add(col, negRow);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(i - j, d.get(i, j), 0.0);
            }
        }
        assertArrayEquals(new int[] {4, 4}, Broadcast.resultShape(col, negRow));
    }

    @Property(tries = 30)
    void broadcastingIsAdditionOfTheExpandedMatrix(@ForAll @IntRange(min = 1, max = 6) int m,
            @ForAll @IntRange(min = 1, max = 6) int n, @ForAll long seed) {
        // Broadcasting promises the result of expanding the vector into a full matrix and adding: exactly, since
        // each entry is the same single addition either way.
        java.util.Random rnd = new java.util.Random(seed);
        SimpleMatrix a = SimpleMatrix.random_DDRM(m, n, -5, 5, rnd);
        SimpleMatrix r = SimpleMatrix.random_DDRM(1, n, -5, 5, rnd);
        SimpleMatrix c = SimpleMatrix.random_DDRM(m, 1, -5, 5, rnd);
        assertEquals(0.0, Broadcast.addRow(a, r).minus(a.plus(Broadcast.expandRow(r, m))).elementMaxAbs(), 0.0);
        assertEquals(0.0, Broadcast.addColumn(a, c).minus(a.plus(Broadcast.expandColumn(c, n))).elementMaxAbs(), 0.0);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                assertEquals(r.get(0, j), Broadcast.expandRow(r, m).get(i, j), 0.0);
            }
        }
    }

    @Test
    void standardisingByBroadcastingMatchesTheScaler() {
        SimpleMatrix data = new SimpleMatrix(new double[][] {{1, 10}, {2, 20}, {3, 60}, {6, 30}});
        StandardScaler s = new StandardScaler().fit(data);
        SimpleMatrix z = Broadcast.divideRow(Broadcast.subtractRow(data, new SimpleMatrix(1, 2, true, s.mean())),
                new SimpleMatrix(1, 2, true, s.std()));
        assertTrue(z.minus(s.transform(data)).elementMaxAbs() < 1e-15);
        // and by hand: column 0 has mean 3 and population std sqrt(14/4)
        assertEquals((1 - 3) / Math.sqrt(3.5), z.get(0, 0), 1e-15);
    }

    @Test
    void shapeMismatchesNameBothShapes() {
        SimpleMatrix twoByTwo = new SimpleMatrix(2, 2);
        IllegalArgumentException general = assertThrows(IllegalArgumentException.class,
                () -> Broadcast.add(X, twoByTwo));
        assertEquals("cannot broadcast 2x3 and 2x2: columns 3 and 2 differ and neither is 1", general.getMessage());
        IllegalArgumentException row = assertThrows(IllegalArgumentException.class,
                () -> Broadcast.addRow(X, new SimpleMatrix(1, 2)));
        assertEquals("cannot add row-wise: a row vector 1x2 does not fit the rows of 2x3: the row needs 3 entries, "
                + "one per column", row.getMessage());
        IllegalArgumentException col = assertThrows(IllegalArgumentException.class,
                () -> Broadcast.addColumn(X, new SimpleMatrix(3, 1)));
        assertTrue(col.getMessage().contains("3x1") && col.getMessage().contains("2x3"), col.getMessage());
        IllegalArgumentException notRow = assertThrows(IllegalArgumentException.class,
                () -> Broadcast.addRow(X, new SimpleMatrix(3, 1)));
        assertTrue(notRow.getMessage().contains("transpose this column vector first"), notRow.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Broadcast.divideRow(X, new SimpleMatrix(new double[][] {{1, 0, 2}})));
        assertTrue(zero.getMessage().contains("a 0 at index 1"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Broadcast.expandRow(new SimpleMatrix(1, 2), 0));
        assertThrows(IllegalArgumentException.class, () -> Broadcast.addRow(null, new SimpleMatrix(1, 2)));
    }
}
