package mlfoundations.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    private static final double EPS = 1e-12;

    @Test
    void handWorked2x2() {
        // det([[2 - l, 1], [1, 2 - l]]) = (2 - l)^2 - 1 = 0  ->  l = 3 or l = 1,
        // with eigenvectors (1, 1) / sqrt 2 and (1, -1) / sqrt 2.
        SymmetricEigen e = SymmetricEigen.of(Matrices.of(new double[][] {{2, 1}, {1, 2}}));
        assertArrayEquals(new double[] {3, 1}, e.values(), EPS);
        double r = 1 / Math.sqrt(2);
        assertArrayEquals(new double[] {r, r}, e.vector(0), EPS);
        // Both components tie in size: the first is made positive.
        assertArrayEquals(new double[] {r, -r}, e.vector(1), EPS);
    }

    @Test
    void diagonalMatrixIsSortedDescendingWithUnitVectors() {
        SymmetricEigen e = SymmetricEigen.of(SimpleMatrix.diag(1, 5, -3));
        assertArrayEquals(new double[] {5, 1, -3}, e.values(), EPS);
        assertArrayEquals(new double[] {0, 1, 0}, e.vector(0), EPS);
        assertArrayEquals(new double[] {1, 0, 0}, e.vector(1), EPS);
        assertArrayEquals(new double[] {0, 0, 1}, e.vector(2), EPS);
    }

    @Test
    void signConventionMakesTheLargestComponentPositive() {
        // Eigenvalues of [[1, 2], [2, -2]] are 2 and -3 (trace -1, determinant -6);
        // eigenvectors (2, 1) / sqrt 5 and (1, -2) / sqrt 5, the second flipped to (-1, 2) / sqrt 5.
        SymmetricEigen e = SymmetricEigen.of(Matrices.of(new double[][] {{1, 2}, {2, -2}}));
        double r = Math.sqrt(5);
        assertArrayEquals(new double[] {2, -3}, e.values(), EPS);
        assertArrayEquals(new double[] {2 / r, 1 / r}, e.vector(0), EPS);
        assertArrayEquals(new double[] {-1 / r, 2 / r}, e.vector(1), EPS);
    }

    @Property
    void eigenPairsSatisfyTheDefinitionAndReconstructA(@ForAll("symmetric") SimpleMatrix a) {
        SymmetricEigen e = SymmetricEigen.of(a);
        int n = a.numRows();
        double[] values = e.values();
        SimpleMatrix v = e.vectors();
        double trace = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            trace += a.get(i, i);
            sum += values[i];
            if (i > 0) {
                assertTrue(values[i - 1] >= values[i], "not descending");
            }
            // A v = lambda v
            SimpleMatrix vi = v.extractVector(false, i);
            assertTrue(Matrices.maxAbsDifference(a.mult(vi), vi.scale(values[i])) < 1e-10);
        }
        assertEquals(trace, sum, 1e-10);
        assertTrue(Matrices.maxAbsDifference(v.transpose().mult(v), Matrices.identity(n)) < 1e-10);
        assertTrue(Matrices.maxAbsDifference(e.reconstruct(), a) < 1e-10);
    }

    @Provide
    Arbitrary<SimpleMatrix> symmetric() {
        return RandomMatrices.symmetric(6);
    }

    @Test
    void rejectsNonSymmetricAndNonSquareInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.of(Matrices.of(new double[][] {{1, 2}, {3, 4}})));
        assertTrue(e.getMessage().contains("not symmetric") && e.getMessage().contains("(0, 1) = 2.0")
                && e.getMessage().contains("(1, 0) = 3.0"), e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.of(new SimpleMatrix(2, 3)));
        assertTrue(s.getMessage().contains("2x3") && s.getMessage().contains("square"), s.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(Matrices.identity(2)).vector(2));
    }
}
