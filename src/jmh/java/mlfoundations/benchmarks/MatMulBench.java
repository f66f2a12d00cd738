package mlfoundations.benchmarks;

import java.util.concurrent.TimeUnit;

import org.ejml.simple.SimpleMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import mlfoundations.linalg.FastMatMul;
import mlfoundations.linalg.MatMul;

/** Workload A: C = A B for n x n matrices (numpy_reference.py A500, A1000, A2000), several implementations. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatMulBench {

    @Param({"1000"})
    public int n;

    double[][] a;
    double[][] b;
    SimpleMatrix as;
    SimpleMatrix bs;

    @Setup
    public void load() {
        a = BenchData.matrix("A" + n + "_a");
        b = BenchData.matrix("A" + n + "_b");
        as = MatMul.toSimple(a);
        bs = MatMul.toSimple(b);
    }

    /** The course's plain-Java fast multiply (step 5) on every core, whatever path multiply() would take. */
    @Benchmark
    public double[][] fast() {
        return FastMatMul.parallel(a, b, Runtime.getRuntime().availableProcessors());
    }

    /** The plain-Java kernel (step 4) on one core (compare with NumPy at OPENBLAS_NUM_THREADS=1). */
    @Benchmark
    public double[][] kernel() {
        return FastMatMul.kernel(a, b);
    }

    /** The Vector API step (step 6) on every core: what multiply() runs when the JVM has jdk.incubator.vector. */
    @Benchmark
    public double[][] vector() {
        return FastMatMul.vectorApi(a, b, Runtime.getRuntime().availableProcessors());
    }

    /** The Vector API step on one core (compare with NumPy at OPENBLAS_NUM_THREADS=1). */
    @Benchmark
    public double[][] vectorKernel() {
        return FastMatMul.vectorApi(a, b, 1);
    }

    /** i-k-j loops, the best plain-loop version. */
    @Benchmark
    public double[][] ikj() {
        return MatMul.ikj(a, b);
    }

    /** Prints which path FastMatMul.multiply takes in this JVM (./course bench records it beside the figures). */
    public static void main(String[] args) {
        System.out.println(FastMatMul.path());
    }

    /** EJML SimpleMatrix.mult, what a user would write (multi-threaded for large matrices). */
    @Benchmark
    public SimpleMatrix ejml() {
        return MatMul.ejml(as, bs);
    }
}
