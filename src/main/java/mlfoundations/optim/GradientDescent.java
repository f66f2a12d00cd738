package mlfoundations.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

import mlfoundations.stats.Rng;

/**
 * Plain gradient descent on a function of a few variables (lesson 00-3): a thin front over {@link Minimizer} with
 * the fixed {@link Sgd} rule, under the name and the words ("step size") the lesson uses, plus random
 * {@link #restarts}. From a start x_0, repeat
 * {@code x_(k+1) = x_k - stepSize * grad f(x_k)} until one move is shorter than the threshold
 * ({@code ||x_(k+1) - x_k|| < threshold}), or the step cap is reached. Every point, value and gradient is kept in a
 * {@link Trajectory} for tables and plots.
 *
 * <p>A run that runs away (a NaN or infinite value, or a point with a coordinate beyond the divergence bound,
 * 1e6 unless changed) throws a {@link DivergenceException} naming the step and the values; it never returns
 * NaN or Infinity as if it were an answer. Settings are immutable: {@code threshold(...)}, {@code maxSteps(...)} and
 * {@code bound(...)} return a new descent with that setting changed:
 * <pre>
 *   Trajectory run = new GradientDescent(0.25).threshold(1e-6).minimize(x -&gt; x * x, x -&gt; 2 * x, -1.0);
 * </pre>
 * In PyTorch terms this is {@code torch.optim.SGD([x], lr=stepSize)} with a loop around {@code step()}.
 */
public final class GradientDescent {

    /** Default stopping threshold on the length of a step. */
    public static final double DEFAULT_THRESHOLD = 1e-6;
    /** Default cap on the number of steps. */
    public static final int DEFAULT_MAX_STEPS = 10_000;
    /** Default divergence bound: a point with a coordinate larger than this in size counts as running away. */
    public static final double DEFAULT_BOUND = 1e6;

    private final double stepSize;
    private final double threshold;
    private final int maxSteps;
    private final double bound;
    private final Minimizer minimizer;

    /** Gradient descent with this step size (learning rate, alpha), threshold 1e-6, at most 10 000 steps. */
    public GradientDescent(double stepSize) {
        this(stepSize, DEFAULT_THRESHOLD, DEFAULT_MAX_STEPS, DEFAULT_BOUND);
    }

    private GradientDescent(double stepSize, double threshold, int maxSteps, double bound) {
        // Plain gradient descent is the SGD update rule run on a function. Sgd checks the step size, Minimizer the
        // threshold, the step cap and the bound: each setting is checked once, in one place.
        this.minimizer = new Minimizer(new Sgd(stepSize, "step size"), "gradient descent", "step size")
                .threshold(threshold).maxSteps(maxSteps).bound(bound);
        this.stepSize = stepSize;
        this.threshold = threshold;
        this.maxSteps = maxSteps;
        this.bound = bound;
    }

    /** The same descent, stopping once a step is shorter than {@code threshold}: ||x_(k+1) - x_k|| &lt; threshold. */
    public GradientDescent threshold(double threshold) {
        return new GradientDescent(stepSize, threshold, maxSteps, bound);
    }

    /** The same descent, giving up after {@code maxSteps} steps (the run then reports {@code STEP_CAP}). */
    public GradientDescent maxSteps(int maxSteps) {
        return new GradientDescent(stepSize, threshold, maxSteps, bound);
    }

    /** The same descent with another divergence bound: a point with some |coordinate| &gt; bound has run away. */
    public GradientDescent bound(double bound) {
        return new GradientDescent(stepSize, threshold, maxSteps, bound);
    }

    /** The step size (learning rate) alpha. */
    public double stepSize() {
        return stepSize;
    }

    /** The stopping threshold on the step length. */
    public double threshold() {
        return threshold;
    }

    /** The step cap. */
    public int maxSteps() {
        return maxSteps;
    }

    /** The divergence bound on the size of each coordinate. */
    public double bound() {
        return bound;
    }

    /**
     * Minimises a function of one variable: {@code x <- x - stepSize * f'(x)} from {@code start}, with {@code df}
     * the derivative f'. Throws {@link DivergenceException} if the run runs away.
     */
    public Trajectory minimize(DoubleUnaryOperator f, DoubleUnaryOperator df, double start) {
        return minimizer.minimize(f, df, start);
    }

    /**
     * Minimises a function of several variables: {@code x <- x - stepSize * grad f(x)} from {@code start}, where
     * {@code gradient} returns the vector of partial derivatives (df/dx_1, ..., df/dx_n).
     * Throws {@link DivergenceException} if the run runs away.
     */
    public Trajectory minimize(ToDoubleFunction<double[]> f, UnaryOperator<double[]> gradient, double[] start) {
        return minimizer.minimize(f, gradient, start);
    }


    /**
     * Random restarts in one variable: {@code count} runs from starts drawn uniformly from [low, high) with
     * {@link Rng}, keeping the run that ends lowest. Runs that diverge are kept in the list but never chosen.
     */
    public Restarts restarts(DoubleUnaryOperator f, DoubleUnaryOperator df, double low, double high, int count) {
        if (f == null || df == null) {
            throw new IllegalArgumentException("both the function f and its derivative f' are needed");
        }
        return restarts(p -> f.applyAsDouble(p[0]), p -> new double[] {df.applyAsDouble(p[0])}, new double[] {low},
                new double[] {high}, count);
    }

    /**
     * Random restarts in several variables: each start coordinate i is drawn uniformly from [low[i], high[i]) with
     * {@link Rng}; returns every run and the one that ends lowest.
     */
    public Restarts restarts(ToDoubleFunction<double[]> f, UnaryOperator<double[]> gradient, double[] low,
            double[] high, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("number of restarts must be > 0, got " + count);
        }
        if (low == null || high == null || low.length != high.length || low.length == 0) {
            throw new IllegalArgumentException("low and high corners must have the same, non-zero length, got "
                    + (low == null ? "null" : low.length) + " and " + (high == null ? "null" : high.length));
        }
        for (int i = 0; i < low.length; i++) {
            if (!(low[i] < high[i])) {
                throw new IllegalArgumentException("the start range needs low < high in every coordinate; coordinate "
                        + i + " has low=" + low[i] + ", high=" + high[i]);
            }
        }
        List<Trajectory> runs = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            double[] start = new double[low.length];
            for (int i = 0; i < low.length; i++) {
                start[i] = Rng.uniform(low[i], high[i]);
            }
            try {
                runs.add(minimize(f, gradient, start));
            } catch (DivergenceException e) {
                runs.add(e.trajectory());
            }
        }
        return new Restarts(runs);
    }
}
