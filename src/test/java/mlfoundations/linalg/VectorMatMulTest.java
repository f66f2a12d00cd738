package mlfoundations.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** FastMatMul's Vector API step (step 6), and the plain path a JVM without the module falls back to. */
class VectorMatMulTest {

    private static final boolean MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    @Test
    void theTestJvmHasTheVectorModuleSoTheseTestsCoverTheVectorPath() {
        assertTrue(MODULE, "pom.xml's surefire argLine must add --add-modules jdk.incubator.vector");
        assertTrue(FastMatMul.hasVectorApi());
        String lanes = "(" + VectorMatMul.LANES + " lanes)";
        assertTrue(FastMatMul.path().startsWith("Vector API, DoubleVector ") && FastMatMul.path().contains(lanes),
                FastMatMul.path());
    }

    @Test
    void handWorkedTwoByTwoProduct() {
        // [1 2; 3 4] [5 6; 7 8] = [19 22; 43 50]
        for (int threads = 1; threads <= 3; threads++) {
            double[][] c = FastMatMul.vectorApi(new double[][] {{1, 2}, {3, 4}}, new double[][] {{5, 6}, {7, 8}}, threads);
            assertArrayEquals(new double[] {19, 22}, c[0], 0.0);
            assertArrayEquals(new double[] {43, 50}, c[1], 0.0);
        }
    }

    @Test
    void oddShapesAgreeWithTheNaiveProductWithinTheRoundingBound() {
        // Edges of every block: MR = 6 rows, NR = 2 vectors of columns, KC = 256 deep, MC = 96 rows, NC = 2048 columns.
        int[][] shapes = {{1, 1, 1}, {7, 13, 5}, {1000, 3, 1000}, {3, 1000, 3}, {5, 1, 7}, {97, 257, 2049},
                {6, 256, 16}, {13, 511, 9}, {200, 300, 17}};
        long seed = 1;
        for (int[] s : shapes) {
            double[][] a = random(s[0], s[1], seed++, 0);
            double[][] b = random(s[1], s[2], seed++, 0);
            for (int threads = 1; threads <= 3; threads++) {
                assertWithinRoundingBound(a, b, FastMatMul.vectorApi(a, b, threads), s[0] + "x" + s[1] + "x" + s[2]);
            }
        }
    }

    @Property(tries = 40)
    void agreesWithTheNaiveProductWithinTheRoundingBoundOnRandomShapes(
            @ForAll @IntRange(min = 1, max = 130) int n, @ForAll @IntRange(min = 1, max = 600) int m,
            @ForAll @IntRange(min = 1, max = 300) int p, @ForAll @IntRange(min = 1, max = 3) int threads,
            @ForAll long seed) {
        // Entries span 2^-20 .. 2^20 in size, so cancellation is common; the bound scales with sum |a_ik| |b_kj| of
        // each entry, so it stays honest whatever the draw. No over- or underflow is possible at these sizes.
        double[][] a = random(n, m, seed, 20);
        double[][] b = random(m, p, seed ^ 0x5DEECE66DL, 20);
        assertWithinRoundingBound(a, b, FastMatMul.vectorApi(a, b, threads), n + "x" + m + "x" + p);
    }

    @Test
    void multiplyTakesTheVectorPathForLargeProductsOnly() {
        // 2 n m p against 10^9 operations: 800^3 is 1.024e9, 500^3 and 1000 x 1000 x 400 fall short.
        assertTrue(FastMatMul.usesVectorApi(800, 800, 800));
        assertTrue(FastMatMul.usesVectorApi(2000, 2000, 2000));
        assertFalse(FastMatMul.usesVectorApi(500, 500, 500));
        assertFalse(FastMatMul.usesVectorApi(1000, 1000, 400));
        assertTrue(FastMatMul.usesVectorApi(1, 50_000, 10_000));     // 2 * 5e8: no int overflow in the count
        double[][] a = random(40, 50, 7, 0);
        double[][] b = random(50, 30, 8, 0);
        // A small product: bit for bit the plain step 5 (the vector step adds in another order).
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(0.0, MatMul.maxAbsDifference(FastMatMul.multiply(a, b), FastMatMul.parallel(a, b, cores)));
    }

