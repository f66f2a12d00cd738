package mlfoundations.optim;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Nesterov accelerated gradient: momentum that takes its gradient at the point the velocity is about to carry it to
 * (the "look-ahead"), so it brakes before it overshoots. The textbook rule needs the gradient at theta + beta v:
 * <pre>
 *   v &lt;- beta v - lr grad J(theta + beta v),   theta &lt;- theta + v
 * </pre>
 * An {@link Optimizer} only gets the gradient at the parameters it holds, so this class keeps the look-ahead point
 * phi = theta + beta v as its parameters instead (Sutskever et al., 2013). In those terms, with a velocity u
 * starting at 0 and g the gradient at the parameters held:
 * <pre>
 *   u &lt;- beta u + g,   phi &lt;- phi - lr (g + beta u)
 * </pre>
 * which gives phi_t = theta_t + beta v_t exactly (u = -v / lr for a fixed lr), both start at the same point, and
 * both settle where grad J = 0. PyTorch: {@code torch.optim.SGD(params, lr=lr, momentum=beta, nesterov=True)}, the
 * same form. One velocity is kept per parameter array.
 */
public final class Nesterov implements Optimizer {

    private double lr;
    private final double beta;
    private final Map<double[], double[]> velocity = new IdentityHashMap<>();

    /** Nesterov momentum with learning rate {@code lr} (&gt; 0) and the usual beta = 0.9. */
    public Nesterov(double lr) {
        this(lr, 0.9);
    }

    /** Nesterov momentum with learning rate {@code lr} (&gt; 0) and decay {@code beta} in [0, 1); beta = 0 is SGD. */
    public Nesterov(double lr, double beta) {
        this.lr = Hyper.learningRate(lr);
        this.beta = Hyper.decay("Nesterov beta", beta);
    }

    /** u &lt;- beta u + g, then phi &lt;- phi - lr (g + beta u), in place; u belongs to this {@code params} array. */
    @Override
    public void update(double[] params, double[] grads) {
        Hyper.pair(params, grads);
        double[] u = velocity.computeIfAbsent(params, p -> new double[p.length]);
        for (int i = 0; i < params.length; i++) {
            u[i] = beta * u[i] + grads[i];
            params[i] -= lr * (grads[i] + beta * u[i]);
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
        return "Nesterov(lr=" + lr + ", beta=" + beta + ")";
    }
}
