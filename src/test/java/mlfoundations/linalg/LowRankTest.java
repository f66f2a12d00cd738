package mlfoundations.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class LowRankTest {

    @Test
    void diagonalMatrixByHand() {
        // diag(5, 3, 1): A_1 keeps the 5, the error is sqrt(3^2 + 1^2) = sqrt(10); A_2 misses only the 1.
        LowRank lr = LowRank.of(SimpleMatrix.diag(1, 5, 3));
        assertEquals(3, lr.maxRank());
        assertEquals(Math.sqrt(35), lr.error(0), 1e-12);
        assertEquals(Math.sqrt(10), lr.error(1), 1e-12);
        assertEquals(1, lr.error(2), 1e-12);
        assertEquals(0, lr.error(3), 1e-12);
        SimpleMatrix a1 = lr.approximation(1);
        assertEquals(5, a1.get(1, 1), 1e-12);
        assertEquals(5, a1.elementSum(), 1e-12);
        assertEquals(25.0 / 35, lr.energy(1), 1e-12);
        assertEquals(Math.sqrt(10.0 / 35), lr.relativeError(1), 1e-12);
        assertEquals(0, lr.approximation(0).normF(), 0);
    }

    @Test
    void storageCountsTheFactors() {
        // A 64 x 48 matrix at rank 5: 5 columns of U (64), 5 of V (48) and 5 singular values.
        LowRank lr = LowRank.of(new SimpleMatrix(64, 48));
        assertEquals(5 * (64 + 48 + 1), lr.storage(5));
    }

    @Property(tries = 200)
    void measuredErrorIsTheRootOfTheDroppedSquaredSingularValues(@ForAll("anyMatrix") SimpleMatrix a) {
        LowRank lr = LowRank.of(a);
        double[] s = lr.svd().singularValues();
        for (int k = 0; k <= lr.maxRank(); k++) {
            double dropped = 0;
            for (int i = k; i < s.length; i++) {
                dropped += s[i] * s[i];
            }
            double measured = a.minus(lr.approximation(k)).normF();
            // Both sides carry round-off of order eps * ||A||; entries are at most 10 and there are at most 49.
            assertEquals(measured, Math.sqrt(dropped), 1e-10 * (1 + a.normF()));
            assertEquals(measured, lr.error(k), 1e-10 * (1 + a.normF()));
        }
        assertEquals(a.normF(), lr.error(0), 1e-12 * (1 + a.normF()));
    }

    @Property(tries = 200)
    void approximationHasRankK(@ForAll("anyMatrix") SimpleMatrix a) {
        LowRank lr = LowRank.of(a);
        int full = lr.svd().rank();
        for (int k = 1; k <= lr.maxRank(); k++) {
            assertTrue(Svd.of(lr.approximation(k)).rank() <= k);
        }
        assertTrue(Matrices.maxAbsDifference(lr.approximation(lr.maxRank()), a) < 1e-10 * (1 + a.normF()));
        assertTrue(full <= lr.maxRank());
    }

    /** Eckart-Young, tested directly: no other rank-k matrix (random factors B C, B m x k, C k x n) does better. */
    @Property(tries = 100)
    void noRandomRankKMatrixIsCloser(@ForAll("anyMatrix") SimpleMatrix a, @ForAll @LongRange(min = 1) long seed) {
        LowRank lr = LowRank.of(a);
        java.util.Random rnd = new java.util.Random(seed);
        int m = a.numRows();
        int n = a.numCols();
        for (int k = 1; k <= lr.maxRank(); k++) {
            double best = lr.error(k);
            for (int t = 0; t < 20; t++) {
                SimpleMatrix b = SimpleMatrix.random_DDRM(m, k, -3, 3, rnd);
                SimpleMatrix c = SimpleMatrix.random_DDRM(k, n, -3, 3, rnd);
                // Also try the optimal C for this B (least squares), a much stronger competitor than a random one.
                SimpleMatrix cBest = PseudoInverse.of(b).mult(a);
                assertTrue(a.minus(b.mult(c)).normF() >= best - 1e-9 * (1 + a.normF()));
                assertTrue(a.minus(b.mult(cBest)).normF() >= best - 1e-9 * (1 + a.normF()));
            }
        }
    }

    @Test
    void rankOutOfRangeIsAClearError() {
        LowRank lr = LowRank.of(new SimpleMatrix(4, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lr.approximation(4));
        assertEquals("rank k must be between 0 and min(m, n) = 3 for this 4x3 matrix, got 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lr.error(-1));
        assertThrows(IllegalArgumentException.class, () -> lr.storage(5));
    }

    @Provide
    Arbitrary<SimpleMatrix> anyMatrix() {
        return RandomMatrices.anyShape(7);
    }
}