    @Test
    void inputsAreLeftUnchanged() {
        double[][] a = random(9, 7, 3, 0);
        double[][] b = random(7, 5, 4, 0);
        double[][] a0 = Matrices.toArray(MatMul.toSimple(a));
        double[][] b0 = Matrices.toArray(MatMul.toSimple(b));
        FastMatMul.vectorApi(a, b, 2);
        assertEquals(0.0, MatMul.maxAbsDifference(a, a0));
        assertEquals(0.0, MatMul.maxAbsDifference(b, b0));
    }

    @Test
    void badInputGetsTheSameErrorsAsThePlainSteps() {
        double[][] a = new double[3][2];
        double[][] b = new double[3][2];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FastMatMul.vectorApi(a, b, 2));
        assertEquals("cannot multiply 3x2 by 3x2: inner dimensions 2 and 3 differ", e.getMessage());
        assertEquals(e.getMessage(),
                assertThrows(IllegalArgumentException.class, () -> FastMatMul.parallel(a, b, 2)).getMessage());
        String ragged = assertThrows(IllegalArgumentException.class,
                () -> FastMatMul.vectorApi(new double[2][2], new double[][] {{1}, {1, 2}}, 1)).getMessage();
        assertTrue(ragged.contains("ragged"), ragged);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FastMatMul.vectorApi(null, b, 1)).getMessage()
                .contains("matrix a is null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FastMatMul.vectorApi(a, new double[2][2], 0))
                .getMessage().contains("threads must be >= 1"));
    }

    @Test
    void aJvmWithoutTheModuleRunsThePlainPathAndNeverLoadsTheVectorClass() throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process proc = new ProcessBuilder(java.toString(), "-verbose:class", "-cp", cp,
                PlainPathProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, proc.exitValue(), out);
        List<String> probe = out.lines().filter(l -> l.startsWith("probe ")).toList();
        assertEquals(List.of("probe path: plain Java (start the JVM with --add-modules jdk.incubator.vector for the "
                + "Vector API path)", "probe hasVectorApi: false", "probe max |multiply - naive|: 0.0",
                "probe vectorApi: UnsupportedOperationException: the Vector API is not in this JVM: start it with "
                        + "--add-modules jdk.incubator.vector (the course's kernel and ./course bench do), or use "
                        + "FastMatMul.parallel"), probe);
        assertFalse(out.contains("mlfoundations.linalg.VectorMatMul"), "VectorMatMul was loaded");
        assertFalse(out.contains("jdk.incubator.vector."), "a jdk.incubator.vector class was loaded");
        assertTrue(out.contains("mlfoundations.linalg.FastMatMul"), "-verbose:class lists loaded classes");
    }

    /**
     * |computed - naive| <= 2 k eps sum_k |a_ik| |b_kj| for every entry: each of two sums of k products in floating
     * point is within gamma_k = k (eps/2) / (1 - k eps/2) of the exact value times sum |a_ik b_kj| (Higham, Accuracy and
     * Stability of Numerical Algorithms, 3.1), in any order of addition, with or without fused multiply-add.
     */
    private static void assertWithinRoundingBound(double[][] a, double[][] b, double[][] c, String shape) {
        double[][] naive = MatMul.naive(a, b);
        int k = b.length;
        assertEquals(naive.length, c.length, shape);
        for (int i = 0; i < naive.length; i++) {
            assertEquals(naive[i].length, c[i].length, shape);
            for (int j = 0; j < naive[i].length; j++) {
                double size = 0;
                for (int q = 0; q < k; q++) {
                    size += Math.abs(a[i][q] * b[q][j]);
                }
                double bound = 2 * k * Math.ulp(1.0) * size;
                double err = Math.abs(c[i][j] - naive[i][j]);
                if (!(err <= bound)) {
                    throw new AssertionError(shape + ": entry (" + i + ", " + j + ") = " + c[i][j] + ", naive "
                            + naive[i][j] + ", |difference| " + err + " > bound " + bound);
                }
            }
        }
    }

    /** Entries u 2^e with u uniform in [-1, 1) and e uniform in [-spread, spread]. */
    private static double[][] random(int rows, int cols, long seed, int spread) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = Math.scalb(r.nextDouble(-1, 1), spread == 0 ? 0 : r.nextInt(-spread, spread + 1));
            }
        }
        return out;
    }
}
