package mlfoundations.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BinaryOperator;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

import mlfoundations.stats.Rng;

class MatMulTest {

    /** The two loop versions, so each check runs on both. */
    private static final BinaryOperator<double[][]> NAIVE = MatMul::naive;
    private static final BinaryOperator<double[][]> IKJ = MatMul::ikj;

    @Test
    void handWorkedTwoByTwoProduct() {
        // [1 2; 3 4] [5 6; 7 8] = [1*5+2*7, 1*6+2*8; 3*5+4*7, 3*6+4*8] = [19 22; 43 50]
        double[][] a = {{1, 2}, {3, 4}};
        double[][] b = {{5, 6}, {7, 8}};
        double[][] expected = {{19, 22}, {43, 50}};
        for (BinaryOperator<double[][]> mult : new BinaryOperator[] {NAIVE, IKJ}) {
            double[][] c = mult.apply(a, b);
            assertArrayEquals(expected[0], c[0], 0.0);
            assertArrayEquals(expected[1], c[1], 0.0);
        }
        assertEquals(0.0, MatMul.maxAbsDifference(expected, MatMul.ejml(MatMul.toSimple(a), MatMul.toSimple(b))));
        assertEquals(0.0,
                MatMul.maxAbsDifference(expected, MatMul.ejmlSingleThread(MatMul.toSimple(a), MatMul.toSimple(b))));
    }

    @Test
    void rectangularProductByHand() {
        // (2x3)(3x1): [1 0 2; -1 3 1] [3; 2; 1] = [1*3+0*2+2*1; -3+6+1] = [5; 4]
        double[][] a = {{1, 0, 2}, {-1, 3, 1}};
        double[][] b = {{3}, {2}, {1}};
        for (BinaryOperator<double[][]> mult : new BinaryOperator[] {NAIVE, IKJ}) {
            double[][] c = mult.apply(a, b);
            assertEquals(2, c.length);
            assertEquals(1, c[0].length);
            assertEquals(5.0, c[0][0]);
            assertEquals(4.0, c[1][0]);
        }
    }

    @Test
    void loopsAgreeWithEjmlOnLargeRandomMatrices() {
        Rng.reset(42);
        double[][] a = MatMul.random(120, 90);
        double[][] b = MatMul.random(90, 110);
        SimpleMatrix lib = MatMul.ejml(MatMul.toSimple(a), MatMul.toSimple(b));
        assertTrue(MatMul.maxAbsDifference(MatMul.naive(a, b), lib) < 1e-9);
        assertTrue(MatMul.maxAbsDifference(MatMul.ikj(a, b), lib) < 1e-9);
        assertTrue(MatMul.maxAbsDifference(MatMul.ikj(a, b),
                MatMul.ejmlSingleThread(MatMul.toSimple(a), MatMul.toSimple(b))) < 1e-9);
    }

    @Property(tries = 200)
    void loopsAgreeWithEjmlForAnyShape(@ForAll @IntRange(min = 1, max = 9) int n,
            @ForAll @IntRange(min = 1, max = 9) int m, @ForAll @IntRange(min = 1, max = 9) int p,
            @ForAll long seed) {
        Rng.reset(seed);
        double[][] a = MatMul.random(n, m);
        double[][] b = MatMul.random(m, p);
        SimpleMatrix lib = MatMul.ejml(MatMul.toSimple(a), MatMul.toSimple(b));
        assertEquals(n, lib.getNumRows());
        assertEquals(p, lib.getNumCols());
        assertTrue(MatMul.maxAbsDifference(MatMul.naive(a, b), lib) < 1e-9);
        assertTrue(MatMul.maxAbsDifference(MatMul.ikj(a, b), lib) < 1e-9);
    }

    @Property(tries = 200)
    void transposeOfProductIsProductOfTransposesReversed(@ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll @IntRange(min = 1, max = 8) int m, @ForAll @IntRange(min = 1, max = 8) int p,
            @ForAll long seed) {
        Rng.reset(seed);
        double[][] a = MatMul.random(n, m);
        double[][] b = MatMul.random(m, p);
        for (BinaryOperator<double[][]> mult : new BinaryOperator[] {NAIVE, IKJ}) {
            double[][] left = transpose(mult.apply(a, b));
            double[][] right = mult.apply(transpose(b), transpose(a));
            assertTrue(MatMul.maxAbsDifference(left, right) < 1e-12);
        }
    }

