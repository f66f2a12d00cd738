package mlfoundations.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import mlfoundations.stats.Rng;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class SplitTest {

    /** Row i of X is (i, 10 i) and y_i = 100 i, so every row says where it came from. */
    private static SimpleMatrix[] indexed(int m) {
        SimpleMatrix x = new SimpleMatrix(m, 2);
        SimpleMatrix y = new SimpleMatrix(m, 1);
        for (int i = 0; i < m; i++) {
            x.set(i, 0, i);
            x.set(i, 1, 10 * i);
            y.set(i, 0, 100 * i);
        }
        return new SimpleMatrix[] {x, y};
    }

    @Test
    void sizesFollowScikitLearn() {
        SimpleMatrix[] d = indexed(10);
        Split s = Split.trainTestSplit(d[0], d[1], 0.25);
        assertEquals(3, s.xTest().getNumRows(), "ceil(0.25 * 10) = 3");
        assertEquals(7, s.xTrain().getNumRows());
        assertEquals(3, s.yTest().getNumRows());
        assertEquals(7, s.yTrain().getNumRows());
    }

    @Property(tries = 100)
    void partsDoNotOverlapCoverEverythingAndKeepRowsAligned(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 60) int m, @ForAll @DoubleRange(min = 0.01, max = 0.5) double f) {
        Rng.reset(seed);
        SimpleMatrix[] d = indexed(m);
        Split s = Split.trainTestSplit(d[0], d[1], f);
        int[] all = new int[m];
        int k = 0;
        for (int r : s.trainRows()) {
            all[k++] = r;
        }
        for (int r : s.testRows()) {
            all[k++] = r;
        }
        Arrays.sort(all);
        for (int i = 0; i < m; i++) {
            assertEquals(i, all[i], "every row used exactly once");
        }
        for (int r = 0; r < s.testRows().length; r++) {
            int orig = s.testRows()[r];
            assertEquals(orig, s.xTest().get(r, 0), 0);
            assertEquals(10 * orig, s.xTest().get(r, 1), 0);
            assertEquals(100 * orig, s.yTest().get(r, 0), 0);
        }
        for (int r = 0; r < s.trainRows().length; r++) {
            assertEquals(100 * s.trainRows()[r], s.yTrain().get(r, 0), 0);
            assertEquals(s.trainRows()[r], s.xTrain().get(r, 0), 0);
        }
    }

    @Test
    void sameSeedSameSplit() {
        SimpleMatrix[] d = indexed(20);
        Rng.reset(5);
        int[] a = Split.trainTestSplit(d[0], d[1], 0.3).testRows();
        Rng.reset(5);
        int[] b = Split.trainTestSplit(d[0], d[1], 0.3).testRows();
        assertArrayEquals(a, b);
    }

    @Test
    void badInput() {
        SimpleMatrix[] d = indexed(4);
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> Split.trainTestSplit(d[0], d[1], 1.0));
        assertTrue(f.getMessage().contains("between 0 and 1, got 1.0"), f.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> Split.trainTestSplit(d[0], new SimpleMatrix(3, 1), 0.5));
        assertTrue(rows.getMessage().contains("4x2") && rows.getMessage().contains("3x1"), rows.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Split.trainTestSplit(new SimpleMatrix(1, 1), new SimpleMatrix(1, 1), 0.5));
        assertTrue(none.getMessage().contains("leaves no training examples"), none.getMessage());
    }
}
