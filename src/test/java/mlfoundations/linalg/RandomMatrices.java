package mlfoundations.linalg;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.simple.SimpleMatrix;

/** jqwik generators of small matrices with entries in [-10, 10], shared by the linear-algebra property tests. */
final class RandomMatrices {

    private RandomMatrices() {
    }

    /** An m x n matrix with the given shape. */
    static Arbitrary<SimpleMatrix> ofShape(int m, int n) {
        return Arbitraries.doubles().between(-10, 10).ofScale(3).array(double[].class).ofSize(m * n)
                .map(data -> new SimpleMatrix(m, n, true, data));
    }

    /** A matrix of any shape from 1x1 to maxDim x maxDim. */
    static Arbitrary<SimpleMatrix> anyShape(int maxDim) {
        return Combinators.combine(Arbitraries.integers().between(1, maxDim), Arbitraries.integers().between(1, maxDim))
                .flatAs(RandomMatrices::ofShape);
    }

    /** A symmetric n x n matrix, n from 1 to maxDim: (B + B^T) / 2 of a random B. */
    static Arbitrary<SimpleMatrix> symmetric(int maxDim) {
        return Arbitraries.integers().between(1, maxDim).flatMap(n -> ofShape(n, n))
                .map(b -> b.plus(b.transpose()).divide(2));
    }
}
