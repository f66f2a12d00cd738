package mlfoundations.optim;

import java.util.function.IntToDoubleFunction;

/**
 * A learning-rate schedule: the rate alpha_t to use at step t = 0, 1, 2, ... (a step is whatever the caller counts:
 * {@link TrainingLoop} counts epochs). Every schedule is an {@link IntToDoubleFunction}, so it can be passed
 * wherever the loop takes one. In the formulas alpha_0 is the starting rate. PyTorch's counterpart is
 * {@code torch.optim.lr_scheduler} (the class named with each factory), Keras's {@code keras.optimizers.schedules}.
 * Factories check their arguments; {@link #rate(int)} rejects a negative step.
 */
public interface Schedule extends IntToDoubleFunction {

    /** The learning rate alpha_t at step {@code t} (&gt;= 0). */
    double rate(int t);

    /** The same as {@link #rate(int)}, so a schedule can stand wherever an {@code IntToDoubleFunction} is asked for. */
    @Override
    default double applyAsDouble(int t) {
        return rate(t);
    }

    /** The number of warm-up steps at the start (0 unless made by {@link #warmup}); a run must be longer than this. */
    default int warmupSteps() {
        return 0;
    }

    /** The rates alpha_0, ..., alpha_(steps-1), for plotting a schedule. */
    default double[] values(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("number of steps must be >= 0, got " + steps);
        }
        double[] out = new double[steps];
        for (int t = 0; t < steps; t++) {
            out[t] = rate(t);
        }
        return out;
    }

    /** alpha_t = alpha_0 at every step: a fixed learning rate ({@code ConstantLR} with factor 1). */
    static Schedule constant(double alpha0) {
        double a = start(alpha0);
        return new NamedSchedule("constant(" + a + ")", t -> a, 0);
    }

    /**
     * Time-based (inverse-time) decay alpha_t = alpha_0 / (1 + decay t): halved at t = 1 / decay, then slower and
     * slower (Keras {@code InverseTimeDecay} with decay_steps = 1; {@code decay} &gt;= 0, 0 keeps alpha_0).
     */
    static Schedule timeBased(double alpha0, double decay) {
        double a = start(alpha0);
        double k = nonNegative("time-based decay rate", decay);
        return new NamedSchedule("timeBased(" + a + ", decay=" + k + ")", t -> a / (1 + k * t), 0);
    }

    /**
     * Exponential decay alpha_t = alpha_0 exp(-decay t): the rate shrinks by the same factor exp(-decay) at every step
     * (PyTorch {@code ExponentialLR} with gamma = exp(-decay); {@code decay} &gt;= 0).
     */
    static Schedule exponential(double alpha0, double decay) {
        double a = start(alpha0);
        double k = nonNegative("exponential decay rate", decay);
        return new NamedSchedule("exponential(" + a + ", decay=" + k + ")", t -> a * Math.exp(-k * t), 0);
    }

    /**
     * Step decay alpha_t = alpha_0 factor^floor(t / every): the rate is multiplied by {@code factor} in (0, 1] once
     * every {@code every} steps (PyTorch {@code StepLR(step_size=every, gamma=factor)}).
     */
    static Schedule stepDecay(double alpha0, double factor, int every) {
        double a = start(alpha0);
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("step-decay factor must be in (0, 1], got " + factor
                    + " (0.5 halves the rate at every drop)");
        }
        positive("step-decay interval (steps between drops)", every);
        return new NamedSchedule("stepDecay(" + a + ", factor=" + factor + ", every=" + every + ")",
                t -> a * Math.pow(factor, Math.floorDiv(t, every)), 0);
    }

    /**
     * Cosine annealing over {@code steps} steps: alpha_t = alphaMin + (alpha_0 - alphaMin) (1 + cos(pi t / steps)) / 2
     * for t &lt; steps, falling smoothly from alpha_0 towards alphaMin, and alphaMin from t = steps on (PyTorch
     * {@code CosineAnnealingLR(T_max=steps, eta_min=alphaMin)} for its first half-period). 0 &lt;= alphaMin &lt; alpha_0.
     */
    static Schedule cosine(double alpha0, double alphaMin, int steps) {
        double a = start(alpha0);
        floor(alphaMin, a);
        positive("cosine annealing length (steps)", steps);
        return new NamedSchedule("cosine(" + a + " -> " + alphaMin + " over " + steps + " steps)",
                t -> t >= steps ? alphaMin : alphaMin + (a - alphaMin) * (1 + Math.cos(Math.PI * t / steps)) / 2, 0);
    }

    /**
     * Warm restarts (SGDR, Loshchilov and Hutter 2017): cosine annealing from alpha_0 towards alphaMin over a cycle
     * of {@code period} steps, then a jump back to alpha_0 and a new cycle, each {@code growth} times as long as the
     * one before (growth = 1: all cycles of equal length). Inside a cycle of length T at position s:
     * alpha = alphaMin + (alpha_0 - alphaMin) (1 + cos(pi s / T)) / 2. PyTorch
     * {@code CosineAnnealingWarmRestarts(T_0=period, T_mult=growth, eta_min=alphaMin)}.
     */
    static Schedule warmRestarts(double alpha0, double alphaMin, int period, int growth) {
        double a = start(alpha0);
        floor(alphaMin, a);
        positive("warm-restart period (steps in the first cycle)", period);
        positive("warm-restart growth factor of the cycle length", growth);
        return new NamedSchedule("warmRestarts(" + a + " -> " + alphaMin + ", period=" + period + ", growth="
                + growth + ")", t -> {
                    long s = t;
                    long length = period;
                    while (s >= length) {              // skip whole cycles; the lengths grow, so this ends quickly
                        s -= length;
                        length *= growth;
                    }
                    return alphaMin + (a - alphaMin) * (1 + Math.cos(Math.PI * s / length)) / 2;
                }, 0);
    }

    /** Warm restarts with cycles of equal length {@code period}: {@link #warmRestarts(double, double, int, int)} with growth 1. */
    static Schedule warmRestarts(double alpha0, double alphaMin, int period) {
        return warmRestarts(alpha0, alphaMin, period, 1);
    }

    /**
     * A linear warm-up of {@code steps} steps before {@code then}: alpha_t = then(0) (t + 1) / steps for t &lt; steps
     * (rising to then's first rate, never 0), then alpha_t = then(t - steps). Large models start with small steps
     * while their running averages and activations settle (PyTorch {@code LinearLR} followed by the schedule, in a
     * {@code SequentialLR}). A training run must be longer than the warm-up.
     */
    static Schedule warmup(int steps, Schedule then) {
        positive("warm-up length (steps)", steps);
        if (then == null) {
            throw new IllegalArgumentException("warm-up needs the schedule that follows it, e.g. Schedule.constant(0.1)");
        }
        double peak = then.rate(0);
        return new NamedSchedule("warmup(" + steps + " steps, then " + then + ")",
                t -> t < steps ? peak * (t + 1) / steps : then.rate(t - steps), steps + then.warmupSteps());
    }

    private static double start(double alpha0) {
        if (!(alpha0 > 0) || Double.isInfinite(alpha0)) {
            throw new IllegalArgumentException("starting learning rate alpha_0 must be > 0 and finite, got " + alpha0);
        }
        return alpha0;
    }

    private static double nonNegative(String name, double k) {
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + k);
        }
        return k;
    }

    private static void positive(String name, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + n);
        }
    }

    private static void floor(double alphaMin, double alpha0) {
        if (!(alphaMin >= 0 && alphaMin < alpha0)) {
            throw new IllegalArgumentException("the lowest rate alphaMin must be in [0, alpha_0) = [0, " + alpha0
                    + "), got " + alphaMin);
        }
    }
}
