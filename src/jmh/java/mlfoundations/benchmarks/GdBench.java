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

import mlfoundations.models.LinearRegression;
import mlfoundations.models.LinearRegressionFastGd;

/**
 * Workloads C and D: 1000 iterations of batch gradient descent on numpy_reference.py's own data. C is the library's
 * {@link LinearRegressionFastGd#fit}, the fused form of {@link LinearRegression#fitGradientDescentOnMse} (lr 0.1,
 * which also keeps the MSE of every step); D is logistic
 * regression with the loss every iteration ({@link LogisticGd}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GdBench {

    /** C_100x1 or C_100000x10 (linear), or D (logistic). */
    @Param({"C_100x1"})
    public String workload;

    SimpleMatrix x;
    SimpleMatrix y;
    double[][] xb;
    double[] yv;

    @Setup
    public void load() {
        double[][] xy = BenchData.matrix(workload);   // Xb (ones first) with y appended as the last column
        int d = xy[0].length - 1;
        yv = BenchData.column(xy, d);
        xb = new double[xy.length][d];
        for (int i = 0; i < xy.length; i++) {
            System.arraycopy(xy[i], 0, xb[i], 0, d);
        }
        x = new SimpleMatrix(BenchData.dropFirstColumn(xb));
        y = new SimpleMatrix(yv.length, 1, true, yv);
    }

    @Benchmark
    public Object gd() {
        return workload.startsWith("C") ? LinearRegressionFastGd.fit(x, y, 0.1, 1000)
                : LogisticGd.fit(xb, yv, 0.1, 1000);
    }
}
