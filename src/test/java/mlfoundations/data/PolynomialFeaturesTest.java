package mlfoundations.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class PolynomialFeaturesTest {

    private static double[] row(SimpleMatrix a, int i) {
        double[] out = new double[a.getNumCols()];
        for (int j = 0; j < out.length; j++) {
            out[j] = a.get(i, j);
        }
        return out;
    }

    @Test
    void powersOfOneColumnByHand() {
        SimpleMatrix p = PolynomialFeatures.powers(new SimpleMatrix(3, 1, true, 2, -3, 0.5), 3);
        assertArrayEquals(new double[] {2, 4, 8}, row(p, 0), 0);
        assertArrayEquals(new double[] {-3, 9, -27}, row(p, 1), 0);
        assertArrayEquals(new double[] {0.5, 0.25, 0.125}, row(p, 2), 0);
    }

    @Test
    void powersOfTwoColumnsHaveNoProducts() {
        SimpleMatrix p = PolynomialFeatures.powers(new SimpleMatrix(1, 2, true, 2, 3), 2);
        assertArrayEquals(new double[] {2, 4, 3, 9}, row(p, 0), 0);
    }

    @Test
    void expandMatchesScikitLearnOrderByHand() {
        // sklearn PolynomialFeatures(2, include_bias=False) on [a, b] gives a, b, a^2, a b, b^2
        SimpleMatrix e = PolynomialFeatures.expand(new SimpleMatrix(1, 2, true, 2, 3), 2);
        assertArrayEquals(new double[] {2, 3, 4, 6, 9}, row(e, 0), 0);
        assertArrayEquals(new String[] {"x0", "x1", "x0^2", "x0 x1", "x1^2"},
                PolynomialFeatures.names(new String[] {"x0", "x1"}, 2));
        // degree 3 on [a, b]: ..., a^3, a^2 b, a b^2, b^3
        SimpleMatrix e3 = PolynomialFeatures.expand(new SimpleMatrix(1, 2, true, 2, 3), 3);
        assertArrayEquals(new double[] {2, 3, 4, 6, 9, 8, 12, 18, 27}, row(e3, 0), 0);
        assertEquals("x0^2 x1", PolynomialFeatures.names(new String[] {"x0", "x1"}, 3)[6]);
    }

    @Property(tries = 50)
    void expandHasBinomialManyColumns(@ForAll @IntRange(min = 1, max = 5) int k,
            @ForAll @IntRange(min = 1, max = 4) int d) {
        long binom = 1;
        for (int i = 1; i <= d; i++) {
            binom = binom * (k + i) / i;
        }
        assertEquals(binom - 1, PolynomialFeatures.expand(new SimpleMatrix(2, k), d).getNumCols());
    }

    @Test
    void badInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolynomialFeatures.powers(new SimpleMatrix(3, 1), 0));
        assertTrue(e.getMessage().contains("at least 1, got 0"), e.getMessage());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> PolynomialFeatures.expand(new SimpleMatrix(2, 30), 5));
        assertTrue(big.getMessage().contains("degree 5 on 30 columns"), big.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> PolynomialFeatures.expand(new SimpleMatrix(0, 1), 2));
        assertTrue(empty.getMessage().contains("0x1"), empty.getMessage());
    }
}
