package mlfoundations.linalg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Step 6 of {@link FastMatMul}: {@code C = A B} on the Java Vector API ({@code jdk.incubator.vector}), laid out the way
 * GotoBLAS, BLIS and OpenBLAS lay out theirs. Only {@link FastMatMul} reaches this class, and only when the running JVM
 * has the module: a JVM started without {@code --add-modules jdk.incubator.vector} never loads it.
 *
 * <p>The heart is a <em>micro-kernel</em> that keeps an MR x NR block of C (6 rows by two vectors of doubles) in
 * twelve vector registers for the whole k loop: each step loads two vectors of a row of B, broadcasts 6 numbers of a
 * column of A, and does 12 fused multiply-adds, {@code c_rj += a_rk b_kj}, without loading or storing C at all. C is
 * read and written once per KC steps of k instead of once per step.
 *
 * <p>To feed it from consecutive memory, B is copied ("packed") once into slivers of NR columns (row k of a sliver is
 * NR consecutive doubles) and each block of A into slivers of MR rows (column k of a sliver is MR consecutive
 * doubles); short slivers at the edges are padded with zeros, so the micro-kernel always runs full size and only the
 * write-back into C looks at the edges. Block sizes follow the caches: a KC x MR sliver of A (12 KB) stays in the
 * first-level cache while it meets every sliver of a KC x NC panel of B, which comes from the second- and third-level
 * caches.
 */
final class VectorMatMul {

    /** The widest vector of doubles this processor does well: 4 lanes with AVX2, 8 with AVX-512, 2 with NEON. */
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Doubles per vector. */
    static final int LANES = SPECIES.length();

    /** Rows of the register block of C. */
    static final int MR = 6;

    /** Columns of the register block of C: two vectors, so 6 x 2 = 12 accumulators plus 2 B vectors and 1 broadcast
     * A value fit the 16 vector registers of AVX2 (AVX-512 has 32). */
    static final int NR = 2 * LANES;

    /** Depth (the k range) of one packed block: a KC x MR sliver of A (12 KB) fits the first-level cache, and C is
     * read and written once per KC multiply-adds of each entry. */
    static final int KC = 256;

    /** Rows of A packed at a time (a multiple of MR): MC x KC doubles (192 KB) sit in the second-level cache. */
    static final int MC = 96;

    /** Columns of B per packed panel (a multiple of NR): a KC x NC panel (4 MB) sits in the shared third-level cache.
     * (Panels small enough for the second-level cache, 64 to 256 columns, measured no faster here.) */
    static final int NC = 2048;

    /** Whether the processor fuses multiply and add in one instruction; otherwise a fused lanewise fma would fall back
     * to a slow software routine, and a separate multiply and add is the faster choice. */
    static final boolean FMA = hardwareFma();


    private VectorMatMul() {
    }

    /** What this path runs on, e.g. "Vector API, DoubleVector 256-bit (4 lanes), FMA, 6x8 register block". */
    static String description() {
        return "Vector API, DoubleVector " + SPECIES.vectorBitSize() + "-bit (" + LANES + " lanes), "
                + (FMA ? "FMA" : "multiply + add (no FMA)") + ", " + MR + "x" + NR + " register block";
    }

    /** {@code C = A B} with the rows of C split into {@code threads} bands; shapes already checked (n x m by m x p). */
    static double[][] multiply(double[][] a, double[][] b, int n, int m, int p, int threads) {
        double[][] c = new double[n][p];
        int jBlocks = (p + NC - 1) / NC;
        int kBlocks = (m + KC - 1) / KC;
        // Small products are not worth a thread hand-off (about 10 microseconds).
        int parts = (int) Math.min(threads, Math.max(1, (2L * n * m * p) / 2_000_000));
        int slivers = (p + NR - 1) / NR;
        double[][][] packedB = new double[jBlocks][kBlocks][];
        for (int jb = 0; jb < jBlocks; jb++) {
            int nc = Math.min(NC, p - jb * NC);
            for (int kb = 0; kb < kBlocks; kb++) {
                packedB[jb][kb] = new double[(nc + NR - 1) / NR * NR * Math.min(KC, m - kb * KC)];
            }
        }
        int[] sliverStart = split(slivers, Math.min(parts, slivers), 1);
        // Packing B reads all of it once: shared out by column slivers, it takes a share of the time on each core.
        inParallel(sliverStart.length - 1, t -> packB(b, m, p, packedB, sliverStart[t], sliverStart[t + 1]));
        // Bands of rows start at multiples of MR, so only the last band has a short sliver of A.
        int[] rowStart = split(n, Math.min(parts, (n + MR - 1) / MR), MR);
        inParallel(rowStart.length - 1, t -> multiplyRows(a, packedB, c, rowStart[t], rowStart[t + 1], m, p));
        return c;
    }

