package mlfoundations.linalg;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The course's own fast matrix multiply, built from scratch in steps (the last chapter of lesson 00-5). Every method
 * computes {@code C = A B} ({@code A @ B} in NumPy) for an (n x m) A and an (m x p) B given as {@code double[][]}
 * (row i is {@code a[i]}): {@code c_ij = sum_k a_ik b_kj}. None modifies its inputs; each returns a new matrix.
 *
 * <ol>
 * <li>{@link MatMul#naive} and {@link MatMul#ikj}: the loop order (walk rows, not columns).</li>
 * <li>{@link #blocked}: cache blocking. i-k-j loops over tiles of B small enough to stay in the processor's cache
 * while many rows of A reuse them, instead of streaming all of B from memory for every row of C.</li>
 * <li>{@link #kernel}: the blocked loops with a register-blocked inner kernel: a strip of a row of C is updated with 4
 * rows of B at once, {@code s[j] += a_k b_k[j] + a_k+1 b_k+1[j] + a_k+2 b_k+2[j] + a_k+3 b_k+3[j]}, the four
 * a's held in registers, so each load and store of C carries 4 multiply-adds instead of 1; and 8 rows of C take
 * their turn on the same 4 rows of B while those are in the fastest cache. The tile of B is copied ("packed") once
 * into short rows of its own, and every array in the inner loop is indexed by the same j: a plain loop over
 * {@code double[]} that the JIT compiles into vector (SIMD) instructions, 4 or 8 doubles per instruction.</li>
 * <li>{@link #parallel}: the same kernel with the rows of C split between all cores.</li>
 * <li>{@link #vectorApi}: what the JIT cannot form from plain loops, written on the Java Vector API: a block of C kept
 * in vector registers for the whole k loop, fed from packed slivers of A and B (the layout of GotoBLAS, BLIS and
 * OpenBLAS). Only on a JVM started with {@code --add-modules jdk.incubator.vector} (the course's kernel and
 * benchmarks are); {@link #path()} says whether this one was.</li>
 * </ol>
 *
 * <p>{@link #multiply} takes step 6 on every core when the Vector API is there and the product is large (at least
 * {@code 2 n m p = 10^9} operations, about n = 800), else step 5.
 *
 * <p>Blocked and kernel add each entry's products in a different grouping than {@link MatMul#ikj}, so results agree
 * with it, and with EJML, up to rounding (about 1e-12 relative), not bit for bit.
 */
public final class FastMatMul {

    /** Rows of B (the k range) in one tile. */
    static final int KC = 256;

    /** Columns of B (the j range) in one tile; a KC x NC tile of doubles is 512 KB, sized to a per-core L2 cache,
     * and {@link #RB} strips of C (16 KB) plus the 4 tile rows in use (8 KB) fit the 32 KB L1 cache. */
    static final int NC = 256;

    private FastMatMul() {
    }

    /** {@code C = A B} as fast as the course can ({@code A @ B}): {@link #vectorApi} on every core the JVM sees when it
     * has the Vector API and the product has at least {@link #VECTOR_MIN_OPERATIONS} operations, else
     * {@link #parallel}; {@link #path()} says which path large products take. */
    public static double[][] multiply(double[][] a, double[][] b) {
        int[] nmp = Shapes.checkMultiply(a, b);
        int cores = Runtime.getRuntime().availableProcessors();
        return usesVectorApi(nmp[0], nmp[1], nmp[2]) ? vectorApi(a, b, cores) : parallel(a, b, cores);
    }

    /**
     * Products below {@code 2 n m p = 10^9} operations (n = 800 for square ones) stay on the plain path even where the
     * Vector API is: on the 2-core AVX2 machine the course was measured on, step 6 only pulled ahead of step 5 from
     * about that size, and its first call in a fresh JVM runs unoptimised (about a second) until the JIT has
     * compiled the vector code, which a lesson multiplying small matrices would pay for nothing.
     */
    public static final long VECTOR_MIN_OPERATIONS = 1_000_000_000L;

    /** Whether {@link #multiply} takes the Vector API step for an (n x m) by (m x p) product on this JVM. */
    static boolean usesVectorApi(int n, int m, int p) {
        return VectorPath.DESCRIPTION != null && 2L * n * m * p >= VECTOR_MIN_OPERATIONS;
    }

    /** Which path {@link #multiply} takes for large products on this JVM, in words, e.g. "Vector API, DoubleVector
     * 256-bit (4 lanes), FMA, 6x8 register block" or "plain Java (start the JVM with --add-modules
     * jdk.incubator.vector for the Vector API path)". */
    public static String path() {
        return VectorPath.DESCRIPTION != null ? VectorPath.DESCRIPTION : PLAIN_PATH;
    }

    /** Whether this JVM has the Vector API ({@code jdk.incubator.vector}), so that {@link #vectorApi} runs. */
    public static boolean hasVectorApi() {
        return VectorPath.DESCRIPTION != null;
    }

    /**
     * Step 6: {@code C = A B} on the Java Vector API with the rows of C split into {@code threads} bands: a 6 x (2
     * vectors) block of C held in registers through the k loop, fed from packed slivers of A and B. Needs a JVM
     * started with {@code --add-modules jdk.incubator.vector}; see {@link #hasVectorApi()}.
     */
    public static double[][] vectorApi(double[][] a, double[][] b, int threads) {
        int[] nmp = Shapes.checkMultiply(a, b);
        if (threads < 1) {
            throw new IllegalArgumentException("number of threads must be >= 1, got " + threads);
        }
        if (VectorPath.DESCRIPTION == null) {
            throw new UnsupportedOperationException("the Vector API is not in this JVM: start it with --add-modules "
                    + "jdk.incubator.vector (the course's kernel and ./course bench do), or use FastMatMul.parallel");
        }
        return VectorMatMul.multiply(a, b, nmp[0], nmp[1], nmp[2], threads);
    }

    private static final String PLAIN_PATH = "plain Java (start the JVM with --add-modules jdk.incubator.vector for the "
            + "Vector API path)";

    /**
     * Looked up on first use, not when FastMatMul loads, so the plain steps never wait for it. VectorMatMul names
     * jdk.incubator.vector classes, so it is touched only once the module is known to be in the JVM: a JVM without
     * the module never loads it, and every lesson still runs, on the plain path.
     */
    private static final class VectorPath {
        static final String DESCRIPTION = describe();

        private static String describe() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return null;
            }
            try {
                return VectorMatMul.description();
            } catch (LinkageError e) {
                // The module is listed but its classes cannot be used here: the plain path still works.
                return null;
            }
        }
    }

    /**
     * Step 3, cache blocking: i-k-j loops run tile by tile, over a KC x NC tile of B at a time (j outer, then k), so the
     * tile stays in cache while every row of A uses it. One thread.
     */
    public static double[][] blocked(double[][] a, double[][] b) {
        int[] nmp = Shapes.checkMultiply(a, b);
        int n = nmp[0];
        int m = nmp[1];
        int p = nmp[2];
        double[][] c = new double[n][p];
        for (int j0 = 0; j0 < p; j0 += NC) {
            int j1 = Math.min(p, j0 + NC);
            for (int k0 = 0; k0 < m; k0 += KC) {
                int k1 = Math.min(m, k0 + KC);
                for (int i = 0; i < n; i++) {
                    double[] ai = a[i];
                    double[] ci = c[i];
                    for (int k = k0; k < k1; k++) {
                        double aik = ai[k];
                        double[] bk = b[k];
                        for (int j = j0; j < j1; j++) {
                            ci[j] += aik * bk[j];
                        }
                    }
                }
            }
        }
        return c;
    }

    /** Step 4: blocking plus the packed tile and the register-blocked, JIT-vectorised inner kernel. One thread. */
    public static double[][] kernel(double[][] a, double[][] b) {
        return parallel(a, b, 1);
    }

    /**
     * Step 5: the kernel of {@link #kernel} with the rows of C split into {@code threads} equal bands, each computed on
     * its own core (the JVM's common worker pool, plus the calling thread). B is packed once and shared.
     */
    public static double[][] parallel(double[][] a, double[][] b, int threads) {
        int[] nmp = Shapes.checkMultiply(a, b);
        if (threads < 1) {
            throw new IllegalArgumentException("number of threads must be >= 1, got " + threads);
        }
        int n = nmp[0];
        int m = nmp[1];
        int p = nmp[2];
        double[][] c = new double[n][p];
        double[][][][] tiles = pack(b, m, p);
        // Small products are not worth a thread hand-off (about 10 microseconds).
        int bands = (int) Math.min(threads, Math.max(1, (2L * n * m * p) / 2_000_000));
        bands = Math.min(bands, n);
        if (bands <= 1) {
            multiplyRows(a, tiles, c, 0, n, m, p);
            return c;
        }
        int[] start = new int[bands + 1];
        for (int t = 0; t <= bands; t++) {
            start[t] = (int) ((long) n * t / bands);
        }
        // Bands 1.. go to the JVM's shared worker threads (ForkJoinPool.commonPool(), one fewer than the cores);
        // the calling thread computes band 0 meanwhile.
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[bands - 1];
        for (int t = 1; t < bands; t++) {
            int lo = start[t];
            int hi = start[t + 1];
            tasks[t - 1] = ForkJoinPool.commonPool().submit(() -> multiplyRows(a, tiles, c, lo, hi, m, p));
        }
        multiplyRows(a, tiles, c, start[0], start[1], m, p);
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
        return c;
    }

    /** B cut into KC x NC tiles, each copied into short rows of its own: tiles[jb][kb][k][j]. */
    static double[][][][] pack(double[][] b, int m, int p) {
        int jTiles = (p + NC - 1) / NC;
        int kTiles = (m + KC - 1) / KC;
        double[][][][] tiles = new double[jTiles][kTiles][][];
        for (int jb = 0; jb < jTiles; jb++) {
            int j0 = jb * NC;
            int nc = Math.min(NC, p - j0);
            for (int kb = 0; kb < kTiles; kb++) {
                int k0 = kb * KC;
                int kc = Math.min(KC, m - k0);
                double[][] t = new double[kc][nc];
                for (int k = 0; k < kc; k++) {
                    System.arraycopy(b[k0 + k], j0, t[k], 0, nc);
                }
                tiles[jb][kb] = t;
            }
        }
        return tiles;
    }

    /** Rows of C whose strips are updated together, so each row of the tile read from cache serves them all. */
    static final int RB = 8;

    /** Rows of C (and A) taken through all the tiles of one column band before the next rows. */
    static final int MC = 256;

    /** Rows [i0, i1) of C = A B from the packed tiles of B. */
    static void multiplyRows(double[][] a, double[][][][] tiles, double[][] c, int i0, int i1, int m, int p) {
        double[][] s = new double[RB][NC];
        for (int jb = 0; jb < tiles.length; jb++) {
            int j0 = jb * NC;
            int nc = Math.min(NC, p - j0);
            // Rows are taken MC at a time through all the tiles of this column band: their strips of C and rows of
            // A then stay few enough for the caches (and the address-translation cache) at large n.
            for (int ic = i0; ic < i1; ic += MC) {
                int icEnd = Math.min(i1, ic + MC);
                for (int kb = 0; kb < tiles[jb].length; kb++) {
                    int k0 = kb * KC;
                    double[][] t = tiles[jb][kb];
                    int kc = t.length;
                    for (int ib = ic; ib < icEnd; ib += RB) {
                        int rb = Math.min(RB, icEnd - ib);
                        // The strips of rows ib.. are copied out and back so that the kernel indexes every array by the
                        // same j: C2 vectorises that loop, but not one that reads c[i][j0 + j] beside t[k][j].
                        for (int r = 0; r < rb; r++) {
                            System.arraycopy(c[ib + r], j0, s[r], 0, nc);
                        }
                        int k = 0;
                        for (; k + 4 <= kc; k += 4) {
                            double[] t0 = t[k], t1 = t[k + 1], t2 = t[k + 2], t3 = t[k + 3];
                            for (int r = 0; r < rb; r++) {
                                double[] ai = a[ib + r];
                                int ka = k0 + k;
                                kernel4(s[r], t0, t1, t2, t3, ai[ka], ai[ka + 1], ai[ka + 2], ai[ka + 3], nc);
                            }
                        }
                        for (; k < kc; k++) {
                            for (int r = 0; r < rb; r++) {
                                kernel1(s[r], t[k], a[ib + r][k0 + k], nc);
                            }
                        }
                        for (int r = 0; r < rb; r++) {
                            System.arraycopy(s[r], 0, c[ib + r], j0, nc);
                        }
                    }
                }
            }
        }
    }

    /**
     * The inner kernel: {@code s[j] += a0 t0[j] + a1 t1[j] + a2 t2[j] + a3 t3[j]}, four multiply-adds per load and
     * store of s. One simple loop over consecutive doubles, every array indexed by the same j: the JIT turns it into
     * SIMD instructions.
     */
    private static void kernel4(double[] s, double[] t0, double[] t1, double[] t2, double[] t3, double a0, double a1,
            double a2, double a3, int nc) {
        for (int j = 0; j < nc; j++) {
            s[j] += a0 * t0[j] + a1 * t1[j] + a2 * t2[j] + a3 * t3[j];
        }
    }

    private static void kernel1(double[] s, double[] t0, double a0, int nc) {
        for (int j = 0; j < nc; j++) {
            s[j] += a0 * t0[j];
        }
    }
}
