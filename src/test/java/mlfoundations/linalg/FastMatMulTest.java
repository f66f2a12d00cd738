package mlfoundations.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FastMatMulTest {

    /** Every step of the fast multiply, so each check runs on all of them. */
    private static final List<BinaryOperator<double[][]>> STEPS = List.of(FastMatMul::blocked, FastMatMul::kernel,
            (a, b) -> FastMatMul.parallel(a, b, 2), (a, b) -> FastMatMul.parallel(a, b, 3), FastMatMul::multiply);

    @Test
    void handWorkedTwoByTwoProduct() {
        // [1 2; 3 4] [5 6; 7 8] = [19 22; 43 50]
        double[][] a = {{1, 2}, {3, 4}};
        double[][] b = {{5, 6}, {7, 8}};
        for (BinaryOperator<double[][]> mult : STEPS) {
            double[][] c = mult.apply(a, b);
            assertArrayEquals(new double[] {19, 22}, c[0], 0.0);
            assertArrayEquals(new double[] {43, 50}, c[1], 0.0);
        }
    }

    @Property(tries = 60)
    void agreesWithEjmlAndIkjOnEveryShape(@ForAll @IntRange(min = 1, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 300) int m, @ForAll @IntRange(min = 1, max = 600) int p,
            @ForAll long seed) {
        // Shapes up to 300 x 300 x 600 cross the tile edges (KC = NC = 256) and the 8-row groups at non-multiples.
        double[][] a = random(n, m, seed);
        double[][] b = random(m, p, seed + 1);
        double[][] ikj = MatMul.ikj(a, b);
        double[][] ejml = Matrices.toArray(MatMul.ejmlSingleThread(MatMul.toSimple(a), MatMul.toSimple(b)));
        for (BinaryOperator<double[][]> mult : STEPS) {
            double[][] c = mult.apply(a, b);
            assertEquals(n, c.length);
            assertEquals(p, c[0].length);
            assertTrue(MatMul.maxAbsDifference(c, ejml) < 1e-9, "differs from EJML at " + n + "x" + m + "x" + p);
            assertTrue(MatMul.maxAbsDifference(c, ikj) < 1e-9, "differs from ikj at " + n + "x" + m + "x" + p);
        }
    }

    @Test
    void largeSquareProductAgreesWithEjml() {
        double[][] a = random(700, 700, 1);
        double[][] b = random(700, 700, 2);
        double[][] ejml = Matrices.toArray(MatMul.ejml(MatMul.toSimple(a), MatMul.toSimple(b)));
        assertTrue(MatMul.maxAbsDifference(FastMatMul.multiply(a, b), ejml) < 1e-9);
        assertTrue(MatMul.maxAbsDifference(FastMatMul.kernel(a, b), ejml) < 1e-9);
    }

    @Test
    void inputsAreLeftUnchanged() {
        double[][] a = random(9, 7, 3);
        double[][] b = random(7, 5, 4);
        double[][] a0 = Matrices.toArray(MatMul.toSimple(a));
        double[][] b0 = Matrices.toArray(MatMul.toSimple(b));
        for (BinaryOperator<double[][]> mult : STEPS) {
            mult.apply(a, b);
            assertEquals(0.0, MatMul.maxAbsDifference(a, a0));
            assertEquals(0.0, MatMul.maxAbsDifference(b, b0));
        }
    }

    @Test
    void shapeErrorsNameBothShapes() {
        double[][] a = new double[3][2];
        double[][] b = new double[3][2];
        for (BinaryOperator<double[][]> mult : STEPS) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mult.apply(a, b));
            assertEquals("cannot multiply 3x2 by 3x2: inner dimensions 2 and 3 differ", e.getMessage());
            assertTrue(assertThrows(IllegalArgumentException.class, () -> mult.apply(null, b)).getMessage()
                    .contains("matrix a is null"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> mult.apply(a, new double[][] {{1}, {1, 2}}))
                    .getMessage().contains("ragged"));
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FastMatMul.parallel(a, new double[2][2], 0))
                .getMessage().contains("threads must be >= 1"));
    }

    private static double[][] random(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextDouble(-1, 1);
            }
        }
        return out;
    }
}