    /** Boundaries of {@code parts} near-equal shares of [0, total), each (but the end) a multiple of {@code unit}. */
    private static int[] split(int total, int parts, int unit) {
        int[] start = new int[parts + 1];
        for (int t = 1; t < parts; t++) {
            start[t] = (int) ((long) total * t / parts) / unit * unit;
        }
        start[parts] = total;
        return start;
    }

    /** Runs part(0 .. parts-1): parts 1.. on the JVM's shared worker threads, part 0 on the calling thread. */
    private static void inParallel(int parts, IntConsumer part) {
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[Math.max(0, parts - 1)];
        for (int t = 1; t < parts; t++) {
            int tt = t;
            tasks[t - 1] = ForkJoinPool.commonPool().submit(() -> part.accept(tt));
        }
        part.accept(0);
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
    }

    /**
     * Column slivers [s0, s1) of B (counted over all of B, NR columns each) copied into the packed panels:
     * {@code packedB[jb][kb]} holds rows k0..k0+kc of columns j0..j0+nc as slivers, entry (k, j) of sliver s at
     * {@code s*kc*NR + k*NR + j}, zero beyond column p.
     */
    private static void packB(double[][] b, int m, int p, double[][][] packedB, int s0, int s1) {
        int perBlock = NC / NR;
        for (int jb = 0; jb < packedB.length; jb++) {
            int j0 = jb * NC;
            int nc = Math.min(NC, p - j0);
            int blockSlivers = (nc + NR - 1) / NR;
            int from = Math.max(s0 - jb * perBlock, 0);
            int to = Math.min(s1 - jb * perBlock, blockSlivers);
            for (int kb = 0; kb < packedB[jb].length; kb++) {
                int k0 = kb * KC;
                int kc = Math.min(KC, m - k0);
                double[] panel = packedB[jb][kb];
                for (int s = from; s < to; s++) {
                    int j = j0 + s * NR;
                    int width = Math.min(NR, p - j);
                    int base = s * kc * NR;
                    for (int k = 0; k < kc; k++) {
                        System.arraycopy(b[k0 + k], j, panel, base + k * NR, width);
                    }
                }
            }
        }
    }

    /** Rows [i0, i1) of A copied for depth block [k0, k0+kc) as MR-row slivers: entry (r, k) of sliver s at
     * {@code s*kc*MR + k*MR + r}, zero beyond row i1. */
    private static void packA(double[][] a, int i0, int i1, int k0, int kc, double[] out) {
        for (int s = 0, i = i0; i < i1; s++, i += MR) {
            int base = s * kc * MR;
            int rows = Math.min(MR, i1 - i);
            for (int r = 0; r < MR; r++) {
                if (r < rows) {
                    double[] ai = a[i + r];
                    for (int k = 0; k < kc; k++) {
                        out[base + k * MR + r] = ai[k0 + k];
                    }
                } else {
                    for (int k = 0; k < kc; k++) {
                        out[base + k * MR + r] = 0.0;
                    }
                }
            }
        }
    }

    /** Rows [i0, i1) of C += A B, block by block: KC deep, then MC rows of A (packed once per depth block), then
     * panels of B (NC columns), then MR x NR register blocks. */
    private static void multiplyRows(double[][] a, double[][][] packedB, double[][] c, int i0, int i1, int m, int p) {
        double[] packedA = new double[MC * KC];
        double[] acc = new double[MR * NR];
        for (int kb = 0; kb * KC < m; kb++) {
            int k0 = kb * KC;
            int kc = Math.min(KC, m - k0);
            for (int ic = i0; ic < i1; ic += MC) {
                int mc = Math.min(MC, i1 - ic);
                packA(a, ic, ic + mc, k0, kc, packedA);
                for (int jb = 0; jb < packedB.length; jb++) {
                    int j0 = jb * NC;
                    int nc = Math.min(NC, p - j0);
                    double[] panel = packedB[jb][kb];
                    // One sliver of A (MR x KC, 12 KB) stays in the first-level cache while it meets every sliver of
                    // the panel of B, and the block of C it updates moves along the same 6 rows, a pattern the
                    // processor's prefetcher follows. (B's sliver outer and A's inner, as in BLIS, measured no faster.)
                    for (int ir = 0; ir < mc; ir += MR) {
                        int aBase = (ir / MR) * kc * MR;
                        int rows = Math.min(MR, mc - ir);
                        for (int jr = 0; jr < nc; jr += NR) {
                            microKernel(packedA, aBase, panel, (jr / NR) * kc * NR, kc, c, ic + ir, rows, j0 + jr,
                                    Math.min(NR, nc - jr), acc);
                        }
                    }
                }
            }
        }
    }

