package mlfoundations.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class PseudoInverseTest {

    @Test
    void rankOneByHand() {
        // A = [[1, 2], [2, 4]] = sigma u v^T with sigma^2 = ||A||_F^2 = 25, so A^+ = v u^T / sigma = A^T / 25.
        SimpleMatrix a = Matrices.of(new double[][] {{1, 2}, {2, 4}});
        SimpleMatrix expected = a.transpose().divide(25);
        assertTrue(Matrices.maxAbsDifference(PseudoInverse.of(a), expected) < 1e-14);
    }

    @Test
    void invertibleMatrixGivesTheInverse() {
        SimpleMatrix a = Matrices.of(new double[][] {{4, 7}, {2, 6}});   // det 10, inverse [[0.6, -0.7], [-0.2, 0.4]]
        SimpleMatrix expected = Matrices.of(new double[][] {{0.6, -0.7}, {-0.2, 0.4}});
        assertTrue(Matrices.maxAbsDifference(PseudoInverse.of(a), expected) < 1e-14);
    }

    @Test
    void underdeterminedByHand() {
        // One equation x + y + z = 3: the shortest solution is the point of the plane nearest 0, (1, 1, 1).
        SimpleMatrix x = PseudoInverse.solve(Matrices.of(new double[][] {{1, 1, 1}}), Matrices.columnVector(3));
        assertTrue(Matrices.maxAbsDifference(x, Matrices.columnVector(1, 1, 1)) < 1e-14);
    }

    /** The four Penrose conditions define A^+ uniquely, so checking them checks the whole matrix. */
    @Property(tries = 200)
    void penroseConditions(@ForAll("anyMatrix") SimpleMatrix a) {
        SimpleMatrix p = PseudoInverse.of(a);
        double tol = 1e-9;
        // Relative to the size of each side; rank-deficient inputs with tiny singular values are not generated
        // with measurable probability from continuous entries, so cond(A) stays moderate.
        assertTrue(relDiff(a.mult(p).mult(a), a) < tol);
        assertTrue(relDiff(p.mult(a).mult(p), p) < tol);
        assertTrue(relDiff(a.mult(p).transpose(), a.mult(p)) < tol);
        assertTrue(relDiff(p.mult(a).transpose(), p.mult(a)) < tol);
    }

    /** Full column rank (m >= n): A^+ b is the normal equation's (A^T A)^-1 A^T b. */
    @Property(tries = 200)
    void tallFullRankMatchesTheNormalEquation(@ForAll("tall") SimpleMatrix[] ab) {
        SimpleMatrix a = ab[0];
        SimpleMatrix b = ab[1];
        double kappa = Matrices.conditionNumber(a);
        net.jqwik.api.Assume.that(kappa < 1e4);  // the normal equation squares kappa; keep it a fair reference
        SimpleMatrix normal = Matrices.solve(a.transpose().mult(a), a.transpose().mult(b));
        SimpleMatrix pinv = PseudoInverse.solve(a, b);
        // The normal equation loses about kappa^2 eps relative accuracy.
        double tol = 1e-15 * kappa * kappa * 100 * (1 + normal.normF());
        assertTrue(Matrices.maxAbsDifference(pinv, normal) < tol, "difference " + Matrices.maxAbsDifference(pinv, normal));
    }

    /** Full row rank (m < n): A^+ b is the shortest exact solution A^T (A A^T)^-1 b. */
    @Property(tries = 200)
    void wideFullRankGivesTheMinimumNormSolution(@ForAll("wide") SimpleMatrix[] ab) {
        SimpleMatrix a = ab[0];
        SimpleMatrix b = ab[1];
        double kappa = Matrices.conditionNumber(a);
        net.jqwik.api.Assume.that(kappa < 1e4);
        SimpleMatrix shortest = a.transpose().mult(Matrices.solve(a.mult(a.transpose()), b));
        SimpleMatrix x = PseudoInverse.solve(a, b);
        double tol = 1e-15 * kappa * kappa * 100 * (1 + shortest.normF());
        assertTrue(Matrices.maxAbsDifference(x, shortest) < tol);
        // It solves A x = b exactly, and adding any null-space direction makes it longer.
        assertTrue(Matrices.maxAbsDifference(a.mult(x), b) < 1e-9 * (1 + b.normF()));
        SimpleMatrix z = Matrices.columnVector(Matrices.column(Svd.of(a.transpose().mult(a)).u(), a.numCols() - 1));
        assertTrue(Matrices.maxAbsDifference(a.mult(z), new SimpleMatrix(a.numRows(), 1)) < 1e-9 * (1 + a.normF()));
        assertTrue(x.plus(z).normF() > x.normF());
    }

    @Test
    void shapeMismatchIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PseudoInverse.solve(new SimpleMatrix(3, 2), new SimpleMatrix(2, 1)));
        assertEquals("cannot solve A x = b with A 3x2 and b 2x1: b needs 3 rows, one per equation", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PseudoInverse.of(null));
    }

    private static double relDiff(SimpleMatrix x, SimpleMatrix y) {
        return Matrices.maxAbsDifference(x, y) / (1 + y.normF());
    }

    @Provide
    Arbitrary<SimpleMatrix> anyMatrix() {
        return RandomMatrices.anyShape(6);
    }

    @Provide
    Arbitrary<SimpleMatrix[]> tall() {
        return Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 4))
                .flatAs((n, extra) -> systems(n + extra, n));
    }

    @Provide
    Arbitrary<SimpleMatrix[]> wide() {
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 4))
                .flatAs((m, extra) -> systems(m, m + extra));
    }

    private static Arbitrary<SimpleMatrix[]> systems(int m, int n) {
        return Combinators.combine(RandomMatrices.ofShape(m, n), RandomMatrices.ofShape(m, 1))
                .as((a, b) -> new SimpleMatrix[] {a, b});
    }
}
