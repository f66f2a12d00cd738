package mlfoundations.optim;

import java.util.function.IntToDoubleFunction;

/** A {@link Schedule} made by one of its factories: the formula, a readable name, and its warm-up length. */
final class NamedSchedule implements Schedule {

    private final String name;
    private final IntToDoubleFunction formula;
    private final int warmup;

    NamedSchedule(String name, IntToDoubleFunction formula, int warmup) {
        this.name = name;
        this.formula = formula;
        this.warmup = warmup;
    }

    @Override
    public double rate(int t) {
        if (t < 0) {
            throw new IllegalArgumentException("a schedule's step must be >= 0, got " + t);
        }
        return formula.applyAsDouble(t);
    }

    @Override
    public int warmupSteps() {
        return warmup;
    }

    @Override
    public String toString() {
        return name;
    }
}
