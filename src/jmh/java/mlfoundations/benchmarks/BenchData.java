package mlfoundations.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The inputs of the NumPy reference workloads, written by {@code ./course bench} (bench/write_inputs.py) from
 * bench/numpy_reference.py's own generators, so both sides compute on the very same numbers. Each file
 * {@code <name>.bin} holds little-endian doubles: rows, cols, then the entries row by row.
 */
final class BenchData {

    private BenchData() {
    }

    /** The folder with the data files: system property {@code bench.data}, else target/bench/data. */
    static Path dir() {
        return Path.of(System.getProperty("bench.data", "target/bench/data"));
    }

    /** The matrix stored as {@code <name>.bin}, row by row. */
    static double[][] matrix(String name) {
        Path file = dir().resolve(name + ".bin");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(file + " not found: run ./course bench, which writes it with "
                    + "bench/write_inputs.py", e);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int rows = (int) buf.getDouble();
        int cols = (int) buf.getDouble();
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = buf.getDouble();
            }
        }
        return out;
    }

    /** Column j of a matrix as an array. */
    static double[] column(double[][] a, int j) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i][j];
        }
        return out;
    }

    /** The matrix without its first column (numpy_reference.py's Xb carries a column of ones there). */
    static double[][] dropFirstColumn(double[][] a) {
        double[][] out = new double[a.length][a[0].length - 1];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 1, out[i], 0, out[i].length);
        }
        return out;
    }
}