    /**
     * The 6 x NR register block: {@code c_rj += sum_k a_rk b_kj} for rows i..i+5 and columns j..j+NR-1 of C over one
     * depth block, every {@code c_rj} in a register (c{r}0 holds columns j.., c{r}1 columns j+LANES..); only
     * {@code rows} x {@code cols} of it are written back, the rest comes from the zero padding.
     */
    static void microKernel(double[] ap, int aBase, double[] bp, int bBase, int kc, double[][] c, int i,
            int rows, int j, int cols, double[] acc) {
        DoubleVector c00 = DoubleVector.zero(SPECIES), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        DoubleVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int k = 0; k < kc; k++) {
            int bo = bBase + k * NR;
            int ao = aBase + k * MR;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, bp, bo);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, bp, bo + LANES);
            DoubleVector ar = DoubleVector.broadcast(SPECIES, ap[ao]);
            c00 = madd(ar, b0, c00);
            c01 = madd(ar, b1, c01);
            ar = DoubleVector.broadcast(SPECIES, ap[ao + 1]);
            c10 = madd(ar, b0, c10);
            c11 = madd(ar, b1, c11);
            ar = DoubleVector.broadcast(SPECIES, ap[ao + 2]);
            c20 = madd(ar, b0, c20);
            c21 = madd(ar, b1, c21);
            ar = DoubleVector.broadcast(SPECIES, ap[ao + 3]);
            c30 = madd(ar, b0, c30);
            c31 = madd(ar, b1, c31);
            ar = DoubleVector.broadcast(SPECIES, ap[ao + 4]);
            c40 = madd(ar, b0, c40);
            c41 = madd(ar, b1, c41);
            ar = DoubleVector.broadcast(SPECIES, ap[ao + 5]);
            c50 = madd(ar, b0, c50);
            c51 = madd(ar, b1, c51);
        }
        // The accumulators leave the registers through a small scratch array, never as arguments of a call: a vector
        // passed to a method the JIT does not inline must exist as an object, and C2 then boxes the loop's
        // accumulators on every step of k (measured: 133 MB allocated per 500 x 500 product, twice the time).
        c00.intoArray(acc, 0);
        c01.intoArray(acc, LANES);
        c10.intoArray(acc, NR);
        c11.intoArray(acc, NR + LANES);
        c20.intoArray(acc, 2 * NR);
        c21.intoArray(acc, 2 * NR + LANES);
        c30.intoArray(acc, 3 * NR);
        c31.intoArray(acc, 3 * NR + LANES);
        c40.intoArray(acc, 4 * NR);
        c41.intoArray(acc, 4 * NR + LANES);
        c50.intoArray(acc, 5 * NR);
        c51.intoArray(acc, 5 * NR + LANES);
        addBlock(acc, c, i, rows, j, cols);
    }

    /** {@code acc + x y}, fused in one rounding where the hardware has FMA. */
    private static DoubleVector madd(DoubleVector x, DoubleVector y, DoubleVector acc) {
        return FMA ? x.fma(y, acc) : x.mul(y).add(acc);
    }

    /** Rows i..i+rows-1, columns j..j+cols-1 of C += the block in {@code acc} (row r at {@code acc[r*NR ..]}). */
    private static void addBlock(double[] acc, double[][] c, int i, int rows, int j, int cols) {
        for (int r = 0; r < rows; r++) {
            double[] ci = c[i + r];
            int o = r * NR;
            if (cols == NR) {
                DoubleVector.fromArray(SPECIES, ci, j).add(DoubleVector.fromArray(SPECIES, acc, o)).intoArray(ci, j);
                DoubleVector.fromArray(SPECIES, ci, j + LANES).add(DoubleVector.fromArray(SPECIES, acc, o + LANES))
                        .intoArray(ci, j + LANES);
            } else {
                for (int q = 0; q < cols; q++) {
                    ci[j + q] += acc[o + q];
                }
            }
        }
    }

    /** FMA in hardware: always on 64-bit ARM; on x86 Linux the "fma" CPU flag; elsewhere assumed (every x86 processor
     * with AVX2, which the Vector API needs to be worth using, has it). */
    private static boolean hardwareFma() {
        String arch = System.getProperty("os.arch", "");
        if (arch.equals("aarch64")) {
            return true;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return (" " + line.split(":", 2)[1] + " ").contains(" fma ");
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not Linux: fall through.
        }
        return true;
    }
}
