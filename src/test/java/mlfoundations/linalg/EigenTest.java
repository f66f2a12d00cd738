package mlfoundations.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class EigenTest {

    @Test
    void nonSymmetric2x2ByHand() {
        // [[4, 1], [2, 3]]: lambda^2 - 7 lambda + 10 = 0, so lambda = 5 and 2;
        // (A - 5I) v = 0 gives v = (1, 1), (A - 2I) v = 0 gives v = (1, -2).
        Eigen e = Eigen.of(Matrices.of(new double[][] {{4, 1}, {2, 3}}));
        assertArrayEquals(new double[] {5, 2}, e.values(), 1e-12);
        double r2 = 1 / Math.sqrt(2);
        double r5 = 1 / Math.sqrt(5);
        assertArrayEquals(new double[] {r2, r2}, e.vector(0), 1e-12);
        assertArrayEquals(new double[] {-r5, 2 * r5}, e.vector(1), 1e-12);   // oriented: largest entry positive
        assertTrue(Matrices.maxAbsDifference(e.reconstruct(), Matrices.of(new double[][] {{4, 1}, {2, 3}})) < 1e-12);
    }

    /** A = P D P^-1 with known eigenvalues D and a well-conditioned P (||P - I|| <= 1/2, so cond(P) <= 3). */
    @Property(tries = 200)
    void recoversPlantedEigenvalues(@ForAll("planted") Object[] case_) {
        double[] d = (double[]) case_[0];
        SimpleMatrix p = (SimpleMatrix) case_[1];
        SimpleMatrix a = p.mult(SimpleMatrix.diag(d)).mult(p.invert());
        Eigen e = Eigen.of(a);
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        double[] expected = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            expected[i] = sorted[d.length - 1 - i];
        }
        // Eigenvalue error <= cond(P) * eps * ||A|| (Bauer-Fike), about 3 * 2e-16 * 30 here; allow far more.
        assertArrayEquals(expected, e.values(), 1e-9);
        for (int i = 0; i < d.length; i++) {
            SimpleMatrix v = Matrices.columnVector(e.vector(i));
            assertEquals(1, v.normF(), 1e-12);
            assertTrue(Matrices.maxAbsDifference(a.mult(v), v.scale(e.values()[i])) < 1e-9, "A v = lambda v");
        }
        assertTrue(Matrices.maxAbsDifference(e.reconstruct(), a) < 1e-9);
    }

    @Property(tries = 100)
    void agreesWithTheSymmetricDecompositionOnSymmetricMatrices(@ForAll("symmetric") SimpleMatrix a) {
        double[] general = Eigen.of(a).values();
        double[] symmetric = SymmetricEigen.of(a).values();
        assertArrayEquals(symmetric, general, 1e-9 * (1 + a.normF()));
    }

    @Test
    void complexEigenvaluesAreAClearError() {
        // A quarter turn: lambda = +/- i, no real direction is kept.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Eigen.of(Matrices.of(new double[][] {{0, -1}, {1, 0}})));
        assertTrue(e.getMessage().contains("complex eigenvalues (0.00000 +/- 1.00000i)"), e.getMessage());
    }

    @Test
    void defectiveMatrixIsAClearError() {
        // [[1, 1], [0, 1]]: lambda = 1 twice but only one eigenvector direction, (1, 0).
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> Eigen.of(Matrices.of(new double[][] {{1, 1}, {0, 1}})));
        assertTrue(ex.getMessage().contains("eigenvalue 1.00000 appears 2 times but has only 1 independent"),
                ex.getMessage());
    }

    @Test
    void repeatedEigenvalueWithAFullEigenspace() {
        // 2I: every vector is an eigenvector; any two independent ones will do.
        Eigen e = Eigen.of(SimpleMatrix.identity(3).scale(2));
        assertArrayEquals(new double[] {2, 2, 2}, e.values(), 1e-12);
        assertTrue(Math.abs(e.vectors().determinant()) > 0.99);   // orthonormal columns from the SVD
        assertTrue(Matrices.maxAbsDifference(e.reconstruct(), SimpleMatrix.identity(3).scale(2)) < 1e-12);
        // The zero matrix: eigenvalue 0 twice.
        assertArrayEquals(new double[] {0, 0}, Eigen.of(new SimpleMatrix(2, 2)).values(), 0);
    }

    @Test
    void nonSquareIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Eigen.of(new SimpleMatrix(2, 3)));
        assertEquals("cannot take the eigen-decomposition of a 2x3 matrix: it must be square (n x n)", e.getMessage());
    }

    @Provide
    Arbitrary<Object[]> planted() {
        return Arbitraries.integers().between(1, 5).flatMap(n -> Combinators.combine(
                // distinct eigenvalues at least 0.5 apart: k * 0.5 + jitter for distinct k in [-10, 10]
                Arbitraries.integers().between(-10, 10).set().ofSize(n),
                Arbitraries.doubles().between(-0.2, 0.2).array(double[].class).ofSize(n),
                Arbitraries.doubles().between(-1, 1).array(double[].class).ofSize(n * n))
                .as((ks, jitter, r) -> {
                    double[] d = new double[n];
                    int i = 0;
                    for (int k : ks) {
                        d[i] = k * 0.5 * 3 + jitter[i];
                        i++;
                    }
                    // P = I + R / (2n): every entry of R / (2n) is at most 1/(2n), so ||R / (2n)||_2 <= 1/2.
                    SimpleMatrix p = SimpleMatrix.identity(n).plus(new SimpleMatrix(n, n, true, r).divide(2.0 * n));
                    return new Object[] {d, p};
                }));
    }

    @Provide
    Arbitrary<SimpleMatrix> symmetric() {
        return RandomMatrices.symmetric(6);
    }
}