    @Property(tries = 100)
    void identityIsNeutral(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll @IntRange(min = 1, max = 8) int m,
            @ForAll long seed) {
        Rng.reset(seed);
        double[][] a = MatMul.random(n, m);
        for (BinaryOperator<double[][]> mult : new BinaryOperator[] {NAIVE, IKJ}) {
            // Multiplying by 1s and 0s adds exact zeros, so the result is bit-for-bit the input.
            assertEquals(0.0, MatMul.maxAbsDifference(mult.apply(identity(n), a), a));
            assertEquals(0.0, MatMul.maxAbsDifference(mult.apply(a, identity(m)), a));
        }
    }

    @Test
    void conversionsRoundTrip() {
        double[][] a = {{1.5, -2}, {0, 3}, {7, 8}};
        SimpleMatrix s = MatMul.toSimple(a);
        assertEquals(3, s.getNumRows());
        assertEquals(2, s.getNumCols());
        assertEquals(-2.0, s.get(0, 1));
        assertEquals(7.0, s.get(2, 0));
        assertEquals(0.0, MatMul.maxAbsDifference(a, Matrices.toArray(s)));
        a[0][0] = 99;
        assertEquals(1.5, s.get(0, 0), "toSimple copies, so later changes to the array do not leak in");
    }

    @Test
    void maxAbsDifferenceFindsTheLargestGap() {
        double[][] a = {{1, 2}, {3, 4}};
        double[][] b = {{1, 2.5}, {2, 4}};
        assertEquals(1.0, MatMul.maxAbsDifference(a, b));
        assertEquals(1.0, MatMul.maxAbsDifference(b, a));
    }

    @Test
    void flopsCountsTwoPerTerm() {
        // 500x500 by 500x500: 250,000 entries, each 500 multiplies and 500 adds.
        assertEquals(250_000_000.0, MatMul.flops(500, 500, 500));
        assertEquals(2 * 2 * 3 * 4, MatMul.flops(2, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> MatMul.flops(0, 3, 4));
    }

    @Test
    void randomDrawsFromTheSeededSourceWithStandardNormalMoments() {
        Rng.reset(1);
        double[][] first = MatMul.random(200, 200);
        Rng.reset(1);
        assertEquals(0.0, MatMul.maxAbsDifference(first, MatMul.random(200, 200)), "same seed, same matrix");
        double sum = 0;
        double sumSq = 0;
        for (double[] row : first) {
            for (double v : row) {
                sum += v;
                sumSq += v * v;
            }
        }
        double count = 200 * 200;
        // mean 0 and variance 1, within about 5 standard errors (1/200 and sqrt(2)/200)
        assertEquals(0.0, sum / count, 0.025);
        assertEquals(1.0, sumSq / count, 0.04);
    }

    @Test
    void shapeErrorsNameBothShapes() {
        double[][] a = new double[3][2];
        double[][] b = new double[3][2];
        for (BinaryOperator<double[][]> mult : new BinaryOperator[] {NAIVE, IKJ}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mult.apply(a, b));
            assertEquals("cannot multiply 3x2 by 3x2: inner dimensions 2 and 3 differ", e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatMul.ejml(new SimpleMatrix(2, 4), new SimpleMatrix(5, 1)));
        assertEquals("cannot multiply 2x4 by 5x1: inner dimensions 4 and 5 differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MatMul.ejmlSingleThread(new SimpleMatrix(2, 4), new SimpleMatrix(5, 1)));
        assertEquals("cannot multiply 2x4 by 5x1: inner dimensions 4 and 5 differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MatMul.maxAbsDifference(new double[2][3], new double[3][2]));
        assertEquals("cannot compare 2x3 and 3x2: the shapes must be the same", e.getMessage());
    }

    @Test
    void raggedEmptyAndNullInputsAreRejectedByName() {
        double[][] ragged = {{1, 2, 3}, {4, 5, 6}, {7, 8}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatMul.naive(ragged, new double[3][1]));
        assertTrue(e.getMessage().contains("matrix a is ragged"), e.getMessage());
        assertTrue(e.getMessage().contains("row 2 has 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatMul.ikj(new double[2][3], ragged));
        assertTrue(e.getMessage().contains("matrix b is ragged"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatMul.ikj(new double[0][0], new double[1][1]));
        assertEquals("matrix a has no rows", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatMul.naive(new double[1][1], null));
        assertEquals("matrix b is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatMul.toSimple(new double[][] {{1}, null}));
        assertTrue(e.getMessage().contains("null row at index 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatMul.random(0, 3));
        assertTrue(e.getMessage().contains("0x3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MatMul.maxAbsDifference(new double[][] {{Double.NaN}}, new double[][] {{1}}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
    }
}
