package mlfoundations.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import mlfoundations.stats.Rng;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    @Test
    void keepsEveryClassShareAndUsesEachRowOnce() {
        Rng.reset(11);
        // 90 rows of class 0 and 10 of class 1; x holds the row number so rows can be traced
        SimpleMatrix x = new SimpleMatrix(100, 1);
        SimpleMatrix y = new SimpleMatrix(100, 1);
        for (int i = 0; i < 100; i++) {
            x.set(i, 0, i);
            y.set(i, 0, i < 90 ? 0 : 1);
        }
        Split s = Split.stratified(x, y, 0.2);
        assertEquals(20, s.yTest().getNumRows());
        assertEquals(2.0, s.yTest().elementSum(), 0.0);     // 20% of the 10 positives
        assertEquals(8.0, s.yTrain().elementSum(), 0.0);
        int[] all = new int[100];
        for (int i = 0; i < 80; i++) {
            all[i] = (int) s.xTrain().get(i, 0);
            assertEquals(y.get(all[i], 0), s.yTrain().get(i, 0), 0.0);
        }
        for (int i = 0; i < 20; i++) {
            all[80 + i] = (int) s.xTest().get(i, 0);
        }
        Arrays.sort(all);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, all[i]);
        }
    }

    @Test
    void aClassMissingFromOnePartIsAnError() {
        SimpleMatrix x = new SimpleMatrix(21, 1);
        SimpleMatrix y = new SimpleMatrix(21, 1);
        y.set(20, 0, 1);   // one example of class 1: 20% of it rounds to none
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Split.stratified(x, y, 0.2));
        assertTrue(e.getMessage().contains("class 1.0") && e.getMessage().contains("none"), e.getMessage());
    }

    @Test
    void oneHotAndEncode() {
        SimpleMatrix oh = Labels.oneHot(new int[] {2, 0}, 3);
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0}, oh.getDDRM().getData(), 0.0);
        Labels.Encoded e = Labels.encode(new String[] {"virginica", "setosa", "virginica"});
        assertArrayEquals(new String[] {"setosa", "virginica"}, e.classes());
        assertArrayEquals(new int[] {1, 0, 1}, e.codes());
        assertArrayEquals(new int[] {2, 0}, Labels.argmax(oh));
        assertThrows(IllegalArgumentException.class, () -> Labels.oneHot(new int[] {3}, 3));
    }

    @Test
    void imbalancedBlobsHaveTheAskedShare() {
        Rng.reset(1);
        ToyData.Classification d = ToyData.imbalancedBlobs(200, 0.1, 2);
        assertEquals(20.0, d.y().elementSum(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> ToyData.imbalancedBlobs(5, 0.01, 2));
    }
}
