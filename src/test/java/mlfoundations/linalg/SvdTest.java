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

class SvdTest {

    @Test
    void handWorked2x2() {
        // A^T A = [[25, 20], [20, 25]] has eigenvalues 45 and 5, so sigma = sqrt 45 = 3 sqrt 5 and sqrt 5.
        Svd svd = Svd.of(Matrices.of(new double[][] {{3, 0}, {4, 5}}));
        assertArrayEquals(new double[] {3 * Math.sqrt(5), Math.sqrt(5)}, svd.singularValues(), 1e-12);
        // Right singular vectors = eigenvectors of A^T A: (1, 1) / sqrt 2 and (1, -1) / sqrt 2.
        double r = 1 / Math.sqrt(2);
        assertArrayEquals(new double[] {r, r}, Matrices.column(svd.v(), 0), 1e-12);
        assertArrayEquals(new double[] {r, -r}, Matrices.column(svd.v(), 1), 1e-12);
    }

    @Property
    void uSVTransposeIsA(@ForAll("anyMatrix") SimpleMatrix a) {
        Svd svd = Svd.of(a);
        int r = Math.min(a.numRows(), a.numCols());
        assertEquals(a.numRows() + "x" + r, Matrices.shape(svd.u()));
        assertEquals(a.numCols() + "x" + r, Matrices.shape(svd.v()));
        assertTrue(Matrices.maxAbsDifference(svd.reconstruct(), a) < 1e-10);
        assertTrue(Matrices.maxAbsDifference(svd.u().transpose().mult(svd.u()), Matrices.identity(r)) < 1e-10);
        assertTrue(Matrices.maxAbsDifference(svd.v().transpose().mult(svd.v()), Matrices.identity(r)) < 1e-10);
        double[] s = svd.singularValues();
        for (int i = 0; i < r; i++) {
            assertTrue(s[i] >= 0);
            if (i > 0) {
                assertTrue(s[i - 1] >= s[i]);
            }
        }
    }

    @Property
    void singularValuesAreSquareRootsOfTheEigenvaluesOfATransposeA(@ForAll("anyMatrix") SimpleMatrix a) {
        double[] s = Svd.of(a).singularValues();
        // The larger of A^T A and A A^T has extra zero eigenvalues; the smaller one has exactly min(m, n).
        SimpleMatrix gram = a.numRows() >= a.numCols() ? a.transpose().mult(a) : a.mult(a.transpose());
        double[] lambda = SymmetricEigen.of(gram).values();
        for (int i = 0; i < s.length; i++) {
            assertEquals(Math.sqrt(Math.max(0, lambda[i])), s[i], 1e-6 * Math.max(1, s[0]));
        }
    }

    @Property
    void rankKErrorIsTheSizeOfTheDroppedSingularValues(@ForAll("anyMatrix") SimpleMatrix a) {
        Svd svd = Svd.of(a);
        double[] s = svd.singularValues();
        for (int k = 1; k <= s.length; k++) {
            // Eckart-Young: ||A - A_k||_F^2 = sigma_{k+1}^2 + ... + sigma_r^2
            double dropped = 0;
            for (int i = k; i < s.length; i++) {
                dropped += s[i] * s[i];
            }
            double err = a.minus(svd.rankK(k)).normF();
            assertEquals(Math.sqrt(dropped), err, 1e-9 * Math.max(1, s[0]));
        }
    }

    @Provide
    Arbitrary<SimpleMatrix> anyMatrix() {
        return RandomMatrices.anyShape(7);
    }

    @Test
    void rankOfARankOneMatrix() {
        SimpleMatrix a = Matrices.of(new double[][] {{1, 2, 3}, {2, 4, 6}});
        Svd svd = Svd.of(a);
        assertEquals(1, svd.rank());
        assertTrue(Matrices.maxAbsDifference(svd.rankK(1), a) < 1e-12);
        assertThrows(IllegalArgumentException.class, () -> svd.rankK(3));
        assertEquals(2, Svd.of(Matrices.identity(2)).rank());
    }

    @Test
    void signConventionIsTheSameAsTheEigenDecomposition() {
        SimpleMatrix a = Matrices.of(new double[][] {{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}, {1, 1, 1}});
        SimpleMatrix v = Svd.of(a).v();
        SimpleMatrix w = SymmetricEigen.of(a.transpose().mult(a)).vectors();
        assertTrue(Matrices.maxAbsDifference(v, w) < 1e-9);
    }
}
