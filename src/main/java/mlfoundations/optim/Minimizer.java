package mlfoundations.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * Runs any {@link Optimizer} (SGD, momentum, RMSprop, Adam, ...) on a plain function and records the path in a
 * {@link Trajectory}, exactly as {@link GradientDescent} does for its own fixed rule: from the start, repeat
 * {@code optimizer.update(x, grad f(x))} until one move is shorter than the threshold or the step cap is reached.
 * A run that runs away (a non-finite value, or a coordinate beyond the bound, 1e6 unless changed) throws a
 * {@link DivergenceException}. Settings are immutable; {@code threshold}, {@code maxSteps} and {@code bound} return
 * a changed copy. To compare optimizers over a fixed number of steps, use a tiny threshold and
 * {@code maxSteps(k)}. In PyTorch terms: a loop of {@code opt.zero_grad(); f(x).backward(); opt.step()}.
 *
 * <p>Each run starts with {@code optimizer.reset()}, so no velocity or running average leaks from an earlier run.
 * With momentum a single short step can happen where the path turns round; a tiny threshold avoids stopping there.
 */
public final class Minimizer {

    private final Optimizer optimizer;
    private final String name;
    private final String rateName;
    private final double threshold;
    private final int maxSteps;
    private final double bound;

    /** A minimizer using {@code optimizer}, threshold 1e-6, at most 10 000 steps, divergence bound 1e6. */
    public Minimizer(Optimizer optimizer) {
        this(optimizer, String.valueOf(optimizer), "learning rate");
    }

    /** As above, naming the method and its rate in divergence messages (GradientDescent: "step size"). */
    Minimizer(Optimizer optimizer, String name, String rateName) {
        this(optimizer, name, rateName, GradientDescent.DEFAULT_THRESHOLD, GradientDescent.DEFAULT_MAX_STEPS,
                GradientDescent.DEFAULT_BOUND);
    }

    private Minimizer(Optimizer optimizer, String name, String rateName, double threshold, int maxSteps,
            double bound) {
        if (optimizer == null) {
            throw new IllegalArgumentException("the optimizer must not be null");
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("stopping threshold must be > 0 and finite, got " + threshold);
        }
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("step cap (max steps) must be > 0, got " + maxSteps);
        }
        if (!(bound > 0)) {
            throw new IllegalArgumentException("divergence bound must be > 0, got " + bound);
        }
        this.optimizer = optimizer;
        this.name = name;
        this.rateName = rateName;
        this.threshold = threshold;
        this.maxSteps = maxSteps;
        this.bound = bound;
    }

    /** The same minimizer, stopping once a step is shorter than {@code threshold}. */
    public Minimizer threshold(double threshold) {
        return new Minimizer(optimizer, name, rateName, threshold, maxSteps, bound);
    }

    /** The same minimizer, giving up after {@code maxSteps} steps. */
    public Minimizer maxSteps(int maxSteps) {
        return new Minimizer(optimizer, name, rateName, threshold, maxSteps, bound);
    }

    /** The same minimizer with another divergence bound on |x_i|. */
    public Minimizer bound(double bound) {
        return new Minimizer(optimizer, name, rateName, threshold, maxSteps, bound);
    }

    /** The optimizer whose update rule is used. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** Minimises a function of one variable from {@code start}, with {@code df} its derivative f'. */
    public Trajectory minimize(DoubleUnaryOperator f, DoubleUnaryOperator df, double start) {
        if (f == null || df == null) {
            throw new IllegalArgumentException("both the function f and its derivative f' are needed");
        }
        return minimize(p -> f.applyAsDouble(p[0]), p -> new double[] {df.applyAsDouble(p[0])}, new double[] {start});
    }

    /**
     * Minimises a function of several variables from {@code start} ({@code gradient} returns the partial
     * derivatives); {@code start} is not modified. Throws {@link DivergenceException} if the run runs away.
     */
    public Trajectory minimize(ToDoubleFunction<double[]> f, UnaryOperator<double[]> gradient, double[] start) {
        if (f == null || gradient == null) {
            throw new IllegalArgumentException("both the function f and its gradient are needed");
        }
        if (start == null || start.length == 0) {
            throw new IllegalArgumentException("the start point must have at least one coordinate");
        }
        double[] x = start.clone();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("start point coordinate " + i + " must be finite, got " + x[i]);
            }
        }
        double fx = f.applyAsDouble(x.clone());
        if (!Double.isFinite(fx)) {
            throw new IllegalArgumentException("f at the start point " + Trajectory.format(x) + " is " + fx
                    + "; start where f is finite");
        }
        double[] g = gradientAt(gradient, x);
        if (!allFinite(g)) {
            throw new IllegalArgumentException("the gradient at the start point " + Trajectory.format(x) + " is "
                    + Trajectory.format(g) + "; start where the gradient is finite");
        }
        List<double[]> points = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<double[]> grads = new ArrayList<>();
        points.add(x.clone());
        values.add(fx);
        grads.add(g);

        optimizer.reset();
        // One working array for the whole run: optimizers keep their state per array object.
        for (int k = 1; k <= maxSteps; k++) {
            double[] before = x.clone();
            optimizer.update(x, g.clone());
            if (!allFinite(x)) {
                throw diverged(k, Double.NaN, "the new point " + Trajectory.format(x) + " is not finite", points, values,
                        grads);
            }
            double fNext = f.applyAsDouble(x.clone());
            if (!Double.isFinite(fNext)) {
                throw diverged(k, fNext, "f at the new point " + Trajectory.format(x) + " is " + fNext, points, values, grads);
            }
            points.add(x.clone());
            values.add(fNext);
            if (maxAbs(x) > bound) {
                throw diverged(k, fNext, "the point " + Trajectory.format(x) + " (f = " + Trajectory.num(fNext)
                        + ") is outside the divergence bound |x_i| <= " + Trajectory.num(bound), points, values, grads);
            }
            g = gradientAt(gradient, x);
            if (!allFinite(g)) {
                throw diverged(k, fNext, "the gradient at " + Trajectory.format(x) + " is " + Trajectory.format(g), points,
                        values, grads);
            }
            grads.add(g);
            if (Trajectory.distance(x, before) < threshold) {
                return record(points, values, grads, Trajectory.Stop.CONVERGED);
            }
        }
        return record(points, values, grads, Trajectory.Stop.STEP_CAP);
    }

    private DivergenceException diverged(int step, double value, String what, List<double[]> points, List<Double> values,
            List<double[]> grads) {
        Trajectory t = record(points, values, grads, Trajectory.Stop.DIVERGED);
        return new DivergenceException(name + " diverged at step " + step + ": " + what
                + ". The run is not settling; try a " + rateName + " smaller than "
                + Trajectory.num(optimizer.learningRate()) + ".", step, value, optimizer.learningRate(), t);
    }

    private Trajectory record(List<double[]> points, List<Double> values, List<double[]> grads, Trajectory.Stop stop) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return new Trajectory(Trajectory.copyRows(points), v, Trajectory.copyRows(grads), stop,
                optimizer.learningRate(), threshold, maxSteps);
    }

    private static double[] gradientAt(UnaryOperator<double[]> gradient, double[] x) {
        double[] g = gradient.apply(x.clone());
        if (g == null || g.length != x.length) {
            throw new IllegalArgumentException("the gradient function must return " + x.length + " partial derivative"
                    + (x.length == 1 ? "" : "s") + " (one per coordinate), got " + (g == null ? "null" : g.length));
        }
        return g.clone();
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }
}
