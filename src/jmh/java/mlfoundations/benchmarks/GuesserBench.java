package mlfoundations.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import mlfoundations.stats.Guesser;

/** Workload B: 1,000,000 true/false tests of 10 random answers, each guessed at random, tallied. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GuesserBench {

    @Benchmark
    public Guesser.Results simulate() {
        return Guesser.simulate(1_000_000, 10);
    }
}
