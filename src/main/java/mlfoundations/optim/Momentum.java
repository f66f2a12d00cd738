package mlfoundations.optim;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Gradient descent with (heavy-ball) momentum: a velocity v, starting at 0, collects past gradients,
 * {@code v <- beta * v + g}, and the step follows the velocity, {@code theta <- theta - lr * v}. Along a direction
 * where the gradient keeps its sign the steps grow towards lr * g / (1 - beta); where it flips sign (zig-zag across a
 * valley) the contributions cancel. PyTorch: {@code torch.optim.SGD(params, lr=lr, momentum=beta)} (this is its form
 * of the rule; the textbook form v &lt;- beta v - lr g, theta &lt;- theta + v gives the same steps for a fixed lr).
 * One velocity is kept per parameter array.
 */
public final class Momentum implements Optimizer {

    private double lr;
    private final double beta;
    private final Map<double[], double[]> velocity = new IdentityHashMap<>();

    /** Momentum with learning rate {@code lr} (&gt; 0) and the usual beta = 0.9. */
    public Momentum(double lr) {
        this(lr, 0.9);
    }

    /** Momentum with learning rate {@code lr} (&gt; 0) and decay {@code beta} in [0, 1); beta = 0 is plain SGD. */
    public Momentum(double lr, double beta) {
        this.lr = Hyper.learningRate(lr);
        this.beta = Hyper.decay("momentum beta", beta);
    }

    /** v &lt;- beta * v + g, then theta &lt;- theta - lr * v, in place; v belongs to this {@code params} array. */
    @Override
    public void update(double[] params, double[] grads) {
        Hyper.pair(params, grads);
        double[] v = velocity.computeIfAbsent(params, p -> new double[p.length]);
        for (int i = 0; i < params.length; i++) {
            v[i] = beta * v[i] + grads[i];
            params[i] -= lr * v[i];
        }
    }

    /** Forgets every velocity. */
    @Override
    public void reset() {
        velocity.clear();
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = Hyper.learningRate(lr);
    }

    /** The decay beta of the velocity. */
    public double beta() {
        return beta;
    }

    @Override
    public String toString() {
        return "Momentum(lr=" + lr + ", beta=" + beta + ")";
    }
}
