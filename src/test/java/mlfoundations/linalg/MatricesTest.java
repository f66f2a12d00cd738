package mlfoundations.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class MatricesTest {

    private static final double EPS = 1e-12;

    @Test
    void inverseOfAHandWorked2x2() {
        // [[4, 7], [2, 6]]: det = 24 - 14 = 10, inverse = (1/10) [[6, -7], [-2, 4]].
        SimpleMatrix a = Matrices.of(new double[][] {{4, 7}, {2, 6}});
        SimpleMatrix inv = Matrices.inverse(a);
        assertArrayEquals(new double[] {0.6, -0.7}, Matrices.row(inv, 0), EPS);
        assertArrayEquals(new double[] {-0.2, 0.4}, Matrices.row(inv, 1), EPS);
        assertTrue(Matrices.maxAbsDifference(Matrices.multiply(a, inv), Matrices.identity(2)) < EPS);
        assertTrue(Matrices.maxAbsDifference(Matrices.multiply(inv, a), Matrices.identity(2)) < EPS);
    }

    @Test
    void solveMatchesHandWorkedSystems() {
        // 2x + y = 5, x + 3y = 10  ->  x = 1, y = 3
        SimpleMatrix x2 = Matrices.solve(Matrices.of(new double[][] {{2, 1}, {1, 3}}), Matrices.columnVector(5, 10));
        assertArrayEquals(new double[] {1, 3}, Matrices.column(x2, 0), EPS);
        // x + y + z = 6, 2y + 5z = -4, 2x + 5y - z = 27  ->  x = 5, y = 3, z = -2
        SimpleMatrix a3 = Matrices.of(new double[][] {{1, 1, 1}, {0, 2, 5}, {2, 5, -1}});
        SimpleMatrix x3 = Matrices.solve(a3, Matrices.columnVector(6, -4, 27));
        assertArrayEquals(new double[] {5, 3, -2}, Matrices.column(x3, 0), 1e-12);
        // Same answer by the inverse, the slower route.
        SimpleMatrix viaInverse = Matrices.multiply(Matrices.inverse(a3), Matrices.columnVector(6, -4, 27));
        assertTrue(Matrices.maxAbsDifference(x3, viaInverse) < 1e-12);
    }

    @Property
    void inverseTimesMatrixIsIdentity(@ForAll("wellConditioned") SimpleMatrix a) {
        SimpleMatrix product = Matrices.multiply(a, Matrices.inverse(a));
        assertTrue(Matrices.maxAbsDifference(product, Matrices.identity(a.numRows())) < 1e-9);
    }

    @Provide
    Arbitrary<SimpleMatrix> wellConditioned() {
        // A random matrix plus 25 I is diagonally dominant (entries are at most 10), hence invertible.
        return Arbitraries.integers().between(1, 5).flatMap(n -> RandomMatrices.ofShape(n, n)
                .map(b -> b.plus(SimpleMatrix.identity(n).scale(25 + 10 * n))));
    }

    @Test
    void singularMatrixThrowsAClearMessage() {
        // The second row is twice the first.
        SimpleMatrix a = Matrices.of(new double[][] {{1, 2}, {2, 4}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matrices.inverse(a));
        assertTrue(e.getMessage().startsWith("cannot invert it: the matrix is singular or numerically singular "
                + "(condition number "), e.getMessage());
        assertTrue(e.getMessage().contains("above the limit 1e15"), e.getMessage());
        assertTrue(e.getMessage().contains("PseudoInverse.of(A)"), "names a way out: " + e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> Matrices.solve(a, Matrices.columnVector(1, 2)));
        assertTrue(s.getMessage().startsWith("cannot solve A x = b reliably: the matrix is singular or numerically "
                + "singular"), s.getMessage());
        assertTrue(s.getMessage().contains("PseudoInverse.solve(A, b)"), "names a way out: " + s.getMessage());
    }

    @Test
    void nearlySingularMatrixThrowsAndQuotesTheConditionNumber() {
        // Rows differ by 1e-15: the condition number is about 4 / 1e-15 = 4e15.
        SimpleMatrix a = Matrices.of(new double[][] {{1, 1}, {1, 1 + 1e-15}});
        double kappa = Matrices.conditionNumber(a);
        assertTrue(kappa > 1e15 && kappa < 1e16, "kappa = " + kappa);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matrices.inverse(a));
        assertTrue(e.getMessage().matches(".*condition number ~[1-9]e15, above the limit 1e15\\).*"), e.getMessage());
        // The matrix is invertible (determinant about 1e-15), so the solve refusal must not claim "no unique solution";
        // it says the answer would be meaningless, which is true: EJML's LU solve of b = (2, 2) gives exactly (2, 0),
        // while b = (2, 2 + 2^-51) moves x by a distance of order 1.
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> Matrices.solve(a, Matrices.columnVector(2, 2)));
        assertTrue(s.getMessage().contains("numerically singular (condition number ~"), s.getMessage());
        assertTrue(s.getMessage().contains("could change x completely"), s.getMessage());
        SimpleMatrix x = a.solve(Matrices.columnVector(2, 2));
        SimpleMatrix xNudged = a.solve(Matrices.columnVector(2, 2 + Math.ulp(2.0)));
        assertTrue(xNudged.minus(x).normF() > 0.1, "a nudge in the last bit of b moved x by only "
                + xNudged.minus(x).normF());
    }

    @Test
    void isSingularSwitchesAtTheNamedConditionNumber() {
        // diag(1, d) has condition number exactly 1/d: just below and just above the threshold.
        assertFalse(Matrices.isSingular(SimpleMatrix.diag(1, 1.0 / (0.5 * Matrices.SINGULAR_CONDITION))));
        assertTrue(Matrices.isSingular(SimpleMatrix.diag(1, 1.0 / (2 * Matrices.SINGULAR_CONDITION))));
        assertTrue(Matrices.isSingular(Matrices.of(new double[][] {{1, 2}, {2, 4}})), "rank 1");
        assertFalse(Matrices.isSingular(Matrices.identity(3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrices.isSingular(new SimpleMatrix(new double[][] {{1, Double.NaN}, {0, 1}})));
        assertTrue(e.getMessage().contains("(0, 1)") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void everyShapeMessageReadsTheSameWhicheverClassWasCalled() {
        String expected = "cannot multiply 2x4 by 5x1: inner dimensions 4 and 5 differ";
        SimpleMatrix a = new SimpleMatrix(2, 4);
        SimpleMatrix b = new SimpleMatrix(5, 1);
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> Matrices.multiply(a, b)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> MatMul.ejml(a, b)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> MatMul.ikj(new double[2][4], new double[5][1])).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> FastMatMul.multiply(new double[2][4], new double[5][1])).getMessage());
        String compare = "cannot compare 2x4 and 5x1: the shapes must be the same";
        assertEquals(compare, assertThrows(IllegalArgumentException.class,
                () -> Matrices.maxAbsDifference(a, b)).getMessage());
        assertEquals(compare, assertThrows(IllegalArgumentException.class,
                () -> MatMul.maxAbsDifference(new double[2][4], b)).getMessage());
        assertEquals("2x4", Matrices.shape(a.getDDRM()));
    }

    @Test
    void maxAbsDifferenceRefusesToHideANaN() {
        SimpleMatrix a = new SimpleMatrix(new double[][] {{1, Double.NaN}});
        SimpleMatrix b = new SimpleMatrix(new double[][] {{1, 2}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matrices.maxAbsDifference(a, b));
        assertTrue(e.getMessage().contains("(0, 1)"), e.getMessage());
        // |3 - 1| = 2 beats |-1 - 0| = 1: the largest gap, by hand.
        assertEquals(2.0, Matrices.maxAbsDifference(new double[][] {{3, -1}}, new double[][] {{1, 0}}));
    }

    @Test
    void conditionNumberOfADiagonalMatrixIsTheRatioOfItsExtremes() {
        assertEquals(1.0, Matrices.conditionNumber(Matrices.identity(3)), EPS);
        assertEquals(1000.0, Matrices.conditionNumber(SimpleMatrix.diag(2, -0.5, 0.002)), 1e-9);
    }

    @Test
    void shapeErrorsNameBothShapes() {
        SimpleMatrix a = new SimpleMatrix(3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matrices.multiply(a, a));
        assertEquals("cannot multiply 3x2 by 3x2: inner dimensions 2 and 3 differ", e.getMessage());
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                () -> Matrices.elementMultiply(a, a.transpose()));
        assertTrue(h.getMessage().contains("3x2") && h.getMessage().contains("2x3"), h.getMessage());
        IllegalArgumentException sq = assertThrows(IllegalArgumentException.class, () -> Matrices.inverse(a));
        assertTrue(sq.getMessage().contains("3x2") && sq.getMessage().contains("square"), sq.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> Matrices.solve(Matrices.identity(2), Matrices.columnVector(1, 2, 3)));
        assertTrue(b.getMessage().contains("2x2") && b.getMessage().contains("3x1"), b.getMessage());
    }

    @Test
    void matrixProductAndElementWiseProductByHand() {
        SimpleMatrix a = Matrices.of(new double[][] {{1, 2}, {3, 4}});
        SimpleMatrix b = Matrices.of(new double[][] {{5, 6}, {7, 8}});
        // [[1*5 + 2*7, 1*6 + 2*8], [3*5 + 4*7, 3*6 + 4*8]]
        assertArrayEquals(new double[][] {{19, 22}, {43, 50}}, Matrices.toArray(Matrices.multiply(a, b)));
        assertArrayEquals(new double[][] {{5, 12}, {21, 32}}, Matrices.toArray(Matrices.elementMultiply(a, b)));
    }

    @Property
    void transposeOfAProductIsTheProductOfTransposesReversed(@ForAll("pairs") Tuple.Tuple2<SimpleMatrix, SimpleMatrix> ab) {
        SimpleMatrix a = ab.get1();
        SimpleMatrix b = ab.get2();
        SimpleMatrix left = Matrices.multiply(a, b).transpose();
        SimpleMatrix right = Matrices.multiply(b.transpose(), a.transpose());
        assertTrue(Matrices.maxAbsDifference(left, right) < 1e-10);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<SimpleMatrix, SimpleMatrix>> pairs() {
        Arbitrary<Integer> dim = Arbitraries.integers().between(1, 6);
        return Combinators.combine(dim, dim, dim).flatAs((m, k, n) -> Combinators
                .combine(RandomMatrices.ofShape(m, k), RandomMatrices.ofShape(k, n)).as(Tuple::of));
    }

    @Test
    void vectorsHaveTheRightShape() {
        assertEquals("3x1", Matrices.shape(Matrices.columnVector(1, 2, 3)));
        assertEquals("1x3", Matrices.shape(Matrices.rowVector(1, 2, 3)));
        assertEquals("2x4", Matrices.shape(Matrices.zeros(2, 4)));
    }

    @Test
    void raggedOrNonFiniteInputIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrices.of(new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1 has 1"), e.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Matrices.of(new double[][] {{1, Double.NaN}}));
        assertTrue(nan.getMessage().contains("(0, 1)"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Matrices.identity(0));
    }

    @Test
    void formatAlignsColumnsLikeNumPy() {
        SimpleMatrix a = Matrices.of(new double[][] {{1, -2.5}, {10, -0.0000001}});
        assertEquals("[[ 1.00  -2.50]\n [10.00   0.00]]", Matrices.format(a, 2));
    }

    @Test
    void formatOfALargeMatrixShowsOnlyTheEdges() {
        SimpleMatrix big = new SimpleMatrix(20, 30);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 30; j++) {
                big.set(i, j, 100 * i + j);
            }
        }
        String s = Matrices.format(big, 0);
        String[] lines = s.split("\n");
        // 3 rows, one "..." row, 3 rows.
        assertEquals(7, lines.length, s);
        assertTrue(lines[3].trim().equals("..."), s);
        assertTrue(lines[0].startsWith("[[   0     1     2   ...    27    28    29]"), s);
        assertTrue(lines[6].contains("1929]]"), s);
        assertFalse(s.contains("1015"), "a middle entry should be hidden: " + s);
        assertTrue(s.length() < 400);
    }
}
